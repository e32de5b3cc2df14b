"""Installable as a library: the wheel, installed into a fresh virtualenv, answers from another
directory with the article it ships, and keeps its index in the user's cache folder.

To stay fast the fresh virtualenv borrows the project's installed dependencies (a `.pth` line
pointing at this interpreter's site-packages) and the wheel is installed with `--no-deps`; what
is checked is the package itself: its data, its default folders, nothing read from the checkout.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

ASK = """
import assistant, json
a = assistant.ask("Who mediates?")
hi = assistant.ask("hi")  # the small-talk reply reads its prompt file from the package
print(json.dumps({"file": assistant.__file__, "text": a.text, "hi": hi.kind,
                  "sources": sorted({c.source for c in a.citations})}))
"""


@pytest.mark.slow
def test_the_wheel_answers_from_anywhere(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for package in ("assistant", "evals", "prompts"):
        shutil.copytree(ROOT / package, src / package,
                        ignore=shutil.ignore_patterns("__pycache__", "out"))
    dist = tmp_path / "dist"
    run = dict(capture_output=True, text=True, timeout=600)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                            "--no-build-isolation", "-q", "-w", str(dist), str(src)], **run)
    assert built.returncode == 0, built.stderr
    wheel = next(dist.glob("article_assistant-*.whl"))

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig."
                                   "get_paths()['purelib'])"], **run).stdout.strip())
    borrowed = [sysconfig.get_paths()["purelib"], *site.getsitepackages()]
    (purelib / "borrowed-deps.pth").write_text("\n".join(dict.fromkeys(borrowed)) + "\n")
    installed = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                                "--no-deps", "-q", str(wheel)], **run)
    assert installed.returncode == 0, installed.stderr

    elsewhere = tmp_path / "elsewhere"  # no ./corpus here: the packaged article is used
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env |= {"XDG_CACHE_HOME": str(tmp_path / "cache"), "HF_HUB_OFFLINE": "1",
            "PYTHONPATH": ""}
    asked = subprocess.run([str(python), "-c", ASK], cwd=elsewhere, env=env, **run)
    assert asked.returncode == 0, asked.stderr
    import json

    result = json.loads(asked.stdout.strip().splitlines()[-1])
    assert result["file"].startswith(str(venv))
    assert "Oman" in result["text"]
    assert result["hi"] == "chat"
    assert result["sources"] == ["000_62740a8eec420147.txt"]
    caches = list((tmp_path / "cache" / "article-assistant").glob("index-*/chroma.sqlite3"))
    assert len(caches) == 1
    assert list(elsewhere.iterdir()) == []


def test_the_packaged_article_is_the_corpus_article() -> None:
    packaged = ROOT / "assistant" / "data" / "corpus"
    assert sorted(p.name for p in packaged.iterdir()) == ["000_62740a8eec420147.txt"]
    assert (packaged / "000_62740a8eec420147.txt").read_bytes() == (
        ROOT / "corpus" / "000_62740a8eec420147.txt").read_bytes()
