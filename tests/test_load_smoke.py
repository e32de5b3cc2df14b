"""The load test's CI smoke: one reader, then 20 at once, against the real app; bounds checked.

The same code as `make load` (tests/load/run.py: the app started on a free 127.0.0.1 port,
locust in a subprocess so its gevent patches stay out of this process), shortened to about a
minute: 20 readers for 15 s must get every answer cited, no error, no busy reply, and a p95 at
most 10 × one reader's p50 measured in the same run. `make load` holds the issue's 5 ×; here,
where the app, locust and everything else share two cores and one reader's p50 is ~15 ms, a
wider bound still catches answers served one at a time (the 18 × this page had before) without
failing on the machine's noise (a run beside other work measured 6.6 ×).
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


def test_twenty_readers_get_cited_answers_within_ten_times_one_readers_p50(tmp_path: Path):
    spec = importlib.util.spec_from_file_location("load_run", Path(__file__).parent / "load" /
                                                  "run.py")
    assert spec and spec.loader
    run = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = run  # its dataclasses look their module up by name
    spec.loader.exec_module(run)
    code = run.main(["--levels", "1,20", "--seconds", "15", "--check", "--ratio", "10",
                     "--out", str(tmp_path)])
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert code == 0, report
    assert (tmp_path / "load.png").stat().st_size > 0
