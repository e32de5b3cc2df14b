"""The load test: start the app on a free local port, run locust at each level, write a report.

    python tests/load/run.py                      # = make load: 1, 20, 50, 100 readers, 30 s each
    python tests/load/run.py --levels 1,20 --seconds 15 --check --ratio 0   # the CI smoke

Level 1 is the baseline: one reader alone, measured in the same run, so the bound "p95 at 20
readers ≤ 5 × one reader's p50" compares like with like on a machine whose speed varies. Each
level runs `locust --headless` (tests/load/locustfile.py) against this app only, for a bounded
time, and stops by itself; the readers' questions are timed from the moment they are sent to
the moment the answer completes. The report (report.md, report.json) and the chart (load.png)
go to --out. With --check the process exits non-zero unless, at the second level, there were
no errors and p95 ≤ 5 × the baseline p50, and at the largest no failure other than the page's
clean "busy" reply. `--ratio 0` checks everything but the latency, which it still reports: the
CI smoke's way, since a timed bound fails on a shared machine's noise (a benchmark's figures
belong in the README, not in a test's verdict).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCUSTFILE = Path(__file__).with_name("locustfile.py")
STARTUP_SECONDS = 300
RATIO = 5.0  # p95 under load may be at most this many times one reader's p50


@dataclass(frozen=True)
class Level:
    """What one level of load measured."""

    readers: int
    seconds: float
    answered: int  # questions answered with citations
    busy: int  # questions given the clean "busy, try again" reply
    errors: int  # everything else: HTTP errors, error replies, uncited answers
    p50_ms: float
    p95_ms: float
    max_ms: float
    throughput: float  # answered questions per second


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) by the nearest-rank method; nan for no values."""
    if not values:
        return math.nan
    ranked = sorted(values)
    return ranked[max(0, math.ceil(q / 100 * len(ranked)) - 1)]


def free_port() -> int:
    """A port nothing listens on, on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_app(port: int, log: Path) -> subprocess.Popen[bytes]:
    """`python app.py` on 127.0.0.1:port, returned once it serves the page."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
           "ANONYMIZED_TELEMETRY": "False", "TOKENIZERS_PARALLELISM": "false"}
    env.pop("GRADIO_SERVER_NAME", None)
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--host", "127.0.0.1",
                                 "--port", str(port)], cwd=ROOT, env=env, stdout=out,
                                stderr=subprocess.STDOUT)
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        if proc.poll() is not None:
            raise SystemExit(f"app.py exited with {proc.returncode}; see {log}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                if r.status == 200:
                    return proc
        except OSError:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            raise SystemExit(f"app.py did not serve in {STARTUP_SECONDS} s; see {log}")
        time.sleep(0.5)


def run_level(url: str, readers: int, seconds: float, out: Path) -> Level:
    """Locust with `readers` simulated readers for `seconds`, then what they measured."""
    samples = out / f"samples-{readers}.jsonl"
    samples.unlink(missing_ok=True)
    env = {**os.environ, "LOAD_SAMPLES": str(samples)}
    cmd = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--host", url,
           "--users", str(readers), "--spawn-rate", str(readers), "--run-time", f"{seconds:g}s",
           "--stop-timeout", "60", "--only-summary", "--loglevel", "WARNING",
           "--exit-code-on-error", "0"]
    started = time.time()
    with (out / f"locust-{readers}.log").open("wb") as log:
        subprocess.run(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, check=True,
                       timeout=seconds + 180)
    rows = [json.loads(line) for line in samples.read_text().splitlines()] if samples.exists() \
        else []
    # Questions still running when the time was up finish during the stop timeout: count them,
    # but measure throughput over the time the readers were asking.
    ms = [r["ms"] for r in rows if r["kind"] == "chat"]
    elapsed = max(seconds, max((r["t"] for r in rows), default=started) - started)
    return Level(readers, round(elapsed, 1), len(ms),
                 sum(r["kind"] == "chat (busy)" for r in rows),
                 sum(r["kind"] == "error" for r in rows),
                 round(percentile(ms, 50), 1), round(percentile(ms, 95), 1),
                 round(max(ms, default=math.nan), 1), round(len(ms) / elapsed, 2))


