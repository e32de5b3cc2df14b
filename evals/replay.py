"""The re-citation replay set: scripted model answers, verified and scored sentence by sentence.

tests/data/recite_replays.yaml holds answers a chat model writes about the article, mistakes
included (mis-numbered, missing, merged and phantom markers, paraphrases, wrong numbers,
invented claims, injected text), each sentence labelled keep / recite / drop by what is true of
the article. Every item is answered by the real `GenerativeAnswerer` over the real index, with
a chat model that replays the item's reply (the tests replay it over HTTP through
langchain-openai instead), and scored:

    replay.kept         correct claims (keep, recite) that survive verification
    replay.dropped      unsupported claims (drop) that do not
    replay.cited_right  surviving correct claims that cite a sentence labelled as their support
    replay.phantom      markers in the final answers that name no citation (must be 0)
    replay.exact        citations whose quote is the exact slice of its file at its offsets

It needs no model download and no network: the chat model is scripted, the embedder is the
index's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel

from assistant.answer import Answerer
from assistant.cite import cite
from assistant.generate import GenerativeAnswerer
from assistant.values import Answer, Draft, Hit, Query, Sentence
from assistant.verify import Embed, split_answer, strip_markers

REPLAYS = Path(__file__).resolve().parent.parent / "tests" / "data" / "recite_replays.yaml"
LABELS = ("keep", "recite", "drop")
BACKEND = "replay"

@dataclass(frozen=True)
class Line:
    """One sentence of a replayed answer and what should become of it."""

    say: str  # as the model wrote it, markers included
    label: str  # keep | recite | drop
    cites: tuple[str, ...] = ()  # words naming the sentences that support it (keep, recite)

    @property
    def text(self) -> str:
        """The sentence as verification shows it: markers out, list and bold marks out."""
        return strip_markers(split_answer(self.say)[0])


@dataclass(frozen=True)
class Replay:
    """One scripted answer: the question, the passages the model saw, what it wrote."""

    id: str
    kind: str
    question: str
    evidence: tuple[str, ...]  # words naming each passage, in prompt order
    lines: tuple[Line, ...]
    join: str = " "
    stream: bool = False

    @property
    def reply(self) -> str:
        """The model's whole answer, as sent."""
        return self.join.join(line.say for line in self.lines)


@dataclass(frozen=True)
class Outcome:
    """What the assistant made of one replay: the final answer, its draft, streamed pieces."""

    replay: Replay
    draft: Draft
    answer: Answer
    pieces: tuple[str, ...] | None  # the streamed text pieces (None when not streamed)


def load(path: Path = REPLAYS) -> list[Replay]:
    """The replay set; raises ValueError naming the item when one is malformed."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    out = []
    for row in raw:
        lines = tuple(Line(str(x["say"]), str(x["label"]), tuple(x.get("cites") or ()))
                      for x in row["reply"])
        for line in lines:
            if line.label not in LABELS:
                raise ValueError(f"{path.name} {row['id']}: label {line.label!r}, expected "
                                 f"one of {LABELS}")
            if (line.label == "drop") == bool(line.cites):
                raise ValueError(f"{path.name} {row['id']}: {line.say!r} is {line.label} and "
                                 f"{'names' if line.cites else 'names no'} supporting sentence")
        out.append(Replay(str(row["id"]), str(row["kind"]), str(row["question"]),
                          tuple(row["evidence"]), lines, str(row.get("join", " ")),
                          bool(row.get("stream", False))))
    ids = [r.id for r in out]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path.name}: duplicate ids")
    return out


def find(sentences: Sequence[Sentence], words: str) -> Sentence:
    """The one sentence holding `words`; ValueError when none or several do."""
    found = [s for s in sentences if words in s.text]
    if len(found) != 1:
        raise ValueError(f"{words!r} names {len(found)} sentences of the article, not one")
    return found[0]


def scripted(replay: Replay) -> BaseChatModel:
    """A chat model that answers once with the replay's reply (streamed word by word)."""
    return GenericFakeChatModel(messages=iter([replay.reply]))


def answerer(model: BaseChatModel, article: Sequence[Sentence], embed: Embed,
             vectors: Mapping[str, Sequence[float]], fallback: Answerer) -> GenerativeAnswerer:
    """The generative answerer exactly as the engine builds it, around `model`."""
    return GenerativeAnswerer(model, embed=embed, fallback=fallback, backend=BACKEND,
                              vectors=vectors, article=article, timeout=60.0)


def run(replays: Sequence[Replay], *, article: Sequence[Sentence], embed: Embed,
        vectors: Mapping[str, Sequence[float]], fallback: Answerer,
        model: Callable[[Replay], BaseChatModel] = scripted) -> list[Outcome]:
    """Answer every replay with its own chat model (`model(replay)`), streaming when marked."""
    out = []
    for r in replays:
        hits = [Hit(find(article, w), 1.0, 1.0, 1.0) for w in r.evidence]
        a = answerer(model(r), article, embed, vectors, fallback)
        query = Query(r.question, r.question)
        pieces: tuple[str, ...] | None = None
        if r.stream:
            items = list(a.stream(query, hits))
            pieces = tuple(str(i) for i in items[:-1])
            draft = items[-1]
            assert isinstance(draft, Draft), "a stream ends with its Draft"
        else:
            draft = a.answer(query, hits)
        out.append(Outcome(r, draft, cite(query, draft), pieces))
    return out


