"""arXiv classes and their names (data/arxiv_categories.yaml): computer science first, then the
classes of other archives, which name their archives."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

from bot.paths import CATEGORIES_FILE
from bot.yaml_io import load_data_file


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    name: str
    aliases: tuple[str, ...]
    archives: tuple[str, ...] = ("cs",)
    senses: Mapping[str, str] = field(default_factory=dict)
    """The class's name in each archive that uses its letters ("CO": Combinatorics in math)."""

    @property
    def computer_science(self) -> bool:
        return "cs" in self.archives


@cache
def categories() -> dict[str, Category]:
    raw = load_data_file(CATEGORIES_FILE)
    return {
        code: Category(
            code,
            entry["name"],
            tuple(entry.get("aliases", ())),
            tuple(entry.get("archives", ("cs",))),
            dict(entry.get("senses", {})),
        )
        for code, entry in raw.items()
    }


def category_name(code: str) -> str:
    """The class's name, or the code itself for a class the data file does not know."""
    known = categories().get(code)
    return known.name if known else code


def class_archives(codes: Iterable[str]) -> dict[str, str]:
    """Each known class's archive on a page with these classes. Letters several archives share ("CO":
    math's Combinatorics, stat's Computation, astro-ph's Cosmology) take the archive the page's other
    classes come from (PR and OC are math only), or computer science's when the page says nothing; on
    a tie, the name the data gives first."""
    known = categories()
    codes = list(dict.fromkeys(codes))
    # A class of one meaning is evidence for each of its archives (SY is both cs.SY and eess.SY).
    plain = [known[code] for code in codes if code in known and not known[code].senses]
    evidence = Counter(archive for category in plain for archive in category.archives)
    archives: dict[str, str] = {}
    for code in codes:
        category = known.get(code)
        if category is None:
            continue
        if len(category.archives) == 1:
            archives[code] = category.archives[0]
            continue
        best = max((evidence[a] for a in category.archives), default=0)
        chosen = [a for a in category.archives if evidence[a] == best] if best else []
        if len(chosen) == 1:
            archives[code] = chosen[0]
        elif "cs" in category.archives and (not chosen or "cs" in chosen):
            archives[code] = "cs"
    return archives


def class_names(codes: Iterable[str]) -> dict[str, str]:
    """Each class's name on a page with these classes: its name in the archive it has there
    (class_archives), the name the data gives when that is not known."""
    known = categories()
    codes = list(dict.fromkeys(codes))
    archives = class_archives(codes)
    names: dict[str, str] = {}
    for code in codes:
        category = known.get(code)
        if category is None:
            names[code] = code
            continue
        archive = archives.get(code)
        names[code] = category.senses.get(archive, category.name) if archive else category.name
    return names
