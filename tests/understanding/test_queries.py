"""What questions become, on a small profile written here: negation scope, how filters of one kind
combine, author positions, names said in many ways, orders and ranks, comparisons, groups, results
and what the page lacks. Each case is one sentence and the query it must become."""

from __future__ import annotations

from datetime import date

import pytest

from bot.corpus.model import Corpus
from bot.corpus.page_parser import parse_page
from bot.dialogue.conversation import ConversationState
from bot.engine import Engine
from bot.query import operation_text, selection_text
from tests.pages import Page, PaperBlock

VISION = Page(
    name="Nadia Okafor",
    category="CV",
    papers=[
        PaperBlock(
            "CVMar 2, 2025Code",
            "Owl-2: Open-Vocabulary Detection at Scale",
            "Ji-woo Kim, Nadia Okafor, Min-jun Kim et al.",
            "We present Owl-2, an open-vocabulary detector. Owl-2 reaches 51.0 AP on COCO and 30.2 AP on LVIS. "
            "Pseudo-labels improve rare-class AP (APr) by 4.0 points.",
        ),
        PaperBlock(
            "CLJun 9, 2024",
            "Captions that Count: Grounded Caption Evaluation",
            "Nadia Okafor, Pieter van der Berg, Ana Souza",
            "We study caption evaluation with large language models and release a benchmark of 5,000 rated captions.",
        ),
        PaperBlock(
            "CVSep 1, 2023Code",
            "Owl: Learning Detectors from Captions",
            "Min-jun Kim, Nadia Okafor et al.",
            "We present Owl, a detector trained from image captions. Owl reaches 44.1 AP on COCO.",
        ),
        PaperBlock(
            "LGJan 20, 2022",
            "Stable Training of Sparse Mixture-of-Experts",
            "Ana Souza, Ji-woo Kim, Nadia Okafor",
            "Sparse mixture-of-experts models are unstable to train; we show how reinforcement learning "
            "of the router fixes it.",
        ),
        PaperBlock(
            "CVNov 5, 2021Code",
            "Night Segmentation without Labels",
            "Pieter van der Berg, Nadia Okafor et al.",
            "We adapt segmentation models to night-time driving without labels, reaching 61.3 mIoU on Dark Zurich.",
        ),
    ],
)


@pytest.fixture(scope="module")
def okafor() -> Engine:
    return Engine(Corpus.from_document(parse_page(VISION.text(), "okafor.txt", date(2026, 11, 27))))


def understood(engine: Engine, text: str) -> tuple[str, str, str]:
    query = engine.understand(text, ConversationState())
    return query.intent, operation_text(query.operation), selection_text(query.selection)


@pytest.mark.parametrize(
    ("text", "selection"),
    [
        # A "not" governs the next filter group only, across bridge words.
        ("papers without code from 2023", "!code & time[2023]"),
        ("which CL papers don't have any code?", "class[CL] & !code"),
        ("papers that don't mention COCO", "!benchmark[COCO]"),
        ("non-CV papers with code", "!class[CV] & code"),
        ("papers with Ana Souza except the ones with Ji-woo Kim", "person[Ana Souza] & !person[Ji-woo Kim]"),
        ("everything except the CV and CL papers", "!(class[CV] | class[CL])"),
        ("everything that isn't CV, LG or CL", "!(class[CV] | class[LG] | class[CL])"),
        ("papers not from 2022 or 2023", "!time[2022 | 2023]"),
        ("I'm not sure, papers from 2024?", "time[2024]"),
        # a negation ending in "don't" takes its verb along, bridge word or not
        ("2023 papers that don't come with code", "time[2023] & !code"),
        ("papers which don't ship code", "!code"),
        # One kind joined: a paper has one date and one class, but lists several people.
        ("papers from 2021 or 2022", "time[2021 | 2022]"),
        ("CV and CL papers", "class[CV] | class[CL]"),
        ("papers with Ana Souza and Ji-woo Kim", "person[Ana Souza] & person[Ji-woo Kim]"),
        ("papers with Ana Souza or Ji-woo Kim", "person[Ana Souza] | person[Ji-woo Kim]"),
        # Names said every way.
        ("papers with van der Berg", "person[Pieter van der Berg]"),
        ("papers where Ji-woo is first author", "person[Ji-woo Kim@1]"),
        ("which papers did Ji-woo Kim lead (first author)?", "person[Ji-woo Kim@1]"),
        ("papers where nadia is not the first author", "!person[Nadia Okafor@1]"),
        ("which papers don't list nadia among the authors?", "!person[Nadia Okafor]"),
        ("papers without the Kims", "!(person[Ji-woo Kim] | person[Min-jun Kim])"),
        ("papers wiht Ana Sousa", "person[Ana Souza]"),
        ("papers besides the Owl ones", "!papers[1,3]"),
        # any benchmark at all, after a mention verb, with/without or a negation that the verb passes on
        ("papers that don't mention any benchmark", "!benchmark[any]"),
        ("papers that don't evaluate on any dataset from 2024", "!benchmark[any] & time[2024]"),
        ("papers with datasets", "benchmark[any]"),
        ("which benchmarks does she use?", ""),
        ("someone mentioned a benchmark for grounded captions", "topic[grounded captions]"),
        # the researcher as the object of a listing verb; a "not" after the name it governs
        ("which papers don't list her?", "!person[Nadia Okafor]"),
        ("Ana Souza papers that Ji-woo Kim isn't on", "person[Ana Souza] & !person[Ji-woo Kim]"),
        ("papers with Ana Souza not from 2024", "person[Ana Souza] & !time[2024]"),
        # acronyms keep their case (a concept's case-sensitive form), other words fold
        ("papers on RL", "topic[RL]"),
        # a word the vocabulary lists only as an irregular plural's singular is still a topic
        ("papers about diagnosis", "topic[diagnosis]"),
        ("retro synthesis papers", "topic[retro synthesis]"),
        # a known surname followed by a name nobody here has is someone else, not the known person
        ("papers with Ana Souza and Kim Lee", "person[Ana Souza] & unknown[Kim Lee]"),
        ("papers with Souza", "person[Ana Souza]"),
        # "alone" is a paper's only after a word of authorship or a person; a thing alone is no filter
        ("papers she wrote alone", "solo"),
        ("papers Ana Souza wrote alone", "person[Ana Souza] & solo"),
        ("papers with COCO alone", "benchmark[COCO]"),
        ("does grounding on their own help captions?", "topic[grounding captions]"),
        ("anything on her own?", "solo"),
    ],
)
def test_selections(okafor: Engine, text: str, selection: str) -> None:
    assert understood(okafor, text)[2] == selection