def from_assistant(assistant: Any, replays: Sequence[Replay] | None = None,
                   model: Callable[[Replay], BaseChatModel] = scripted) -> list[Outcome]:
    """`run` over a loaded `assistant.Assistant`'s index, embedder and extractive answerer."""
    index = assistant.load()
    return run(load() if replays is None else replays, article=index.sentences,
               embed=assistant.retriever.embeddings.embed_documents, vectors=index.vector_map(),
               fallback=assistant.extractive, model=model)


@dataclass(frozen=True)
class Verdict:
    """One labelled sentence and what verification did with it."""

    id: str
    label: str
    text: str
    kept: bool
    cited_right: bool  # kept with its labelled support among its citations
    quotes: tuple[str, ...]  # the quotes it ended up citing


def verdicts(outcomes: Sequence[Outcome], article: Sequence[Sentence]) -> list[Verdict]:
    """Every labelled sentence's fate, in replay order."""
    out = []
    for o in outcomes:
        claims = {} if o.draft.backend != BACKEND else {c.text: c for c in o.draft.claims}
        for line in o.replay.lines:
            claim = claims.get(line.text)
            support = {s.key for s in claim.support} if claim else set()
            wanted = {find(article, w).key for w in line.cites}
            out.append(Verdict(o.replay.id, line.label, line.text, claim is not None,
                               bool(wanted) and wanted <= support,
                               tuple(s.text for s in claim.support) if claim else ()))
    return out


def _markers(text: str) -> Iterator[int]:
    return (int(n) for n in re.findall(r"\[(\d+)\]", text))


def measure(outcomes: Sequence[Outcome], article: Sequence[Sentence],
            corpus_dir: Path) -> dict[str, float]:
    """The replay.* metrics (see the module docstring)."""
    vs = verdicts(outcomes, article)
    correct = [v for v in vs if v.label != "drop"]
    wrong = [v for v in vs if v.label == "drop"]
    kept = [v for v in correct if v.kept]
    phantom = 0
    citations = exact = 0
    for o in outcomes:
        numbers = {c.n for c in o.answer.citations}
        phantom += sum(n not in numbers for n in _markers(o.answer.text))
        phantom += sum(n not in numbers for p in (o.pieces or ()) for n in _markers(p))
        for c in o.answer.citations:
            text = (corpus_dir / c.source).read_text(encoding="utf-8")
            citations += 1
            exact += text[c.start : c.end] == c.quote
    return {
        "replay.kept": len(kept) / len(correct) if correct else 1.0,
        "replay.dropped": sum(not v.kept for v in wrong) / len(wrong) if wrong else 1.0,
        "replay.cited_right": sum(v.cited_right for v in kept) / len(kept) if kept else 1.0,
        "replay.phantom": float(phantom),
        "replay.exact": exact / citations if citations else 1.0,
    }


def evaluate(assistant: Any) -> dict[str, Any] | None:
    """The report section for the whole replay set over a real `Assistant`; None for an
    assistant without an index of its own (the evals' test doubles)."""
    if not all(hasattr(assistant, name) for name in ("load", "retriever", "extractive")):
        return None
    outcomes = from_assistant(assistant)
    return section(outcomes, assistant.load().sentences, assistant.settings.corpus_dir)


def markdown(sec: Mapping[str, Any]) -> list[str]:
    """The replay section of report.md: the figures, then every sentence judged wrongly."""
    m, n = sec["metrics"], sec["sentences"]
    lines = [
        "",
        "## Re-citation replay set",
        "",
        f"{sec['items']} scripted model answers (`tests/data/{sec['file']}`) with mis-numbered, "
        f"missing, merged and phantom markers, paraphrases, wrong numbers, invented claims and "
        f"injected text: {n['keep']} sentences cited right, {n['recite']} cited wrong, "
        f"{n['drop']} unsupported. {sec['recited']} claims were re-cited; "
        f"{sec['fallbacks']} answers fell back to the extractive answerer.",
        "",
        "| Metric | Value |",
        "|---|---|",
        *(f"| {k} | {v:.2f} |" if k != "replay.phantom" else f"| {k} | {v:.0f} |"
          for k, v in m.items()),
    ]
    if sec["misses"]:
        lines += ["", "Judged wrongly:", ""]
        for x in sec["misses"]:
            fate = "kept" if x["kept"] else "dropped"
            lines.append(f"- `{x['id']}` ({x['label']}, {fate}): {x['text']}")
    return lines


def section(outcomes: Sequence[Outcome], article: Sequence[Sentence],
            corpus_dir: Path) -> dict[str, Any]:
    """The report's replay section: metrics, counts, and every sentence judged wrongly."""
    vs = verdicts(outcomes, article)
    misses = [v for v in vs if v.kept == (v.label == "drop") or (v.kept and not v.cited_right
                                                                 and v.label != "drop")]
    return {
        "file": REPLAYS.name,
        "items": len(outcomes),
        "sentences": {label: sum(v.label == label for v in vs) for label in LABELS},
        "recited": sum(len(o.answer.recited) for o in outcomes),
        "fallbacks": sum(o.answer.backend != BACKEND for o in outcomes),
        "metrics": measure(outcomes, article, corpus_dir),
        "misses": [{"id": v.id, "label": v.label, "text": v.text, "kept": v.kept,
                    "quotes": list(v.quotes)} for v in misses],
    }
