"""An optional LLM judge: faithfulness and answer relevance, scored by a chat model.

Off by default and never part of the gate: it runs only with `python -m evals --judge` and a
chat model configured (`--judge-model SPEC` or ASSISTANT_LLM), and refuses to run when the CI
environment variable is set, because a hosted model is neither free, offline nor repeatable.
The deterministic metrics in metrics.py are what the gate reads.

The prompts are files in evals/prompts/; the model replies in two plain lines
(`SCORE: 0.8` / `REASON: …`), parsed without structured output so any chat model works.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.prompts import load_prompt
from assistant.values import Answer

from .metrics import Score, excerpt

PROMPTS = Path(__file__).resolve().parent / "prompts"
FAITHFULNESS = "judge_faithfulness_v1"
RELEVANCE = "judge_relevance_v1"
_SCORE = re.compile(r"SCORE:\s*([01](?:\.\d+)?|\.\d+)", re.I)
_REASON = re.compile(r"REASON:\s*(.+)", re.I)


def parse(reply: str) -> Score:
    """A judge reply's score and reason; an unparseable reply scores 0 and says so."""
    m = _SCORE.search(reply)
    if not m:
        return Score(0.0, f"judge reply not understood: {excerpt(reply, 80)!r}")
    why = _REASON.search(reply)
    value = min(1.0, max(0.0, float(m.group(1))))
    return Score(value, why.group(1).strip() if why else "no reason given")


class Judge:
    """Scores answers with a LangChain chat model (anything with `invoke(str)`)."""

    def __init__(self, model: Any) -> None:
        """Use `model`, a LangChain chat model or a fake with the same `invoke`."""
        self.model = model

    def _ask(self, prompt: str) -> Score:
        reply = self.model.invoke(prompt)
        return parse(str(getattr(reply, "content", reply)))

    def faithfulness(self, answer: Answer) -> Score | None:
        """Whether the answer's statements are supported by what it cites (None if abstained)."""
        if answer.abstained or not answer.citations:
            return None
        quotes = "\n".join(f"[{c.n}] {c.quote}" for c in answer.citations)
        prompt = load_prompt(
            FAITHFULNESS, PROMPTS, question=answer.question, answer=answer.text, quotes=quotes
        )
        return self._ask(prompt)

    def relevance(self, answer: Answer) -> Score | None:
        """Whether the answer addresses the question (None if abstained)."""
        if answer.abstained:
            return None
        prompt = load_prompt(RELEVANCE, PROMPTS, question=answer.question, answer=answer.text)
        return self._ask(prompt)

    def score(self, answers: Sequence[Answer | None]) -> list[dict[str, Score]]:
        """Both judge metrics for each answer, by metric name."""
        out = []
        for a in answers:
            scores: dict[str, Score] = {}
            if a is not None:
                for name, fn in (("judge.faithfulness", self.faithfulness),
                                 ("judge.relevance", self.relevance)):
                    s = fn(a)
                    if s is not None:
                        scores[name] = s
            out.append(scores)
        return out


def from_spec(spec: str, timeout: float = 60.0) -> Judge:
    """A judge backed by the chat model named by `spec` (init_chat_model form)."""
    from assistant.llm import build_chat_model

    return Judge(build_chat_model(spec, timeout=timeout))
