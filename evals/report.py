"""The report: report.json (everything, diffable run to run) and report.md (for a person).

The JSON keeps every item's answer, citations and per-metric value and reason, so two runs can
be compared item by item (`compare`); the Markdown leads with the verdict, then the per-category
table, the baseline, what changed since the previous run, and every failure with its reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from .baseline import DESCRIPTION, BaselineResult
from .dataset import CATEGORIES
from .gate import Verdict
from .replay import markdown as replay_markdown
from .run import METRICS, Result, aggregate


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def baseline_metrics(results: Sequence[BaselineResult]) -> dict[str, float]:
    """Mean of each baseline metric over the items it was run on."""
    names = sorted({n for r in results for n in r.scores})
    out = {}
    for n in names:
        v = _mean([r.scores[n].value for r in results if n in r.scores])
        if v is not None:
            out[n] = v
    return out


def _result_dict(r: Result, base: BaselineResult | None) -> dict[str, Any]:
    a = r.answer
    return {
        "id": r.item.id,
        "category": r.item.category,
        "question": r.item.question,
        "history": [list(t) for t in r.item.history],
        "answerable": r.item.answerable,
        "reference": r.item.answer,
        "passed": r.passed,
        "error": r.error,
        "answer": a.text if a else None,
        "abstained": a.abstained if a else None,
        "interpreted_as": a.interpreted_as if a else None,
        "citations": [
            {"n": c.n, "quote": c.quote, "source": c.source, "start": c.start, "end": c.end}
            for c in (a.citations if a else [])
        ],
        "backend": a.backend if a else None,
        "notices": list(a.notices) if a else [],
        "removed": list(a.removed) if a else [],
        "latency_ms": round(r.latency_ms, 2),
        "scores": {k: {"value": s.value, "reason": s.reason} for k, s in r.scores.items()},
        "failures": [{"check": c.name, "reason": c.reason} for c in r.failures],
        "baseline": (
            {k: {"value": s.value, "reason": s.reason} for k, s in base.scores.items()}
            if base
            else None
        ),
    }


def build(
    results: Sequence[Result],
    baseline: Sequence[BaselineResult] | None,
    verdicts: Sequence[Verdict],
    run_info: Mapping[str, Any],
    load_ms: float,
) -> dict[str, Any]:
    """The whole report as a JSON-ready dict."""
    metrics = aggregate(results)
    metrics["latency.load_ms"] = load_ms
    by_base = {b.item.id: b for b in baseline or []}
    by_category: dict[str, Any] = {}
    for cat in CATEGORIES:
        rs = [r for r in results if r.item.category == cat]
        if not rs:
            continue
        bs = [by_base[r.item.id] for r in rs if r.item.id in by_base]
        by_category[cat] = {
            "items": len(rs),
            "unanswerable": sum(not r.item.answerable for r in rs),
            "metrics": aggregate(rs),
            "baseline": baseline_metrics(bs) if bs else {},
        }
    return {
        "run": dict(run_info),
        "items": len(results),
        "answerable": sum(r.item.answerable for r in results),
        "unanswerable": sum(not r.item.answerable for r in results),
        "passed": sum(r.passed for r in results),
        "metrics": metrics,
        "by_category": by_category,
        "baseline": {
            "description": DESCRIPTION,
            "items": len(baseline or []),
            "metrics": baseline_metrics(baseline or []),
        }
        if baseline is not None
        else None,
        "gate": {
            "passed": all(v.passed for v in verdicts),
            "checks": [
                {
                    "metric": v.bound.metric,
                    "kind": v.bound.kind,
                    "limit": v.bound.limit,
                    "value": v.value,
                    "passed": v.passed,
                    "reason": v.reason,
                }
                for v in verdicts
            ],
        },
        "failures": [
            {
                "id": r.item.id,
                "category": r.item.category,
                "question": r.item.question,
                "answer": r.answer.text if r.answer else None,
                "checks": [{"check": c.name, "reason": c.reason} for c in r.failures],
            }
            for r in results
            if r.failures
        ],
        "results": [_result_dict(r, by_base.get(r.item.id)) for r in results],
        "changes": None,
    }


def reliability(weights: Any = None) -> list[dict[str, Any]]:
    """The reliability curve of the learned P(answerable), as `make train` measured it out of
    fold on the dev sets (stored with the weights)."""
    import json
    from pathlib import Path

    from assistant.scorer import WEIGHTS

    try:
        raw = json.loads(Path(weights or WEIGHTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return list(raw.get("reliability") or [])


def section(results: Sequence[Result], verdicts: Sequence[Verdict]) -> dict[str, Any]:
    """A further question set (the blind set) as its own part of the report."""
    by_category: dict[str, Any] = {}
    for cat in CATEGORIES:
        rs = [r for r in results if r.item.category == cat]
        if rs:
            by_category[cat] = {"items": len(rs), "unanswerable": sum(not r.item.answerable
                                                                       for r in rs),
                                "metrics": aggregate(rs), "baseline": {}}
    return {
        "items": len(results),
        "answerable": sum(r.item.answerable for r in results),
        "unanswerable": sum(not r.item.answerable for r in results),
        "passed": sum(r.passed for r in results),
        "metrics": aggregate(results),
        "by_category": by_category,
        "gate": {"passed": all(v.passed for v in verdicts),
                 "checks": [{"metric": v.bound.metric, "kind": v.bound.kind,
                             "limit": v.bound.limit, "value": v.value, "passed": v.passed,
                             "reason": v.reason} for v in verdicts]},
        "failures": [
            {"id": r.item.id, "category": r.item.category, "question": r.item.question,
             "answer": r.answer.text if r.answer else None,
             "checks": [{"check": c.name, "reason": c.reason} for c in r.failures]}
            for r in results if r.failures
        ],
        "results": [_result_dict(r, None) for r in results],
    }


def _section_markdown(sec: Mapping[str, Any]) -> list[str]:
    """The blind set's part of report.md: its gate, its metrics by category, its failures."""
    lines = [
        "",
        "## Blind set",
        "",
        f"Reader questions written apart from the engine and frozen before it changed "
        f"(`evals/blind.yaml`): never tuned on. {sec['items']} items ({sec['unanswerable']} "
        f"look-alikes to decline); {sec['passed']} passed every check. Gate: "
        f"{'PASSED' if sec['gate']['passed'] else 'FAILED'}.",
        "",
        "| Metric | Threshold | Measured | |",
        "|---|---|---|---|",
    ]
    for c in sec["gate"]["checks"]:
        sign = {"min": "≥", "max": "≤", "min_vs_baseline": "≥ baseline +"}[c["kind"]]
        measured = _fmt(c["metric"], c["value"]) if c["value"] is not None else "not measured"
        lines.append(f"| {c['metric']} | {sign} {c['limit']:g} | {measured} | "
                     f"{'ok' if c['passed'] else '**FAILED**'} |")
    cols = (("items.passed", "Passed"), ("answer.key_facts", "Key facts"),
            ("citations.gold_recall", "Gold passages cited"),
            ("abstention.accuracy", "Abstained when it should"),
            ("abstention.over_refusal", "Over-refusal"), ("reply.kind", "Reply kind"))
    lines += ["", "| Category | Items | " + " | ".join(t for _, t in cols) + " |",
              "|---|---|" + "---|" * len(cols)]
    for cat, row in sec["by_category"].items():
        lines.append(f"| {cat} | {row['items']} | "
                     + " | ".join(_fmt(k, row["metrics"].get(k)) for k, _ in cols) + " |")
    # Failures are counted here, not listed: a developer reading report.md should not read
    # (and come to tune on) the blind questions. report.json keeps them, for an audit.
    lines += ["", f"### Blind-set failures ({len(sec['failures'])})", "",
              "Not listed, so that no one tunes on them; by check: "
              + (", ".join(f"{name} {n}" for name, n in sorted(Counter(
                  c["check"] for f in sec["failures"] for c in f["checks"]).items()))
                 or "none") + " (item by item in report.json, for an audit)."]
    return lines


