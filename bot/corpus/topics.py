"""Topic search over titles and abstracts: tantivy's BM25 with English stemming, in memory.

Ranking and stemming come from the library; this module only builds the index and the query, and
keeps what is relevant: papers holding every term first; failing that, the close runners-up.
tantivy is imported when the first index is built, so questions that need no topic search never load it.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import marshal
import os
import signal
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.corpus.model import Paper
from bot.corpus.rows import all_rows, row_pieces
from bot.corpus.workers import can_fork_without, end_with
from bot.precompiled import compiled_pattern
from bot.text import fold

if TYPE_CHECKING:
    import tantivy

log = logging.getLogger(__name__)
TITLE_BOOST = 2.0
PHRASES_KEPT = 4096  # phrase checks kept per index before the cache starts over
WRITER_HEAP_PER_THREAD = 64_000_000
_WORD = compiled_pattern(r"[^\W_]+(?:-[^\W_]+)*")
_PHRASE_BREAKS = compiled_pattern(r"[\s\-/]+")
RELAXED_SHARE = 0.5  # runners-up must score at least this share of the best partial match
FEW_HITS = 3  # fewer papers than this hold every word: look for runners-up
MAX_RUNNERS_UP = 10
NARROWER_WEIGHT = 0.5
TYPED_WEIGHT = 2.0  # a form written "^form": the words the question typed, among a concept's other forms
# Below this many papers the index builds in tens of milliseconds: not worth a helper process. Above
# the second bound, what the fork costs this process (its pages copied as it writes them: 400 ms of
# CPU at 100,000 papers) and the core the helper takes from it slow the first answer by seconds.
BUILD_ASIDE_FROM = 2000
BUILD_ASIDE_UP_TO = 30_000
_ROWS = "rows.json"


@dataclass(frozen=True, slots=True)
class TopicHit:
    paper_id: int
    score: float
    matched_all: bool


def _schema() -> tantivy.Schema:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("pid", stored=True, indexed=True, fast=True)
    builder.add_text_field("title", stored=False, tokenizer_name="en_stem")
    builder.add_text_field("body", stored=False, tokenizer_name="en_stem")
    return builder.build()


def _spelling_schema() -> tantivy.Schema:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("pid", stored=True, indexed=True, fast=True)
    # The text unstemmed, for fuzzy term lookups only, which need no positions or frequencies.
    builder.add_text_field("words", stored=False, tokenizer_name="default", index_option="basic")
    return builder.build()


def scratch_parent() -> str | None:
    """Where a helper writes its indexes: shared memory when the system has it (a tenth faster to
    write than a disk's page cache), else the temporary folder."""
    shared = "/dev/shm"
    return shared if os.path.isdir(shared) and os.access(shared, os.W_OK | os.X_OK) else None


def _new_folder(parent: str | None) -> str:
    """A new folder only this user can enter, for a helper's indexes: `tempfile.mkdtemp`'s way in
    shared memory, without importing tempfile and shutil (4 ms of a large page's load)."""
    if parent is None:
        import tempfile

        return tempfile.mkdtemp(prefix=SCRATCH_PREFIX)
    while True:
        try:
            path = os.path.join(parent, SCRATCH_PREFIX + os.urandom(6).hex())
            os.mkdir(path, 0o700)
            return path
        except FileExistsError:  # 48 random bits: one in 2**48 a try
            continue


SCRATCH_PREFIX = "profile-bot-topics-"
# A paper, or its entry in a corpus document (the same fields: a helper may start before the papers exist).
PaperLike = Paper | Mapping[str, Any]


def _fields(paper: PaperLike) -> tuple[int, str, str, str]:
    if isinstance(paper, Paper):
        return paper.id, paper.title, paper.system or "", paper.abstract
    return paper["id"], paper["title"], paper.get("system") or "", paper["abstract"]


def _folded(papers: Sequence[PaperLike]) -> Iterator[tuple[int, str, str]]:
    for paper in papers:
        pid, title, system, abstract = _fields(paper)
        # accents folded on both sides: "Yoruba" finds "Yorùbá", "Saether" "Sæther"
        yield pid, fold(title), fold(f"{system} {abstract}")


def _written(
    schema: tantivy.Schema, documents: Iterator[dict[str, Any]], folder: str | None, threads: int
) -> tantivy.Index:
    import tantivy

    index = tantivy.Index(schema, path=folder) if folder else tantivy.Index(schema)
    writer = index.writer(heap_size=WRITER_HEAP_PER_THREAD * threads, num_threads=threads)
    for document in documents:
        writer.add_document(tantivy.Document.from_dict(document, schema))
    writer.commit()
    writer.wait_merging_threads()
    return index


def _topic_documents(papers: Sequence[PaperLike]) -> Iterator[dict[str, Any]]:
    return ({"pid": pid, "title": title, "body": body} for pid, title, body in _folded(papers))


def _spelling_documents(papers: Sequence[PaperLike]) -> Iterator[dict[str, Any]]:
    return ({"pid": pid, "words": f"{title} {body}"} for pid, title, body in _folded(papers))


class SpellingIndex:
    """The words of titles and abstracts as written, to find the papers holding a word close to a
    misspelt one ("semanitc"). Apart from the topic index: only a typo needs it, so a helper writes
    it after the topic index, and the first topic question does not wait for it."""

    def __init__(self, papers: Sequence[PaperLike], folder: str | None = None, threads: int = 1) -> None:
        self.schema = _spelling_schema()
        self._start_searching(_written(self.schema, _spelling_documents(papers), folder, threads))

    @classmethod
    def opened(cls, folder: str) -> SpellingIndex:
        import tantivy

        self = cls.__new__(cls)
        self.schema = _spelling_schema()
        self._start_searching(tantivy.Index.open(folder))
        return self

    def _start_searching(self, index: tantivy.Index) -> None:
        self.index = index
        index.reload()
        self.searcher = index.searcher()

    def papers_near(self, word: str, limit: int | None = None) -> list[int]:
        """The papers holding a word one edit from this one (two from a word of nine letters or more),
        all of them or the first `limit` found."""
        import tantivy

        query = tantivy.Query.fuzzy_term_query(
            self.schema, "words", word, distance=1 if len(word) < 9 else 2, transposition_cost_one=True
        )
        hits = self.searcher.search(query, limit or max(1, self.searcher.num_docs), count=False).hits
        return [int(self.searcher.doc(address)["pid"][0]) for _, address in hits]

    def papers_holding(self, words: Iterable[str]) -> list[int]:
        """The papers holding any of these words exactly (lower-case, as the index keeps them)."""
        import tantivy

        terms = [tantivy.Query.term_query(self.schema, "words", word) for word in words]
        if not terms:
            return []
        query = tantivy.Query.boolean_query([(tantivy.Occur.Should, term) for term in terms])
        hits = self.searcher.search(query, max(1, self.searcher.num_docs), count=False).hits
        return [int(self.searcher.doc(address)["pid"][0]) for _, address in hits]


class TopicIndex:
    def __init__(
        self,
        papers: Sequence[PaperLike],
        folder: str | None = None,
        threads: int | None = None,
        spelling: Callable[[], SpellingIndex] | None = None,
    ) -> None:
        """The index of these papers, in memory, or in `folder` (a helper process's work). `spelling`
        gives their spelling index when a typo first needs it (by default: built from the papers then)."""
        self.schema = _schema()
        threads = threads or min(2, os.cpu_count() or 1)  # indexing threads halve build time on two cores
        self.index = _written(self.schema, _topic_documents(papers), folder, threads)
        self._start_searching(spelling or (lambda: SpellingIndex(papers)))

    @classmethod
    def opened(cls, folder: str, spelling: Callable[[], SpellingIndex]) -> TopicIndex:
        """The index a helper process wrote into `folder`."""
        import tantivy

        self = cls.__new__(cls)
        self.schema = _schema()
        self.index = tantivy.Index.open(folder)
        self._start_searching(spelling)
        return self

    def _start_searching(self, spelling: Callable[[], SpellingIndex]) -> None:
        import tantivy

        self._spelling_source: Callable[[], SpellingIndex] | None = spelling
        # the papers' words a misspelt word may be (set by the engine, which holds the papers' texts)
        self.slips_of: Callable[[str], Collection[str]] | None = None
        self._spelling: SpellingIndex | None = None
        self.index.reload()
        self.searcher = self.index.searcher()
        self._phrases_used: dict[str, bool] = {}
        # The same analysis the en_stem fields use, to stem a misspelt word before a fuzzy lookup.
        self.stemmer = (
            tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.stemmer("english"))
            .build()
        )

    def _clause(self, phrase: str) -> tantivy.Query | None:
        return self._clause_and_kind(phrase)[0]

    def _clause_and_kind(self, phrase: str, tolerant: bool = True) -> tuple[tantivy.Query | None, bool]:
        """A word, or a hyphenated compound as a phrase ("video-text"); typo-tolerant when unknown.
        The flag is True for an exact (stemmed) match, False for a fuzzy one."""
        import tantivy

        phrase = fold(phrase)
        parts = phrase.split("-")
        query = self.index.parse_query(
            " ".join(parts) if len(parts) == 1 else '"' + " ".join(parts) + '"',
            ["title", "body"],
            field_boosts={"title": TITLE_BOOST},
        )
        if self._matches(query):
            return query, True
        if len(parts) > 1:
            # "adverse-conditions" written as "Adverse Driving Conditions": every part, anywhere.
            each = [self._clause(part) for part in parts if part]
            if each and all(q is not None for q in each):
                together = tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in each if q is not None])
                if self._matches(together):
                    return together, True
            return None, False
        if not tolerant or len(phrase) < 5 or not phrase.isalpha():
            return None, False
        if self.slips_of is not None:
            # only words the typed one may be a slip of ("povertygpt" is no slip of "povertyvit": a name
            # the page does not have, not a typo of one it has)
            near = self.spelling.papers_holding(self.slips_of(phrase.lower()))
        else:
            near = self.spelling.papers_near(phrase.lower())
        # Those papers, each scoring the same, as a fuzzy term query scores them.
        return (tantivy.Query.term_set_query(self.schema, "pid", near) if near else None), False

    @property
    def spelling(self) -> SpellingIndex:
        if self._spelling is None:
            assert self._spelling_source is not None
            self._spelling, self._spelling_source = self._spelling_source(), None
        return self._spelling

    def _matches(self, query: tantivy.Query) -> bool:
        return bool(self.searcher.search(query, 1, count=False).hits)

    def papers_using(self, word: str) -> int:
        """About how many papers hold the word (stemmed, exactly) in the title or the abstract: the
        larger of the two counts, so one paper saying it in both counts once."""
        stems = self.stemmer.analyze(fold(word))
        if not stems:
            return 0
        return min(max(self.searcher.doc_freq("body", s), self.searcher.doc_freq("title", s)) for s in stems)

    def uses_phrase(self, phrase: str) -> bool:
        """Whether a title or an abstract holds these words as a phrase ("cover time"). Kept per
        phrase: reading a question and searching its topic both ask."""
        if phrase not in self._phrases_used:
            if len(self._phrases_used) > PHRASES_KEPT:
                self._phrases_used.clear()
            query = self._phrase(phrase) if len(phrase.split()) > 1 else None
            self._phrases_used[phrase] = query is not None and self._matches(query)
        return self._phrases_used[phrase]

    def known_terms(self, words: Sequence[str]) -> list[str]:
        return [w for w in words if self._clause(w) is not None]

    def _group_clause(
        self, alternatives: Sequence[str], tolerant: bool = True, checked: bool = True
    ) -> tuple[tantivy.Query | None, bool]:
        """Any of several phrases (a concept's forms: "RL", "reinforcement learning", "policy
        optimization"); a single word keeps its typo tolerance. A phrase written "~phrase" counts
        half (a narrower topic's form: it matches the topic, but less squarely than its own words).
        Unless `checked`, several phrases are not searched here for a match: a topic of one group
        searches its query next anyway (the search of a long concept is most of a topic question)."""
        import tantivy

        if len(alternatives) == 1:
            return self._clause_and_kind(alternatives[0].lstrip("~^"), tolerant)
        queries = []
        for alternative in alternatives:
            query = self._phrase(alternative.lstrip("~^"))
            if query is not None:
                weight = {"~": NARROWER_WEIGHT, "^": TYPED_WEIGHT}.get(alternative[:1])
                queries.append(tantivy.Query.boost_query(query, weight) if weight else query)
        if not queries:
            return None, False
        combined = tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])
        return (combined, True) if not checked or self._matches(combined) else (None, False)

    def _matches_phrase(self, phrase: str) -> bool:
        query = self._phrase(phrase)
        return query is not None and self._matches(query)

    def _phrase(self, phrase: str) -> tantivy.Query | None:
        parts = [p for p in _PHRASE_BREAKS.split(fold(phrase)) if p]
        if not parts:
            return None
        text = parts[0] if len(parts) == 1 else '"' + " ".join(parts) + '"'
        try:
            return self.index.parse_query(text, ["title", "body"], field_boosts={"title": TITLE_BOOST})
        except ValueError:
            return None

    def papers_about(self, group: Sequence[str]) -> int:
        """How many papers hold any of a group's phrases (a concept's forms): counted, not fetched."""
        query, _ = self._group_clause(group, checked=False)
        return self._group_frequency(query) if query is not None else 0

    def _group_frequency(self, query: tantivy.Query) -> int:
        result = self.searcher.search(query, 1, count=True)
        return int(getattr(result, "count", 0) or 0)  # the type stubs leave out `count`

    def search(self, words: Sequence[str], limit: int = 50) -> list[TopicHit]:
        return self.search_groups([[w] for w in words], limit)

    def search_groups(
        self,
        groups: Sequence[Sequence[str]],
        limit: int = 50,
        tolerant: bool = True,
        ranked_by: Sequence[Sequence[str]] = (),
    ) -> list[TopicHit]:
        """Papers holding every group (each group: any of its phrases), best first; when few do, the
        runners-up holding the most specific group. Groups `ranked_by` only rank: a paper holding
        them comes first, one without them still counts."""
        import tantivy

        words = [" ".join(g) for g in groups]
        found = [self._group_clause(g, tolerant, checked=len(groups) > 1) for g in groups]
        clauses = [query for query, _ in found if query is not None]
        ranking = [query for query, _ in (self._group_clause(g, False) for g in ranked_by) if query is not None]
        ranks = [(tantivy.Occur.Should, query) for query in ranking]
        exact = sum(1 for query, is_exact in found if query is not None and is_exact)
        # A topic whose words are mostly unknown here ("protein folding") has no relevant paper; a misspelt
        # topic ("halucination") is found when every word of it is.
        # (a ranking word the papers use counts among the known ones: "doublets method won")
        known_words, said_words = len(clauses) + len(ranking), len(found) + len(ranked_by)
        if not clauses or (known_words < said_words and (exact == 0 or known_words * 2 <= said_words)):
            return []
        # A form of several words said alone ("drum transcription") is searched as its words: papers that
        # hold them only apart are near the topic, not about it.
        all_known = len(clauses) == len(found)
        every_word_known = all_known and not any(
            len(g) == 1 and " " in g[0].strip() and not self._matches_phrase(g[0].lstrip("~^")) for g in groups
        )
        if not all_known and all(
            self._group_frequency(q) * 2 > self.searcher.num_docs for q, _ in found if q is not None
        ):
            return []  # "the best language model": the words that would pick papers out are not here
        conjunction = tantivy.Query.boolean_query([*((tantivy.Occur.Must, c) for c in clauses), *ranks])
        hits = self._run(conjunction, limit, matched_all=every_word_known)
        if len(hits) >= FEW_HITS or len(clauses) < 2:
            return hits
        known = [(w, q) for w, (q, _) in zip(words, found, strict=True) if q is not None]
        # Few papers hold every word of a longer topic ("hallucination in multimodal models"): add the
        # runners-up that hold its most specific word (the rarest here) and as many others as can be.
        rarest = min(range(len(known)), key=lambda i: self._group_frequency(known[i][1]))
        occurs = [tantivy.Occur.Must if i == rarest else tantivy.Occur.Should for i in range(len(known))]
        relaxed_query = tantivy.Query.boolean_query([*zip(occurs, (q for _, q in known), strict=True), *ranks])
        relaxed = self._run(relaxed_query, limit, matched_all=False)
        if not hits and len(known) >= 3:
            # ... unless the rarest word is the asker's own ("lab vineyard vigour maps uavs": the lab is
            # theirs): the papers holding every other word, when they fit the topic better.
            left_out = [self._run(self._all_but(known, i), limit, matched_all=False) for i in range(len(known))]
            most_relevant = max(left_out, key=lambda found_hits: found_hits[0].score if found_hits else 0.0)
            if most_relevant and (not relaxed or most_relevant[0].score > relaxed[0].score):
                return most_relevant
        if not relaxed:
            return hits
        best = relaxed[0].score
        seen = {h.paper_id for h in hits}
        runners_up = [h for h in relaxed if h.score >= RELAXED_SHARE * best and h.paper_id not in seen]
        return hits + runners_up[:MAX_RUNNERS_UP]

    @staticmethod
    def _all_but(known: Sequence[tuple[str, tantivy.Query]], left_out: int) -> tantivy.Query:
        import tantivy

        return tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for i, (_, q) in enumerate(known) if i != left_out])

    def _run(self, query: tantivy.Query, limit: int, matched_all: bool) -> list[TopicHit]:
        result = self.searcher.search(query, limit)
        return [
            TopicHit(int(self.searcher.doc(address)["pid"][0]), float(score), matched_all)
            for score, address in result.hits
        ]


