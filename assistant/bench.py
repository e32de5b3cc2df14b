"""`make bench`: how fast is `ask()`, measured against the floor of one query embedding.

One run, one process: the same questions are embedded alone and asked in full, interleaved, so
a noisy shared machine slows both alike and the ratio stays meaningful. Cold start is timed in a
fresh subprocess (import, model load, index open, first answer).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from .engine import Assistant

DEV_SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev_set.yaml"
ROUNDS = 3

COLD = """
import time; t = time.perf_counter()
import assistant
assistant.ask("Who mediates?")
print(time.perf_counter() - t)
"""


def _percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p * (len(xs) - 1)))]


def questions() -> list[str]:
    """Distinct questions from the dev set (answerable and not)."""
    data = yaml.safe_load(DEV_SET.read_text(encoding="utf-8"))
    return [i["q"] for i in data["answerable"]] + list(data["unanswerable"])


def interleaved(bot: Assistant, qs: list[str], rounds: int) -> tuple[list[float], list[float]]:
    """(ask times, query-embedding times) in ms, each question embedded alone and then asked:
    the embedding is the floor any retrieval pays, and timing both side by side cancels the
    machine's changing load."""
    asks: list[float] = []
    embeds: list[float] = []
    embed = bot.retriever.embeddings
    for _ in range(rounds):
        for q in qs:
            t = time.perf_counter()
            embed.embed_query(q)
            embeds.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            bot.ask(q)
            asks.append((time.perf_counter() - t) * 1000)
    return asks, embeds


def main() -> int:
    """Print the benchmark table."""
    bot = Assistant()
    t = time.perf_counter()
    bot.load()
    load_s = time.perf_counter() - t
    qs = questions()
    bot.ask(qs[0])  # warm up
    ask_ms, embed_ms = interleaved(bot, qs, ROUNDS)
    cold = subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True, check=True)
    cold_s = float(cold.stdout.strip().splitlines()[-1])
    e50, a50 = statistics.median(embed_ms), statistics.median(ask_ms)
    print(f"questions: {len(qs)} distinct x {ROUNDS} rounds, interleaved")
    print("| measure | value |")
    print("|---|---|")
    print(f"| one query embedding p50 (the floor) | {e50:.1f} ms |")
    print(f"| warm ask() p50 | {a50:.1f} ms |")
    print(f"| warm ask() p95 | {_percentile(ask_ms, 0.95):.1f} ms |")
    print(f"| ask p50 / embedding p50 | {a50 / e50:.2f}x |")
    print(f"| load (model + index open, warm disk) | {load_s:.2f} s |")
    print(f"| cold start: new process to first answer | {cold_s:.2f} s |")
    print(f"| cold start / warm ask p50 | {cold_s * 1000 / a50:.0f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
