"""The answer stage: choose which of the article's sentences answer the question, or abstain.

The extractive answerer never writes words of its own: every claim is a sentence of the article,
cited to itself. What it decides is how much to say and whether to say anything:

1. The question's expected answer type (a person, a time, a place, a quantity, a reason, a list,
   yes/no) comes from its wording.
2. Abstention: the best evidence must be close enough in meaning, must share the question's
   distinctive words (or their meaning), and must contain the kind of thing asked for (a number
   for "how many", a date for "when"). Thresholds are calibrated on the dev set, not per question.
3. Selection: one sentence for a short fact, the passage around the best sentence for a "why"
   or "how", the sentences that enumerate for a list; duplicates dropped, reading order kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from .text import QUESTION_WORDS, stem, terms, words
from .values import Claim, Draft, Hit, Query, Sentence

# ---- calibration (tests/test_calibration.py and the eval suite keep these honest) ----
# Below this cosine between question and best sentence (or its window), nothing is close enough.
MIN_DENSE = 0.30
# Above this cosine, meaning alone is enough even if distinctive words are missing.
SURE_DENSE = 0.62
# Fraction of the question's weighted content words that the evidence must cover.
MIN_COVERAGE = 0.34
# Sentences scoring at least this share of the best one may join the answer.
KEEP_RATIO = {"fact": 0.93, "list": 0.80, "reason": 0.72, "yesno": 0.95}
# At most this many sentences per answer type.
MAX_SENTENCES = {"fact": 2, "list": 3, "reason": 4, "yesno": 1}
# How many passages to offer when abstaining.
RELATED = 3


class Answerer(Protocol):
    """Turns a query and its retrieved sentences into a draft answer."""

    name: str

    def answer(self, query: Query, hits: Sequence[Hit]) -> Draft:
        """The draft answer for the query."""
        ...


_NUMBER = re.compile(
    r"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundreds?|"
    r"thousands?|millions?|billions?|percent)\b",
    re.I,
)
_TIME = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)\b|\b(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
    r"\b(?:yesterday|today|tomorrow|week|month|months|year|years|since|earlier|recent|upcoming|"
    r"now|currently|ago|later)\b",
    re.I,
)


@dataclass(frozen=True)
class Shape:
    """What kind of answer the question asks for."""

    kind: str  # "fact" | "list" | "reason" | "yesno"
    needs: str | None  # "number" | "time" | None: what the evidence must contain


def shape(question: str) -> Shape:
    """The expected answer type, from the question's wording alone."""
    q = " ".join(words(question))
    if re.search(r"\bhow (?:many|much)\b|\b(?:population|percentage|percent|number of|amount|"
                 r"how old|age of|rate|gdp|cost|price)\b", q):
        return Shape("fact", "number")
    if re.search(r"^(?:when|what year|what date|in what year|since when)\b|\bwhat (?:year|month|"
                 r"date|day)\b", q):
        return Shape("fact", "time")
    if re.search(r"\bwhy\b|\breasons?\b|\bpurposes?\b|\bmotives?\b|\bmotivat|\bhow (?:does|do|"
                 r"did|has|have|can|could|is|are|will|would)\b|\bwhat (?:makes|drives|explains|"
                 r"led|leads)\b|\bexplain\b|\bin what way\b|\bbenefits?\b|\badvantages?\b", q):
        return Shape("reason", None)
    if re.search(r"^(?:who|which)\b.*\b(?:mediat|countries|nations|players|parties|sides|"
                 r"intermediar|go-between|middlem)|^(?:what|which) (?:are|were)\b|\blist\b|"
                 r"\bwhat (?:topics|issues|conditions|steps|measures|countries|kinds?|types?|"
                 r"things|areas|actions|results|options|factors)\b|\bwho else\b|\bbesides\b|"
                 r"\bother than\b|\bapart from\b", q):
        return Shape("list", None)
    if re.match(r"^(?:is|are|was|were|does|do|did|can|could|will|would|has|have|had|should)\b", q):
        return Shape("yesno", None)
    return Shape("fact", None)


def _content_terms(question: str) -> list[str]:
    return [t for t in terms(question) if t not in {stem(w) for w in QUESTION_WORDS}]