def compare(previous: Mapping[str, Any], current: Mapping[str, Any]) -> dict[str, Any]:
    """What got better and worse since `previous`, on the items both runs share."""
    before = {r["id"]: r for r in previous.get("results", [])}
    now = {r["id"]: r for r in current.get("results", [])}
    shared = [i for i in now if i in before]
    better = [i for i in shared if now[i]["passed"] and not before[i]["passed"]]
    worse = [
        {"id": i, "checks": [f["check"] for f in now[i]["failures"]]}
        for i in shared
        if before[i]["passed"] and not now[i]["passed"]
    ]
    deltas = {}
    for name, after in current.get("metrics", {}).items():
        prior = previous.get("metrics", {}).get(name)
        if isinstance(prior, int | float) and abs(after - prior) > 1e-9:
            deltas[name] = {"before": prior, "after": after, "delta": after - prior}
    return {
        "previous_run": previous.get("run", {}).get("started"),
        "shared_items": len(shared),
        "same_item_set": set(before) == set(now),
        "better": better,
        "worse": worse,
        "metrics": deltas,
    }


# ---------------------------------------------------------------------- Markdown

HEADLINE = (
    "items.passed",
    "answer.key_facts",
    "abstention.accuracy",
    "abstention.over_refusal",
    "citations.valid",
    "citations.coverage",
    "citations.recall",
    "citations.precision",
    "citations.gold_recall",
    "retrieval.hit@1",
    "retrieval.hit@4",
    "retrieval.mrr",
    "answer.f1",
    "answer.words",
    "retrieval.chars",
    "latency.p50_ms",
    "latency.p95_ms",
    "latency.load_ms",
    "judge.faithfulness",
    "judge.relevance",
)
COLUMNS = (
    ("items.passed", "Passed"),
    ("answer.key_facts", "Key facts"),
    ("abstention.accuracy", "Abstained when it should"),
    ("abstention.over_refusal", "Over-refusal"),
    ("retrieval.hit@4", "Hit@4"),
    ("baseline:retrieval.hit@4", "Baseline hit@4"),
    ("retrieval.mrr", "MRR"),
    ("citations.recall", "Citation recall"),
    ("citations.precision", "Citation precision"),
    ("citations.gold_recall", "Gold passages cited"),
)


