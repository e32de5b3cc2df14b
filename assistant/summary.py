"""Summaries: the article's most central sentences, diverse, in reading order, each cited.

LexRank (Erkan & Radev, 2004) over the index's own sentence vectors: a sentence is central when
it is similar to many sentences that are themselves central (the stationary distribution of a
random walk on the cosine-similarity graph, with the paper's damping of 0.85). The summary then
takes sentences by maximal marginal relevance (Carbonell & Goldstein, 1998): each next one is the
most central sentence that is least like those already taken, and no two come from the same
section while unvisited sections remain, so the summary covers the article's main sections.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .values import Sentence

DAMPING = 0.85  # LexRank's damping factor, as in the paper
# MMR's balance of centrality against novelty; 0.7 leans to centrality, as MMR summaries do.
MMR_LAMBDA = 0.7
# A summary of five sentences: inside the three to six a reader expects of "summarize".
LENGTH = 5
# A summary of an article with headings draws on at least this many of its sections.
SUMMARY_SECTIONS = 3


def centrality(vectors: np.ndarray, iterations: int = 100) -> np.ndarray:
    """Continuous LexRank: the stationary distribution of the cosine-similarity random walk."""
    n = len(vectors)
    if n == 0:
        return np.zeros(0)
    sim = np.clip(vectors @ vectors.T, 0.0, None)
    np.fill_diagonal(sim, 0.0)
    rows = sim.sum(axis=1, keepdims=True)
    walk = np.divide(sim, rows, out=np.full_like(sim, 1.0 / n), where=rows > 0)
    p = np.full(n, 1.0 / n)
    for _ in range(iterations):
        nxt = (1 - DAMPING) / n + DAMPING * (walk.T @ p)
        if np.abs(nxt - p).sum() < 1e-9:
            return nxt
        p = nxt
    return p


def summarize(sentences: Sequence[Sentence], vectors: np.ndarray,
              length: int = LENGTH) -> list[Sentence]:
    """The `length` sentences of a summary (fewer for a short article), in reading order."""
    if not sentences:
        return []
    v = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    score = centrality(v)
    score = score / (score.max() or 1.0)
    chosen: list[int] = []
    sections: set[str | None] = set()
    all_sections = {s.section for s in sentences}
    while len(chosen) < min(length, len(sentences)):
        best, best_value = None, -np.inf
        for i, s in enumerate(sentences):
            if i in chosen:
                continue
            if s.section in sections and sections != all_sections:
                continue  # another section first
            redundancy = max((float(v[i] @ v[j]) for j in chosen), default=0.0)
            value = MMR_LAMBDA * score[i] - (1 - MMR_LAMBDA) * redundancy
            if value > best_value:
                best, best_value = i, value
        if best is None:
            sections = set()  # every section visited: any sentence may follow
            continue
        chosen.append(best)
        sections.add(sentences[best].section)
    return sorted((sentences[i] for i in chosen), key=lambda s: s.position)