@dataclass
class Evidence:
    """The features the abstention decision reads, kept for explanations and calibration."""

    dense: float  # best cosine of question and a sentence (or its window)
    coverage: float  # weighted share of question terms found near the best sentences
    missing: tuple[str, ...]  # distinctive question terms found nowhere in the corpus
    type_ok: bool  # the evidence contains what the question type needs

    def answerable(self) -> bool:
        """Whether the evidence is good enough to answer from."""
        if not self.type_ok or self.dense < MIN_DENSE:
            return False
        if self.dense >= SURE_DENSE:
            return True
        return self.coverage >= MIN_COVERAGE and not self.missing


class ExtractiveAnswerer:
    """Answers with the article's own sentences, each cited; abstains when they don't answer."""

    name = "extractive"

    def __init__(self, vocabulary: frozenset[str], idf: dict[str, float]) -> None:
        """Use the corpus vocabulary (stemmed terms) and their IDF to weigh question words."""
        self.vocabulary = vocabulary
        self.idf = idf
        self.max_idf = max(idf.values(), default=1.0)

    def weigh(self, term: str) -> float:
        """How distinctive a term is: rare corpus words and unknown words weigh most."""
        return self.idf.get(term, self.max_idf)

    def evidence(self, query: Query, hits: Sequence[Hit], need: str | None) -> Evidence:
        """Measure how well the best hits answer the query."""
        top = hits[:3]
        dense = max((h.dense for h in top), default=0.0)
        dense = max(dense, max((h.score for h in top), default=0.0))
        q_terms = _content_terms(query.standalone)
        near: set[str] = set()
        for h in top:
            near.update(terms(h.sentence.text))
            near.update(terms(h.sentence.section or ""))
        total = sum(self.weigh(t) for t in q_terms) or 1.0
        covered = sum(self.weigh(t) for t in q_terms if t in near)
        missing = tuple(t for t in q_terms if t not in self.vocabulary and len(t) > 2)
        type_ok = True
        if need is not None:
            pattern = _NUMBER if need == "number" else _TIME
            type_ok = any(pattern.search(h.sentence.text) for h in top[:2])
        return Evidence(dense, covered / total if q_terms else 1.0, missing, type_ok)

    def select(self, kind: str, hits: Sequence[Hit]) -> list[Sentence]:
        """The sentences to answer with, in reading order."""
        best = hits[0]
        chosen = [best.sentence]
        floor = KEEP_RATIO[kind] * best.score
        limit = MAX_SENTENCES[kind]
        for h in hits[1:]:
            if len(chosen) >= limit or h.score < floor:
                continue
            s = h.sentence
            if kind == "reason":
                near = any(c.source == s.source and abs(c.paragraph - s.paragraph) <= 1
                           for c in chosen)
                if not near and h.score < 0.9 * best.score:
                    continue
            if s.text not in {c.text for c in chosen}:
                chosen.append(s)
        if kind == "reason":
            chosen = self._with_lead(chosen, hits)
        return sorted(chosen, key=lambda s: (s.source, s.position))

    def _with_lead(self, chosen: list[Sentence], hits: Sequence[Hit]) -> list[Sentence]:
        """Add the short sentence that introduces a chosen passage ("… serve multiple purposes.")."""
        by_pos = {(h.sentence.source, h.sentence.position): h.sentence for h in hits}
        for s in list(chosen):
            prev = by_pos.get((s.source, s.position - 1))
            if (prev is not None and prev.paragraph == s.paragraph and prev not in chosen
                    and len(prev.text.split()) <= 12 and len(chosen) < MAX_SENTENCES["reason"]):
                chosen.append(prev)
        return chosen

    def answer(self, query: Query, hits: Sequence[Hit]) -> Draft:
        """Answer from the hits, or abstain with the closest passages."""
        if not hits:
            return Draft((), abstained=True, message="The article doesn't cover this.")
        s = shape(query.standalone)
        ev = self.evidence(query, hits, s.needs)
        if not ev.answerable():
            related = tuple(sorted((h.sentence for h in hits[:RELATED]),
                                   key=lambda x: (x.source, x.position)))
            return Draft((), abstained=True, related=related,
                         message="The article doesn't say. The closest passages are below.")
        chosen = self.select(s.kind, hits)
        return Draft(tuple(Claim(c.text, (c,)) for c in chosen))