class TopicIndexBuild:
    """The topic index of some papers, to be had by calling this. On a large corpus a forked helper
    process starts writing it into a temporary folder at once, so the second core builds it while
    this process builds everything else; it says so through a pipe the moment the index is written,
    then writes the spelling index, which the call's index opens when a typo first needs it. Each
    folder is removed once opened (an open index reads its files through memory maps). Anywhere a
    fork is not safe, or when the helper fails, the indexes are built in this process."""

    def __init__(self, papers: Sequence[PaperLike]) -> None:
        """Starts the helper on these papers (the corpus's, or its document's entries when started
        before the corpus is built); this process keeps no reference to them."""
        self.helper: int | None = None
        self.folder = ""
        self._ready = -1  # the pipe end the helper writes to once the topic index is written
        self._rows_ready = -1  # ... and once every paper's JSON object is (bot.corpus.rows)
        self._count = len(papers)
        if not BUILD_ASIDE_FROM <= len(papers) <= BUILD_ASIDE_UP_TO or not can_fork_without("tantivy"):
            return
        # Loaded once, before the fork (it starts no thread until used): the helper indexes with it
        # and this process searches with it, so neither loads it on its own (2 ms each).
        import tantivy  # noqa: F401

        self.folder = _new_folder(scratch_parent())
        parent = os.getpid()
        written = rows_written = -1
        try:
            self._ready, written = os.pipe()
            self._rows_ready, rows_written = os.pipe()
            self.helper = os.fork()
        except OSError:
            for end in (written, rows_written):
                if end >= 0:
                    os.close(end)
            self.discard()
            return
        if self.helper == 0:  # pragma: no cover - the helper's coverage is not collected
            status = 1
            try:
                end_with(parent)
                os.close(self._ready)
                os.close(self._rows_ready)
                # One indexing thread: this process keeps the other core busy meanwhile.
                _written(_schema(), _topic_documents(papers), self._part("topics", made=True), threads=1)
                os.write(written, b"1")
                os.close(written)
                _write_rows(papers, self._part(_ROWS), rows_written)
                # Only a typo needs the spelling index: while the first answers are given, it takes what
                # CPU they leave (written at normal priority, it cost the first twenty answers 5 ms).
                os.nice(19)
                _written(_spelling_schema(), _spelling_documents(papers), self._part("spelling", made=True), threads=1)
                status = 0
            finally:
                os._exit(status)
        os.close(written)
        os.close(rows_written)
        os.set_blocking(self._rows_ready, False)
        atexit.register(self.discard)  # a process that never searched a topic leaves nothing behind

    def _part(self, name: str, made: bool = False) -> str:
        path = os.path.join(self.folder, name)
        if made:
            os.mkdir(path)
        return path

    def __call__(self, papers: Sequence[Paper]) -> TopicIndex:
        """The index: the helper's, or built here from `papers` (the same papers)."""
        if self.helper is None:
            return TopicIndex(papers)
        import tantivy  # noqa: F401  # imported (3 ms) while the helper may still be writing, not after

        with open(self._ready, "rb", closefd=True) as ready:  # empty if the helper failed before writing
            written = ready.read(1) == b"1"
        self._ready = -1
        if written:
            try:
                index = TopicIndex.opened(self._part("topics"), lambda: self._spelling(papers))
                _remove_folder(self._part("topics"))
                return index
            except (OSError, ValueError) as err:
                log.warning("the topic index the helper wrote cannot be opened: %s", err)
        self.discard()
        return TopicIndex(papers)

    def written_rows(self) -> list[bytes] | None:
        """Every paper's piece of the JSON lines (bot.corpus.rows), once the helper has written them:
        None until then, and for good without a helper or once it has failed. Never waits."""
        if self._rows_ready < 0:
            return None
        try:
            said = os.read(self._rows_ready, 1)
        except BlockingIOError:
            return None
        except OSError:
            said = b""
        os.close(self._rows_ready)
        self._rows_ready = -1
        if said != b"1":
            return None
        try:
            with open(self._part(_ROWS), "rb") as written:
                pieces = marshal.loads(written.read())
            os.unlink(self._part(_ROWS))
        except (OSError, ValueError, EOFError, TypeError):
            return None
        return pieces if isinstance(pieces, list) and len(pieces) == self._count else None

    def _spelling(self, papers: Sequence[Paper]) -> SpellingIndex:
        """The spelling index the helper writes after the topic index, waited for."""
        try:
            if self.helper is not None and self.folder:
                _, status = os.waitpid(self.helper, 0)
                self.helper = None
                if os.waitstatus_to_exitcode(status) == 0:
                    try:
                        return SpellingIndex.opened(self._part("spelling"))
                    except (OSError, ValueError) as err:
                        log.warning("the spelling index the helper wrote cannot be opened: %s", err)
            return SpellingIndex(papers)
        finally:
            self.discard()

    def discard(self) -> None:
        """Stop the helper if it still runs and remove its folder (a corpus replaced before any topic
        search, the end of the process)."""
        atexit.unregister(self.discard)
        for end in (self._ready, self._rows_ready):
            if end >= 0:
                with contextlib.suppress(OSError):
                    os.close(end)
        self._ready = self._rows_ready = -1
        if self.helper is not None:
            with contextlib.suppress(OSError):
                os.kill(self.helper, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(self.helper, 0)
            self.helper = None
        if self.folder:
            _remove_folder(self.folder)
            self.folder = ""


def _remove_folder(path: str) -> None:
    """`shutil.rmtree(path, ignore_errors=True)` for a helper's own folders (files and folders, no
    links), without importing shutil: 2.5 ms with bz2 and lzma, on the first topic question."""
    for root, folders, files in os.walk(path, topdown=False):
        for name in files:
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(root, name))
        for name in folders:
            with contextlib.suppress(OSError):
                os.rmdir(os.path.join(root, name))
    with contextlib.suppress(OSError):
        os.rmdir(path)


