"""Papers-per-year bar chart as PNG bytes (matplotlib, Agg backend, imported only here)."""

from __future__ import annotations

import importlib.util
import io
from collections.abc import Sequence


def available() -> bool:
    """matplotlib is the optional `chart` extra."""
    return importlib.util.find_spec("matplotlib") is not None


def bar_chart_png(rows: Sequence[tuple[str, int]], title: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 3.2), dpi=110)
    try:
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
    finally:
        plt.close(figure)
