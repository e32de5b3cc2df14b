"""`python -m evals`: run the reference set, score it, write the report, apply the gate.

    python -m evals                         everything (what `make eval` and CI run)
    python -m evals --only ID,ID            a few items, by id
    python -m evals --category paraphrase   one category
    python -m evals --llm ollama:qwen2.5:7b  the same suite, answered by a chat model
    python -m evals --judge                 add the optional LLM judge (needs a chat model)

Exit status: 0 when every threshold of evals/thresholds.yaml holds, 1 when one does not,
2 for a usage error (unknown id or category, malformed reference set or thresholds, a model
that cannot be used). With --llm the report names the model and its fallback rate: the share
of answers the extractive answerer gave instead (timeout, error, refusal, nothing verified).
The previous run's report.json is kept as previous.json and compared item by item.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import baseline as baseline_mod
from . import chart, gate, replay, report
from .dataset import BLIND, CATEGORIES, REFERENCE, DatasetError, load
from .run import METRICS, AssistantLike, Result, run, warm_up

OUT = Path(__file__).resolve().parent / "out"


def parser() -> argparse.ArgumentParser:
    """The command-line options."""
    p = argparse.ArgumentParser(prog="python -m evals", description=__doc__.split("\n\n")[0])
    p.add_argument("--only", metavar="ID,ID", help="run only these item ids")
    p.add_argument("--category", choices=CATEGORIES, help="run only this category")
    p.add_argument("--out", type=Path, default=OUT, help=f"report folder (default {OUT})")
    p.add_argument("--reference", type=Path, default=REFERENCE, help="reference set file")
    p.add_argument("--thresholds", type=Path, default=gate.THRESHOLDS, help="threshold file")
    p.add_argument("--no-baseline", action="store_true", help="skip the LangChain baseline")
    p.add_argument("--blind", type=Path, default=BLIND, help="blind set file (run after the "
                   "reference set when no --only/--category is given)")
    p.add_argument("--no-blind", action="store_true", help="skip the blind set")
    p.add_argument("--llm", metavar="SPEC", help="answer with this chat model instead of "
                   "ASSISTANT_LLM (CI stays extractive), e.g. ollama:qwen2.5:7b")
    p.add_argument("--judge", action="store_true", help="add the LLM judge (never in CI)")
    p.add_argument("--judge-model", metavar="SPEC", help="chat model for the judge "
                   "(default: ASSISTANT_LLM), e.g. ollama:qwen2.5:7b")
    p.add_argument("-v", "--verbose", action="store_true", help="print each item as it runs")
    return p


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, timeout=5, cwd=Path(__file__).resolve().parent)
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def _judge(results: list[Result], spec: str | None) -> list[Result]:
    from .judge import from_spec

    if os.environ.get("CI"):
        raise SystemExit("evals: the LLM judge does not run in CI (CI is set); drop --judge")
    if not spec:
        raise SystemExit("evals: --judge needs a chat model: --judge-model SPEC or ASSISTANT_LLM")
    scored = from_spec(spec).score([r.answer for r in results])
    return [replace(r, scores={**r.scores, **s}) for r, s in zip(results, scored, strict=True)]


def main(argv: list[str] | None = None, *, assistant: AssistantLike | None = None) -> int:
    """Run the evals; `assistant` replaces the default one (tests pass a broken one)."""
    args = parser().parse_args(argv)
    started = time.perf_counter()
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    try:
        reference = load(args.reference)
        only = [x.strip() for x in args.only.split(",") if x.strip()] if args.only else None
        items = reference.select(only, args.category)
        bounds = gate.load(args.thresholds)
        blind_items: list[Any] = []
        if not (args.no_blind or only or args.category) and args.blind.is_file():
            blind_items = list(load(args.blind).items)
        blind_bounds = gate.load(args.thresholds, scope="blind")
    except (DatasetError, ValueError, OSError) as e:
        print(f"evals: {e}", file=sys.stderr)
        return 2
    if not items:
        print("evals: the selection is empty", file=sys.stderr)
        return 2

    from assistant import Assistant, AssistantError, Settings

    if assistant is None:
        assistant = Assistant(Settings.from_env(**({"llm": args.llm} if args.llm else {})))
    settings = getattr(assistant, "settings", None) or Settings.from_env()
    try:  # the first answer also builds the chat model: a bad line or missing package stops here
        load_ms = warm_up(assistant)
    except AssistantError as e:
        print(f"evals: {e}", file=sys.stderr)
        return 2
    progress = (lambda line: print(line, file=sys.stderr)) if args.verbose else None
    results = run(assistant, items, top_k=settings.top_k, corpus_dir=settings.corpus_dir,
                  progress=progress)
    if args.judge:
        results = _judge(results, args.judge_model or settings.llm)
    blind_results = run(assistant, blind_items, top_k=settings.top_k,
                        corpus_dir=settings.corpus_dir, progress=progress)

    base = None
    if not args.no_baseline:
        retriever = getattr(assistant, "retriever", None)
        base = baseline_mod.run(items, reference.source, reference.text,
                                embeddings=getattr(retriever, "embeddings", None),
                                model_path=settings.model_path)

    from .run import aggregate

    measured = aggregate(results)
    measured["latency.load_ms"] = load_ms
    # The re-citation replay set runs with the full suite (scripted model answers, any backend).
    replayed = None if (only or args.category) else replay.evaluate(assistant)
    measured.update(replayed["metrics"] if replayed else {})
    base_metrics = report.baseline_metrics(base) if base is not None else None
    try:
        verdicts = gate.check(bounds, measured, base_metrics, known=set(METRICS))
        blind_verdicts = (gate.check(blind_bounds, aggregate(blind_results), known=set(METRICS))
                          if blind_results else [])
    except ValueError as e:
        print(f"evals: {e}", file=sys.stderr)
        return 2
    answered = [r.answer for r in results if r.answer]
    backends = Counter(a.backend for a in answered)
    answerer = getattr(getattr(assistant, "answerer", None), "name", None)
    generative = bool(settings.llm) and answerer not in (None, "extractive")
    selection = ", ".join(
        x for x in (f"--only {args.only}" if args.only else "",
                    f"--category {args.category}" if args.category else "") if x
    )
    info: dict[str, Any] = {
        "started": started_at,
        "commit": _commit(),
        "backend": answerer or (backends.most_common(1)[0][0] if backends else "?"),
        # Share of answers the extractive answerer gave although a chat model was configured.
        "fallback_rate": (backends["extractive"] / len(answered) if generative and answered
                          else None),
        "fallbacks": backends["extractive"] if generative else None,
        "answers": len(answered),
        "top_k": settings.top_k,
        "reference": args.reference.name,
        "reference_sha": hashlib.sha256(args.reference.read_bytes()).hexdigest()[:12],
        "thresholds": args.thresholds.name,
        "selection": selection,
        "judge": bool(args.judge),
    }
    doc = report.build(results, base, verdicts, info, load_ms)
    doc["reliability"] = report.reliability(getattr(settings, "scorer_path", None))
    if replayed:
        doc["replay"] = replayed
        doc["metrics"].update(replayed["metrics"])
    if blind_results:
        info["blind"] = args.blind.name
        info["blind_sha"] = hashlib.sha256(args.blind.read_bytes()).hexdigest()[:12]
        doc["blind"] = report.section(blind_results, blind_verdicts)
        doc["gate"]["passed"] = doc["gate"]["passed"] and doc["blind"]["gate"]["passed"]
    doc["run"]["duration_s"] = round(time.perf_counter() - started, 1)

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    current = out / "report.json"
    if current.is_file():
        try:
            previous = json.loads(current.read_text(encoding="utf-8"))
            doc["changes"] = report.compare(previous, doc)
            shutil.copyfile(current, out / "previous.json")
        except (json.JSONDecodeError, KeyError, TypeError):
            doc["changes"] = None
    current.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "report.md").write_text(report.markdown(doc), encoding="utf-8")
    chart.draw(doc, out / "chart.png")
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:  # GitHub Actions shows this Markdown on the run's page
        with open(summary_file, "a", encoding="utf-8") as f:
            f.write(report.markdown(doc))
    print(report.summary(doc))
    print(f"report: {out / 'report.md'} (details in report.json, chart in chart.png)")
    return 0 if doc["gate"]["passed"] else 1
