"""Conversations on the shipped profile: a follow-up edits the last question, a new question replaces
it, and words pointing back are resolved. Every case is a conversation and the papers each turn is
about (paper ids = order on the page)."""

from __future__ import annotations

import gc
import itertools
import weakref

import pytest

from bot.corpus.loading import load_corpus
from bot.corpus.model import Corpus
from bot.engine import Engine
from tests.conftest import EVAL_PAGES, SHIPPED_CORPUS

_chats = itertools.count()


@pytest.fixture(scope="module")
def guohai(shipped: Corpus) -> Engine:
    return Engine(shipped)


def talk(engine: Engine, *turns: str) -> list[list[int]]:
    chat = ("tester", str(next(_chats)))
    return [[p.id for p in engine.ask(turn, chat).papers] for turn in turns]


def heads(engine: Engine, *turns: str) -> list[str]:
    chat = ("tester", str(next(_chats)))
    return [engine.ask(turn, chat).headline for turn in turns]


NEWEST_FIRST = [18, 16, 14, 19, 17, 15, 4, 10, 11, 3, 5, 12, 20, 21, 2, 6, 1, 9, 13, 7, 8, 22, 23]

CONVERSATIONS = [
    # "the oldest?" after a list is an order among it, not an item of it ("the second?")
    (
        ("papers from 2023", "which is the oldest?", "and the newest?"),
        [[4, 10, 11, 3, 5, 12, 20, 21, 2, 6, 1], [1], [4]],
    ),
    # a paper picked by date, whatever paper the conversation was about; "code" is the question
    (
        ("tell me about his latest paper", "when was his oldest paper published?", "who wrote it?"),
        [[18], [23], [23]],
    ),
    # "and the one before it?" after a question about a paper: the same question of its older neighbour
    (("what's his most recent paper?", "who are the listed authors?", "and the one before it?"), [[18], [18], [16]]),
    # "and before that?" after a paper picked by date: the one before it
    (("what's his newest paper?", "and before that?", "and the one before that?"), [[18], [16], [14]]),
    # "and before that?" after a year: the year before
    (("what did he put out in 2023?", "and before that?"), [[4, 10, 11, 3, 5, 12, 20, 21, 2, 6, 1], [9, 13, 7, 8]]),
    # "he" in a follow-up is the person the conversation named, who keeps the position on "what about X?"
    (
        ("papers with Qinghao Ye", "which of those is he first author on?", "what about Jiabo Ye?"),
        [[12, 2, 1, 9], [2, 9], [10, 5]],
    ),
    # "is Ming Yan on that one?" after a paper: whether he is among its listed authors
    (("tell me about HiTeA", "is Ming Yan on that one?"), [[9], [9]]),
    # "is it his newest paper?": the paper in view checked against the pick (and still in view after a no)
    (("tell me about AMBER", "is it his newest paper?", "is it his newest CL paper?"), [[4], [18, 4], [15, 4]]),
    # a bare pick after a question about some papers picks among them
    (("has he worked with Ming Yan?", "when was the first time?", "and the most recent?"), [[3, 20, 1, 9], [9], [3]]),
    # "which one doesn't list him?" filters the list in view, even with no question cue
    (("papers with Ming Yan", "which one doesn't list him?"), [[3, 20, 1, 9], [1]]),
    # "the oldest one" in a follow-up is the oldest of the list in view
    (("papers with Ming Yan", "is there code for the oldest one?"), [[3, 20, 1, 9], [9]]),
    # ... but a pick with a filter after it is the pick: "oldest paper that has code"
    (("oldest paper that has code",), [[1]]),
    (("tell me about AMBER", "is there code for his latest paper?"), [[4], [18]]),
    (("papers from 2023", "who wrote the older one?"), [[4, 10, 11, 3, 5, 12, 20, 21, 2, 6, 1], [1]]),
    # a new full question replaces the context: the latest paper, not HiTeA again
    (("tell me about HiTeA", "what is his latest paper?"), [[9], [18]]),
    # after a paper, "a github link" is that paper's
    (("tell me about AMBER", "is there a github link?"), [[4], [4]]),
    # a third refinement keeps the person and the class (without the person: [9, 7])
    (("papers with Qinghao Ye", "only the CV ones", "and before 2023?"), [[12, 2, 1, 9], [12, 1, 9], [9]]),
    # time: replaced, shifted, shifted again
    (("which 2022 papers are in CL?", "oops wrong year, I meant 2025"), [[13, 8], [15]]),
    (("CV papers in 2022", "what about the following year?"), [[9, 7], [10, 12, 1]]),
    (("last year's papers?", "and the year before that?", "ok what about the year before that one?"),
     [[16, 14, 19, 17, 15], [], [4, 10, 11, 3, 5, 12, 20, 21, 2, 6, 1]]),
    # narrowing the last answer
    (("show me his 2023 papers", "which ones have code?"),
     [[4, 10, 11, 3, 5, 12, 20, 21, 2, 6, 1], [4, 3, 5, 2, 6, 1]]),
    (("everything he released in 2025", "which of these are missing code?"), [[16, 14, 19, 17, 15], [16, 19, 17]]),
    (("papers from 2023", "filter out the ones with code"),
     [[4, 10, 11, 3, 5, 12, 20, 21, 2, 6, 1], [10, 11, 12, 20, 21]]),
    # the two in view, in order (the newer of the two, then the other)
    (("everything co-written with Feng-Lin Li", "only those before 2022", "which of the two is newer?"),
     [[21, 13, 22, 23], [22, 23], [22, 23]]),
    (("open the AliMe KG paper", "and AliMe MKG?", "which of the two is newer?"), [[23], [22], [22, 23]]),
    # "which one is the newest?" picks among the list in view; "who else worked on it?" is its authors
    (("what has he done with Qinghao Ye", "which one is the newest?", "who else worked on it?"),
     [[12, 2, 1, 9], [12], [12]]),
    # a bare count counts the last list; a count naming papers or him is a new question (of the whole
    # profile: the number alone, no list of every paper)
    (("papers from 2022", "only CV", "how many is that?", "how many papers does he have?"),
     [[9, 13, 7, 8], [9, 7], [9, 7], []]),
    # "do they have code?" right after a list: "they" are the papers listed, not the researcher
    (("papers from 2023", "do they have code?"), [[4, 10, 11, 3, 5, 12, 20, 21, 2, 6, 1], [4, 3, 5, 2, 6, 1]]),
    (("do they have code?",), [[14, 15, 4, 3, 5, 2, 6, 1]]),
    # a follow-up whose only filter is negated still filters the list in view
    (("papers from 2023", "which don't have code?"), [[4, 10, 11, 3, 5, 12, 20, 21, 2, 6, 1], [10, 11, 12, 20, 21]]),
    # "which one doesn't have X on it?" filters the list in view
    (("papers with Ming Yan", "which one doesn't have Haiyang Xu on it?"), [[3, 20, 1, 9], [3, 20, 9]]),
    # "the second one" after a list of people is the second person
    (("top coauthors", "which papers did he write with the second one?"), [[], [21, 13, 22, 23]]),
    # people of the last answer
    (("who is the first author of MLLM-Selector?", "show me the papers with them"), [[17], [17, 7]]),
    (("who wrote the HaELM paper?", "what else did he do with Junyang Wang?"), [[11], [4]]),
    # order of the last list, and an item of it as displayed
    (("Qianglong Chen's papers with him", "sort them oldest first", "what's the last one about?"),
     [[20, 21, 13], [13, 21, 20], [20]]),
    # the neighbour of the paper picked last
    (("most recent paper?", "and the one before it?"), [[18], [16]]),
    # a figure of one paper after the profile's figure: the page does not have it
    (("total citations?", "how many of those are from mPLUG-Owl?"), [[], []]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("turns", "papers"), CONVERSATIONS, ids=lambda v: " / ".join(v) if isinstance(v, tuple) else ""
)
def test_conversation(guohai: Engine, turns: tuple[str, ...], papers: list[list[int]]) -> None:
    assert talk(guohai, *turns) == papers


def test_a_figure_of_one_paper_after_the_total_is_said_to_be_missing(guohai: Engine) -> None:
    last = heads(guohai, "total citations?", "how many of those are from mPLUG-Owl?")[-1]
    assert last.startswith("The profile page doesn't list citation counts of single papers for mPLUG-Owl")


def test_a_new_comparison_starting_with_a_name_replaces_the_last_one(guohai: Engine) -> None:
    # "IR or LG, ..." opens with a name, then "or": not a follow-up opener, so the years go
    answers = heads(guohai, "did he publish more in 2023 than in 2022?", "IR or LG, which has more papers?")
    assert answers == [
        "Yes: 2023 has more papers: 11 papers, against 4 from 2022.",
        "IR (Information Retrieval) and LG (Machine Learning) are tied: 1 paper each.",
    ]


def test_they_in_a_question_about_the_paper_in_view_are_its_authors(guohai: Engine) -> None:
    answers = heads(guohai, "who wrote CValues?", "how many scenarios did they cover?", "is the data public?")
    assert answers[1] == "The abstract of CValues says 10 scenarios."
    assert answers[2] == "Yes: the profile marks code for CValues, but the abstract gives no link."


def test_it_is_the_paper_in_view_when_that_paper_holds_the_question_s_words(guohai: Engine) -> None:
    # a loose word both papers of the list hold ("crucial") does not reopen the choice between them
    answers = heads(
        guohai, "show me the papers with Yiwei Ma", "which of the two is older?", "what crucial R@1 did it get on MSVD?"
    )
    assert answers[2] == "X-CLIP on MSVD: 50.4 R@1."


def test_clarification_by_number_and_by_name(guohai: Engine) -> None:
    chat = ("clarify", "1")
    assert guohai.ask("papers with Li", chat).clarification
    assert [p.id for p in guohai.ask("Feng-Lin Li", chat).papers] == [21, 13, 22, 23]
    chat = ("clarify", "2")
    assert guohai.ask("papers with Li", chat).clarification
    assert guohai.ask("2", chat).papers  # the second candidate


def test_conversations_never_leak_between_users(guohai: Engine) -> None:
    guohai.ask("tell me about UReader", ("dave", "guild"))
    other = guohai.ask("who wrote it?", ("erin", "guild"))
    assert other.papers == ()
    assert other.headline == "Which paper do you mean? Name it by its title or system name."


def test_a_reloaded_corpus_is_collected() -> None:
    """Nothing global keeps an old corpus alive after a reload (no cache keyed by corpus)."""
    engine = Engine(load_corpus(SHIPPED_CORPUS))
    engine.ask("help", ("reload", "1"))
    engine.ask("papers about video", ("reload", "1"))
    old = weakref.ref(engine.corpus)
    engine.replace_corpus(load_corpus(SHIPPED_CORPUS))
    gc.collect()
    assert old() is None


@pytest.fixture(scope="module")
def sekar() -> Engine:
    return Engine(load_corpus(EVAL_PAGES / "sekar_ayuningtyas.txt"))


def test_which_one_after_a_list_filters_that_list(sekar: Engine) -> None:
    # "which one" is among the papers in view; "she" is the person the list was about
    assert talk(sekar, "SE papers?", "which one has code?") == [[5, 10], [10]]
    assert talk(
        sekar, "papers with Małgorzata Szczęsna", "which one is she first author on?", "what year was that?"
    ) == [
        [1, 6],
        [6],
        [6],
    ]


def test_the_other_one_is_the_rest_of_the_list_in_view(sekar: Engine) -> None:
    # of the last list, the paper not just shown; after a whole list, of the list before it
    assert talk(sekar, "SE papers?", "which one has code?", "and the other one — what datasets does it use?") == [
        [5, 10],
        [10],
        [5],
    ]
    assert talk(
        sekar,
        "papers with Declan O'Shaughnessy",
        "which of those is he first author on?",
        "and the other one?",
        "who's first author on it then?",
    ) == [[2, 5, 11], [5, 11], [2], [2]]
    # nothing left over: no other one to show
    assert talk(sekar, "papers with Małgorzata Szczęsna", "and the other one?")[1] == []


def test_a_long_message_s_question_points_back_past_a_benchmark(sekar: Engine) -> None:
    # "what AUC does it get on CIFAR-10?": "it" is the paper the sentence before describes
    answer = sekar.ask(
        "So our reading group is doing membership inference next week. Someone said this author has a "
        "label-only attack on federated fine-tuning. Which paper is that, and what AUC does it get on CIFAR-10?",
        ("tester", "auc"),
    )
    assert [p.id for p in answer.papers] == [2]
    assert "0.81" in answer.text


def test_words_before_they_describe_the_paper(sekar: Engine) -> None:
    answer = sekar.ask(
        "Didn't she do a measurement study on this, how many valid secrets did they find?", ("tester", "they")
    )
    assert answer.headline.startswith("The abstract of Leaky Pipes")
    assert "4,317" in answer.text


def test_her_x_paper_is_one_paper_described(sekar: Engine) -> None:
    answer = sekar.ask("Who are the first three authors listed on her eBPF fuzzing paper?", ("tester", "ebpf"))
    assert answer.headline.startswith("Listed authors of KernelSieve: Sekar Ayuningtyas, Çağrı Yılmazer")


@pytest.fixture(scope="module")
def tomas() -> Engine:
    return Engine(load_corpus(EVAL_PAGES / "tomas_albuquerque.txt"))


def test_the_other_pronoun_is_the_person_in_view(sekar: Engine, tomas: Engine) -> None:
    # the researcher was "he": "she" is the top co-author just ranked (and the other way round)
    assert talk(tomas, "who does he publish with most?", "which papers is she first author on?")[1] == [5]
    assert talk(sekar, "who does she publish with most?", "which papers is he NOT on?", "any of those before 2023?")[
        1:
    ] == [[2, 3, 6, 9, 11, 13], [13]]
    # the same pronoun is still the researcher
    assert talk(tomas, "who does he publish with most?", "which papers is he first author on?")[1] == [
        1, 4, 6, 8, 10, 12, 13
    ]  # fmt: skip


def test_a_figure_asked_of_the_paper_in_view_keeps_its_qualifier(tomas: Engine) -> None:
    chat = ("tester", "mt50")
    tomas.ask("tell me about the gradient routing paper", chat)
    assert tomas.ask("what success rate does it reach on MT50?", chat).headline == (
        "Gradient Routing for Multi-Task Reinforcement Learning in Meta-World on MT50: 68.7%."
    )
    # the sentence that also says "MT10" and "average", in a metric said with a qualifier between
    assert tomas.ask("average success on Meta-World MT10 for the gradient routing paper?", chat).headline == (
        "Gradient Routing for Multi-Task Reinforcement Learning in Meta-World on Meta-World: 91.2% success rate."
    )


def test_the_class_one_is_the_paper_of_that_class_in_the_list_in_view(sekar: Engine, tomas: Engine) -> None:
    assert talk(tomas, "papers from 2022?", "and 2023?", "who's first author on the CV one?")[2] == [9]
    assert talk(tomas, "papers with Aiko Mori", "and with Haruto Mori?", "who's first author on the LG one?")[2] == [7]
    assert talk(
        sekar, "what did she put out in 2024?", "which of those have code?", "who's second author on the DB one?"
    )[2] == [9]


def test_the_months_before_a_window_up_to_now_end_where_it_began(sekar: Engine) -> None:
    assert talk(sekar, "papers in the last 12 months", "and the 12 months before that?", "and before that?") == [
        [1, 2],
        [3, 5, 4],
        [7, 6, 8, 9],
    ]


@pytest.fixture(scope="module")
def priya() -> Engine:
    return Engine(load_corpus(EVAL_PAGES / "priya_raghunathan.txt"))


def test_a_person_not_first_author_keeps_the_person(priya: Engine) -> None:
    # "which ones is he not first author on?" after his papers: his papers, without him first
    assert talk(priya, "papers with Daniel Okafor", "which ones is he not first author on?", "any of those from 2026?")[
        1:
    ] == [[1, 3, 7, 9, 12, 13], [1, 3]]


def test_the_only_author_of_the_paper_in_view(priya: Engine) -> None:
    chat = ("tester", "solo")
    priya.ask("tell me about her minimax conformal paper", chat)
    assert priya.ask("is she the only author?", chat).headline == (
        "Yes: Minimax Lower Bounds on the Length of Conformal Prediction Intervals lists Priya Raghunathan as its "
        "only author."
    )
    chat = ("tester", "not solo")
    priya.ask("tell me about the statin paper", chat)
    assert priya.ask("is she the only author?", chat).headline == (
        "No: Statin Initiation and Incident Dementia: A Target Trial Emulation in the UK Biobank lists at least 4 "
        "authors (Inés Arrieta, Priya Raghunathan, Daniel Okafor et al.)."
    )


def test_a_share_of_the_last_count(priya: Engine) -> None:
    chat = ("tester", "share")
    priya.ask("how many papers have code?", chat)
    assert priya.ask("what fraction of the total is that?", chat).headline == (
        "8 papers with code: 53% of Priya Raghunathan's 15 papers (8 of 15)."
    )
    # both in one message, even at the end of a long one: the list shown once
    answer = priya.ask(
        "I don't have time to click through all of hers. just tell me how many of her papers have code and "
        "what fraction of the total that is",
        ("tester", "share in one"),
    )
    assert answer.text.startswith(
        "Priya Raghunathan has 8 papers with code.\n\n"
        "8 papers with code: 53% of Priya Raghunathan's 15 papers (8 of 15)."
    )


def test_a_count_said_as_part_of_a_whole_near_the_question_s_words(priya: Engine) -> None:
    answer = priya.ask(
        "in the meta-learner benchmark, in how many ACIC settings was the X-learner best?", ("tester", "part")
    )
    assert answer.headline.endswith("says 31 of the 77 settings.")


@pytest.fixture(scope="module")
def hannah() -> Engine:
    return Engine(load_corpus(EVAL_PAGES / "hannah_lindqvist.txt"))


def test_the_one_with_a_filter_is_that_paper_of_the_list_in_view(hannah: Engine) -> None:
    assert talk(hannah, "anything from 2019?", "and 2018?", "who's first author on the one with code?")[2] == [16]


def test_names_said_loosely(hannah: Engine) -> None:
    # a title's head before its question mark names the paper; a possessive without its apostrophe
    assert talk(hannah, "which is older, CheckRank or Whose Voice Counts?") == [[13, 11]]
    assert hannah.ask("hey what % of hannahs papers have code lol", ("tester", "hannahs")).headline == (
        "8 papers with code: 44% of Hannah Lindqvist's 18 papers (8 of 18)."
    )
    # "without being first author": her papers, without her first
    assert talk(hannah, "which papers does Priyanka Deshmukh appear on without being first author?") == [[]]


@pytest.fixture(scope="module")
def oluwaseun() -> Engine:
    return Engine(load_corpus(EVAL_PAGES / "oluwaseun_adeyemi.txt"))


def test_that_coauthor_after_a_ranking_is_its_top_one(oluwaseun: Engine) -> None:
    assert talk(
        oluwaseun,
        "who does seun publish with the most?",
        "and which ones is that coauthor NOT on?",
        "any of those with code?",
    )[1:] == [[3, 5, 4, 9, 10, 12, 15, 16], [4, 9]]


def test_a_paper_described_beside_a_paper_named_is_its_best_match(oluwaseun: Engine) -> None:
    assert talk(oluwaseun, "which came first, the chest x-ray paper or AtlasMerge?") == [[4, 5]]
    assert talk(oluwaseun, "which is newer, ColdBind or the x-ray pretraining paper?") == [[3, 5]]


def test_a_class_code_in_capitals_is_no_sign_off(oluwaseun: Engine) -> None:
    # "gn" says good night; "GN" after "isn't" is the class
    assert talk(oluwaseun, "2025 stuff that isn't GN", "which papers have nothing to do with proteins?")[0] == [3, 5, 4]


def test_figures_of_a_user_study(hannah: Engine) -> None:
    chat = ("tester", "screenpilot")
    hannah.ask("tell me about ScreenPilot", chat)
    # the sample size says how many took part; SUS is a metric, said "from 58.2 to 81.4"
    assert (
        hannah.ask("how many participants were in the study?", chat).headline
        == "The abstract of ScreenPilot says N=24."
    )
    assert hannah.ask("SUS before and after?", chat).headline == "ScreenPilot: 81.4 SUS (from 58.2)."
    # "how much did X cut Y?": the change the paper reports
    assert hannah.ask("how much did the warning labels cut sharing of false headlines?", chat).headline.endswith(
        "on false headlines: 23%."
    )
    # "how many of the 22 models": the part, said "14 of them" after the whole
    assert hannah.ask(
        "in leaky leaderboards how many of the 22 models got flagged for contamination", chat
    ).headline.endswith("says 14 models.")


def test_which_method_won_is_no_award(oluwaseun: Engine) -> None:
    answer = oluwaseun.ask("lol does he have smth on doublets 💀 which method won", ("tester", "won"))
    assert [p.id for p in answer.papers] == [14]


def test_before_an_open_range_is_everything_before_it_and_said_so(guohai: Engine) -> None:
    since, before = talk(guohai, "papers since 2025", "what about before that?")
    assert sorted(since + before) == list(range(1, 24)) and not set(since) & set(before)
    conversation = ("tester", "open range")
    guohai.ask("papers since 2025", conversation)
    assert guohai.ask("what about before that?", conversation).headline == "17 papers before 2025, newest first:"
    assert talk(guohai, "papers before 2020", "and after that?")[1] == talk(guohai, "papers since 2020")[0]


def test_who_else_is_on_the_paper_in_view_lists_its_authors(guohai: Engine) -> None:
    # "who else" asks for other people of that paper, not for other papers
    assert heads(guohai, "what's his most recent paper?", "who else is on it?")[1] == (
        "Listed authors of REDSearcher: Zheng Chu, Xiao Wang, Jack Hong et al. (the page lists only the first authors)."
    )


def test_the_newer_of_those_two_picks_among_the_last_two(guohai: Engine) -> None:
    answers = heads(guohai, "show me the papers with Yiwei Ma", "who's first author on the newer of those two?")
    assert answers[1] == "The first listed author of MLLM-Selector is Yiwei Ma."


def test_and_without_him_excludes_the_person_the_last_answer_required(guohai: Engine) -> None:
    with_him, without_him = talk(guohai, "papers with Ming Yan", "and without him?")
    assert sorted(with_him + without_him) == list(range(1, 24)) and not set(with_him) & set(without_him)


def test_without_him_beside_someone_else_is_without_the_researcher(guohai: Engine) -> None:
    # every paper of the profile is his; one lists Ming Yan and cuts the list before him (et al.)
    assert heads(guohai, "what has Ming Yan published without him?")[0] == (
        "1 paper with Ming Yan not listing Guohai Xu among the authors:"
    )


def test_the_first_authors_of_each_paper_in_view(guohai: Engine) -> None:
    guohai.ask("papers from 2022", ("each", "1"))
    answer = guohai.ask("who's the first author on each?", ("each", "1"))
    assert answer.headline.startswith("Among Guohai Xu's 4 papers from 2022, the most frequent first authors are ")
    assert [line.split(":")[0] for line in answer.items] == ["Chenliang Li", "Qianglong Chen", "Qinghao Ye", "Yiwei Ma"]


def test_which_and_a_verb_asks_it_of_the_list_in_view(guohai: Engine) -> None:
    # "which have code" names no noun of its own: the 2023 papers just listed; asked first, every paper
    assert talk(guohai, "papers from 2023", "which have code") == [
        [4, 10, 11, 3, 5, 12, 20, 21, 2, 6, 1],
        [4, 3, 5, 2, 6, 1],
    ]
    assert talk(guohai, "papers from 2023", "which papers have code")[1] != [4, 3, 5, 2, 6, 1]
    assert len(talk(guohai, "which have code")[0]) == len([p for p in guohai.corpus.papers if p.has_code])


def test_older_stuff_after_a_time_is_every_paper_before_it(guohai: Engine) -> None:
    since, older, newer = talk(guohai, "papers since 2024", "what about his older stuff?", "and the newer ones?")
    assert sorted(since + older) == list(range(1, 24)) and not set(since) & set(older)
    assert newer == since
    # said alone, with no time in view, "older stuff" still asks for his oldest papers
    assert talk(guohai, "older stuff?")[0] == [23, 22, 8, 7, 13]


def test_the_pronoun_the_conversation_uses_for_the_researcher_stays_hers(guohai: Engine) -> None:
    # "he" opened the conversation as its subject, before Ming Yan: "he is first author" is still Guohai Xu
    turns = talk(
        guohai, "what did he write with Ming Yan?", "which of those have code?", "and which ones is he first author on?"
    )
    assert turns[2] == [p for p in turns[1] if guohai.corpus.by_id[p].authors[0] == "Guohai Xu"]
    # named first, the person is who "he" means
    assert talk(guohai, "papers with Ming Yan", "only the ones where he is first author")[1] == []


def test_a_command_to_drop_some_narrows_the_list_in_view(guohai: Engine) -> None:
    year, kept = talk(guohai, "papers from 2023", "drop the hallucination ones")
    hallucination = talk(guohai, "papers about hallucination from 2023")[0]
    assert hallucination and kept == [p for p in year if p not in hallucination]
    assert talk(guohai, "papers from 2023", "and remove the ones with code")[1] == [10, 11, 12, 20, 21]


def test_how_many_and_a_verb_counts_the_list_in_view(guohai: Engine) -> None:
    year, with_code = talk(guohai, "papers from 2023", "how many have code?")
    assert with_code == [p for p in year if guohai.corpus.by_id[p].has_code] and len(with_code) < len(year)


def test_dropping_the_ones_without_keeps_the_ones_with(guohai: Engine) -> None:
    # two negations of one filter cancel: never the opposite of what was asked
    year, kept = talk(guohai, "papers from 2023", "drop the ones without code")
    assert kept == [p for p in year if guohai.corpus.by_id[p].has_code] and kept


def test_and_the_ones_without_negates_the_last_filter(guohai: Engine) -> None:
    year, with_code, without = talk(guohai, "papers from 2023", "only the ones with code", "and the ones without?")
    assert sorted(with_code + without) == sorted(year) and with_code and without
