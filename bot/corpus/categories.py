"""arXiv classes and their names (data/arxiv_categories.yaml): computer science first, then the
classes of other archives, which name their archives."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bot.paths import CATEGORIES_FILE
from bot.yaml_io import load_data_file


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    name: str
    aliases: tuple[str, ...]
    archives: tuple[str, ...] = ("cs",)

    @property
    def computer_science(self) -> bool:
        return "cs" in self.archives


@cache
def categories() -> dict[str, Category]:
    raw = load_data_file(CATEGORIES_FILE)
    return {
        code: Category(code, entry["name"], tuple(entry.get("aliases", ())), tuple(entry.get("archives", ("cs",))))
        for code, entry in raw.items()
    }


def category_name(code: str) -> str:
    """The class's name, or the code itself for a class the data file does not know."""
    known = categories().get(code)
    return known.name if known else code
