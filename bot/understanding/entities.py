"""Typed names in a question, found before anything else: times, classes, benchmarks, papers, people.

Everything named comes from the corpus or the data files. Exact spellings (ignoring case, accents,
spaces and hyphens) beat fuzzy ones; longer matches beat shorter ones; fuzzy matching (rapidfuzz,
explicit scorer and cut-offs) only runs on words no exact name or known keyword explains.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from typing import Literal

from bot.corpus.categories import categories, class_archives
from bot.corpus.model import Corpus
from bot.corpus.names import generic_terms, name_particles, name_suffixes
from bot.precompiled import compiled_pattern
from bot.text import Token, casefold_each, compact, compact_each, fold, tokens
from bot.understanding.fuzzy_choices import FuzzyChoices
from bot.understanding.time_expressions import TimeExpression, find_time_expressions
from bot.vocabulary import vocabulary

EntityKind = Literal["time", "category", "benchmark", "paper", "person", "ambiguous_person", "unknown_person", "people"]

PERSON_CUES = {
    "with",
    "by",
    "and",
    "author",
    "authors",
    "coauthor",
    "coauthors",
    "co",
    "collaborator",
    "collaborators",
    "collaborated",
    "collaborate",
    "worked",
    "work",
    "works",
    "wrote",
    "written",
}
PAPER_CUES = {
    "about",
    "is",
    "of",
    "for",
    "wrote",
    "on",
    "authors",
    "abstract",
    "describe",
    "explain",
    "summarize",
    "summarise",
    "summary",
    "details",
    "detail",
    "paper",
    "me",
    "was",
    "does",
    "did",
    "has",
    "introduced",
}
CLASS_NOUNS = {"paper", "papers", "ones", "one", "category", "class", "area", "work", "works", "stuff", "publications"}
_QUOTED = compiled_pattern(r"[\"“”„«]([^\"“”„«»]{3,160})[\"“”»]")
NAME_FOLLOWERS = {"papers", "paper", "s", "is", "was", "as", "stuff", "work", "works", "ones", "collabs", "collab"}
MAX_WINDOW = 8
_SYSTEM_PARTS = compiled_pattern(r"[-\s]+")
FUZZY_BENCHMARK_CUTOFF = 85.0
FUZZY_PAPER_CUTOFF = 86.0
FUZZY_PERSON_CUTOFF = 85.0


_TITLE_HEAD = compiled_pattern(r"[:?]\s")
_LINK = compiled_pattern(r"\b(?:https?://|www\.)\S+|\S+\.(?:com|org|io|net)/\S*")


@dataclass(frozen=True, slots=True)
class Entity:
    kind: EntityKind
    start: int
    end: int
    surface: str
    exact: bool
    key: str = ""  # class code, canonical benchmark, person key, or the name of an unknown person
    keys: tuple[str, ...] = ()  # the people an ambiguous name may be, most papers first
    ids: tuple[int, ...] = ()  # the papers a name may be
    time: TimeExpression | None = None

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


_GLOSS = compiled_pattern(r"\s*\(([^()]{2,60})\)")
_NUMBERED = compiled_pattern(r"([^\W\d_]{3,})[-_ ]?v?\d+(?:\.\d+)?[a-z]?")


def _numbered_families(names: Iterable[str], known: Callable[[str], bool]) -> dict[str, tuple[str, ...]]:
    """The benchmarks of this corpus that are a stem and a number ("CAMELYON16", "CIFAR-100"), by their
    stem's key, when the stem is no benchmark of its own (`known`: "SQuAD" of "SQuAD 2.0")."""
    listed = {compact(name) for name in names}
    families: dict[str, list[str]] = {}
    for name in names:
        numbered = _NUMBERED.fullmatch(name)
        stem = compact(numbered.group(1)) if numbered else ""
        if stem and stem not in listed and not known(numbered.group(1) if numbered else ""):
            families.setdefault(stem, []).append(name)
    return {stem: tuple(sorted(members)) for stem, members in families.items()}


def _plain_word(name: str) -> bool:
    """A name that is an ordinary capitalised word ("Echo"): only a capitalised spelling counts."""
    return name.isalpha() and name[:1].isupper() and name[1:].islower()


