"""`python -m assistant` as a user runs it: real subprocesses, the real model, a temp index.

Two runs go through `python -m assistant` in subprocesses, side by side: a multi-turn `chat`
and an empty `ask`, each on its own copy of the session's index chosen with ASSISTANT_INDEX_DIR.
Each subprocess pays ~10 s of imports on this two-core machine, so `ask`, `ask --json` and
`index` call the same `main()` in-process, configured by the same environment variable. The
first build of an index is covered in tests/test_index.py; every run here finds one built.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.cli import main

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
NEGOTIATOR = "Who is Iran's top nuclear negotiator?"

PARALLEL = 2
# name: (arguments, stdin)
RUNS: dict[str, tuple[list[str], str | None]] = {
    "chat": (["chat"], f"{NEGOTIATOR}\nWhat did he confirm?\n\n"),
    "empty": (["ask", ""], None),
}


@dataclass(frozen=True)
class Run:
    """What one CLI run printed and returned."""

    code: int
    out: str
    err: str
    index_dir: Path


@pytest.fixture(scope="module")
def runs(bot: Assistant, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False", TOKENIZERS_PARALLELISM="false",
               PYTHONIOENCODING="utf-8")
    running: list[tuple[str, subprocess.Popen[str], str | None, Path]] = []
    done: dict[str, Run] = {}

    def finish() -> None:
        name, proc, stdin, index_dir = running.pop(0)
        out, err = proc.communicate(stdin, timeout=300)
        done[name] = Run(proc.returncode, out, err, index_dir)

    for name, (args, stdin) in RUNS.items():
        if len(running) >= PARALLEL:
            finish()
        index_dir = tmp_path_factory.mktemp(f"cli-{name}") / "index"
        shutil.copytree(bot.settings.index_dir, index_dir)
        proc = subprocess.Popen(
            [sys.executable, "-m", "assistant", *args], cwd=ROOT,
            env={**env, "ASSISTANT_INDEX_DIR": str(index_dir)},
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        )
        running.append((name, proc, stdin, index_dir))
    while running:
        finish()
    return done


def test_empty_question_is_one_error_line(runs: dict[str, Run]) -> None:
    r = runs["empty"]
    assert r.code != 0
    assert r.out == ""
    lines = r.err.strip().splitlines()
    assert len(lines) == 1, r.err
    assert lines[0].startswith("error:") and "empty" in lines[0]
    assert "Traceback" not in r.err


def test_chat_is_multi_turn(runs: dict[str, Run]) -> None:
    r = runs["chat"]
    assert r.code == 0, r.err
    assert "Traceback" not in r.err
    assert r.out.startswith("Ask about the article")
    first, _, second = r.out.partition("(interpreted as:")
    assert "Bagheri Kani" in first
    interpreted = second.splitlines()[0]
    assert "Bagheri Kani" in interpreted and "confirm" in interpreted
    assert "mediators" in second
    assert second.count("Sources:") == 1 and first.count("Sources:") == 1


@pytest.fixture
def in_process(bot: Assistant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The environment of a CLI run, for `main()` called in this process: a copied index."""
    for name in [k for k in os.environ if k.startswith("ASSISTANT_")]:
        monkeypatch.delenv(name)
    index_dir = tmp_path / "index"
    shutil.copytree(bot.settings.index_dir, index_dir)
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(index_dir))
    return index_dir


def test_ask_prints_the_answer_and_its_sources(in_process: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "who mediates?"]) == 0
    out = capsys.readouterr().out
    answer, _, sources = out.partition("\nSources:\n")
    for name in ("Oman", "Qatar", "European Union", "[1]"):
        assert name in answer
    first = sources.splitlines()[0]
    assert first.startswith("  [1] “") and "mediators such as Oman" in first
    assert "000_62740a8eec420147.txt:1829-2084" in first


def test_ask_json_matches_the_answer_dict(in_process: Path, bot: Assistant,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "who mediates?"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d == bot.ask("who mediates?").to_dict()
    assert set(d) == {"question", "text", "citations", "abstained", "interpreted_as", "related",
                      "backend", "notices", "removed", "recited", "article", "kind"}
    assert set(d["citations"][0]) == {"n", "quote", "source", "start", "end", "section", "title",
                                      "author", "date"}


def test_index_is_up_to_date_the_second_time(in_process: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    # The session built this index once already; both runs find it current.
    for _ in range(2):
        assert main(["index"]) == 0
        out = capsys.readouterr().out
        assert out == f"index up to date: 57 sentences from 1 document(s) in {in_process}\n"


def test_errors_exit_non_zero_with_one_line(in_process: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    too_long = "why " * 300
    assert main(["ask", too_long]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "1000" in err