def _fmt(name: str, value: float | None) -> str:
    if value is None:
        return "—"
    if name.endswith("_ms") or name in {"answer.words", "retrieval.chars"}:
        return f"{value:,.0f}"
    return f"{value:.2f}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(report: Mapping[str, Any]) -> str:
    """The report for a person: verdict, tables, changes, failures, glossary."""
    run, metrics = report["run"], report["metrics"]
    gate = report["gate"]
    verdict = "PASSED" if gate["passed"] else "FAILED"
    lines = [
        "# Eval report: the article assistant",
        "",
        "The assistant answers questions about one news article, citing the article's exact "
        "words. This report runs it over a hand-written reference set (questions, reference "
        "answers, key facts and the gold passages of the article that answer them) and checks "
        "the results against the thresholds in `evals/thresholds.yaml`.",
        "",
        f"- **Gate: {verdict}**",
        f"- Items: {report['items']} ({report['answerable']} answerable, "
        f"{report['unanswerable']} unanswerable look-alikes that should be declined); "
        f"{report['passed']} passed every check",
        f"- Run: {run.get('started', '?')}, commit `{run.get('commit', '?')}`, answerer "
        f"`{run.get('backend', '?')}`, {run.get('duration_s', 0):.0f} s"
        + (f", selection: {run['selection']}" if run.get("selection") else ""),
    ]
    if run.get("fallback_rate") is not None:
        lines.append(
            f"- Fallback rate: {run['fallback_rate']:.2f} ({run['fallbacks']} of "
            f"{run['answers']} answers came from the extractive answerer instead of "
            f"`{run['backend']}`: timeout, error, refusal or nothing verified)"
        )
    lines += [
        "",
        "## Gate",
        "",
        "| Metric | Threshold | Measured | |",
        "|---|---|---|---|",
    ]
    for c in gate["checks"]:
        sign = {"min": "≥", "max": "≤", "min_vs_baseline": "≥ baseline +"}[c["kind"]]
        measured = _fmt(c["metric"], c["value"]) if c["value"] is not None else "not measured"
        status = "ok" if c["passed"] else "**FAILED**"
        lines.append(f"| {c['metric']} | {sign} {c['limit']:g} | {measured} | {status} |")
    lines += ["", "## Metrics", "", "| Metric | Value | Meaning |", "|---|---|---|"]
    for name in HEADLINE:
        if name in metrics:
            lines.append(f"| {name} | {_fmt(name, metrics[name])} | {METRICS.get(name, '')} |")
    lines += ["", "## By category", ""]
    lines.append("| Category | Items | Unanswerable | " + " | ".join(t for _, t in COLUMNS) + " |")
    lines.append("|---|---|---|" + "---|" * len(COLUMNS))
    for cat, row in report["by_category"].items():
        cells = []
        for key, _ in COLUMNS:
            if key.startswith("baseline:"):
                name = key.split(":", 1)[1]
                cells.append(_fmt(name, row["baseline"].get(name)))
            else:
                cells.append(_fmt(key, row["metrics"].get(key)))
        head = f"| {cat} | {row['items']} | {row['unanswerable']} | "
        lines.append(head + " | ".join(cells) + " |")
    base = report.get("baseline")
    if base:
        lines += [
            "",
            "## Against the baseline",
            "",
            f"Baseline: {base['description']}, run on the {base['items']} answerable items.",
            "",
            "| Metric | Assistant | Baseline |",
            "|---|---|---|",
        ]
        for name in ("retrieval.hit@1", "retrieval.hit@4", "retrieval.mrr", "retrieval.chars"):
            lines.append(
                f"| {name} | {_fmt(name, metrics.get(name))} | "
                f"{_fmt(name, base['metrics'].get(name))} |"
            )
        lines += [
            "",
            "The assistant ranks single sentences and hands `top_k` of them to the answerer; the "
            "baseline hands over four 1000-character chunks. A chunk counts as a hit when it "
            "holds at least half of a gold passage, the same rule as for a sentence.",
        ]
    changes = report.get("changes")
    lines += ["", "## Changes since the previous run", ""]
    if not changes:
        lines.append("No previous run to compare with (this is the first in `evals/out/`).")
    else:
        lines.append(
            f"Compared with the run of {changes['previous_run']} on {changes['shared_items']} "
            f"shared items{'' if changes['same_item_set'] else ' (the item sets differ)'}."
        )
        lines.append("")
        better = ", ".join(f"`{i}`" for i in changes["better"]) or "none"
        worse = ", ".join(f"`{w['id']}` ({', '.join(w['checks'])})" for w in changes["worse"])
        lines.append(f"- Now passing: {better}")
        lines.append(f"- Now failing: {worse or 'none'}")
        moved = [
            f"{n} {_fmt(n, d['before'])} → {_fmt(n, d['after'])}"
            for n, d in changes["metrics"].items()
            if not n.startswith("latency") and abs(d["delta"]) >= 0.005
        ]
        lines.append(f"- Metrics that moved: {'; '.join(moved) or 'none'}")
    if report.get("blind"):
        lines += _section_markdown(report["blind"])
    if report.get("reliability"):
        lines += ["", "## Reliability of the answer/decline probability", "",
                  "The learned P(the article answers), out of fold on the dev sets (`make "
                  "train`): per bin, the mean predicted probability against the share of "
                  "questions that were answerable. A calibrated model has the two close.", "",
                  "| P from | to | questions | mean predicted | share answerable |",
                  "|---|---|---|---|---|"]
        for b in report["reliability"]:
            lines.append(f"| {b['from']:.1f} | {b['to']:.1f} | {b['n']} | {b['predicted']:.2f} "
                         f"| {b['observed']:.2f} |")
    if report.get("replay"):
        lines += replay_markdown(report["replay"])
    lines += ["", f"## Failures ({len(report['failures'])})", ""]
    if not report["failures"]:
        lines.append("None: every item passed every check.")
    by_id = {r["id"]: r for r in report["results"]}
    for cat in CATEGORIES:
        fails = [f for f in report["failures"] if f["category"] == cat]
        if not fails:
            continue
        lines += [f"### {cat} ({len(fails)})", ""]
        for f in fails:
            r = by_id[f["id"]]
            context = f" (after {len(r['history']) // 2} earlier turn(s))" if r["history"] else ""
            lines.append(f"- `{f['id']}`{context}: {_cell(f['question'])}")
            for c in f["checks"]:
                lines.append(f"  - {c['check']}: {_cell(c['reason'])}")
        lines.append("")
    lines += [
        "## How to read this",
        "",
        "- Each item is checked on: abstaining exactly when the article does not answer; the key "
        "facts of the reference answer appearing in the answer; every statement carrying a "
        "citation; citations that match the article at their offsets; at least one citation "
        "on a gold passage; the gold passage retrieved among the passages the answerer saw; "
        "and, for prompt injections, not repeating what the injection asked for. Any miss is "
        "listed above with what was expected and what came back.",
        "- A citation *supports* a statement when its quote overlaps a gold passage by at least "
        "half of the shorter of the two (ALCE-style citation recall and precision).",
        "- Multi-turn items carry the earlier turns (with their reference answers) as history.",
        "- Details per item, with every metric's value and reason: `evals/out/report.json`. "
        "Re-run a few with `python -m evals --only ID,ID`, or a category with "
        "`--category NAME`.",
    ]
    return "\n".join(lines) + "\n"