class EntityFinder:
    """Lookups built once per corpus; `find` runs per message."""

    def __init__(
        self,
        corpus: Corpus,
        stopwords: frozenset[str],
        keywords: frozenset[str],
        in_corpus: Callable[[str], bool] = lambda word: True,
        papers_using: Callable[[str], int] | None = None,
    ) -> None:
        self.corpus = corpus
        self.in_corpus = in_corpus  # is a word a name here or in some abstract (a typed name's other half)
        self.papers_using = papers_using or (lambda word: int(in_corpus(word)))  # titles or abstracts holding it
        self.stopwords = stopwords
        self.keywords = keywords
        self.gazetteer = corpus.gazetteer
        self._lower_case_seen: dict[str, bool] = {}  # case-sensitive names: does some paper write them in lower case
        self.benchmark_keys = self.gazetteer.keys()
        self.benchmark_choices = FuzzyChoices(k for k in self.benchmark_keys if len(k) >= 3)

        # Lists, not sets: a key names one paper almost always, and 300,000 sets cost 65 MB at 100,000
        # papers. A paper's keys are added one after another, so a repeat is the list's last id.
        self.paper_keys: dict[str, list[int]] = defaultdict(list)
        self.plain_word_keys: set[str] = set()
        component_owners: dict[str, list[int]] = defaultdict(list)
        papers = corpus.papers
        # Every key computed once, in batches (bot.text.compact_each): at 100,000 papers the calls
        # one by one cost more than a second.
        title_keys = compact_each([paper.title for paper in papers])
        # the title's head, before its colon or question mark: "Whose Voice Counts? Auditing ..."
        prefix_keys = compact_each([_TITLE_HEAD.split(paper.title, 1)[0] for paper in papers])
        system_keys = compact_each([paper.system or "" for paper in papers])
        for paper, title_key, prefix_key, system_key in zip(papers, title_keys, prefix_keys, system_keys, strict=True):
            keys = [title_key, prefix_key]
            if paper.system:
                keys.append(system_key)
                if _plain_word(paper.system):
                    self.plain_word_keys.add(system_key)
            for key in keys:
                if len(key) >= 2:
                    ids = self.paper_keys[key]
                    if not ids or ids[-1] != paper.id:
                        ids.append(paper.id)
        system_parts = [
            (paper.id, system_key, part)
            for paper, system_key in zip(papers, system_keys, strict=True)
            if paper.system
            for part in _SYSTEM_PARTS.split(paper.system)
            if len(part) >= 4 and not part.isdigit()  # "2021" of "Foo-2021" is a year, not the paper
        ]
        generic = generic_terms()
        texts = [part for _, _, part in system_parts]
        folded, part_keys = casefold_each(texts), compact_each(texts)
        for (paper_id, system_key, _), fold_, part_key in zip(system_parts, folded, part_keys, strict=True):
            if fold_ not in generic and part_key != system_key:
                owners = component_owners[part_key]
                if not owners or owners[-1] != paper_id:
                    owners.append(paper_id)
        # A part of a system name ("GraspNet" of "GraspNet-X") names the paper when only one paper has it.
        self.part_keys: set[str] = set()
        for key, owners in component_owners.items():
            if len(owners) == 1 and key not in self.paper_keys and key not in stopwords and key not in keywords:
                self.paper_keys[key] = owners
                self.part_keys.add(key)
        self.system_choices = FuzzyChoices(
            key for paper, key in zip(papers, system_keys, strict=True) if paper.system and len(key) >= 4
        )

        self._title_keys: dict[int, str] = {}  # compacted titles, for quoted pieces of them (made on demand)
        self.person_keys: dict[str, str] = {}
        self.by_surname: dict[str, list[str]] = defaultdict(list)
        self.by_given: dict[str, list[str]] = defaultdict(list)
        self.by_middle: dict[str, list[str]] = defaultdict(list)
        particle_surnames: dict[str, set[str]] = defaultdict(set)
        suffixes = name_suffixes()
        for key, person in corpus.people.items():
            parts = person.name.split()
            if len(parts) > 2 and parts[-1] in suffixes:
                parts = parts[:-1]  # "Marcus Ellison Jr." is found as "Marcus Ellison" and "Ellison"
                self.person_keys.setdefault(compact(" ".join(parts)), key)
            words = [word for word in map(compact, parts) if word]
            # "van der Berg", "de la Cruz": a surname led by lower-case particles names its owner too.
            for i in range(1, len(parts) - 1):
                if parts[i][:1].islower() and all(p[:1].islower() for p in parts[i:-1]):
                    particle_surnames[compact(" ".join(parts[i:]))].add(key)
                    break
            for spelling in person.spellings:
                self.person_keys[compact(spelling)] = key
            if len(words) >= 2:
                self.person_keys.setdefault(compact("".join(reversed(words))), key)
                self.by_surname[words[-1]].append(key)
                for part in parts[1:-1]:  # "Tavares" of "Rafael Tavares Monteiro": a surname too
                    if part[:1].isupper() and len(compact(part)) >= 3 and not part.endswith("."):
                        self.by_middle[compact(part)].append(key)
                        # "Carlos Ruiz" for "Carlos Ruiz Ortega": the given name and the first surname
                        self.person_keys.setdefault(words[0] + compact(part), key)
                self.by_given["".join(words[:-1])].append(key)
                if len(words) > 2:
                    self.by_given[words[0]].append(key)
                    # "Maria Ruiz" for "Maria de los Ángeles Ruiz": the first and the last name
                    self.person_keys.setdefault(words[0] + words[-1], key)
                given_parts = [compact(p) for p in parts[0].split("-")]
                if len(given_parts) > 1 and given_parts[0]:
                    # "Jan Vogel" for "Jan-Hendrik Vogel"
                    self.person_keys.setdefault(given_parts[0] + words[-1], key)
                surname_parts = [compact(p) for p in parts[-1].split("-")]
                if len(surname_parts) > 1 and len(surname_parts[0]) >= 3:
                    # "Lucía Fernández" for "Lucía Fernández-Ortega": the given name and the first surname
                    self.person_keys.setdefault("".join(words[:-1]) + surname_parts[0], key)
                for part in surname_parts if len(surname_parts) > 1 else ():
                    # "papers with Solheim" for Ingrid Solheim-Baptiste: each part of a joined surname
                    if len(part) >= 3 and key not in self.by_surname[part]:
                        self.by_surname[part].append(key)
            elif words:
                self.by_surname[words[0]].append(key)
        for surname, holders in particle_surnames.items():
            if len(holders) == 1:
                self.person_keys.setdefault(surname, next(iter(holders)))
        self.person_choices = FuzzyChoices(self.person_keys)
        self.researcher_parts = frozenset(compact(w) for w in corpus.researcher.name.split() if len(compact(w)) >= 4)
        self.researcher_given = compact(corpus.researcher.name.split()[0]) if corpus.researcher.name.split() else ""
        self.namesake_cues = frozenset(vocabulary().words("namesake_cues"))
        self.authorship_verbs = frozenset(vocabulary().words("authorship_verbs"))
        self.title_small_words = frozenset(vocabulary().words("title_small_words"))
        self.subject_auxiliaries = frozenset(vocabulary().words("subject_auxiliaries"))

        self.category_keys: dict[str, str] = {}
        for code, category in categories().items():
            for alias in (category.name, *category.aliases):
                self.category_keys[compact(alias)] = code
        # Letters alone name a class of computer science or one this profile has papers in: "AP" on
        # another profile is average precision, not statistics' Applications.
        self.codes = {code for code, c in categories().items() if c.computer_science} | set(corpus.by_category)
        self.archives = frozenset(archive for c in categories().values() for archive in c.archives)
        # "q-bio papers", "stat stuff": every class of that archive this profile has papers in
        on_page: dict[str, list[str]] = {}
        for code, archive in class_archives(sorted(corpus.by_category)).items():
            on_page.setdefault(archive, []).append(code)
        self.archive_classes = {archive: tuple(codes) for archive, codes in on_page.items()}
        said = "|".join(re.escape(a).replace(r"\-", "[- ]?") for a in sorted(self.archives, key=len, reverse=True))
        nouns = "|".join(sorted(CLASS_NOUNS))
        self.archive_said = compiled_pattern(rf"(?:(?<=\bnon-)|(?<![\w.-]))({said})(?= (?:{nouns})\b)")
        # "CAMELYON" for CAMELYON16 and CAMELYON17: a numbered benchmark family said by its stem
        self.benchmark_families = _numbered_families(corpus.by_benchmark, lambda s: bool(self.gazetteer.canonical(s)))

    # --- per message

    def find(self, text: str, folded: str, today: date, typo_keywords: frozenset[str] = frozenset()) -> list[Entity]:
        """Entities in `text` (`folded` is its lower-case form, same length). `typo_keywords` are this
        message's misspelt keywords ("mentionning"): never read as names."""
        words = tokens(text)
        candidates: list[Entity] = []
        candidates += self._times(text, folded, today)
        candidates += self._categories(text, words)
        candidates += self._names(text, words)
        candidates += self._quoted_titles(text, words)
        candidates += self._title_leads(text, words)
        chosen = _resolve(candidates)
        claimed = _claimed(chosen, words)
        chosen = _resolve(chosen + self._fuzzy(text, words, claimed, self.keywords | typo_keywords))
        claimed = _claimed(chosen, words)
        people = _claimed([e for e in chosen if e.kind in ("person", "unknown_person", "ambiguous_person")], words)
        chosen += self._unknown_people(text, words, claimed, people)
        chosen.sort(key=lambda e: (e.start, e.kind))
        return chosen

    def _times(self, text: str, folded: str, today: date) -> list[Entity]:
        return [
            Entity("time", m.start, m.end, folded[m.start : m.end], True, time=m)
            for m in find_time_expressions(folded, today, cased=text)
        ]

    def _categories(self, text: str, words: list[Token]) -> list[Entity]:
        found = []
        for i, word in enumerate(words):
            upper = word.text.isupper() and len(word.text) == 2
            following = words[i + 1].folded if i + 1 < len(words) else ""
            lower_with_noun = word.text.islower() and following in CLASS_NOUNS  # "cv papers", "db stuff"
            # "cs.LG", "stat.ME", "q-bio.NC": the archive said before the class, in any case
            archive = self._archive_before(text, word.start)
            known = word.text.upper() in self.codes or (archive is not None and word.text.upper() in categories())
            if known and upper and archive is None and self._modifies_a_topic(word.text, following):
                continue  # "AI music composition stuff": a topic said with the abbreviation, not the class AI
            if known and upper and archive is None and self._a_concept_not_a_class_here(word.text):
                continue  # "what has he done on FL": federated learning, where no paper is in cs.FL
            if known and (upper or lower_with_noun or archive is not None) and following != "score":
                start = archive if archive is not None else word.start
                surface = text[start : word.end]
                found.append(Entity("category", start, word.end, surface, True, key=word.text.upper()))
        wider: list[tuple[int, int]] | None = None  # the concepts the message names, found once if needed
        for start, end in _windows(words, 5):
            code = self.category_keys.get("".join(w.key for w in words[start:end]))
            if code and not (end - start == 1 and len(words[start].text) <= 2):
                said_with_code = end < len(words) and words[end].text == code  # "econometrics (EM)"
                if end - start == 1 and not (said_with_code or self._names_a_class(words, start, len(words))):
                    continue  # "sound localization": a word of a topic, not the class cs.SD
                if wider is None:
                    from bot.understanding.concepts import ConceptLexicon

                    wider = [(hit.start, hit.end) for hit in ConceptLexicon.default().find(text)]
                first, last = words[start].start, words[end - 1].end
                if any(s <= first and last <= e and (s, e) != (first, last) for s, e in wider):
                    continue  # "financial NLP": a topic of its own that holds the class's name
                found.append(_entity("category", text, words, start, end, True, key=code))
        found = [self._with_its_gloss(text, entity) for entity in found]
        for match in self.archive_said.finditer(text.casefold()):
            said = next((a for a in self.archive_classes if compact(a) == compact(match.group())), None)
            if said is not None:
                codes = self.archive_classes[said]
                found.append(
                    Entity("category", *match.span(), text[match.start() : match.end()], True, codes[0], codes)
                )
        return _one_per_apposition(text, found)

    def _a_concept_not_a_class_here(self, code: str) -> bool:
        """A class code no paper of this profile has, which is also a concept's abbreviation ("FL")."""
        if self.corpus.by_category.get(code):
            return False
        from bot.understanding.concepts import ConceptLexicon

        return any(hit.surface == code for hit in ConceptLexicon.default().find(code))

    def _owner_named(self, typed: str, owners: Iterable[str], first_part: bool = False) -> str | None:
        """The person among `owners` whose name (or its start, for `first_part`) the typed key spells
        closest, when it is close enough."""
        from rapidfuzz import fuzz  # imported on first use: most starts never need it

        names = {k: compact(self.corpus.people[k].name) for k in owners}
        scored = [(fuzz.ratio(typed, name[: len(typed)] if first_part else name), k) for k, name in names.items()]
        best_score, best = max(scored, default=(0.0, ""))
        return best if best_score >= FUZZY_PERSON_CUTOFF else None

    def _with_its_gloss(self, text: str, entity: Entity) -> Entity:
        """A class and what the asker calls it in brackets ("AP (stats applications)"): one mention,
        the gloss no topic of its own. Only a gloss like the class's names: "CV (with code)" filters."""
        gloss = _GLOSS.match(text, entity.end)
        category = categories().get(entity.key)
        if gloss is None or category is None:
            return entity
        from rapidfuzz import fuzz

        said = gloss.group(1).casefold()
        if max(fuzz.token_set_ratio(said, name.casefold()) for name in (category.name, *category.aliases)) < 70:
            return entity
        return replace(entity, end=gloss.end(), surface=text[entity.start : gloss.end()])

    def _names_a_technique(self, word: str) -> bool:
        """A part of one system's name that other papers use too, or a topic's own word ("GMPE" of
        "GMPE-Net": ground-motion prediction equations, which papers also call ground-motion models)."""
        if self.papers_using(word) >= 2:
            return True
        from bot.understanding.concepts import ConceptLexicon  # only for a word that is part of a name

        return any(hit.end - hit.start == len(word) for hit in ConceptLexicon.default().find(word))

    def _modifies_a_topic(self, code: str, following: str) -> bool:
        """A class code people also write as an everyday abbreviation ("AI"), right before a word of
        a topic ("AI music composition"), not before "papers", a function word or a year."""
        v = vocabulary()
        return (
            code in v.words("class_codes_said_as_words")
            and following.isalpha()
            and following not in CLASS_NOUNS
            and following not in self.stopwords
            and following not in self.keywords  # "OS vs PF": two classes compared
            and following not in v.words("topic_after")
        )

    def _archive_before(self, text: str, end: int) -> int | None:
        """Where an arXiv archive written right before a class starts ("q-bio" of "q-bio.NC"), if one is."""
        if end < 2 or text[end - 1] != ".":
            return None
        before = text[: end - 1].casefold()
        for archive in self.archives:
            start = len(before) - len(archive)
            if before.endswith(archive) and (start == 0 or not before[start - 1].isalnum()):
                return start
        return None

    @staticmethod
    def _names_a_class(words: list[Token], index: int, count: int) -> bool:
        """A one-word class name ("robotics") names the class when said like one: capitalised, before
        "papers"/"ones"/"class", after "in", or alone."""
        word = words[index]
        following = words[index + 1].folded if index + 1 < count else ""
        previous = words[index - 1].folded if index > 0 else ""
        return (
            (word.text[:1].isupper() and index > 0)
            or following in CLASS_NOUNS
            or previous in ("in", "outside", "non", "not")
            or count == 1
        )

    def _lower_case_name(self, surface: str, key: str) -> str | None:
        """A case-sensitive benchmark of this corpus typed in lower case ("papers using kepler data"),
        when no paper writes it so: there the lower-case word is an ordinary word ("fast", "snap")."""
        name = self._cased_benchmarks.get(key)
        if name is None or not surface.islower():
            return None
        return None if self._written_in_lower_case(surface) else name

    @cached_property
    def _cased_benchmarks(self) -> dict[str, str]:
        """This corpus's case-sensitive benchmarks by their folded key (few or none)."""
        return {compact(name): name for name in self.corpus.by_benchmark if self.gazetteer.cased_name_in_any_case(name)}

    def _written_in_lower_case(self, word: str) -> bool:
        if word not in self._lower_case_seen:
            found = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
            self._lower_case_seen[word] = any(found.search(f"{p.title} {p.abstract}") for p in self.corpus.papers)
        return self._lower_case_seen[word]

    def _names(self, text: str, words: list[Token]) -> list[Entity]:
        found = []
        for start, end in _windows(words, MAX_WINDOW):
            if _splits_a_word(text, words, start, end):
                continue
            surface = text[words[start].start : words[end - 1].end]
            key = "".join(w.key for w in words[start:end])
            if end - start > 1 and all(w.folded in self.stopwords for w in words[start:end]):
                continue  # "in at" is no "iNat": small words joined make no name
            canonical = self.gazetteer.canonical(surface) or self._lower_case_name(surface, key)
            if canonical and (canonical in self.corpus.by_benchmark or canonical in self.gazetteer.entries):
                found.append(_entity("benchmark", text, words, start, end, True, key=canonical))
            elif end - start == 1 and key in self.benchmark_families and self.papers_using(words[start].folded) == 0:
                # (the stem never written alone on the page: "places" of Places365 is an English word)
                members = self.benchmark_families[key]
                found.append(_entity("benchmark", text, words, start, end, True, key=members[0], keys=members))
            ids = self.paper_keys.get(key)
            if ids and key in self.part_keys and end - start == 1 and self._names_a_technique(words[start].folded):
                ids = None  # "the NeRF papers": a technique other papers use too, not "DepthPrior-NeRF"
            if ids and not (key in self.plain_word_keys and not surface[:1].isupper()):
                found.append(_entity("paper", text, words, start, end, True, ids=tuple(sorted(ids))))
            person = self.person_keys.get(key)
            if not person and end - start >= 2 and len(self.by_surname.get(key, ())) == 1:
                person = self.by_surname[key][0]  # "al rashidi" for "al-Rashidi": a surname written apart
            if person and (end - start >= 2 or (len(key) >= 3 and self._single_word_name_ok(words, start))):
                found.append(_entity("person", text, words, start, end, True, key=person))
            if end - start == 1 and not person:
                found += self._partial_name(text, words, start)
            elif not person and end - start <= 3 and _one_written_word(text, words, start, end):
                found += self._hyphenated_name(text, words, start, end, key)  # "Ji-woo"
        return found

    def _quoted_titles(self, text: str, words: list[Token]) -> list[Entity]:
        """A quoted piece of one paper's title: '"Do Quantum Kernels Help on Classical Data?"', 'the one
        with "Lovász" in the title'."""
        found = []
        for match in _QUOTED.finditer(text):
            quoted = compact(match.group(1))
            if len(quoted) < 4:
                continue
            owners = [p.id for p in self.corpus.papers if quoted in self._title_keys.setdefault(p.id, compact(p.title))]
            inside = [i for i, w in enumerate(words) if match.start(1) <= w.start and w.end <= match.end(1)]
            if len(owners) == 1 and inside:
                found.append(_entity("paper", text, words, inside[0], inside[-1] + 1, True, ids=tuple(owners)))
        return found

    def _title_leads(self, text: str, words: list[Token]) -> list[Entity]:
        """ "the How Many Quadrats paper": three or more words typed as a title is, capitalised, that
        begin one paper's title (the small words a title keeps in lower case may stand between them)."""
        small = self.title_small_words
        found = []
        index = 0
        while index < len(words):
            capitals = [index] if words[index].text[:1].isupper() else []
            end = index + 1
            while capitals and end < len(words):
                if words[end].text[:1].isupper():
                    capitals.append(end)
                elif words[end].folded not in small:
                    break
                end += 1
            if len(capitals) >= 3:
                # the papers whose titles begin with the first three, then the longest beginning of one title
                first = "".join(w.key for w in words[capitals[0] : capitals[2] + 1])
                titles = self._title_keys
                begun = [
                    p.id for p in self.corpus.papers if titles.setdefault(p.id, compact(p.title)).startswith(first)
                ]
                for last in reversed(capitals[2:]):
                    said = "".join(w.key for w in words[capitals[0] : last + 1])
                    owners = [i for i in begun if titles[i].startswith(said)]
                    if len(said) >= 10 and len(owners) == 1:
                        found.append(_entity("paper", text, words, capitals[0], last + 1, True, ids=tuple(owners)))
                        break
            index = max(end, index + 1)
        return found

    def _hyphenated_name(self, text: str, words: list[Token], start: int, end: int, key: str) -> list[Entity]:
        owners = list(dict.fromkeys(self.by_given.get(key, []) + self.by_surname.get(key, [])))
        following = words[end] if end < len(words) else None
        if (
            owners
            and following is not None
            and following.text[:1].isupper()
            and following.text.isalpha()
            and following.folded not in self.stopwords
            and following.folded not in self.keywords
            and following.key not in self.by_surname
            and not self._near_surname_of(owners, following.key)
        ):
            # "Seung-hyun Kim": a known given name before a surname nobody here has is someone else
            surface = text[words[start].start : following.end]
            return [Entity("unknown_person", words[start].start, following.end, surface, True, key=surface)]
        if len(owners) == 1:
            return [_entity("person", text, words, start, end, True, key=owners[0])]
        if len(owners) > 1:
            return [_entity("ambiguous_person", text, words, start, end, True, keys=tuple(owners))]
        return []

    def _near_surname_of(self, owners: list[str], typed: str) -> bool:
        """Whether a typed surname is one of these people's, or a slip of it ("Beak" for "Baek")."""
        from rapidfuzz import fuzz

        surnames = [compact(self.corpus.people[k].name.split()[-1]) for k in owners]
        return any(fuzz.ratio(typed, surname) >= 70 for surname in surnames)

    def _mistyped_surname(self, words: list[Token], index: int) -> list[str]:
        """ "stuff with Holoway", "papers with ingird": a name nobody has, after "with" or "by", one
        letter or two from one surname or given name here (a letter added, dropped or changed, or two
        swapped), and closer to it than to any other: that name's owners."""
        word = words[index]
        previous = words[index - 1].folded if index > 0 else ""
        following = words[index + 1].folded if index + 1 < len(words) else ""
        if previous not in PERSON_CUES and following not in NAME_FOLLOWERS:
            return []  # "stuff with Holoway", "Subramanian papers"
        if len(word.key) < 5 or not word.text.isalpha():
            return []
        if word.folded in self.stopwords or word.folded in self.keywords or self.in_corpus(word.folded):
            return []
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        names = {**self.by_given, **self.by_surname}
        edits = 1 if len(word.key) <= 7 else 2
        close = process.extract(word.key, list(names), scorer=OSA.distance, score_cutoff=edits, limit=2)
        if not close or (len(close) == 2 and close[1][1] <= close[0][1]):
            return []
        return list(names[close[0][0]])

    def _single_word_name_ok(self, words: list[Token], index: int) -> bool:
        word = words[index]
        previous = words[index - 1].folded if index > 0 else ""
        following = words[index + 1].folded if index + 1 < len(words) else ""
        possessive = following == "s"
        ordinary = word.folded in self.stopwords or word.folded in self.keywords or len(word.folded) < 4
        if not ordinary and (word.key in self.researcher_parts or following in NAME_FOLLOWERS):
            return True  # "where guohai is first author", "joaquín papers": a name in lower case
        if not ordinary and self._researcher_nickname(word):
            return True  # "what did seun publish": the researcher's nickname in lower case
        if not ordinary and len(word.folded) >= 5 and word.text.isalpha() and not self.papers_using(word.folded):
            return True  # "koller vs subramanian": a name of this page no title or abstract uses as a word
        capitalised = (word.text[:1].isupper() and not word.text.isupper()) or (
            len(word.text) <= 3 and word.text[:1].isupper()
        )
        if word.folded in self.stopwords or word.folded in self.keywords:
            return capitalised and (previous in PERSON_CUES or possessive) and index > 0
        return capitalised or previous in PERSON_CUES or possessive

    def _researcher_nickname(self, word: Token) -> list[str]:
        """ "Seun" for Oluwaseun, "Alex" for Alexandra: the start or the end of the researcher's given
        name (four letters at least in lower case), and no word of any title or abstract."""
        given = compact(self.corpus.researcher.name.split()[0])
        key = word.key
        if (
            not (3 if word.text[:1].isupper() else 4) <= len(key) <= len(given) - 2
            or not (given.startswith(key) or given.endswith(key))
            or word.folded in self.stopwords
            or (self.papers_using(word.folded) and self._written_outside_links(word.folded))
        ):
            return []
        return [self.corpus.researcher_key]

    def _written_outside_links(self, word: str) -> bool:
        """Whether a title or abstract uses the word other than in a link ("github.com/seun-ac/...")."""
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
        return any(pattern.search(_LINK.sub(" ", f"{paper.title} {paper.abstract}")) for paper in self.corpus.papers)

    def _partial_name(self, text: str, words: list[Token], index: int) -> list[Entity]:
        """A surname or given name alone ("papers with Ye"): one person, or several to choose from."""
        key = words[index].key
        owners = list(
            dict.fromkeys(self.by_surname.get(key, []) + self.by_given.get(key, []) + self.by_middle.get(key, []))
        )
        if not owners:
            family = self.by_surname.get(key[:-1], []) if key.endswith("s") else []
            namesakes = (
                self.by_given.get(key[:-1], []) or self.by_given.get(key[:-2], []) if key.endswith("s") else []
            )  # "both daniels", "the Lucases"
            if len(family) >= 2 and words[index].text[:1].isupper():
                # "the Kims": everyone listed with that surname.
                return [_entity("people", text, words, index, index + 1, True, keys=tuple(family))]
            if len(namesakes) >= 2 and not self.papers_using(words[index].folded):
                # "both daniels": everyone listed with that given name.
                return [_entity("people", text, words, index, index + 1, True, keys=tuple(namesakes))]
            whose = self.by_given.get(key[:-1], []) + self.by_surname.get(key[:-1], []) if key.endswith("s") else []
            if len(set(whose)) == 1 and not self.papers_using(words[index].folded):
                # "hannahs papers": a possessive without its apostrophe
                return [_entity("person", text, words, index, index + 1, True, key=whose[0])]
            owners = self._mistyped_surname(words, index) or self._researcher_nickname(words[index])
            if not owners:
                return []
        if index > 0:
            # "Qinhao Ye": a mistyped given name before a known surname picks one of its owners.
            given = words[index - 1]
            if given.folded not in self.stopwords and given.folded not in self.keywords and given.text.isalpha():
                owner = self._owner_named(given.key + key, owners)
                if owner is not None:
                    return [_entity("person", text, words, index - 1, index + 1, True, key=owner)]
                if given.text[:1].isupper() and words[index].text[:1].isupper():
                    # "Fei-Fei Li": a capitalised given name nobody here has is someone else entirely.
                    first = index - 1
                    while first > 0 and text[words[first].start - 1] == "-" and words[first - 1].text[:1].isupper():
                        first -= 1
                    surface = text[words[first].start : words[index].end]
                    return [Entity("unknown_person", words[first].start, words[index].end, surface, True, key=surface)]
        following_word = words[index + 1] if index + 1 < len(words) else None
        if (
            following_word is not None
            and following_word.text.isalpha()
            and following_word.folded not in self.stopwords
            and following_word.folded not in self.keywords
            and following_word.folded not in NAME_FOLLOWERS
            and text[following_word.end : following_word.end + 1] not in ("'", "’")  # "nadia isn't"
            and (following_word.text[:1].isupper() or not self.in_corpus(following_word.folded))
        ):
            # "Jiabo Yee": a known given name before a mistyped surname picks one of its owners.
            # ... and the particles before it: "anneke van der muelen" is Anneke van der Meulen
            end = index + 1
            while end < len(words) - 1 and words[end].folded in name_particles():
                end += 1
            pair = key + "".join(w.key for w in words[index + 1 : end + 1])
            owner = self._owner_named(pair, owners)
            if owner is not None:
                return [_entity("person", text, words, index, end + 1, True, key=owner)]
            if end + 1 < len(words) and words[end + 1].text.isalpha() and words[end + 1].folded not in self.stopwords:
                # a two-part surname typed apart and mistyped: "tariq benhadou lindgren"
                owner = self._owner_named(pair + words[end + 1].key, owners)
                if owner is not None:
                    return [_entity("person", text, words, index, end + 2, True, key=owner)]
            # ... or its first part only: "tariq benhadou" for Tariq Benhaddou-Lindgren
            parted = [k for k in owners if "-" in self.corpus.people[k].name.rsplit(" ", 1)[-1]]
            owner = self._owner_named(pair, parted, first_part=True) if len(pair) - len(key) >= 4 else None
            if owner is not None:
                return [_entity("person", text, words, index, end + 1, True, key=owner)]
            following = words[index + 1]
            # after any particles ("Tobias van den Berg"), unless what follows them is a small word
            surname = words[end] if words[end].folded not in self.stopwords else following
            if (
                (words[index].text[:1].isupper() or not self.in_corpus(following.folded))
                and surname.key not in self.by_surname
                and surname.key not in self.by_given
                and surname.folded not in self.stopwords
                and surname.folded not in self.keywords
            ):
                # "Ji Zhang", "Tobias van den Berg": a known name followed by a surname nobody here has
                # is someone else entirely.
                surface = text[words[index].start : surname.end]
                return [Entity("unknown_person", words[index].start, surname.end, surface, True, key=surface)]
        if not self._single_word_name_ok(words, index):
            return []
        researcher = self.corpus.researcher_key
        others = [k for k in owners if k != researcher]
        before = words[index - 1].folded if index else ""
        if others != owners and key == self.researcher_given and before not in self.namesake_cues:
            owners = [researcher]  # "the newest thing tobias put out": the profile's own Tobias
        elif len(others) >= 1 and len(others) < len(owners):
            owners = others  # "Xu", "papers with Tobias", "the other Tobias": a co-author, not the researcher
        if len(owners) == 1:
            return [_entity("person", text, words, index, index + 1, True, key=owners[0])]
        ranked = sorted(owners, key=lambda k: (-len(self.corpus.people[k].papers), self.corpus.people[k].name))
        return [_entity("ambiguous_person", text, words, index, index + 1, True, keys=tuple(ranked))]

    def _fuzzy(self, text: str, words: list[Token], claimed: set[int], keywords: frozenset[str]) -> list[Entity]:
        found: list[Entity] = []
        for start, end in _windows(words, 3):
            span = range(start, end)
            if any(i in claimed for i in span):
                continue
            window = words[start:end]
            if any(w.folded in self.stopwords or w.folded in keywords for w in window):
                continue
            if _splits_a_word(text, words, start, end):
                continue
            key = "".join(w.key for w in window)
            if len(key) < 4:
                continue
            name_shaped = any(any(c.isupper() for c in w.text) or any(c.isdigit() for c in w.text) for w in window)
            previous = words[start - 1].folded if start else ""
            # Fuzzy lookups scan every name in the corpus: only where a name is likely (typed like one,
            # or where the question expects one), so a lab's 100,000 papers cost no more per message.
            capitalised = all(w.text[:1].isupper() for w in window)
            if (
                end - start >= 2
                and all(w.text.isalpha() for w in window)
                and (capitalised or previous in PERSON_CUES or start == 0)
            ):
                person = self.person_choices.closest(key, FUZZY_PERSON_CUTOFF)
                if person:
                    found.append(_entity("person", text, words, start, end, False, key=self.person_keys[person[0]]))
                    continue
            paper = None
            if name_shaped or (
                (previous in PAPER_CUES or (start == 0 and end == len(words)))
                # "about video understanding": words the abstracts use are a topic, not a slip of a
                # system's name (a name written apart, "deep eyes", was found exactly already)
                and not all(self.in_corpus(w.folded) for w in window)
            ):
                paper = self.system_choices.closest(key, FUZZY_PAPER_CUTOFF)
            if paper:
                ids = tuple(sorted(self.paper_keys[paper[0]]))
                found.append(_entity("paper", text, words, start, end, False, ids=ids))
            if name_shaped or self._after_benchmark_cue(words, start):
                bench = self.benchmark_choices.closest(key, FUZZY_BENCHMARK_CUTOFF)
                if bench and not name_shaped and len(bench[0]) - len(key) > 1:
                    bench = None  # "speech" is a word inside "LJSpeech", not a typo of it
                if bench and end - start == 1 and self.papers_using(words[start].folded):
                    bench = None  # "flaky tests", "NIST": a word the abstracts use, not a slip of "TESS", "MNIST"
                if bench and window[0].text.isupper() and bench[0][:1] != key[:1]:
                    bench = None  # an acronym's slip keeps its first letter ("MSVDD"): "GMPE" is not "MPE"
                if bench:
                    found.append(
                        _entity("benchmark", text, words, start, end, False, key=self.benchmark_keys[bench[0]])
                    )
        return found

    @staticmethod
    def _after_benchmark_cue(words: list[Token], index: int) -> bool:
        previous = {w.folded for w in words[max(0, index - 2) : index]}
        return bool(
            previous
            & {
                "mention",
                "mentions",
                "mentioning",
                "mentionning",
                "use",
                "uses",
                "using",
                "on",
                "benchmark",
                "dataset",
                "evaluated",
                "evaluate",
                "tested",
            }
        )

    def _names_an_author(self, words: list[Token], start: int) -> bool:
        """Two or three capitalised words from `start`, then a verb of authorship ("Aviv Regev publish")."""
        size = 0
        while start + size < len(words) and size < 3 and words[start + size].text[:1].isupper():
            size += 1
        return size >= 2 and start + size < len(words) and words[start + size].folded in self.authorship_verbs

    def _unknown_people(self, text: str, words: list[Token], claimed: set[int], people: set[int]) -> list[Entity]:
        """Capitalised words after "with"/"by" that name nobody in the corpus ("worked with Yann LeCun"),
        or after "and"/"or" following a person ("with Ming Yan and Fei Huang")."""
        found = []
        for i, word in enumerate(words[:-1]):
            after_person = word.folded in {"and", "or", "nor"} and i > 0 and i - 1 in people
            # "what did Aviv Regev publish in 2024?": a full name, capitalised, as the subject of a verb of authorship
            subject = word.folded in self.subject_auxiliaries and self._names_an_author(words, i + 1)
            if word.folded not in {"with", "by"} and not after_person and not subject:
                continue
            if word.folded == "with" and i > 0 and words[i - 1].folded == "up":
                continue  # "who came up with DeepLOB?": what was made, not a co-author
            run: list[Token] = []
            for index in range(i + 1, min(i + 4, len(words))):
                follower = words[index]
                if index in claimed or follower.folded in self.stopwords or follower.folded in self.keywords:
                    break
                if not (follower.text[:1].isupper() and follower.text[:1].isalpha()):
                    break
                if len(follower.text) > 1 and follower.text.rstrip("s").isupper():
                    break  # "with LLMs", "with GPUs": an acronym, not a name
                run.append(follower)
            if len(run) == 1 and any(c.isdigit() for c in run[0].text):
                continue  # "compared with BERT4Rec": a model's name, no person's
            if run and not (len(run) > 1 and all(self.papers_using(w.folded) for w in run)):
                # ("papers with Video Understanding": words the abstracts use are a topic, not a person)
                surface = text[run[0].start : run[-1].end]
                found.append(Entity("unknown_person", run[0].start, run[-1].end, surface, False, key=surface))
        return found


