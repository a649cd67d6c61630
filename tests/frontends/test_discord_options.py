"""Slash-command option values resolved to typed values, and requests that survive a custom id."""

from __future__ import annotations

import pytest

from bot.corpus.model import Corpus
from bot.frontends.discord_app.command_requests import (
    BenchmarkRequest,
    CoauthorsRequest,
    PaperRequest,
    PapersRequest,
    QuestionRequest,
    decode,
)
from bot.frontends.discord_app.options import (
    OptionIndex,
    Resolution,
    resolve_benchmark,
    resolve_category,
    resolve_paper,
    resolve_person,
)


@pytest.fixture(scope="module")
def index(shipped: Corpus) -> OptionIndex:
    return OptionIndex(shipped)


@pytest.mark.parametrize(
    ("typed", "code"),
    [("CV", "CV"), ("cs.CV", "CV"), ("cv", "CV"), ("Computer Vision", "CV"), ("computr vison", "CV"), ("nlp", "CL")],
)
async def test_classes_by_code_or_name(index: OptionIndex, typed: str, code: str) -> None:
    assert await resolve_category(typed, index) == Resolution(code)


async def test_an_unknown_class_gets_candidates_or_a_plain_problem(index: OptionIndex) -> None:
    assert await resolve_category("robots", index) == Resolution(
        problem="No arXiv class matches “robots”.", candidates=(("RO (Robotics)", "RO"),)
    )
    assert await resolve_category("xyz", index) == Resolution(problem="No arXiv class matches “xyz”.")


async def test_people_by_key_name_one_name_or_typo(index: OptionIndex) -> None:
    for typed in ("qinghaoye", "Qinghao Ye", "qinghao  ye", "Qinhao Ye"):
        assert await resolve_person(typed, index) == Resolution("qinghaoye"), typed
    assert await resolve_person("Haiyang", index) == Resolution("haiyangxu")


async def test_a_shared_name_asks_which_and_a_stranger_is_named_as_such(index: OptionIndex) -> None:
    assert await resolve_person("Ye", index) == Resolution(
        problem="Several listed authors are called “Ye”.",
        candidates=(("Qinghao Ye", "qinghaoye"), ("Jiabo Ye", "jiaboye")),
    )
    assert await resolve_person("Yann LeCun", index) == Resolution(
        problem="No one called “Yann LeCun” is among the listed authors on this profile."
    )


async def test_papers_by_title_or_system_never_by_id(index: OptionIndex) -> None:
    assert await resolve_paper("DeepEyesV2: Toward Agentic Multimodal Model", index) == Resolution(16)
    assert await resolve_paper("deepeyes v2", index) == Resolution(16)
    assert await resolve_paper("7", index) == Resolution(
        problem="No paper on this profile is titled or named “7”; start typing and pick one."
    )


async def test_benchmarks_known_near_or_unknown(index: OptionIndex) -> None:
    assert await resolve_benchmark("msr vtt", index) == Resolution("MSR-VTT")
    assert await resolve_benchmark("MSRVT", index) == Resolution(
        problem="No benchmark called “MSRVT” is known.", candidates=(("MSR-VTT", "MSR-VTT"),)
    )
    assert await resolve_benchmark("qqqqqq", index) == Resolution()


@pytest.mark.parametrize(
    "request_",
    [
        PapersRequest(2020, 2023, True, "CV"),
        PapersRequest(None, 2021, False, None),
        PaperRequest(16),
        BenchmarkRequest("MSR-VTT"),
        BenchmarkRequest("a: b", known=False),
        CoauthorsRequest("qinghaoye"),
        CoauthorsRequest(None),
        QuestionRequest("papers with code: since 2024?"),
    ],
)
def test_requests_survive_their_encoding(request_: object) -> None:
    assert decode(request_.encode()) == request_  # type: ignore[attr-defined]


@pytest.mark.parametrize("foreign", ["", "z:1", "d:x", "p:1:2", "q:", "b:k:"])
def test_foreign_encodings_are_refused(foreign: str) -> None:
    assert decode(foreign) is None