def summary(report: Mapping[str, Any]) -> str:
    """A few lines for the terminal (CI prints the Markdown report in full)."""
    m = report["metrics"]
    verdict = "PASSED" if report["gate"]["passed"] else "FAILED"
    base = (report.get("baseline") or {}).get("metrics", {}).get("retrieval.hit@4")
    out = [
        f"evals: {report['items']} items ({report['unanswerable']} unanswerable), "
        f"{report['passed']} passed all checks; gate {verdict}",
        f"  key facts {_fmt('', m.get('answer.key_facts'))}"
        f" | abstention {_fmt('', m.get('abstention.accuracy'))}"
        f" | over-refusal {_fmt('', m.get('abstention.over_refusal'))}"
        f" | citation recall {_fmt('', m.get('citations.recall'))}"
        f" | hit@4 {_fmt('', m.get('retrieval.hit@4'))} (baseline {_fmt('', base)})"
        f" | p95 {_fmt('latency.p95_ms', m.get('latency.p95_ms'))} ms",
    ]
    run = report.get("run", {})
    if run.get("fallback_rate") is not None:
        out.insert(1, f"  answerer {run['backend']}, fallback rate {run['fallback_rate']:.2f}")
    blind = report.get("blind")
    if blind:
        b = blind["metrics"]
        out.append(
            f"  blind set: {blind['items']} items, {blind['passed']} passed; key facts "
            f"{_fmt('', b.get('answer.key_facts'))} | gold cited "
            f"{_fmt('', b.get('citations.gold_recall'))} | abstention "
            f"{_fmt('', b.get('abstention.accuracy'))} | over-refusal "
            f"{_fmt('', b.get('abstention.over_refusal'))} | reply kind "
            f"{_fmt('', b.get('reply.kind'))}")
    rp = report.get("replay")
    if rp:
        r = rp["metrics"]
        out.append(f"  replay set: {rp['items']} model answers; correct claims kept "
                   f"{r['replay.kept']:.2f} | unsupported dropped {r['replay.dropped']:.2f} | "
                   f"phantom markers {r['replay.phantom']:.0f} | exact spans "
                   f"{r['replay.exact']:.2f}")
    out += [f"  {c['reason']}" for c in report["gate"]["checks"] if not c["passed"]]
    if blind:
        out += [f"  blind {c['reason']}" for c in blind["gate"]["checks"] if not c["passed"]]
    return "\n".join(out)
