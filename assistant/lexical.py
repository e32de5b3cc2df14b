"""Lexical retrieval: Okapi BM25 over the stemmed words of each sentence (and, at half weight,
its section heading), scored by bm25s's sparse matrices.

Each document's term counts are computed once, when it is first seen, and saved beside the index
(`lexical.npz` + `lexical.json`) with the document's fingerprint, so a new process re-stems only
what changed. Any change of the corpus rebuilds the score matrix from those counts, vectorised
(IDF and length normalisation change for every sentence when one document arrives): a fraction
of a second at a thousand articles. The scores are bm25s's "lucene" BM25 with fractional term
counts, which bm25s's own tokenised indexing cannot express; its scoring, top-k selection and
document weight mask (for one article's scope) are used as they are.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .corpus import Document
from .text import terms, words_version

# BM25 parameters for sentence-length documents: low b, since sentences vary little in length.
BM25_K1 = 1.2
BM25_B = 0.4
# Weight of a heading's words relative to the sentence's own words in the lexical document.
HEADING_WEIGHT = 0.5
FILES = ("lexical.json", "lexical.npz")


@dataclass(frozen=True)
class _Counts:
    """One document's term counts: sentence rows[e] holds terms[cols[e]] tf[e] times."""

    digest: str
    terms: list[str]
    rows: np.ndarray  # int32, sentence index within the document
    cols: np.ndarray  # int32, index into `terms`
    tf: np.ndarray  # float32, fractional for heading words
    sentences: int


def _count(doc: Document) -> _Counts:
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    tf: list[float] = []
    for i, s in enumerate(doc.sentences):
        bag: dict[str, float] = {}
        for t in terms(s.text):
            bag[t] = bag.get(t, 0.0) + 1.0
        for t in terms(s.section or ""):
            bag[t] = bag.get(t, 0.0) + HEADING_WEIGHT
        for t, n in bag.items():
            rows.append(i)
            cols.append(vocab.setdefault(t, len(vocab)))
            tf.append(n)
    return _Counts(doc.digest, list(vocab), np.asarray(rows, np.int32),
                   np.asarray(cols, np.int32), np.asarray(tf, np.float32), len(doc.sentences))