def _one_written_word(text: str, words: list[Token], start: int, end: int) -> bool:
    """Tokens joined by hyphens or apostrophes, written as one word ("Ji-woo", "O'Connor")."""
    return end - start >= 2 and all(
        text[words[i].end : words[i + 1].start] in ("-", "'", "’") for i in range(start, end - 1)
    )


def _one_per_apposition(text: str, found: list[Entity]) -> list[Entity]:
    """A class said twice in a row ("econometrics (EM)") is one class, so a "but" before it negates it all."""
    found = sorted(found, key=lambda e: e.start)
    merged: list[Entity] = []
    for entity in found:
        before = merged[-1] if merged else None
        if before is not None and before.key == entity.key and not text[before.end : entity.start].strip(" ()[],/-"):
            merged[-1] = replace(before, end=max(before.end, entity.end), surface=text[before.start : entity.end])
            continue
        merged.append(entity)
    return merged


def _windows(words: list[Token], longest: int) -> Iterable[tuple[int, int]]:
    for start in range(len(words)):
        for end in range(min(len(words), start + longest), start, -1):
            yield start, end


def _splits_a_word(text: str, words: list[Token], start: int, end: int) -> bool:
    """True when the window starts or ends inside a hyphen/apostrophe compound ("multi-|modal")."""
    before = text[words[start].start - 1] if words[start].start > 0 else " "
    after = text[words[end - 1].end] if words[end - 1].end < len(text) else " "
    return (before in "-'’" and words[start].start > 1 and text[words[start].start - 2].isalnum()) or (
        after in "-'’"
        and words[end - 1].end + 1 < len(text)
        and text[words[end - 1].end + 1].isalnum()
        and not (after in "'’" and text[words[end - 1].end + 1 : words[end - 1].end + 2].lower() == "s")
    )


