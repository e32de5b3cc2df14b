"""Word-by-word matching in MiniLM's own token vectors: how much of the question a sentence says.

A sentence embedding averages everything a sentence says, so a question worded unlike the
article can sit closer to a sentence that shares its setting (Tehran, Washington) than to the
one that answers it in other words ("… through mediators"). Matching word by word asks, for each
content word of the question, how close the nearest word of the sentence comes, in the
contextual token vectors the same all-MiniLM-L6-v2 forward pass already computes: the recall
half of BERTScore (Zhang et al., 2020), each question word weighted by its IDF in the corpus so
that a rare word counts for more than "talks".

The question's token vectors come from the forward pass that embeds it (no second model call); a
sentence's from the pass that embeds it when the index is built, written beside the index
(`TokenStore`) and read when it is a candidate; a sentence the store lacks is
encoded then. Either way they are kept (least recently used forgotten first), so a warm
assistant pays a matrix product per candidate. Written here rather than taken from the
`bert-score` package, which needs torch models loaded its own way, scores pairs one by one and
would embed every question twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .kept import Kept
from .text import terms

# How many sentences' token vectors are kept (about 23 KB each: some 46 MB at most; a question
# has about 50 candidates). float32, not float16: converting the candidates' vectors on every
# question cost more than the rest of the matching together.
KEEP = 2000
# The documents whose token files' headers (their sentences' row counts, a few bytes each) are
# kept open; past this many the least recently read is read again when next needed.
OPEN_FILES = 10_000
# Subword tokens longer than a sentence's first this many are not read (MiniLM's own limit).
MAX_TOKENS = 256
# A word as `text.terms` reads it, abbreviations ("U.S.") whole so that they fold as there.
# A possessive's "s" is no word of its own.
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")


@dataclass(frozen=True)
class Tokens:
    """The content-word token vectors of one text (rows normalised) and each row's word."""

    vectors: np.ndarray  # (tokens, dim), float32
    words: tuple[str, ...]  # the word each row belongs to, as written (a question's only)
    share: tuple[float, ...] = ()  # 1 / how many rows that word has: a word weighs once


def recall(question: Tokens, sentences: Sequence[Tokens], idf: Mapping[str, float],
           unknown: float) -> list[float]:
    """For each sentence, the IDF-weighted mean over the question's content tokens of the best
    cosine with one of its tokens; 0 when either has none. Words the corpus lacks weigh
    `unknown`. One matrix product for all the sentences."""
    sizes = [len(t.vectors) for t in sentences]
    if not len(question.words) or not sum(sizes):
        return [0.0] * len(sentences)
    w = np.asarray([max(idf.get(t, unknown) for t in terms(x)) * f
                    for x, f in zip(question.words, question.share, strict=True)],
                   dtype=np.float32)
    w = w / (float(w.sum()) or 1.0)
    stacked = np.concatenate([t.vectors for t in sentences if len(t.vectors)])
    sims = _product(question.vectors, stacked)  # (question tokens, all sentences' tokens)
    starts = np.cumsum([0] + [n for n in sizes if n])[:-1]
    best = np.maximum.reduceat(sims, starts, axis=1)  # per question token, per sentence
    scores = iter((w @ best).tolist())
    return [next(scores) if n else 0.0 for n in sizes]