class LexicalIndex:
    """BM25 over every sentence of the corpus, in corpus order (documents sorted by name)."""

    def __init__(self, folder: Path | None = None) -> None:
        """An empty index; `folder` is where the term counts are saved (None: not saved)."""
        self.folder = folder
        self._counts: dict[str, _Counts] = {}
        self.idf: dict[str, float] = {}
        self.vocabulary: frozenset[str] = frozenset()
        self.spans: dict[str, tuple[int, int]] = {}  # source → [lo, hi) in corpus order
        self.size = 0
        self._bm25: object | None = None
        self._vocab: dict[str, int] = {}
        self._idf_array = np.zeros(0, np.float32)
        if folder is not None:
            self._load(folder)

    # ---- keeping up with the corpus ------------------------------------------------------
    def sync(self, documents: Sequence[Document]) -> bool:
        """Count the new and changed documents, forget removed ones, rebuild the matrix.
        Returns whether anything changed."""
        order = [d.source for d in documents]
        fresh = {d.source: (self._counts[d.source] if d.source in self._counts
                            and self._counts[d.source].digest == d.digest else _count(d))
                 for d in documents}
        recounted = set(fresh) != set(self._counts) or any(
            fresh[s] is not self._counts.get(s) for s in order)
        self._counts = fresh
        changed = recounted or order != list(self.spans) or self._bm25 is None
        if changed:
            self._build(order)
        if recounted:
            self._save()
        return changed

    def _build(self, order: list[str]) -> None:
        import bm25s

        vocab: dict[str, int] = {}
        rows, cols, tf = [], [], []
        self.spans, base = {}, 0
        for src in order:
            c = self._counts[src]
            ids = np.asarray([vocab.setdefault(t, len(vocab)) for t in c.terms], np.int32)
            rows.append(c.rows.astype(np.int64) + base)
            cols.append(ids[c.cols] if len(c.cols) else c.cols)
            tf.append(c.tf)
            self.spans[src] = (base, base + c.sentences)
            base += c.sentences
        n, v = base, len(vocab)
        r = np.concatenate(rows) if rows else np.zeros(0, np.int64)
        k = np.concatenate(cols).astype(np.int64) if cols else np.zeros(0, np.int64)
        f = np.concatenate(tf) if tf else np.zeros(0, np.float32)
        df = np.bincount(k, minlength=v).astype(np.float64)
        idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
        length = np.bincount(r, weights=f, minlength=n)
        avg = float(length.mean()) if n else 1.0
        norm = BM25_K1 * (1 - BM25_B + BM25_B * length / (avg or 1.0))
        data = idf[k] * f * (BM25_K1 + 1) / (f + norm[r])
        order_k = np.argsort(k, kind="stable")
        indptr = np.concatenate([[0], np.cumsum(np.bincount(k, minlength=v))])
        bm25 = bm25s.BM25(k1=BM25_K1, b=BM25_B, method="lucene")
        bm25.scores = {"data": data[order_k].astype(np.float32),
                       "indices": r[order_k].astype(np.int32),
                       "indptr": indptr.astype(np.int64), "num_docs": n}
        bm25.vocab_dict = vocab
        bm25.nonoccurrence_array = None
        self._bm25, self._vocab, self.size = bm25, vocab, n
        self._idf_array = idf.astype(np.float32)
        self.idf = {t: float(idf[i]) for t, i in vocab.items()}
        self.vocabulary = frozenset(vocab)

    # ---- scoring -------------------------------------------------------------------------
    def ideal(self, query: Sequence[str]) -> float:
        """The score scale of a query: the sum of its terms' IDF (what normalises to 0..1)."""
        return sum(self.idf.get(t, 0.0) for t in query)

    def scores(self, query: Sequence[str], article: str | None = None) -> np.ndarray:
        """The BM25 score of every sentence (zero outside `article` when one is given)."""
        ids = [self._vocab[t] for t in query if t in self._vocab]
        if not ids or self._bm25 is None:
            return np.zeros(self.size, np.float32)
        mask = None
        if article is not None:
            lo, hi = self.spans.get(article, (0, 0))
            mask = np.zeros(self.size, np.float32)
            mask[lo:hi] = 1.0
        out: np.ndarray = self._bm25.get_scores_from_ids(ids, weight_mask=mask)  # type: ignore[attr-defined]
        return out

    # ---- beside the index ----------------------------------------------------------------
    def _save(self) -> None:
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        order = list(self.spans)
        meta = {"words": words_version(),
                "documents": [{"source": s, "digest": self._counts[s].digest,
                               "terms": self._counts[s].terms,
                               "sentences": self._counts[s].sentences,
                               "entries": len(self._counts[s].tf)} for s in order]}
        cat = [self._counts[s] for s in order]
        tmp_json, tmp_npz = self.folder / ".lexical.json.tmp", self.folder / ".lexical.tmp.npz"
        np.savez(tmp_npz,
                 rows=np.concatenate([c.rows for c in cat]) if cat else np.zeros(0, np.int32),
                 cols=np.concatenate([c.cols for c in cat]) if cat else np.zeros(0, np.int32),
                 tf=np.concatenate([c.tf for c in cat]) if cat else np.zeros(0, np.float32))
        tmp_json.write_text(json.dumps(meta), encoding="utf-8")
        os.replace(tmp_npz, self.folder / FILES[1])
        os.replace(tmp_json, self.folder / FILES[0])

    def _load(self, folder: Path) -> None:
        """Saved term counts, when readable; anything damaged is simply counted again."""
        try:
            meta = json.loads((folder / FILES[0]).read_text(encoding="utf-8"))
            if meta.get("words") != words_version():
                return  # counted with other stopwords: counted again, as if damaged
            with np.load(folder / FILES[1]) as z:
                rows, cols, tf = z["rows"], z["cols"], z["tf"]
            at = 0
            for d in meta["documents"]:
                e = d["entries"]
                self._counts[d["source"]] = _Counts(d["digest"], d["terms"], rows[at : at + e],
                                                    cols[at : at + e], tf[at : at + e],
                                                    d["sentences"])
                at += e
        except (OSError, ValueError, KeyError, TypeError):
            self._counts = {}


def normalised(raw: np.ndarray, ideal: float) -> np.ndarray:
    """BM25 scores scaled by the query's ideal score, capped at 1."""
    return np.minimum(raw / ideal, 1.0) if ideal > 0 else raw


__all__ = ["BM25_B", "BM25_K1", "HEADING_WEIGHT", "LexicalIndex", "normalised"]
