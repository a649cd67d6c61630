"""Every paper's JSON object written at once and cut into pieces joins into the objects made one by one."""

from __future__ import annotations

import orjson

from bot.corpus.model import Corpus
from bot.corpus.page_parser import parse_page
from bot.corpus.rows import all_rows, joined, paper_row, row_pieces
from bot.corpus.synth import synth_page


def test_pieces_join_into_the_array_of_the_papers_they_are_of() -> None:
    document = parse_page(synth_page(60, seed=2))
    document["papers"][3]["title"] = 'Quotes "},{"id": inside a title, and a \\ backslash'
    corpus = Corpus.from_document(document)
    array = all_rows(document["papers"])
    assert array is not None
    pieces = row_pieces(array, len(corpus.papers))
    assert pieces is not None and len(pieces) == 60
    for chosen in ([corpus.papers[3]], corpus.papers[::7], list(reversed(corpus.papers))):
        made_here = orjson.dumps([paper_row(p) for p in chosen])
        assert joined([pieces[p.id - 1] for p in chosen]) == made_here


def test_arrays_that_cannot_be_cut_by_id_are_not_written() -> None:
    document = parse_page(synth_page(20, seed=2))
    assert all_rows([]) is None
    shuffled = [document["papers"][1], document["papers"][0], *document["papers"][2:]]
    assert all_rows(shuffled) is None  # ids out of order: a piece would be another paper's
    document["papers"][5]["title"] = "lone \udc00"
    assert all_rows(document["papers"]) is None
    array = all_rows(parse_page(synth_page(20, seed=2))["papers"])
    assert array is not None
    assert row_pieces(array, 19) is None and row_pieces(b"[]", 0) is None
