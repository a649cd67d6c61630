"""Papers-per-year bar chart as PNG bytes.

matplotlib (the optional `chart` extra) is imported once at start-up by `preload()`, never while
answering; each chart is its own `matplotlib.figure.Figure` (no pyplot global state), so charts can be
drawn in worker threads, off the event loop.
"""

from __future__ import annotations

import importlib.util
import io
from collections.abc import Sequence
from typing import Any

_figure_class: Any = None


def available() -> bool:
    return _figure_class is not None or importlib.util.find_spec("matplotlib") is not None


def preload() -> bool:
    """Import matplotlib and draw a tiny chart once (font cache), so the first /stats is fast."""
    global _figure_class
    if _figure_class is not None:
        return True
    if importlib.util.find_spec("matplotlib") is None:
        return False
    from matplotlib.figure import Figure

    _figure_class = Figure
    bar_chart_png([("2020", 1)], "warm-up")
    return True


def bar_chart_png(rows: Sequence[tuple[str, int]], title: str) -> bytes:
    if _figure_class is None:
        preload()
    figure = _figure_class(figsize=(7, 3.2), dpi=110)
    axes = figure.subplots()
    labels = [label for label, _ in rows]
    values = [value for _, value in rows]
    axes.bar(labels, values, color="#5865F2")
    axes.set_title(title)
    axes.set_ylabel("papers")
    axes.spines[["top", "right"]].set_visible(False)
    for x, value in enumerate(values):
        if value:
            axes.text(x, value, str(value), ha="center", va="bottom", fontsize=8)
    if len(labels) > 12:
        axes.tick_params(axis="x", labelrotation=60, labelsize=7)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