def _write_rows(papers: Sequence[PaperLike], path: str, ready: int) -> None:
    """In the helper: every paper's JSON object into `path`, cut into each paper's piece and written
    as marshal (read back in a third of the time the cutting takes, which this process then skips),
    then "1" through `ready` (closed unsaid when orjson cannot write them: this process makes each
    one itself then)."""
    array = all_rows(papers)
    pieces = row_pieces(array, len(papers)) if array is not None else None
    if pieces is not None:
        with open(path, "wb") as out:
            out.write(marshal.dumps(pieces))
        os.write(ready, b"1")
    os.close(ready)


def may_be_a_term(first: str, second: str, frame: frozenset[str]) -> bool:
    """Two words a question's frame would drop one of ("cover time", "field deployment") that may
    be a term of the papers: the topic index decides whether they write it as a phrase."""
    return (first in frame or second in frame) and all(w.isalpha() and len(w) >= 3 for w in (first, second))


def topic_words(text: str, ignore: frozenset[str]) -> list[str]:
    """The content words of a topic ("OCR-free document understanding" -> ocr-free, document, understanding)."""
    words: list[str] = []
    lowered = text.lower()
    kept_end = -1  # where the last word kept ends
    for match in _WORD.finditer(lowered):
        word = match.group()
        if word.isdigit() and len(word) <= 3:
            # "sentinel 1", "gpt 4": a number right after a word of the topic is part of its name;
            # a bare count ("the 3 latest papers") is not a topic
            if words and lowered[kept_end : match.start()] == " ":
                words[-1] = f"{words[-1]}-{word}"
                kept_end = match.end()
            continue
        if word not in ignore and len(word) > 1:  # a single letter is rarely a topic
            words.append(word)
            kept_end = match.end()
    return words
