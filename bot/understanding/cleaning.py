"""A chat message as a question: Discord markup, emoji and small talk removed, the question picked
out of a longer message. Corpus-free: the words come from data/vocabulary.yaml."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Literal

from bot.precompiled import compiled_pattern
from bot.safety import MAX_MESSAGE_CHARS
from bot.text import strip_invisible
from bot.understanding.time_expressions import fix_letter_o_years
from bot.vocabulary import Vocabulary, phrase_alternation

ChatKind = Literal["greeting", "thanks", "farewell", "help"]

_DISCORD_TOKENS = compiled_pattern(
    r"<a?:\w{2,32}:\d{5,25}>"  # custom emoji
    r"|<@[!&]?\d{5,25}>|<#\d{5,25}>"  # user, role and channel mentions
    r"|</[\w -]{1,64}:\d{5,25}>"  # command mentions
    r"|<t:-?\d{1,13}(?::[tTdDfFR])?>"  # timestamps
    r"|@(?:everyone|here)\b"
    r"|(?<![\w@])@[A-Za-z][\w.-]*"
    r"|(?<![\w:]):[a-z0-9_+-]{2,32}:(?![\w:])",  # :emoji_shortcodes:
    re.IGNORECASE,
)
_MARKDOWN = compiled_pattern(r"\*{1,3}|~~|\|\||`{1,3}|(?<!\w)_{1,2}|_{1,2}(?!\w)|^\s*>{1,3}\s?", re.MULTILINE)
# A sentence ends at ". ", but not after an initial ("R. Subramaniam papers?") or "et al."
_SENTENCE = compiled_pattern(r"(?<=[.!?…])(?<! [A-Z]\.)(?<!^[A-Z]\.)(?<!et al\.)(?<!\bal\.)\s+|\n+")
# a sentence that opens like a question or a request
QUESTION_START = compiled_pattern(
    r"^(?:who|whom|whose|what|what's|whats|which|when|where|why|how|is|are|was|were|do|does|did|has|have|had|"
    r"can|could|would|will|should|any|anything|show|list|give|tell|find|get|name|papers?)\b"
)
# a sentence that refers to something said before it rather than saying it ("I think it had ...")
_POINTS_BACK_ONLY = compiled_pattern(
    r"^\W*(?:i think |i guess |maybe |and |also )?(?:it|that|this|they|that one|this one)\b", re.IGNORECASE
)
# a question about what was said before it ("which paper was that", "who wrote it")
_POINTS_BACK = compiled_pattern(r"\b(?:that|this|it|those|these|they|them)\b")
# "... reading about beat tracking and wondered whether she has anything recent on it": the topic the
# story told, and the question's word pointing back at it.
_TOLD_TOPIC = compiled_pattern(
    r"\b(?:about|on|into)\s+([a-z][\w\- ]*?)"
    r"(?=\s+(?:and|but|so|the other day|yesterday|today|recently|lately|last \w+)\b|\s*[,.;!?]|\s*$)"
)
_ON_IT = compiled_pattern(r"\b(on|about|into)\s+(?:it|that|this)\b")
# "... and how many have code": a count of the papers the first part counts, asked after it
_COUNT_OF_THOSE = compiled_pattern(
    r"how many\s+(?:of (?:them|those|these)\b|(?:have|has|had|are|were|is|was|use|used|come|came)\b)"
)
_ALTERNATIVES = compiled_pattern(r"\b(?:or|vs\.?|versus)\b", re.IGNORECASE)
_POWERS = {ord("²"): "^2", ord("³"): "^3"}
_EMPTY = compiled_pattern(r"^[\W_]*$")
# "before or after 2023", "before and since 2020": two bounds sharing one time (a year, a month and year)
_SHARED_BOUND = compiled_pattern(
    r"\b(before|after|since|until)\s+(or|and|vs\.?|versus)\s+(before|after|since|until)\s+"
    r"((?:[A-Z][a-z]+\s+)?\d{4})\b",
    re.IGNORECASE,
)
# "before 2020 or after?": the second bound about the same time ("2020 or after" alone is a since)
_SHARED_BOUND_AFTER = compiled_pattern(
    r"\b(before|after|since|until)\s+((?:[A-Z][a-z]+\s+)?\d{4})\s+(or|vs\.?|versus)\s+(before|after|since|until)\b"
    r"(?!\s+(?:[A-Z][a-z]+\s+)?\d)",
    re.IGNORECASE,
)
# "first half vs second half of 2024", "the first or the second half of 2025": two parts of a year sharing it
_SHARED_YEAR_PART = compiled_pattern(
    r"\b(first|second|1st|2nd)(?:\s+half)?\s+(or|and|vs\.?|versus)\s+(?:the\s+)?(first|second|1st|2nd)\s+half\s+"
    r"(of\s+(?:\d{4}|this\s+year|last\s+year))\b",
    re.IGNORECASE,
)
_AND_THEN = compiled_pattern(r"^(?:and|also|plus)\s", re.IGNORECASE)
# "first or last author": two positions sharing one noun
_SHARED_AUTHOR = compiled_pattern(
    r"\b(first|second|third|fourth|last|lead|senior|middle)\s+(or|and|vs\.?|versus)\s+"
    r"(first|second|third|fourth|last|lead|senior|middle)\s+((?:listed\s+)?authors?)\b",
    re.IGNORECASE,
)
MAX_REFINEMENT_WORDS = 5  # "w code only", "only the CV ones": a fragment after the question that narrows it
# Symbols that say a word in chat: "what % of", "oldest → newest" (a "%" after a number stays a figure).
_SYMBOL_WORD = {"%": "percent", "→": "to", "->": "to", "=>": "to", "⟶": "to", "&": "and", "+": "and"}
_SYMBOL_WORDS = compiled_pattern(r"(?<![\d.])%|→|->|=>|⟶|(?<=\s)&(?=\s)|(?<=\s)\+(?=\s)")
_STRETCHED = compiled_pattern(r"\b[^\W\d_]*([^\W\d_])\1{2,}[^\W\d_]*\b")  # "heyyy", "pleeease"
_REPEATS = compiled_pattern(r"([^\W\d_])\1{2,}")


_WHETHER = compiled_pattern(r"^(?:whether|if) (it|they|those|these)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CleanMessage:
    text: str  # the question to read
    context: str = ""  # the sentence before it, for a question that points back ("which paper is that?")
    chat: ChatKind | None = None  # the message was only small talk of this kind
    cut: bool = False  # the message was longer than we read


def _is_symbol(ch: str) -> bool:
    # Emoji and pictographs (So), skin tones (Sk) and the variation selectors that style them.
    # ("^" is Sk too, but a power: "R^2")
    return (unicodedata.category(ch) in ("So", "Sk", "Cs", "Co") and ch != "^") or "\ufe00" <= ch <= "\ufe0f"


class Cleaner:
    """Built once per vocabulary; `clean` runs per message."""

    def __init__(
        self,
        vocabulary: Vocabulary,
        known_words: Collection[str],
        written_in_capitals: Callable[[str], bool] | None = None,
    ) -> None:
        self.known_words = known_words
        # a word the page writes in capitals stays so in a shouted message; without a page, every
        # word the vocabulary does not know does
        self.written_in_capitals = written_in_capitals or (lambda word: True)
        words = vocabulary.lists

        def alternation(*names: str) -> str:
            return phrase_alternation([w for name in names for w in words[name]])

        self.kinds: dict[ChatKind, re.Pattern[str]] = {
            "greeting": compiled_pattern(rf"^(?:{alternation('greeting_words')})$"),
            "thanks": compiled_pattern(rf"^(?:{alternation('thanks_words')})$"),
            "farewell": compiled_pattern(rf"^(?:{alternation('farewell_words')})$"),
        }
        separator = r"(?:[\s,.!?;:~—–-]+|$)"
        # Small talk before a request ("hi there! can u ...", "ok so ...", "no wait — 2019").
        small_talk = alternation(
            "greeting_words", "thanks_words", "politeness_words", "politeness_leading", "filler_leading"
        )
        self.leading = compiled_pattern(rf"^(?:{small_talk}){separator}")
        first_person = alternation("first_person_words")
        self.first_person = compiled_pattern(rf"\b(?:{first_person})\b")
        self.asking_inside = compiled_pattern(rf"\b(?:{alternation('asking_frames')})(?: (?:whether|if))?\s+")
        self.asker_reason = compiled_pattern(rf"[\s,]+(?:{alternation('reason_words')}) (?:{first_person})\b.*$")
        # A sign-off closes the message, but not after "or"/"and": "2020 or later" is a time.
        self.trailing = compiled_pattern(
            rf"(?<!\bor)(?<!\band)(?:^|[\s,.!?;:~—–-]+)"
            rf"(?:{alternation('thanks_words', 'politeness_words', 'farewell_words')})"
            r"[\s.!?]*$"
        )
        self.anywhere = compiled_pattern(
            rf"(?<![\w@])(?:{alternation('politeness_words', 'filler_anywhere')})(?![\w@])[,!]?"
        )
        self.shorthand = {
            form.casefold(): full for full, forms in vocabulary.groups["shorthand"].items() for form in forms
        }
        # A one-letter form only as typed in lower case and standing alone: "who r u", never "U-Net" or "R@1".
        forms = sorted(self.shorthand, key=lambda f: (-len(f), f))
        self.shorthand_pattern = compiled_pattern(
            r"(?<![\w/@-])(?:"
            + "|".join(re.escape(f) if len(f) == 1 else f"(?i:{re.escape(f)})" for f in forms)
            + r")(?![\w/@-])"
        )
        self.refinement_openers = frozenset(vocabulary.words("refinement_openers"))
        self.confirmation_tails = frozenset(vocabulary.words("confirmation_tails"))
        self.about_suffix = compiled_pattern(
            rf"(?<=[^\W_])-(?=(?:{phrase_alternation(vocabulary.words('about_suffixes'))})\b)", re.IGNORECASE
        )
        guesses = vocabulary.pattern("guess_tails").pattern
        self.guess_tail = compiled_pattern(rf"[\s,]+(?:{guesses})\b.*$", re.IGNORECASE)
        self.example_opener = compiled_pattern(rf"^\W*(?:{vocabulary.pattern('example_openers').pattern})\b")
        self.honorific = compiled_pattern(
            rf"(?<![\w.])(?i:{phrase_alternation(vocabulary.words('honorifics'))})\.?\s+(?=[A-Z])"
        )
        # "how long does it take?": "how" and an adjective of measure (kept out of the frame words:
        # "long-context", "large language models" are topics)
        measures = [f"how {word}" for word in vocabulary.words("measure_adjectives")]
        openers = phrase_alternation([*vocabulary.words("second_question_openers"), *measures])
        # "..., and does it have code?", "...? also did he publish anything in 2018"
        self.second_question = compiled_pattern(
            rf"(?:,?\s+and\s+|,\s+|\?\s+)(?:(?:and\s+)?(?:also|plus|oh and)\s+)?(?P<opener>{openers})\b", re.IGNORECASE
        )
        # Years said in words: "twenty twenty-three", "two thousand and nineteen", "twenty ten".
        self.small_numbers = {w: n for w, n in vocabulary.cardinals.items() if " " not in w and 1 <= n <= 30}
        tens = {w: n for w, n in self.small_numbers.items() if n in (20, 30)}
        tens |= {"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
        self.small_numbers |= tens
        units = "|".join(sorted((w for w, n in self.small_numbers.items() if n < 10), key=len, reverse=True))
        teens = "|".join(sorted((w for w, n in self.small_numbers.items() if 10 <= n < 20), key=len, reverse=True))
        tens_alt = "|".join(sorted(tens, key=len, reverse=True))
        two_digits = rf"(?:(?:{tens_alt})(?:[\s-]+(?:{units}))?|{teens}|{units})"
        self.spoken_year = compiled_pattern(
            rf"(?i)\b(?P<century>twenty|nineteen)[\s-]+(?P<rest>{two_digits})\b"
            rf"|\btwo thousand(?:[\s-]+and)?[\s-]+(?P<rest2>{two_digits})\b"
        )
        self.chat_word = compiled_pattern(
            rf"(?:{alternation('greeting_words', 'thanks_words', 'farewell_words', 'politeness_words')})"
        )

    def clean(self, message: str) -> CleanMessage:
        # a power sign stays a power ("R²" is R^2, not R2, which reads as recall@2)
        text = unicodedata.normalize("NFKC", strip_invisible(message).translate(_POWERS))
        if re.fullmatch(r"\s*\?+\s*", text):
            return CleanMessage("", chat="help")  # a lone "?": what can I ask?
        cut = len(text) > MAX_MESSAGE_CHARS
        text = text[:MAX_MESSAGE_CHARS]
        text = _DISCORD_TOKENS.sub(" ", text)
        text = _MARKDOWN.sub(" ", text)
        text = "".join(" " if _is_symbol(ch) else ch for ch in text)
        text = _SYMBOL_WORDS.sub(lambda m: f" {_SYMBOL_WORD[m.group()]} ", text)
        text = self.honorific.sub("", self._written_out(text))
        text = self.about_suffix.sub(" ", text)  # "ENCODE-related" is ENCODE, related
        text = fix_letter_o_years(self._unshout(text))
        text = _SHARED_BOUND.sub(r"\1 \4 \2 \3 \4", text)  # "before or after 2023": both, about 2023
        text = _SHARED_BOUND_AFTER.sub(r"\1 \2 \3 \4 \2", text)
        text = _SHARED_AUTHOR.sub(r"\1 \4 \2 \3 \4", text)
        text = _SHARED_YEAR_PART.sub(r"\1 half \4 \2 \3 half \4", text)
        text = self.spoken_year.sub(self._year_in_digits, text)  # "twenty twenty-three" is 2023
        chats: list[ChatKind] = []
        kept: list[str] = []
        for sentence in _SENTENCE.split(text):
            rest, kinds = self._strip_small_talk(sentence)
            chats += kinds
            if not _EMPTY.match(rest):
                kept.append(rest)
        if not kept:
            chat = next((k for k in ("thanks", "farewell", "greeting") if k in chats), None)
            return CleanMessage("", chat=chat or ("greeting" if chats else None), cut=cut)
        index = self._question_index(kept)
        question = self._without_guess(self._from_the_asking(kept[index]))
        if index and _AND_THEN.match(question) and kept[index - 1].rstrip().endswith("?"):
            # "how many papers does he have? and which one is the oldest?": one message, two questions
            joined = f"{kept[index - 1].rstrip(' ?')} {question}"
            if len(self.compound_parts(joined)) == 2:
                question, index = joined, index - 1
        tail = kept[index + 1 :]
        if tail and all(self._refines(fragment) for fragment in tail):
            # "her ME papers?? w code only": a short fragment after the question narrows it
            question = " ".join([question.rstrip(" ?!.,"), *(t.strip() for t in tail)])
        elif tail and question.rstrip().endswith("?") and not tail[0].rstrip().endswith("?"):
            # "what's the newest one? also did he publish anything in 2018": a second question without
            # its question mark, asked too when it reads as one
            joined = f"{question} {tail[0].strip()}"
            if len(self.compound_parts(joined)) == 2:
                question = joined
        return CleanMessage(question, self._context(kept, index), None, cut)

    def _from_the_asking(self, sentence: str) -> str:
        """The question in a sentence that tells the asker's story first: from where the asking starts
        ("... after the last big quake and i wanted to know whether she has ..."), or from the question
        a comma leads to ("my advisor told me to look at her stuff, which of her papers ..."), without a
        reason of the asker's after it ("... because my lab is trying to do that")."""
        lowered = sentence.casefold()
        start = 0
        # (not a frame the question ends in: "... with the panda dataset can you find it")
        asking = [
            m for m in self.asking_inside.finditer(lowered) if m.start() > 0 and len(lowered[m.end() :].split()) > 2
        ]
        if asking and self.first_person.search(lowered, 0, asking[-1].start()):
            start = asking[-1].end()
        else:
            clauses = [m.end() for m in re.finditer(r",\s+", lowered) if QUESTION_START.match(lowered[m.end() :])]
            if (
                clauses
                and len(lowered[: clauses[-1]].split()) >= 6
                and self.first_person.search(lowered, 0, clauses[-1])
                and not _POINTS_BACK.search(lowered, clauses[-1])  # "..., which paper was that": the story says which
            ):
                start = clauses[-1]
        reason = self.asker_reason.search(lowered, start)
        end = reason.start() if reason and reason.start() > start else len(sentence)
        if not (start or end < len(sentence)):
            return sentence
        question = sentence[start:end].strip()
        pointer = _ON_IT.search(question.casefold())
        told = _TOLD_TOPIC.findall(lowered, 0, start) if start and pointer else []
        if pointer and told:  # "anything recent on it": on what the story was about
            question = f"{question[: pointer.start()]}{pointer.group(1)} {told[-1]}{question[pointer.end() :]}"
        return question

    def _without_guess(self, question: str) -> str:
        """ "does he do anything w/ spiking nets or is it all eeg": the asker's guess at the answer
        closes the question; it is neither a second topic nor a filter."""
        guess = self.guess_tail.search(question)
        return question[: guess.start()].rstrip(" ,") + "?" if guess and guess.start() > 0 else question

    @staticmethod
    def _context(sentences: list[str], index: int) -> str:
        """The sentence before the question; and the one before that when this one only points back
        too ("I remember a paper about X. I think it had an R squared in it. Was that his?")."""
        if not index:
            return ""
        before = sentences[index - 1]
        if index >= 2 and _POINTS_BACK_ONLY.search(before):
            return f"{sentences[index - 2]} {before}"
        return before

    def compound_parts(self, question: str) -> list[str]:
        """Two questions in one message ("how many papers does she have and what's her h-index?",
        "what's her newest paper and does it have code?"): each, in order; one question alone.
        "How many in CV and how many in CL?" is one comparison, not two questions."""
        match = self.second_question.search(question)
        if match is None:
            return [question]
        first, second = question[: match.start()].strip(" ,;"), question[match.start("opener") :].strip()
        if len(first.split()) < 3 or len(second.split()) < 2:
            return [question]
        tail = question[match.end("opener") :].strip(" ?!.,").casefold()
        if not tail or tail in self.confirmation_tails:
            return [question]  # a tag, not a second question: "FooNet doesn't have code, does it?"
        if (
            first.casefold().startswith("how many")
            and second.casefold().startswith("how many")
            and not _COUNT_OF_THOSE.match(second.casefold())
        ):
            return [question]  # "how many in CV and how many in CL?": one comparison
        if _ALTERNATIVES.search(first) and not QUESTION_START.match(first.casefold()):
            return [question]  # "before or after 2021, when was she more productive?": the first part is its subject
        # "... and whether they have code": asked as "do they have code", of what the first part lists
        second = _WHETHER.sub(lambda m: "does it" if m.group(1).casefold() == "it" else "do they", second, count=1)
        return [first, second]

    def _year_in_digits(self, match: re.Match[str]) -> str:
        rest = match.group("rest") or match.group("rest2")
        value = sum(self.small_numbers.get(w, 0) for w in re.split(r"[\s-]+", rest.casefold()))
        century = {"twenty": 2000, "nineteen": 1900}.get((match.group("century") or "twenty").casefold(), 2000)
        if match.group("rest") and value < 10:
            return match.group()  # "twenty one papers" is a count, not 2001
        year = century + value
        return str(year) if 1950 <= year <= 2099 else match.group()

    def _refines(self, fragment: str) -> bool:
        words = fragment.casefold().split()
        return 0 < len(words) <= MAX_REFINEMENT_WORDS and words[0].strip(" ,.!?") in self.refinement_openers

    def _strip_small_talk(self, sentence: str) -> tuple[str, list[ChatKind]]:
        kinds: list[ChatKind] = []
        rest = re.sub(r"\s+", " ", sentence).strip()
        while True:
            lowered = rest.casefold()
            lead = self.leading.match(lowered)
            if lead and lead.end() > 0:
                kinds += self._kinds_of(lowered[: lead.end()])
                rest = rest[lead.end() :].lstrip(" ,.!?;:~—–-")
                continue
            trail = self.trailing.search(lowered)
            # "2025 stuff that isn't GN": a class code in capitals, not "gn" (good night)
            said = rest[trail.start() :].strip(" ,.!?;:~—–-") if trail else ""
            if trail and said.isupper() and len(said) <= 3 and not rest.isupper():
                trail = None
            if trail and trail.start() < len(lowered):
                kinds += self._kinds_of(lowered[trail.start() :])
                rest = rest[: trail.start()].rstrip(" ,")
                continue
            break
        lowered = rest.casefold()
        if self.kinds["farewell"].match(lowered.strip(" .!?")):
            return "", [*kinds, "farewell"]
        rest = re.sub(r"\s+", " ", self.anywhere.sub(" ", rest)).strip(" ,")
        rest = re.sub(r"\s+([?!.,;:])", r"\1", rest)  # "Daniel Okafor maybe?" is "Daniel Okafor?"
        return rest, kinds

    def _written_out(self, text: str) -> str:
        """Chat shorthand written out ("w/" is "with") and stretched words shortened ("heyyy", "sooo")."""
        text = self.shorthand_pattern.sub(lambda m: self.shorthand[m.group().casefold()], text)
        return _STRETCHED.sub(self._unstretch, text)

    def _unstretch(self, match: re.Match[str]) -> str:
        word = match.group()
        if word.isupper() and len(word) <= 6:
            return word  # an acronym ("IEEE", "WWW"), not a word stretched for effect
        twice = _REPEATS.sub(r"\1\1", word)
        return twice if twice.casefold() in self.known_words else _REPEATS.sub(r"\1", word)

    def _kinds_of(self, words: str) -> list[ChatKind]:
        phrase = words.strip(" ,.!?;:~—–-")
        return [kind for kind, pattern in self.kinds.items() if pattern.match(phrase)]

    def _question_index(self, sentences: list[str]) -> int:
        """The question of a longer message: its last question, else its last request, else its end.
        Trailing one- or two-word questions add to a longer one before them ("who funds her research?
        nsf? erc?") rather than replace it."""
        asked = [i for i, sentence in enumerate(sentences) if sentence.rstrip().endswith("?")]
        full = [i for i in asked if not self._adds_to_question(sentences[i])]
        if full and asked[-1] != full[-1] and all(self._adds_to_question(sentences[i]) for i in asked if i > full[-1]):
            return full[-1]
        for index in range(len(sentences) - 1, -1, -1):
            if sentences[index].rstrip().endswith("?"):
                return index
        for index in range(len(sentences) - 1, -1, -1):
            if QUESTION_START.match(sentences[index].casefold()):
                return index
        return len(sentences) - 1

    def _adds_to_question(self, sentence: str) -> bool:
        """A short question that only adds to the one before it: "nsf? erc?", "like an intro class?",
        "fan or critic?" (a fragment of a few words without a question word of its own)."""
        words = sentence.split()
        fragment = len(words) <= 4 and not QUESTION_START.match(sentence.casefold())
        return len(words) <= 2 or self._gives_an_example(sentence) or fragment

    def _gives_an_example(self, sentence: str) -> bool:
        return bool(self.example_opener.match(sentence.casefold()))

    def _unshout(self, text: str) -> str:
        """ALL CAPS: ordinary words lower-cased, so they are not read as names or class codes ("IT")."""
        letters = [ch for ch in text if ch.isalpha()]
        if len(letters) < 6 or sum(ch.isupper() for ch in letters) < 0.7 * len(letters):
            return text

        def unshouted(match: re.Match[str]) -> str:
            word = match.group()
            lower = word.lower()
            if lower in self.known_words or (len(word) > 1 and not self.written_in_capitals(word)):
                return lower
            return word

        return re.sub(r"[^\W\d_]+(?:'[^\W\d_]+)?", unshouted, text)
