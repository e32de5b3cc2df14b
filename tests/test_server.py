"""Chroma as a server: a real `chroma run` on a free port, two assistant processes sharing it.

This test process is one assistant (`ASSISTANT_CHROMA_URL` set through `Settings.chroma_url`);
the other is `python -m assistant add …` in a subprocess, sharing the corpus folder. An article
added through the subprocess is answered here without a restart and without being embedded a
second time, and the rows live on the server.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from procs import stop

from assistant import Assistant, Settings

pytestmark = pytest.mark.slow

PAGE = Path(__file__).resolve().parent / "data" / "saved_page.html"
STORED = "harbour-pilots-strike-at-kettleby.txt"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Chroma server of its own, stopped (by its pid) when the module's tests are done."""
    exe = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
    assert exe, "the `chroma` command ships with chromadb"
    port = _free_port()
    folder = tmp_path_factory.mktemp("chroma-server")
    log = (folder / "server.log").open("w")
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    proc = subprocess.Popen([exe, "run", "--path", str(folder / "data"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((folder / "server.log").read_text()) from None
                time.sleep(0.3)
        yield url
    finally:
        stop(proc)
        log.close()


def test_two_processes_share_one_index_on_the_server(bot: Assistant, chroma_url: str,
                                                     tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(bot.settings.corpus_dir, corpus)
    here = Assistant(Settings(corpus_dir=corpus, index_dir=tmp_path / "here",
                              chroma_url=chroma_url), notify=lambda _m: None)
    first = here.load()
    assert first.location == chroma_url and first.built is True
    answer = here.ask("Who mediates?")
    assert "Oman" in answer.text and answer.citations
    # Nothing of the index is in the local folder: only the saved BM25 counts.
    assert not (tmp_path / "here" / "chroma.sqlite3").exists()

    env = {**os.environ, "ASSISTANT_CHROMA_URL": chroma_url, "ASSISTANT_CORPUS_DIR": str(corpus),
           "ASSISTANT_INDEX_DIR": str(tmp_path / "there"), "HF_HUB_OFFLINE": "1"}
    other = subprocess.run([sys.executable, "-m", "assistant", "add", str(PAGE)], env=env,
                           capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert other.returncode == 0, other.stderr
    assert other.stdout.startswith(f"added {STORED}\nindex up to date: 1 article(s) embedded")

    answer = here.ask("Where will the grain shipments be diverted?",
                      article="Harbour Pilots Strike at Kettleby")
    assert here.load().added == []  # the other process embedded it; this one only read it
    assert "Brenholt" in answer.text
    assert {c.source for c in answer.citations} == {STORED}

    import chromadb
    from chromadb.config import Settings as ChromaSettings

    host, port = chroma_url.rsplit(":", 1)
    client = chromadb.HttpClient(host=host.split("//")[1], port=int(port),
                                 settings=ChromaSettings(anonymized_telemetry=False))
    names = {c.name for c in client.list_collections()}
    units = client.get_collection(f"units_{first.fingerprint}")
    assert names == {f"units_{first.fingerprint}", f"docs_{first.fingerprint}"}
    assert len(units.get(where={"source": STORED}, include=[])["ids"]) > 4
