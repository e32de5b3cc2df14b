"""Retrieval: rank the article's sentences for a question, dense and lexical together.

Dense: the question's MiniLM embedding against each sentence's, read from Chroma (top candidates)
and against a small window around each sentence (its neighbours in the paragraph), so a sentence
that only makes sense with its context ("It allows Tehran to …") can still be found.
Lexical: BM25 over stemmed words of each sentence and its section heading, which catches names
and rare words that a small embedding model blurs. The two are fused with a fixed weight.
This module ranks; choosing what to say is the answerer's job.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from langchain_core.embeddings import Embeddings

from .index import SentenceIndex
from .text import Speller, terms, words
from .values import Hit, Query, Sentence

# BM25 parameters for sentence-length documents: low b, since sentences vary little in length.
BM25_K1 = 1.2
BM25_B = 0.4
# Weight of a heading's words relative to the sentence's own words in the lexical document.
HEADING_WEIGHT = 0.5
# How much a sentence's context window, or one of its clauses, counts against the sentence alone.
WINDOW_DISCOUNT = 0.92
CLAUSE_DISCOUNT = 0.95


def _dictionary(embeddings: Embeddings) -> frozenset[str]:
    """Whole words of the embedding model's tokenizer: real words the speller must leave alone.

    Without them the speller would "correct" a correct word that the article happens not to use
    (States → Stakes). A misspelling ("nucular") is rarely a whole word of a 30k vocabulary.
    """
    client = getattr(embeddings, "_client", None)
    tokenizer = getattr(client, "tokenizer", None)
    if tokenizer is None:
        return frozenset()
    return frozenset(w for w in tokenizer.get_vocab() if w.isalpha())


class BM25:
    """Okapi BM25 over bags of stemmed terms (with optional fractional weights)."""

    def __init__(self, docs: Sequence[dict[str, float]]) -> None:
        """Index the given term-count documents."""
        self.docs = list(docs)
        self.lengths = [sum(d.values()) for d in self.docs]
        self.avg = sum(self.lengths) / max(1, len(self.docs))
        df: Counter[str] = Counter()
        for d in self.docs:
            df.update(d.keys())  # document frequency: each term once per document
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def ideal(self, query: Sequence[str]) -> float:
        """The score of an average-length document holding each query term once."""
        return sum(self.idf.get(t, 0.0) for t in query)

    def scores(self, query: Sequence[str]) -> list[float]:
        """The BM25 score of every document for the query terms."""
        out = []
        q = Counter(query)
        for d, length in zip(self.docs, self.lengths, strict=True):
            s = 0.0
            norm = BM25_K1 * (1 - BM25_B + BM25_B * length / self.avg)
            for t, qn in q.items():
                f = d.get(t, 0.0)
                if f:
                    s += qn * self.idf[t] * f * (BM25_K1 + 1) / (f + norm)
            out.append(s)
        return out


@dataclass
class Retriever:
    """Hybrid sentence retriever over one `SentenceIndex`."""

    index: SentenceIndex
    embeddings: Embeddings
    dense_weight: float = 0.8

    def __post_init__(self) -> None:
        sents = self.index.sentences
        self.sentences: list[Sentence] = sents
        self.matrix = np.asarray(self.index.vectors, dtype=np.float32)
        self.windows = self._window_matrix()
        self.clauses = np.asarray(self.index.clause_vectors, dtype=np.float32).reshape(
            -1, self.matrix.shape[1])
        self.clause_owner = np.asarray(self.index.clause_owner, dtype=np.int64)
        docs = []
        for s in sents:
            bag: dict[str, float] = {}
            for t in terms(s.text):
                bag[t] = bag.get(t, 0.0) + 1.0
            for t in terms(s.section or ""):
                bag[t] = bag.get(t, 0.0) + HEADING_WEIGHT
            docs.append(bag)
        self.bm25 = BM25(docs)
        self.vocabulary = frozenset(t for d in docs for t in d)
        known = {w for s in sents for w in words(f"{s.text} {s.section or ''}")}
        self.speller = Speller({p for w in known for p in w.split("-")} | known, _dictionary(
            self.embeddings))

    def spell(self, query: Query) -> Query:
        """The query with words misspelt against the corpus corrected in its searched form."""
        fixed = self.speller.correct(query.standalone)
        return query if fixed == query.standalone else replace(query, standalone=fixed)

    def _window_matrix(self) -> np.ndarray:
        """Per sentence: the normalised mean of it and its paragraph neighbours."""
        out = np.zeros_like(self.matrix)
        for i, s in enumerate(self.sentences):
            rows = [i]
            for j in (i - 1, i + 1):
                if 0 <= j < len(self.sentences):
                    o = self.sentences[j]
                    if o.source == s.source and o.paragraph == s.paragraph:
                        rows.append(j)
            v = self.matrix[rows].mean(axis=0)
            out[i] = v / (np.linalg.norm(v) or 1.0)
        return out

    def embed(self, text: str) -> np.ndarray:
        """The normalised query embedding."""
        return np.asarray(self.embeddings.embed_query(text), dtype=np.float32)

    def rank(self, query: Query, vector: np.ndarray | None = None) -> list[Hit]:
        """Every sentence, scored and sorted best first."""
        q = self.embed(query.standalone) if vector is None else vector
        dense = self.matrix @ q
        window = self.windows @ q
        dense = dense.copy()
        if len(self.clauses):
            np.maximum.at(dense, self.clause_owner, CLAUSE_DISCOUNT * (self.clauses @ q))
        dense_ctx = np.maximum(dense, WINDOW_DISCOUNT * window)
        q_terms = terms(query.standalone)
        lex = np.asarray(self.bm25.scores(q_terms), dtype=np.float32)
        ideal = self.bm25.ideal(q_terms)
        lex_norm = np.minimum(lex / ideal, 1.0) if ideal > 0 else lex
        w = self.dense_weight
        fused = w * dense_ctx + (1 - w) * lex_norm
        order = np.argsort(-fused, kind="stable")
        return [
            Hit(self.sentences[i], float(fused[i]), float(dense[i]), float(lex_norm[i]))
            for i in order
        ]
