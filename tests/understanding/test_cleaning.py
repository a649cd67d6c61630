"""Message cleaning: Discord markup, emoji, small talk, shouting, shorthand, and the question of a
longer message. Corpus-free, so fast: no engine is built."""

from __future__ import annotations

import pytest

from bot.understanding.cleaning import Cleaner, CleanMessage
from bot.vocabulary import vocabulary


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    words = vocabulary()
    return Cleaner(words, words.single_words())


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("<@1234567890123456789> what did he publish in 2020 and 2021?", "what did he publish in 2020 and 2021?"),
        (
            "hiii 👋 good morning!! can u show me **the papers with Junfeng Tian** pls 🙏",
            "show me the papers with Junfeng Tian",
        ),
        ("hi there! can u pull up the DocOwl paper", "pull up the DocOwl paper"),
        ("so what is he working on these days lol", "what is he working on these days"),
        ("oops wrong year, I meant 2025", "wrong year, I meant 2025"),
        ("no wait — 2019", "2019"),
        ("heyyy 😄 stuff w/ pablo ibarra?? 🙏🙏", "stuff with pablo ibarra??"),
        ("`papers` from ||2023|| <:owl:123456789012345678>", "papers from 2023"),
        ("> quoted: papers about video", "quoted: papers about video"),
        ("thanks, and papers from 2023?", "and papers from 2023?"),
        ("what can you do?", "what can you do?"),
        ("papers from 2O22", "papers from 2022"),
        ("hey bot, quick q — does he do any RL stuff?", "does he do any RL stuff?"),
        ("who r u", "who are you"),
        # one-letter shorthand only in lower case and standing alone
        ("papers using U-Net", "papers using U-Net"),
        ("what is the R@1 of X-CLIP on MSVD?", "what is the R@1 of X-CLIP on MSVD?"),
        ("papers w code", "papers with code"),
        ("list evrything w/ kwame from b4 2020", "list everything with kwame from before 2020"),
        # a short fragment after the question narrows it; a sign-off after "or" is a time
        ("her CV papers?? w code only pls thx", "her CV papers with code only"),
        ("papers from 2020 or later", "papers from 2020 or later"),
        ("tell me about AMBER. it's for my thesis", "tell me about AMBER."),
        # years said in words; two bounds sharing one year
        ("papers from twenty twenty-three", "papers from 2023"),
        ("anything from two thousand and nineteen?", "anything from 2019?"),
        ("twenty one papers from 2023", "twenty one papers from 2023"),
        ("did he publish more before or after 2023?", "did he publish more before 2023 or after 2023?"),
        ("first half vs second half of 2024?", "first half of 2024 vs second half of 2024?"),
        # an initial ends no sentence; a hedge opens none
        ("R. Subramaniam papers?", "R. Subramaniam papers?"),
        ("hey @profile-bot can u list the SE ones", "list the SE ones"),
        ("i doubt he has anything on robots but does he?", "he has anything on robots but does he?"),
        ("wat papers r there with ama", "what papers are there with ama"),
        ("papers on the IEEE 39-bus system", "papers on the IEEE 39-bus system"),  # an acronym, not "heyyy"
    ],
)
def test_small_talk_and_markup_are_removed(cleaner: Cleaner, message: str, question: str) -> None:
    assert cleaner.clean(message).text == question


def test_shouting_lowers_ordinary_words_but_keeps_names(cleaner: Cleaner) -> None:
    assert cleaner.clean("WHO WROTE THE CHEEMS PAPER").text == "who wrote the CHEEMS paper"
    assert cleaner.clean("WHAT IS REFPROBE").text == "what is REFPROBE"
    # "IT" is a word here, not the class cs.IT.
    assert cleaner.clean("IS IT ABOUT VIDEO").text == "is it about VIDEO"  # an unknown word may be a name


def test_a_shouted_word_keeps_its_capitals_only_where_the_page_writes_it_so() -> None:
    words = vocabulary()
    page_capitals = {"YCSB", "TPC", "NI"}
    cleaner = Cleaner(words, words.single_words(), page_capitals.__contains__)
    # "CONTROL" is no benchmark's name in capitals ("DMControl"), only a shouted word
    assert cleaner.clean("CONGESTION CONTROL PAPERS??").text == "congestion control papers??"
    assert cleaner.clean("PAPERS ON YCSB AND TPC-H IN NI").text == "papers on YCSB and TPC-H in NI"


@pytest.mark.parametrize(
    ("message", "chat"),
    [("hey", "greeting"), ("good morning!", "greeting"), ("thanks!", "thanks"), ("thank you very much", "thanks"),
     ("ok bye", "farewell"), ("cooool thanks", "thanks"), ("?", "help"), ("???", "help")],
)  # fmt: skip
def test_small_talk_alone_is_a_chat_turn(cleaner: Cleaner, message: str, chat: str) -> None:
    assert cleaner.clean(message) == CleanMessage("", chat=chat)  # type: ignore[arg-type]