def _product(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a @ b.T on torch's thread pool, the model's own. numpy's `@` here would wake its BLAS
    threads, which then spin beside the model's next forward pass (measured: the next query
    embedding 2.3x slower); torch is loaded anyway with the model."""
    import torch

    return (torch.from_numpy(a) @ torch.from_numpy(b).T).numpy()


class TokenVectors:
    """Token vectors from a sentence-transformers model: a question's with its embedding in one
    pass, sentences' computed once and kept."""

    def __init__(self, model: Any, keep: int = KEEP) -> None:
        """Read `model` (a `SentenceTransformer`); keep at most `keep` sentences' vectors."""
        self.model = model
        self.keep = keep
        self._kept: Kept[str, Tokens] = Kept(keep)

    @classmethod
    def of(cls, embeddings: Any) -> TokenVectors | None:
        """For LangChain's `HuggingFaceEmbeddings` (its sentence-transformers model); None for
        any other embeddings, which give sentence vectors only."""
        model = getattr(embeddings, "_client", None)
        if model is None or not hasattr(model, "tokenizer") or not hasattr(model, "encode"):
            return None
        return cls(model)

    def query(self, text: str, start: int = 0) -> tuple[np.ndarray, Tokens]:
        """The normalised sentence embedding of `text` and the token vectors of its words from
        character `start` on (the asking sentence, not a preamble before it), from one pass."""
        out = self.model.encode([text], output_value=None, convert_to_numpy=True)[0]
        vector = np.asarray(out["sentence_embedding"], dtype=np.float32)
        vector = vector / (float(np.linalg.norm(vector)) or 1.0)
        return vector, self._content(text, out, start)

    def sentences(self, keyed: Sequence[tuple[str, str]],
                  stored: Callable[[str], np.ndarray | None] | None = None
                  ) -> dict[str, Tokens]:
        """Token vectors of (key, text) pairs: the kept ones; then those `stored` has (the
        index's, written when it embedded the sentence); the rest computed in one batch."""
        texts = dict(keyed)

        def load(missing: list[str]) -> dict[str, Tokens]:
            got, todo = {}, []
            for k in missing:
                rows = stored(k) if stored is not None else None
                if rows is None:
                    todo.append(k)
                else:
                    got[k] = Tokens(np.asarray(rows, dtype=np.float32), ())
            if todo:
                outs = self.model.encode([texts[k] for k in todo], output_value=None,
                                         convert_to_numpy=True)
                for k, out in zip(todo, outs, strict=True):
                    got[k] = self._content(texts[k], out)
            return got

        return self._kept.get([k for k, _ in keyed], load)

    def encode(self, texts: Sequence[str], wanted: Sequence[bool], batch_size: int = 32
               ) -> tuple[np.ndarray, list[np.ndarray | None]]:
        """For building the index: every text's normalised embedding and, for the `wanted`
        ones (sentences, not clauses), its content-word token vectors, from the same pass.
        The wanted texts go to the model in one call and the rest in another: a call's token
        output holds a whole padded batch per text until it returns, so only the sentences'
        is asked for."""
        mine = [i for i, w in enumerate(wanted) if w]
        rest = [i for i, w in enumerate(wanted) if not w]
        pooled: list[np.ndarray | None] = [None] * len(texts)
        tokens: list[np.ndarray | None] = [None] * len(texts)
        if mine:
            outs = self.model.encode([texts[i] for i in mine], output_value=None,
                                     batch_size=batch_size, convert_to_numpy=True)
            offsets = self._offsets([texts[i] for i in mine])
            for i, o in zip(mine, outs, strict=True):
                pooled[i] = np.asarray(o["sentence_embedding"], dtype=np.float32)
                tokens[i] = self._content(texts[i], o, offsets=next(offsets)).vectors
            del outs
        if rest:
            plain = self.model.encode([texts[i] for i in rest], batch_size=batch_size,
                                      convert_to_numpy=True)
            for i, v in zip(rest, plain, strict=True):
                pooled[i] = np.asarray(v, dtype=np.float32)
        vectors = np.stack([v for v in pooled if v is not None]) if texts else np.zeros((0, 0))
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        return vectors, tokens

    def _offsets(self, texts: list[str]) -> Iterator[list[tuple[int, int]]]:
        """Each text's tokens' character spans, from one batched call of the tokenizer."""
        if not texts:
            return iter(())
        enc = self.model.tokenizer(texts, truncation=True, max_length=MAX_TOKENS,
                                   return_offsets_mapping=True)
        return iter(enc["offset_mapping"])

    def _content(self, text: str, out: Mapping[str, Any], start: int = 0,
                 offsets: Sequence[tuple[int, int]] | None = None) -> Tokens:
        """The rows of the model's token output that belong to content words, normalised."""
        if offsets is None:
            offsets = self.model.tokenizer(text, truncation=True, max_length=MAX_TOKENS,
                                           return_offsets_mapping=True)["offset_mapping"]
        spans = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        vectors = np.asarray(out["token_embeddings"], dtype=np.float32)
        rows, owners, occurrence = [], [], []
        j = 0
        for i, (a, b) in enumerate(offsets[: len(vectors)]):
            if a == b or a < start:  # [CLS], [SEP], padding; a preamble
                continue
            while j < len(spans) and spans[j][1] <= a:
                j += 1
            if j == len(spans) or spans[j][0] > a or not text[a:b].isalnum():
                continue  # punctuation, the dots of "U.S."
            word = spans[j][2]
            if len(word) < 2 or not terms(word):  # "s" of "'s"; a stopword, a question word
                continue
            rows.append(i)
            owners.append(word)
            occurrence.append(j)
        if not rows:
            return Tokens(np.zeros((0, vectors.shape[1]), np.float32), ())
        m = vectors[rows]
        m = m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)
        share = tuple(1.0 / occurrence.count(o) for o in occurrence)
        return Tokens(np.ascontiguousarray(m, dtype=np.float32), tuple(owners), share)