@pytest.mark.parametrize(
    ("text", "intent", "operation"),
    [
        ("second most recent paper", "latest_paper", "pick order=newest rank=2"),
        ("her third paper ever", "list_papers", "pick order=oldest rank=3"),
        ("the 3 latest papers", "latest_paper", "list order=newest limit=3"),
        ("papers from oldest to newest", "list_papers", "list order=oldest"),
        ("how many papers without code?", "count_papers", "count"),
        ("more papers in 2024 or in 2025?", "compare", "compare compare_kind=time"),
        ("more papers with code or without?", "compare", "compare compare_kind=code versus_rest=True"),
        ("which month does she publish in most?", "month_counts", "rank_groups group_by=month"),
        ("who is most often first author?", "first_author_ranking", "rank_groups group_by=first_author"),
        ("which year was her quietest?", "year_counts", "rank_groups group_by=year least=True"),
        ("who is the second author of Owl?", "paper_authors", "paper_fact field=author position=2"),
        ("last listed author of Owl-2?", "paper_authors", "paper_fact field=author position=-1"),
        ("Owl-2 AP on LVIS?", "paper_results", "paper_fact field=results benchmark=LVIS metric=AP"),
        ("which venue was Owl accepted at?", "not_on_page_venue", "not_on_page missing=venue"),
        ("how many citations does Owl have?", "not_on_page_paper_citations", "not_on_page missing=paper_citations"),
        ("what's Ana Souza's h-index?", "not_on_page_others_metrics", "not_on_page missing=others_metrics"),
        ("her email?", "not_on_page_contact", "not_on_page missing=contact"),
        # a question pointing back takes its names from the statement before, not what it asks:
        # "colleague" there does not make it a question about co-authors
        (
            "A colleague mentioned her paper on open vocabulary detection. Which one is it?",
            "paper_details",
            "paper_fact field=summary",
        ),
        # "who's" leaves no word of its own: the question still points back
        (
            "I remember a paper on detectors trained from captions. Which paper is that and who's the second author?",
            "paper_authors",
            "paper_fact field=author position=2",
        ),
        # ... while a question before it asks too
        ("Tell me about Owl. Was it at a conference? Which one?", "not_on_page_venue", "not_on_page missing=venue"),
    ],
)
def test_operations(okafor: Engine, text: str, intent: str, operation: str) -> None:
    assert understood(okafor, text)[:2] == (intent, operation)


def test_the_json_of_a_query_is_plain_data(okafor: Engine) -> None:
    query = okafor.understand("CL papers without code from 2024", ConversationState())
    assert query.to_data() == {
        "intent": "list_papers",
        "operation": {"name": "list"},
        "selection": [
            {"any": [{"kind": "InCategory", "code": "CL"}]},
            {"not": [{"kind": "HasCode"}]},
            {"any": [{"kind": "During", "ranges": [{"start": "2024-01-01", "end": "2024-12-31"}], "label": "2024"}]},
        ],
    }
