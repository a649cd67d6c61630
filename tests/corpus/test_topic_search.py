"""Topic search over titles and abstracts: accents folded on both sides."""

from __future__ import annotations

from bot.corpus.topics import TopicIndex

PAPERS = [
    {"id": 1, "title": "Diacritic Restoration for Yorùbá", "system": "", "abstract": "Tonal marks restored."},
    {"id": 2, "title": "Speech for Hausa", "system": "", "abstract": "Recordings by Ingrid Sæther."},
    {"id": 3, "title": "Dense retrieval", "system": "", "abstract": "Passages ranked by a bi-encoder."},
]


def test_accents_are_folded_in_the_index_and_in_the_question() -> None:
    index = TopicIndex(PAPERS, threads=1)
    assert [hit.paper_id for hit in index.search(["yoruba"])] == [1]
    assert [hit.paper_id for hit in index.search(["Yorùbá"])] == [1]
    assert [hit.paper_id for hit in index.search(["saether"])] == [2]
    assert index.papers_using("yoruba") == index.papers_using("Yorùbá") == 1
    assert index.papers_using("swahili") == 0
