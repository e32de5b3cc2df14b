"""The gate: thresholds from evals/thresholds.yaml, checked against a run's metrics.

A threshold file has up to three sections, each mapping a metric name to a bound:

    min:                 the metric must be at least this
    max:                 the metric must be at most this (over-refusal, latency)
    min_vs_baseline:     engine minus baseline must be at least this (retrieval metrics)

The blind set's bounds sit under a `blind:` key with the same sections (`load(scope="blind")`).

A metric a run did not measure (no unanswerable item under `--only`, say) is skipped, not
failed; an unknown metric name in the file is an error, so a typo cannot switch a check off.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

THRESHOLDS = Path(__file__).resolve().parent / "thresholds.yaml"
SECTIONS = ("min", "max", "min_vs_baseline")
SCOPES = ("blind",)  # question sets other than the reference set, each with its own bounds


@dataclass(frozen=True)
class Bound:
    """One threshold."""

    metric: str
    kind: str  # "min" | "max" | "min_vs_baseline"
    limit: float


@dataclass(frozen=True)
class Verdict:
    """A bound checked against a run: the measured value (None when not measured) and status."""

    bound: Bound
    value: float | None
    passed: bool

    @property
    def reason(self) -> str:
        """What was expected and what was got."""
        b = self.bound
        if self.value is None:
            return f"{b.metric}: not measured in this run (skipped)"
        sign = {"min": "≥", "max": "≤", "min_vs_baseline": "≥ baseline +"}[b.kind]
        status = "ok" if self.passed else "FAILED"
        return f"{b.metric}: expected {sign} {b.limit:g}, got {self.value:.4g} — {status}"


def load(path: Path = THRESHOLDS, scope: str | None = None) -> list[Bound]:
    """The bounds of a threshold file (or of one scope in it); ValueError on an unknown section."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    unknown = set(raw) - set(SECTIONS) - set(SCOPES)
    if scope is not None:
        raw = raw.get(scope) or {}
        unknown = set(raw) - set(SECTIONS)
    if unknown:
        raise ValueError(f"{path}: unknown section(s) {sorted(unknown)}; expected {SECTIONS}")
    return [
        Bound(str(metric), kind, float(limit))
        for kind in SECTIONS
        for metric, limit in (raw.get(kind) or {}).items()
    ]


def check(
    bounds: list[Bound],
    metrics: Mapping[str, float],
    baseline: Mapping[str, float] | None = None,
    known: set[str] | None = None,
) -> list[Verdict]:
    """Each bound against the metrics; `known` (every metric name there is) catches typos."""
    verdicts = []
    for b in bounds:
        if known is not None and b.metric not in known:
            names = ", ".join(sorted(known))
            raise ValueError(f"threshold on unknown metric {b.metric!r}; known metrics: {names}")
        value: float | None
        if b.kind == "min_vs_baseline":
            have = baseline is not None and b.metric in baseline and b.metric in metrics
            value = metrics[b.metric] - baseline[b.metric] if have and baseline else None
        else:
            value = metrics.get(b.metric)
        if value is None:
            verdicts.append(Verdict(b, None, True))
        elif b.kind == "max":
            verdicts.append(Verdict(b, value, value <= b.limit + 1e-9))
        else:
            verdicts.append(Verdict(b, value, value >= b.limit - 1e-9))
    return verdicts