def _entity(
    kind: EntityKind,
    text: str,
    words: list[Token],
    start: int,
    end: int,
    exact: bool,
    key: str = "",
    keys: tuple[str, ...] = (),
    ids: tuple[int, ...] = (),
) -> Entity:
    surface = text[words[start].start : words[end - 1].end]
    return Entity(kind, words[start].start, words[end - 1].end, surface, exact, key=key, keys=keys, ids=ids)


_KIND_RANK = {
    "time": 0,
    "paper": 1,
    "benchmark": 1,
    "person": 2,
    "ambiguous_person": 3,
    "category": 2,
    "unknown_person": 4,
    "people": 3,
}


def _resolve(candidates: list[Entity]) -> list[Entity]:
    """Non-overlapping entities: exact before fuzzy, longer before shorter. A paper and a benchmark
    may share one span (a benchmark named after its paper); the question decides which it means."""
    ordered = sorted(candidates, key=lambda e: (not e.exact, -(e.end - e.start), _KIND_RANK[e.kind], e.start))
    chosen: list[Entity] = []
    for entity in ordered:
        clash = [c for c in chosen if c.start < entity.end and entity.start < c.end]
        if not clash or all(
            c.span == entity.span and {c.kind, entity.kind} <= {"paper", "benchmark"} and c.kind != entity.kind
            for c in clash
        ):
            chosen.append(entity)
    return chosen


def _claimed(entities: list[Entity], words: list[Token]) -> set[int]:
    return {i for i, w in enumerate(words) for e in entities if e.start <= w.start and w.end <= e.end}


def folded_text(text: str) -> str:
    """Lower-case form with the same length as `text` (so offsets line up)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


__all__ = ["Entity", "EntityFinder", "fold", "folded_text"]
