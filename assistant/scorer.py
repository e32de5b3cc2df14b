"""The learned scorer: logistic regressions read from a small JSON file written by `make train`.

Three models, each a standardised logistic regression fitted with scikit-learn on the dev sets
(evals/dev/, tests/data/dev_set.yaml) by `python -m evals.train`:

- `pair`: the probability that a candidate sentence belongs in the answer (features.PAIR);
- `answerable`: the probability that the article answers the question at all, from how good
  the best candidates are and what the question names that the corpus lacks (features.QUESTION);
- `intent`: whether a message asks a question, asks for a summary, or is small talk, from its
  MiniLM embedding and how much of it the article's words cover.

With the coefficients come the two thresholds chosen on the dev set (cross-validated): `include`
(a candidate joins the answer at this probability) and `answer` (below this probability of
being answerable, the assistant declines). Inference is a dot product in numpy: no pickle, and
the file diffs as text.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import IndexUnavailable
from .features import PAIR, QUESTION

WEIGHTS = Path(__file__).resolve().parent / "scorer.json"
INTENTS = ("question", "summary", "chat")


@dataclass(frozen=True)
class Linear:
    """A standardised (multinomial) logistic regression: features → probabilities."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray  # (classes or 1, features)
    intercept: np.ndarray
    classes: tuple[str, ...] = ()

    @classmethod
    def of(cls, raw: dict[str, object]) -> Linear:
        """From the dict stored in the weights file."""
        return cls(tuple(raw["names"]),  # type: ignore[arg-type]
                   np.asarray(raw["mean"], dtype=np.float64),
                   np.where(np.asarray(raw["scale"], dtype=np.float64) == 0, 1.0,
                            np.asarray(raw["scale"], dtype=np.float64)),
                   np.atleast_2d(np.asarray(raw["coef"], dtype=np.float64)),
                   np.atleast_1d(np.asarray(raw["intercept"], dtype=np.float64)),
                   tuple(raw.get("classes", ())))  # type: ignore[arg-type]

    def proba(self, rows: Sequence[Sequence[float]] | np.ndarray) -> np.ndarray:
        """P(positive) per row for a binary model; the class probabilities for a multinomial."""
        x = (np.asarray(rows, dtype=np.float64) - self.mean) / self.scale
        z = x @ self.coef.T + self.intercept
        if self.coef.shape[0] == 1:
            return 1.0 / (1.0 + np.exp(-z[:, 0]))
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class Scorer:
    """The fitted models and the thresholds chosen with them."""

    pair: Linear
    answerable: Linear
    intent: Linear | None
    include: float  # a candidate joins the answer at this probability
    answer: float  # the article answers when P(answerable) is at least this

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> Scorer:
        """Read the weights file; a missing or foreign one is a clear error."""
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise IndexUnavailable(f"the scorer's weights {path} cannot be read ({e}); "
                                   "run `make train` to fit them") from e
        pair, answerable = Linear.of(raw["pair"]), Linear.of(raw["answerable"])
        for model, names in ((pair, PAIR), (answerable, QUESTION)):
            if model.names != names:
                raise IndexUnavailable(f"the scorer's weights {path} were fitted on other "
                                       "features than this code computes; run `make train`")
        intent = Linear.of(raw["intent"]) if raw.get("intent") else None
        th = raw["thresholds"]
        return cls(pair, answerable, intent, float(th["include"]), float(th["answer"]))

    def candidates(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """P(in the answer) for each candidate's `PAIR` features."""
        return [float(p) for p in self.pair.proba(rows)] if len(rows) else []

    def answerable_p(self, row: Sequence[float]) -> float:
        """P(the article answers) from the `QUESTION` features."""
        return float(self.answerable.proba([row])[0])

    def intent_of(self, row: Sequence[float]) -> tuple[str, float]:
        """The most probable intent of a message and its probability."""
        if self.intent is None:
            return "question", 1.0
        p = self.intent.proba([row])[0]
        i = int(np.argmax(p))
        return self.intent.classes[i], float(p[i])


def logit(p: float) -> float:
    """log(p / (1 - p)), clipped."""
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))
