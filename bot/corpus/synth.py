"""Synthetic profile pages in the real page format, for scale tests and benchmarks.

Deterministic for a seed: realistic spread of years, classes, year-less recent dates, authors drawn
from a pool with shared surnames, benchmark mentions from the gazetteer, "Code" flags, links.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from bot.corpus.gazetteer import default_gazetteer

GIVEN = [
    "Alex",
    "Ana",
    "Bo",
    "Chen",
    "Dana",
    "Elif",
    "Farid",
    "Grace",
    "Hana",
    "Ivan",
    "Jun",
    "Kai",
    "Lena",
    "Mei",
    "Nadia",
    "Omar",
    "Priya",
    "Qiang",
    "Rosa",
    "Sven",
    "Tariq",
    "Uma",
    "Vera",
    "Wei",
    "Xin",
    "Yara",
    "Zoe",
    "Ming",
    "Hao",
    "Lin",
    "Yu",
    "Jia",
    "Rui",
    "Sara",
    "Tomás",
    "José",
    "Zoë",
    "Noah",
    "Liam",
    "Ivy",
]
SURNAMES = [
    "Li",
    "Wang",
    "Zhang",
    "Chen",
    "Liu",
    "Yang",
    "Huang",
    "Zhao",
    "Wu",
    "Zhou",
    "Xu",
    "Sun",
    "Ma",
    "Zhu",
    "Hu",
    "Guo",
    "He",
    "Lin",
    "Gao",
    "Luo",
    "Kim",
    "Park",
    "Lee",
    "Müller",
    "Schmidt",
    "Rossi",
    "Garcia",
    "Martin",
    "Silva",
    "Novak",
    "Kowalski",
    "Ivanova",
    "Tanaka",
    "Sato",
    "Khan",
    "Patel",
    "Singh",
    "Cohen",
    "Smith",
    "Brown",
]
CLASSES = ["CV"] * 5 + ["CL"] * 5 + ["LG"] * 4 + ["AI"] * 2 + ["IR", "RO", "SD", "CR", "MA", "HC", "NE", "SE"]
PREFIXES = [
    "Neuro",
    "Deep",
    "Omni",
    "Hyper",
    "Meta",
    "Flux",
    "Vision",
    "Lingua",
    "Echo",
    "Graph",
    "Quant",
    "Sparse",
    "Atlas",
    "Nova",
    "Terra",
    "Aero",
]
SUFFIXES = [
    "Former",
    "Net",
    "Owl",
    "Bench",
    "Mind",
    "Lens",
    "Gen",
    "Search",
    "Agent",
    "Pilot",
    "Fusion",
    "Align",
    "Coder",
    "Vox",
]
ADJECTIVES = [
    "Scalable",
    "Efficient",
    "Robust",
    "Unified",
    "Modular",
    "Sparse",
    "Contrastive",
    "Hierarchical",
    "Multimodal",
    "Adaptive",
]
NOUNS = [
    "Pre-training",
    "Alignment",
    "Retrieval",
    "Reasoning",
    "Distillation",
    "Grounding",
    "Planning",
    "Captioning",
    "Segmentation",
]
TASKS = [
    "Video Understanding",
    "Document Question Answering",
    "Speech Recognition",
    "Code Generation",
    "Robot Manipulation",
    "Knowledge Graphs",
    "Recommendation",
    "Hallucination Detection",
    "Machine Translation",
    "Search Agents",
]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _a(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def synth_page(count: int, seed: int = 0, as_of: date | None = None, name: str = "Morgan Example") -> str:
    rng = random.Random(seed)
    as_of = as_of or date(2026, 11, 26)
    benchmarks = sorted(default_gazetteer().entries)
    # Shared surnames and given names on purpose; a middle initial keeps large pools unique.
    pool_size = min(max(40, count // 3), len(GIVEN) * len(SURNAMES) * 26)
    people: list[str] = []
    seen = {name}
    while len(people) < pool_size:
        person = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
        if person in seen:
            person = f"{person.split()[0]} {chr(65 + rng.randrange(26))}. {person.split()[1]}"
        if person not in seen:
            seen.add(person)
            people.append(person)
    blocks = []
    used_systems: set[str] = set()
    for index in range(count):
        recent = rng.random() < 0.08
        if recent:
            when = as_of - timedelta(days=rng.randrange(0, 330))
            header_date = f"{MONTHS[when.month - 1]} {when.day}"
        else:
            year = rng.choices(range(2012, as_of.year + 1), weights=[1 + i for i in range(as_of.year - 2011)])[0]
            when = date(year, rng.randrange(1, 13), rng.randrange(1, 29))
            if when > as_of:
                when = date(as_of.year - 1, when.month, when.day)
            header_date = f"{MONTHS[when.month - 1]} {when.day}, {when.year}"
        has_code = rng.random() < 0.35
        system = f"{rng.choice(PREFIXES)}{rng.choice(SUFFIXES)}"
        if system in used_systems:
            system = f"{system}-{index}"
        used_systems.add(system)
        title = f"{system}: {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} for {rng.choice(TASKS)}"
        authors = rng.sample(people, rng.randrange(2, 6))
        if rng.random() < 0.6:
            authors.insert(rng.randrange(0, min(3, len(authors)) + 1), name)
        listed = ", ".join(authors[:3]) + (" et al." if len(authors) > 3 or rng.random() < 0.5 else "")
        used = rng.sample(benchmarks, rng.randrange(0, 4))
        sentences = [
            f"We propose {system}, {_a(rng.choice(ADJECTIVES).lower())} approach to {rng.choice(TASKS).lower()}.",
            f"It improves {rng.choice(NOUNS).lower()} with {_a(rng.choice(ADJECTIVES).lower())} objective.",
        ]
        if used:
            figures = ", ".join(f"{b} ({rng.uniform(20, 95):.1f})" for b in used)
            sentences.append(f"Experiments on {figures} show state-of-the-art results.")
        if has_code:
            sentences.append(f"Code is available at https://github.com/example/{system.lower()}.")
        blocks.append(
            f"{rng.choice(CLASSES)}{header_date}{'Code' if has_code else ''}\n{title}\n\n{listed}\n\n"
            + " ".join(sentences)
        )
    citations = rng.randrange(count * 5, count * 60 + 10)
    header = (
        f"{name}\n\nCL\nh-index{min(count, rng.randrange(5, 80))}\n{count}papers\n{citations:,}citations\n"
        f"Novelty{rng.randrange(20, 90)}%\nAI Score{rng.randrange(20, 90)}\n\n{count} Papers\n\n"
    )
    return header + "\n\n".join(blocks) + "\n"
