"""Property-based tests (hypothesis, fixed seed, bounded examples): hostile messages and mangled pages."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.corpus.model import Corpus
from bot.corpus.page_parser import ProfileError, parse_page
from bot.engine import Engine
from bot.safety import MAX_ANSWER_CHARS, has_live_mention
from tests.pages import ROBOTICS

HOSTILE = [
    "@everyone",
    "@here",
    "<@123456789012345678>",
    "<@!42>",
    "<@&987654321>",
    "<#1234>",
    "```py\nprint(1)\n```",
    "**bold** __under__ ~~strike~~ ||spoiler||",
    "{{7*7}}",
    "${jndi:ldap://x}",
    "'; DROP TABLE papers; --",
    "\u202eevil\u202c",
    "\u200b\u200c\u200d\ufeff",
    "\x00\x01\x1b[31m",
    "🙂" * 50,
    "papers from 2O22 @everyone",
    "who wrote <@1>?",
    "tell me about @here",
    "x" * 2100,
]
SETTINGS = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_conversations = itertools.count()


@pytest.fixture(scope="module")
def engine(shipped: Corpus) -> Engine:
    return Engine(shipped)


message = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=3000),
    st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=4).map(" ".join),
    st.builds(
        lambda a, b: a + b,
        st.sampled_from(["papers with ", "tell me about ", "papers from ", ""]),
        st.text(max_size=80),
    ),
)


@SETTINGS
@given(text=message)
def test_any_message_gets_exactly_one_safe_answer(engine: Engine, text: str) -> None:
    answer = engine.ask(text, ("fuzz", str(next(_conversations))))
    rendered = answer.text
    assert 0 < len(rendered) <= MAX_ANSWER_CHARS
    assert not has_live_mention(rendered)
    assert answer.to_json()["answer"] == rendered


def test_twenty_thousand_characters(shipped: Corpus) -> None:
    engine = Engine(shipped)
    for text in ("a" * 20_000, "papers from 2023 " * 1200, "@everyone " * 2000):
        answer = engine.ask(text)
        assert len(answer.text) <= MAX_ANSWER_CHARS and not has_live_mention(answer.text)
    assert "cut to its first 2,000 characters" in engine.ask("papers from 2023 " * 1200).text


# --- the parser on mangled pages: a corpus or one clear error, nothing else

PAGE_LINES = ROBOTICS.text().split("\n")


@st.composite
def mangled_pages(draw: st.DrawFn) -> str | bytes:
    lines = list(PAGE_LINES)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        kind = draw(st.sampled_from(["delete", "swap", "truncate", "garbage", "duplicate", "blank"]))
        if not lines:
            break
        i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        if kind == "delete":
            del lines[i]
        elif kind == "swap":
            j = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "truncate":
            lines[i] = lines[i][: draw(st.integers(min_value=0, max_value=max(0, len(lines[i]) - 1)))]
        elif kind == "garbage":
            lines.insert(i, draw(st.text(max_size=40)))
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        else:
            lines.insert(i, "")
    text = "\n".join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "latin-1", "str"]))
    if encoding == "str":
        return text
    return text.encode(encoding, errors="replace")


@SETTINGS
@given(page=mangled_pages())
def test_mangled_pages_parse_or_fail_cleanly(page: str | bytes) -> None:
    try:
        document = parse_page(page, "mangled.txt", date(2025, 6, 1))
    except ProfileError as error:
        assert error.line is None or error.line >= 1
        assert "\n" not in str(error) and str(error).startswith("mangled.txt")
        return
    text = page if isinstance(page, str) else page.decode("utf-8", errors="replace")
    counted = next(int(line.split()[0]) for line in text.split("\n") if line.strip().endswith(" Papers"))
    assert len(document["papers"]) == counted  # a successful parse never loses a counted paper
    assert [p["id"] for p in document["papers"]] == list(range(1, counted + 1))