class TokenStore:
    """Sentences' token vectors as the index wrote them: one .npy file per document and model
    fingerprint in a local folder; a document's header is read once, then only the candidates'
    rows. The file is float16 rows: first a header (the number of
    sentences as n // 1024 and n % 1024, then each sentence's row count, all exact in float16,
    padded to whole rows), then every sentence's token vectors in reading order. A file that
    cannot be read, or whose counts do not add up, is as good as missing: the sentence is then
    encoded when it is a candidate."""

    def __init__(self, folder: Path) -> None:
        """Keep the files under `folder` (created on first write)."""
        self.folder = folder
        # Each document's header, read once: bounded, for a server that answers from many
        # thousands of articles.
        self._open: Kept[str, tuple[np.ndarray, int, int, int] | None] = Kept(OPEN_FILES)

    def _path(self, fingerprint: str, digest: str) -> Path:
        return self.folder / f"{fingerprint}-{digest}.npy"

    def save(self, fingerprint: str, digest: str, rows: Sequence[np.ndarray], dim: int) -> None:
        """Write one document's sentences' token vectors (each (tokens, dim)), in order."""
        self.folder.mkdir(parents=True, exist_ok=True)
        n = len(rows)
        head = [n // 1024, n % 1024, *(len(r) for r in rows)]
        header = np.zeros(-(-len(head) // dim) * dim, dtype=np.float16)
        header[: len(head)] = head
        body = [r.astype(np.float16) for r in rows if len(r)]
        data = np.concatenate([header.reshape(-1, dim), *body])
        path = self._path(fingerprint, digest)
        tmp = path.with_suffix(".tmp.npy")
        np.save(tmp, data)
        tmp.replace(path)  # whole or not at all
        self._open.discard([path.stem])

    def rows(self, fingerprint: str, digest: str, position: int) -> np.ndarray | None:
        """The token vectors of the document's sentence at `position`, or None."""
        key = f"{fingerprint}-{digest}"
        got = self._open.get([key], lambda _: {key: self._read(self._path(fingerprint,
                                                                          digest))})[key]
        if got is None:
            return None
        ends, skip, dim, offset = got
        if not 0 <= position < len(ends):
            return None
        start = int(ends[position - 1]) if position else 0
        count = int(ends[position]) - start
        try:
            data = np.fromfile(self._path(fingerprint, digest), dtype=np.float16,
                               count=count * dim, offset=offset + (skip + start) * dim * 2)
        except (OSError, ValueError):
            return None
        return data.reshape(count, dim) if len(data) == count * dim else None

    @staticmethod
    def _read(path: Path) -> tuple[np.ndarray, int, int, int] | None:
        """The row counts' ends, header rows, width and data offset of one file. Rows are then
        read where they lie (not memory-mapped: mapped pages would count as the process's)."""
        try:
            data = np.load(path, mmap_mode="r")
            if data.ndim != 2 or not len(data) or data.dtype != np.float16:
                return None
            dim = data.shape[1]
            n = int(data[0, 0]) * 1024 + int(data[0, 1])
            skip = -(-(n + 2) // dim)
            counts = np.array(data[:skip], dtype=np.float32).ravel()[2 : 2 + n]
            offset, rows = int(data.offset), len(data)
            del data
        except (OSError, ValueError, IndexError):
            return None
        ends = np.cumsum(counts.astype(np.int64))
        if len(ends) != n or (n and int(ends[-1]) != rows - skip):
            return None  # damaged, or cut short
        return ends, skip, dim, offset

    def keep_only(self, fingerprint: str, digests: Iterable[str]) -> None:
        """Delete the files of other fingerprints and of documents no longer indexed."""
        if not self.folder.is_dir():
            return
        mine = {f"{fingerprint}-{d}" for d in digests}
        for path in self.folder.glob("*.npy"):
            if path.name.split(".", 1)[0] not in mine:
                path.unlink(missing_ok=True)
        self._open.discard([k for k in self._open if k not in mine])
