"""The chart: per-category scores of the assistant beside the LangChain-tutorial baseline.

Drawn with matplotlib's Agg backend (no display needed). Four bars per category: retrieval
hit@4 for the assistant and for the baseline, then the share of key facts in the assistant's
answers (answerable items) and its abstention accuracy (unanswerable items). A bar that does
not apply to a category is left out rather than drawn as zero.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

SERIES = (
    ("retrieval.hit@4", "assistant: retrieval hit@4", "#1f77b4", False),
    ("retrieval.hit@4", "baseline: retrieval hit@4", "#bbbbbb", True),
    ("answer.key_facts", "assistant: key facts in answer", "#2ca02c", False),
    ("abstention.accuracy", "assistant: abstains when it should", "#d62728", False),
)


def draw(report: Mapping[str, Any], path: Path) -> Path:
    """Write the per-category chart of a report to `path` (PNG) and return it."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cats = list(report["by_category"])
    rows = [report["by_category"][c] for c in cats]
    overall = {"metrics": report["metrics"], "baseline": (report.get("baseline") or {}).get(
        "metrics", {})}
    cats.append("all")
    rows.append(overall)
    width = 0.2
    fig, ax = plt.subplots(figsize=(max(8.0, 1.4 * len(cats)), 5.2), dpi=110)
    for s, (metric, label, color, from_baseline) in enumerate(SERIES):
        xs, ys = [], []
        for i, row in enumerate(rows):
            source = row.get("baseline", {}) if from_baseline else row["metrics"]
            value = source.get(metric)
            if value is not None and not math.isnan(value):
                xs.append(i + (s - 1.5) * width)
                ys.append(value)
        ax.bar(xs, ys, width, label=label, color=color)
    ax.set_xticks(range(len(cats)), [c.replace("_", " ") for c in cats])
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("share of items")
    ax.set_title("Article assistant evals by category (baseline: LangChain tutorial RAG)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=4, fontsize=8, frameon=False)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path