def test_a_long_message_is_answered_by_its_question_with_the_sentence_before(cleaner: Cleaner) -> None:
    message = (
        "My team is building a chatbot. Our legal people are worried about safety. Someone mentioned a "
        "benchmark for the values of Chinese LLMs. Which paper is that?"
    )
    clean = cleaner.clean(message)
    assert clean.text == "Which paper is that?"
    assert clean.context == "Someone mentioned a benchmark for the values of Chinese LLMs."


def test_without_a_question_mark_the_last_request_is_the_question(cleaner: Cleaner) -> None:
    clean = cleaner.clean("I read a lot about video models. Show me his papers about retrieval. Thanks a lot")
    assert clean.text == "Show me his papers about retrieval."


def test_emoji_alone_and_empty_messages_are_nothing(cleaner: Cleaner) -> None:
    assert cleaner.clean("🙂🙂🙂") == CleanMessage("")
    assert cleaner.clean("   ") == CleanMessage("")


def test_long_messages_are_cut_and_say_so(cleaner: Cleaner) -> None:
    clean = cleaner.clean("papers about video " * 300)
    assert clean.cut
    assert len(clean.text) <= 2000


def test_a_hedge_after_a_question_is_no_question_of_its_own(cleaner: Cleaner) -> None:
    # "Daniel Okafor maybe?" is two words once "maybe" goes: it adds to the question before it
    assert cleaner.clean("who was her PhD advisor? Daniel Okafor maybe?").text == "who was her PhD advisor?"


def test_a_count_of_those_counted_is_a_second_question(cleaner: Cleaner) -> None:
    assert cleaner.compound_parts("how many papers does she have in 2026 and how many have code") == [
        "how many papers does she have in 2026",
        "how many have code",
    ]
    assert cleaner.compound_parts("how many in CV and how many in CL?") == ["how many in CV and how many in CL?"]


def test_a_share_asked_after_a_count_is_a_second_question(cleaner: Cleaner) -> None:
    assert cleaner.compound_parts("how many of her papers have code and what fraction of the total that is") == [
        "how many of her papers have code",
        "what fraction of the total that is",
    ]


def test_a_second_question_without_its_question_mark_is_asked_too(cleaner: Cleaner) -> None:
    question = cleaner.clean("whats the newest one with code? also did he publish anything in 2018").text
    assert question == "whats the newest one with code? did he publish anything in 2018"
    assert cleaner.compound_parts(question) == ["whats the newest one with code", "did he publish anything in 2018"]
    # a remark after the question is not one
    assert cleaner.clean("what's her latest paper? tell me more about it").text == "what's her latest paper?"


def test_a_hyphenated_about_ending_is_written_apart(cleaner: Cleaner) -> None:
    assert cleaner.clean("ENCODE-related papers").text == "ENCODE related papers"
    assert cleaner.clean("model-based RL").text == "model-based RL"


def test_so_far_is_no_topic(cleaner: Cleaner) -> None:
    assert cleaner.clean("what has he put out this year so far?").text == "what has he put out this year?"


def test_announcing_the_questions_is_no_part_of_them(cleaner: Cleaner) -> None:
    assert cleaner.clean("two qs: how many papers does she have, and which one's the oldest?").text == (
        "how many papers does she have, and which one's the oldest?"
    )


def test_the_askers_guess_closes_the_question(cleaner: Cleaner) -> None:
    assert cleaner.clean("does he do anything w/ spiking nets or is it all eeg").text == (
        "does he do anything with spiking nets?"
    )
    assert cleaner.clean("any papers with code, or is it just theory?").text == "any papers with code?"
    assert cleaner.clean("papers from 2023 or 2024").text == "papers from 2023 or 2024"


def test_a_tag_question_is_part_of_the_question_it_ends(cleaner: Cleaner) -> None:
    for question in (
        "HiTeA doesn't have code, does it?",
        "she wrote it alone, did she?",
        "that one is from 2021, is that right?",
    ):
        assert cleaner.compound_parts(question) == [question]
    assert cleaner.compound_parts("what's her newest paper and does it have code?") == [
        "what's her newest paper",
        "does it have code?",
    ]


def test_titles_and_role_words_are_normalised(cleaner: Cleaner) -> None:
    assert cleaner.clean("papers where Dr. Adeyemi-Clarke is last author").text == (
        "papers where Adeyemi-Clarke is last author"
    )
    assert cleaner.clean("and which ones is that coauthor NOT on?").text == "and which ones is that person NOT on?"
    assert cleaner.clean("2025 stuff that isn't GN").text == "2025 stuff that isn't GN"
    assert cleaner.clean("ok gn").chat == "farewell"


def test_a_sentence_that_only_points_back_brings_the_one_before_it(cleaner: Cleaner) -> None:
    message = cleaner.clean(
        "Ok this is a weird one. I remember a paper about tokenizer fertility. I think it had an R squared "
        "number in it. Was that one of his, and what was the R^2?"
    )
    assert message.text == "Was that one of his, and what was the R^2?"
    # ("I think" is a hedge, dropped like small talk)
    assert message.context == "I remember a paper about tokenizer fertility. it had an R squared number in it."
