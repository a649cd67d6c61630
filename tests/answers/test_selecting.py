"""A one-filter selection the corpus lists already gives what the walk over every paper gives."""

from __future__ import annotations

from bot.answers.selecting import Selector
from bot.corpus.model import Corpus
from bot.corpus.page_parser import parse_page
from bot.corpus.synth import synth_page
from bot.query import Atom, ByPerson, Clause, HasCode, InCategory, MentionsBenchmark, Selection


def test_listed_filters_select_the_papers_the_walk_selects_newest_first() -> None:
    corpus = Corpus.from_document(parse_page(synth_page(400, seed=8)))
    selector = Selector(corpus, lambda text, tolerant: [])
    person = max(corpus.people.values(), key=lambda p: len(p.papers))
    benchmark = max(corpus.by_benchmark, key=lambda name: len(corpus.by_benchmark[name]))
    atoms: list[Atom] = [
        HasCode(),
        InCategory("CV"),
        InCategory("XX"),
        MentionsBenchmark(benchmark),
        ByPerson(person.key, person.name),
        ByPerson("nobody", "Nobody"),
    ]
    for atom in atoms:
        listed = selector.select(Selection((Clause((atom,)),))).papers
        walked = [p for p in corpus.newest if p.id in selector.atom_ids(atom, {}, [])]
        assert listed == walked, atom
        # beside a second filter the walk decides: the same papers
        with_code = selector.select(Selection((Clause((atom,)), Clause((HasCode(),))))).papers
        assert with_code == [p for p in walked if p.has_code], atom
    assert len(selector.select(Selection((Clause((HasCode(),)),))).papers) == len(corpus.with_code) > 0
    negated = selector.select(Selection((Clause((HasCode(),), negated=True),))).papers
    assert negated == [p for p in corpus.newest if not p.has_code]