def verdicts(levels: list[Level], ratio: float = RATIO) -> list[str]:
    """The bounds, each as 'ok: …' or 'FAIL: …' (expected … got …): at the second level (20
    readers in `make load`) no error, no busy reply and p95 ≤ `ratio` × the baseline's p50
    (the latency is reported, not bounded, when `ratio` is 0); at the largest (when there are
    more than two), no failure but the clean busy reply. The levels between are reported, not
    bounded."""
    base, out = levels[0], []
    if len(levels) > 1:
        lv, bound = levels[1], ratio * base.p50_ms
        fast = ratio <= 0 or lv.p95_ms <= bound
        ok = lv.errors == 0 and lv.busy == 0 and lv.answered > 0 and fast
        wanted = (f" and p95 ≤ {ratio:g} × {base.p50_ms:g} = {bound:.0f} ms" if ratio > 0
                  else " (latency reported, not bounded)")
        out.append(f"{'ok' if ok else 'FAIL'}: {lv.readers} readers: expected 0 errors, 0 busy"
                   f"{wanted}; got {lv.answered} answered, {lv.errors} errors, {lv.busy} busy, "
                   f"p95 {lv.p95_ms:g} ms ({lv.p95_ms / base.p50_ms:.1f}×)")
    if len(levels) > 2:
        lv = levels[-1]
        out.append(f"{'ok' if lv.errors == 0 else 'FAIL'}: {lv.readers} readers, no failure but "
                   f"the clean busy reply: expected 0 errors, got {lv.errors} "
                   f"({lv.busy} busy replies)")
    return out


def report(levels: list[Level], checks: list[str], out: Path) -> str:
    """report.md, report.json and load.png in `out`; returns the Markdown."""
    lines = ["| readers | answered | busy | errors | p50 ms | p95 ms | max ms | answers/s | "
             "p95 / one reader's p50 |", "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    base = levels[0].p50_ms
    for lv in levels:
        lines.append(f"| {lv.readers} | {lv.answered} | {lv.busy} | {lv.errors} | "
                     f"{lv.p50_ms:g} | {lv.p95_ms:g} | {lv.max_ms:g} | {lv.throughput:g} | "
                     f"{lv.p95_ms / base:.1f}× |")
    text = "\n".join(["# Load test", "", *lines, "", *[f"- {c}" for c in checks], ""])
    (out / "report.md").write_text(text, encoding="utf-8")
    (out / "report.json").write_text(json.dumps({"levels": [asdict(lv) for lv in levels],
                                                 "checks": checks}, indent=2), encoding="utf-8")
    chart(levels, out / "load.png")
    return text


def chart(levels: list[Level], path: Path) -> None:
    """Latency (p50, p95) and throughput against the number of readers."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    readers = [lv.readers for lv in levels]
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.4))
    left.plot(readers, [lv.p50_ms for lv in levels], "o-", label="p50")
    left.plot(readers, [lv.p95_ms for lv in levels], "s-", label="p95")
    left.axhline(RATIO * levels[0].p50_ms, color="grey", ls="--",
                 label=f"{RATIO:g} × one reader's p50")
    left.set(xlabel="simulated readers", ylabel="time to answer (ms)", title="Latency")
    left.legend()
    right.bar([str(r) for r in readers], [lv.throughput for lv in levels], color="#b45309")
    right.set(xlabel="simulated readers", ylabel="answers per second", title="Throughput")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    """Start the app, run every level against it, stop it, write the report; 1 on a FAIL
    with --check."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--levels", default="1,20,50,100",
                   help="simulated readers per level, the first being the baseline")
    p.add_argument("--seconds", type=float, default=30, help="how long each level runs")
    p.add_argument("--out", type=Path, default=ROOT / "evals" / "out" / "load")
    p.add_argument("--warmup", type=float, default=10, help="seconds of one unmeasured reader")
    p.add_argument("--check", action="store_true", help="exit 1 when a bound is not met")
    p.add_argument("--ratio", type=float, default=RATIO,
                   help=f"p95 at 20 readers may be this many times one reader's p50 "
                        f"(default {RATIO:g}, the issue's bound; 0: report it, do not bound it)")
    args = p.parse_args(argv)
    levels = [int(n) for n in args.levels.split(",")]
    args.out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    app = start_app(port, args.out / "server.log")
    try:
        url = f"http://127.0.0.1:{port}"
        # One reader first, unmeasured: answers computed for the first time ever (each then
        # remembered, see assistant/memo.py) are not what a level's percentiles describe.
        run_level(url, 1, args.warmup, args.out)
        measured = []
        for n in levels:
            measured.append(run_level(url, n, args.seconds, args.out))
            print(f"{n} readers: {asdict(measured[-1])}", flush=True)
    finally:
        app.terminate()
        try:
            app.wait(timeout=20)
        except subprocess.TimeoutExpired:
            app.kill()
    checks = verdicts(measured, args.ratio)
    print(report(measured, checks, args.out))
    print(f"report and chart in {args.out}")
    return 1 if args.check and any(c.startswith("FAIL") for c in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
