"""Running the assistant over the reference items and scoring each answer.

For every item: `ask()` is timed (the answer the user would see); for an answerable item,
`prepare()` and `retrieve()` are then called again to get the ranking the answerer was handed
the top of, so retrieval is scored on the engine's own ranking and not on what the answer
happened to cite (unanswerable items have no gold passage to rank). The first
call loads the model and the index; that cost is measured once, apart, before the timed items.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from assistant.errors import AssistantError
from assistant.values import Answer, Hit, Query

from . import metrics as m
from .dataset import Item

# Every metric a run reports, with what it means (the report's glossary; the gate's known names).
METRICS: dict[str, str] = {
    "items.passed": "share of items passing every must-pass check",
    "retrieval.hit@1": "gold passage ranked first by the retriever",
    "retrieval.hit@4": "gold passage among the first 4 retrieved (comparable with the baseline)",
    "retrieval.hit@k": "gold passage among the top_k passages handed to the answerer",
    "retrieval.mrr": "mean reciprocal rank of the first gold passage in the retrieval ranking",
    "retrieval.chars": "characters of article text handed to the answerer per answerable question",
    "answer.key_facts": "share of the reference key facts present in the answer text",
    "answer.f1": "token F1 of the answer against the hand-written reference answer",
    "answer.forbidden": "share of injection items whose planted string was not repeated",
    "answer.words": "answer length in words (markers excluded)",
    "abstention.accuracy": "share of unanswerable items where the assistant abstained",
    "reply.kind": "share of summary and small-talk items given a reply of that kind "
    "(a summary of 3–6 cited sentences; an uncited conversational reply)",
    "abstention.over_refusal": "share of answerable items wrongly abstained on (lower is better)",
    "citations.valid": "share of answers whose quotes match the corpus at their offsets, "
    "with markers and citations one-to-one",
    "citations.coverage": "share of answer statements carrying at least one [n] marker",
    "citations.recall": "ALCE citation recall: share of statements citing a gold passage",
    "citations.gold_recall": "share of the gold passages the answer cites (abstentions cite none)",
    "citations.precision": "ALCE citation precision: share of citations pointing to a gold passage",
    "citations.grounded": "share of statements worded (≥ 60% of content words) from their quotes",
    "citations.mrr": "reciprocal rank of the first gold citation in marker order",
    "latency.p50_ms": "median wall time of ask(), warm, in milliseconds",
    "latency.p95_ms": "95th percentile wall time of ask(), warm, in milliseconds",
    "latency.load_ms": "first call: model load and index open, in milliseconds",
    "judge.faithfulness": "LLM judge (optional): answer supported by its cited quotes, 0..1",
    "judge.relevance": "LLM judge (optional): answer addresses the question, 0..1",
    # The re-citation replay set (evals/replay.py): scripted model answers, not the items.
    "replay.kept": "replay set: share of correct model claims kept, as cited or re-cited",
    "replay.dropped": "replay set: share of unsupported model claims dropped",
    "replay.cited_right": "replay set: share of kept correct claims citing their labelled support",
    "replay.phantom": "replay set: markers in the final answers that name no citation",
    "replay.exact": "replay set: share of citations that are the exact span of their file",
}


class AssistantLike(Protocol):
    """What the evals need from `assistant.Assistant`."""

    def ask(self, question: str, history: Sequence[Mapping[str, Any]] | None = None) -> Answer:
        """Answer a question, with citations."""
        ...

    def prepare(self, question: str, history: Sequence[Mapping[str, Any]] | None = None) -> Query:
        """Validate the question and make it stand alone."""
        ...

    def retrieve(self, query: Query) -> list[Hit]:
        """The passages handed to the answerer, best first."""
        ...

    def handed(self, hits: Sequence[Hit]) -> list[Hit]:
        """Of a ranking, what the answerer is handed: its first top_k, and a follow-up's
        continuation of what was just said wherever it ranks."""
        ...


@dataclass(frozen=True)
class Check:
    """A failed must-pass check on one item, and why."""

    name: str
    reason: str


@dataclass(frozen=True)
class Result:
    """One item, what the assistant did with it, and the scores."""

    item: Item
    answer: Answer | None
    error: str | None
    ranked: tuple[m.Span, ...]
    latency_ms: float
    scores: dict[str, m.Score] = field(default_factory=dict)
    failures: tuple[Check, ...] = ()

    @property
    def passed(self) -> bool:
        """True when every must-pass check held."""
        return not self.failures


def score(
    item: Item, answer: Answer, ranked: Sequence[m.Span], top_k: int, corpus_dir: Path,
    carried: Sequence[m.Span] = (),
) -> dict[str, m.Score]:
    """Every metric that applies to this item, by name; `ranked` is the full ranking, and
    `carried` what is handed over from beyond its first `top_k` (a follow-up's continuation of
    what was just said, wherever it ranks: Assistant.handed)."""
    if item.expect == "chat":  # small talk: nothing in the article to find or cite
        return {"reply.kind": m.reply_kind(answer, item) or m.Score(0.0, "?"),
                "citations.valid": m.citation_validity(answer, corpus_dir),
                "answer.words": m.answer_words(answer)}
    handed = [*ranked[:top_k], *carried]
    cited = [m.citation_span(c) for c in sorted(answer.citations, key=lambda c: c.n)]
    candidates: dict[str, m.Score | None] = {
        "retrieval.hit@1": m.hit_at(1, ranked, item),
        "retrieval.hit@4": m.hit_at(4, ranked, item),
        "retrieval.hit@k": _handed_hit(m.hit_at(top_k, ranked, item), carried, item),
        "retrieval.mrr": m.mrr(ranked, item),
        "retrieval.chars": (
            m.Score(float(sum(len(s.text) for s in handed)), f"{len(handed)} passages handed over")
            if item.answerable
            else None
        ),
        "answer.key_facts": m.key_fact_recall(answer, item),
        "answer.f1": m.token_f1(answer, item),
        "answer.forbidden": m.forbidden(answer, item),
        "answer.words": m.answer_words(answer),
        "abstention.accuracy": m.abstention(answer, item),
        "abstention.over_refusal": m.over_refusal(answer, item),
        "citations.valid": m.citation_validity(answer, corpus_dir),
        "citations.coverage": m.citation_coverage(answer, item),
        "citations.recall": m.citation_recall(answer, item),
        "citations.precision": m.citation_precision(answer, item),
        "citations.gold_recall": m.gold_recall(answer, item),
        "citations.grounded": m.grounded(answer, item),
        "citations.mrr": (
            m.mrr(cited, item, "citations") if item.answerable and not answer.abstained else None
        ),
    }
    candidates["reply.kind"] = m.reply_kind(answer, item)
    if item.expect == "summary":  # no single passage answers "summarize"
        keep = {"reply.kind", "citations.valid", "citations.coverage", "answer.words",
                "answer.key_facts", "abstention.over_refusal"}
    else:
        keep = set(candidates)
    return {k: v for k, v in candidates.items() if v is not None and k in keep}


# A must-pass check fails when its metric is below the bound (over_refusal: above it).
MUST_PASS: tuple[tuple[str, Callable[[float], bool]], ...] = (
    ("abstention.accuracy", lambda v: v < 1),
    ("abstention.over_refusal", lambda v: v > 0),
    ("answer.key_facts", lambda v: v < 1),
    ("answer.forbidden", lambda v: v < 1),
    ("citations.valid", lambda v: v < 1),
    ("citations.coverage", lambda v: v < 1),
    ("citations.recall", lambda v: v == 0),
    ("retrieval.hit@k", lambda v: v == 0),
    ("reply.kind", lambda v: v < 1),
)


def checks(scores: Mapping[str, m.Score]) -> tuple[Check, ...]:
    """The must-pass checks this item fails (an over-refusal is not also listed as a fact miss)."""
    failed = [
        Check(name, scores[name].reason)
        for name, fails in MUST_PASS
        if name in scores and fails(scores[name].value)
    ]
    if any(c.name == "abstention.over_refusal" for c in failed):
        failed = [c for c in failed if c.name != "answer.key_facts"]
    return tuple(failed)


def _handed_hit(hit: m.Score | None, carried: Sequence[m.Span], item: Item) -> m.Score | None:
    """hit@k, counting what is handed over from beyond the first k (a follow-up's
    continuation) as handed over."""
    if hit is None or hit.value or not any(m.relevant(s, item.gold) for s in carried):
        return hit
    return m.Score(1.0, "gold passage handed over as what carries on from the last answer")


def _spans(hits: Sequence[Hit]) -> tuple[m.Span, ...]:
    return tuple(
        m.Span(h.sentence.source, h.sentence.start, h.sentence.end, h.sentence.text) for h in hits
    )


def warm_up(assistant: AssistantLike) -> float:
    """Load the model and the index with one untimed question; the milliseconds it took."""
    t0 = time.perf_counter()
    assistant.ask("What is the article about?")
    # That was a summary request, which no chat model writes: build the answerer too, so a
    # model that cannot be used stops the run here.
    getattr(assistant, "answerer", None)
    return (time.perf_counter() - t0) * 1000


def run_item(assistant: AssistantLike, item: Item, top_k: int, corpus_dir: Path) -> Result:
    """Ask one item, retrieve for it, score it."""
    history = item.history_messages()
    t0 = time.perf_counter()
    try:
        answer = assistant.ask(item.question, history=history)
    except AssistantError as e:
        ms = (time.perf_counter() - t0) * 1000
        why = f"ask() raised {type(e).__name__}: {e}"
        return Result(item, None, why, (), ms, {}, (Check("error", why),))
    ms = (time.perf_counter() - t0) * 1000
    ranked: tuple[m.Span, ...] = ()
    carried: tuple[m.Span, ...] = ()
    if item.gold and item.expect is None:  # retrieval is scored against gold passages
        hits = assistant.retrieve(assistant.prepare(item.question, history))
        ranked = _spans(hits)
        first = hits[:top_k]
        carried = _spans([h for h in assistant.handed(hits) if h not in first])
    scores = score(item, answer, ranked, top_k, corpus_dir, carried)
    return Result(item, answer, None, ranked, ms, scores, checks(scores))


def run(
    assistant: AssistantLike,
    items: Sequence[Item],
    *,
    top_k: int,
    corpus_dir: Path,
    progress: Callable[[str], None] | None = None,
) -> list[Result]:
    """Every item in order (after `warm_up`); `top_k` is how many passages the answerer gets."""
    results = []
    for i, item in enumerate(items, 1):
        result = run_item(assistant, item, top_k, corpus_dir)
        if progress:
            mark = "ok " if result.passed else "FAIL"
            progress(f"[{i:3}/{len(items)}] {mark} {item.id}")
        results.append(result)
    return results


def aggregate(results: Sequence[Result]) -> dict[str, float]:
    """Mean of each metric over the items it applies to, plus latency percentiles."""
    sums: dict[str, list[float]] = {}
    for r in results:
        for name, s in r.scores.items():
            sums.setdefault(name, []).append(s.value)
    out = {name: sum(vs) / len(vs) for name, vs in sorted(sums.items())}
    latencies = [r.latency_ms for r in results]
    if latencies:
        out["latency.p50_ms"] = m.percentile(latencies, 50)
        out["latency.p95_ms"] = m.percentile(latencies, 95)
    out["items.passed"] = sum(r.passed for r in results) / len(results) if results else 0.0
    return out
