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

from .text import QUESTION_WORDS, STOPWORDS, stem, terms, words
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
# A neighbour of the best sentence in its paragraph joins a reason or list at this share of it.
NEIGHBOUR_RATIO = 0.5
# A paragraph-opening sentence this short announces the rest of its paragraph.
TOPIC_WORDS = 10
# Added to a sentence's score when it holds what the question needs (a number, a date).
TYPE_BONUS = 0.15
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
_ANAPHOR = re.compile(r"^(?:These|This|Those|They|Such|It)\b")
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


# Nouns that ask for a person: "which officials", "what commander".
PERSON_NOUNS = frozenset(stem(w) for w in """commander commanders official officials minister
    ministers leader leaders diplomat diplomats negotiator negotiators spokesperson spokesman envoy
    envoys ambassador ambassadors person people analyst analysts general generals emir king sultan
    president presidents senator politician politicians""".split())
_PERSON_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")
_WH = re.compile(r"^(?:which|what|how many|how much)\s+(.*)$|^who\s+([a-z]+ed)\b", re.I)
# Words after "which/what" that say nothing about the thing asked for.
_VAGUE = frozenset("""kind kinds type types sort sorts of topics topic issues issue things thing
    areas area subjects subject ways way aspects aspect factors factor steps step role roles
    other else specific exactly body bodies group groups organization organizations
    organisation organisations institution institutions entity entities""".split())
# Common verbs and connectives that carry little of a question's topic: their absence from
# the article says nothing about whether it answers ("What did X call …", "pull out of").
LIGHT_WORDS = frozenset(stem(w) for w in """call called calls pull pulled keep kept happen happens
    happened carry carries carried make makes made take takes took put go goes went come comes came
    give gives gave besides else another way ways thing things kind sort type mean means meant
    think thinks feel look looks seem seems really actually also exactly""".split())
_AUX = frozenset("is are was were do does did has have had will would can could should".split())


def _focus(question: str) -> str | None:
    """The word naming what a "which X" / "how many X" / "who <verb>ed" question asks for."""
    m = _WH.match(question.strip())
    if not m:
        return None
    if m.group(2):
        return m.group(2)
    for w in re.findall(r"[\w’'-]+", m.group(1))[:4]:
        lw = w.lower()
        if lw in _AUX or lw in QUESTION_WORDS:
            return None
        if lw in _VAGUE or lw in STOPWORDS:
            continue
        return w
    return None


def _person_asked(question: str) -> bool:
    """Whether a which/what question asks for a person ("which officials", "what commander")."""
    m = _WH.match(question.strip())
    if not m or not m.group(1):
        return False
    return any(stem(w.lower()) in PERSON_NOUNS for w in re.findall(r"[\w’'-]+", m.group(1))[:4])


def _content_terms(question: str) -> list[str]:
    return [t for t in terms(question) if t not in {stem(w) for w in QUESTION_WORDS}]


@dataclass
class Evidence:
    """The features the abstention decision reads, kept for explanations and calibration."""

    dense: float  # best cosine of question and a sentence (or its window)
    coverage: float  # weighted share of question terms found near the best sentences
    missing: tuple[str, ...]  # distinctive question terms found nowhere in the corpus
    type_ok: bool  # the evidence contains what the question type needs
    unknown: tuple[str, ...] = ()  # names or numbers in the question the corpus never mentions
    focus_missing: bool = False  # the thing asked about ("which city") is nowhere in the corpus
    person_missing: bool = False  # "which officials …" but the evidence names nobody new

    def answerable(self) -> bool:
        """Whether the evidence is good enough to answer from."""
        if not self.type_ok or self.unknown or self.dense < MIN_DENSE:
            return False
        if self.focus_missing or self.person_missing:
            return False
        if self.dense >= SURE_DENSE:
            return True
        return self.coverage >= MIN_COVERAGE and not self.missing


class ExtractiveAnswerer:
    """Answers with the article's own sentences, each cited; abstains when they don't answer."""

    name = "extractive"

    def __init__(self, sentences: Sequence[Sentence], vocabulary: frozenset[str],
                 idf: dict[str, float]) -> None:
        """Answer from these sentences; weigh question words by the corpus vocabulary's IDF."""
        self.by_pos = {(s.source, s.position): s for s in sentences}
        self.vocabulary = vocabulary
        self.idf = idf
        self.max_idf = max(idf.values(), default=1.0)

    def weigh(self, term: str) -> float:
        """How distinctive a term is: rare corpus words and unknown words weigh most."""
        return self.idf.get(term, self.max_idf)

    def rerank(self, hits: Sequence[Hit], need: str | None) -> list[Hit]:
        """Hits reordered so sentences holding the kind of thing asked for come first."""
        if need is None:
            return list(hits)
        pattern = _NUMBER if need == "number" else _TIME

        def boosted(h: Hit) -> float:
            return h.score + (TYPE_BONUS if pattern.search(h.sentence.text) else 0.0)

        return sorted(hits, key=boosted, reverse=True)

    def unknown_names(self, question: str) -> tuple[str, ...]:
        """Names and numbers in the question that the corpus never mentions."""
        found = []
        for m in re.finditer(r"(?<![\w’'])(?:[A-Z][\w’'-]*|\d[\d,.]*)", question):
            token = m.group(0)
            if m.start() == 0 and not token[0].isdigit():
                continue  # a capital that only starts the sentence
            t = terms(token)
            if t and all(x not in self.vocabulary for x in t):
                found.append(token)
        return tuple(found)

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
        missing = tuple(t for t in q_terms
                        if t not in self.vocabulary and len(t) > 2 and t not in LIGHT_WORDS)
        type_ok = True
        if need is not None and top:
            pattern = _NUMBER if need == "number" else _TIME
            type_ok = bool(pattern.search(top[0].sentence.text))
        unknown = self.unknown_names(query.standalone)
        focus = _focus(query.standalone)
        focus_missing = focus is not None and all(t not in self.vocabulary for t in terms(focus))
        person_missing = False
        if _person_asked(query.standalone) and top:
            asked = query.standalone.lower()
            names = [n for n in _PERSON_NAME.findall(top[0].sentence.text)
                     if n.lower() not in asked]
            person_missing = not names
        return Evidence(dense, covered / total if q_terms else 1.0, missing, type_ok, unknown,
                        focus_missing, person_missing)

    def select(self, kind: str, hits: Sequence[Hit]) -> list[Sentence]:
        """The sentences to answer with, in reading order.

        The best sentence always; then others scoring close to it (how close depends on the
        kind of answer); for reasons and lists also the sentences the chosen ones lean on: the
        rest of a paragraph that a short topic sentence announces ("… serve multiple purposes."),
        a next sentence that continues with "These …", and close neighbours of the best one.
        """
        best = hits[0]
        score = {h.sentence.key: h.score for h in hits}
        by_pos = self.by_pos
        chosen = [best.sentence]
        limit = MAX_SENTENCES[kind]
        for h in hits[1:]:
            if len(chosen) >= limit or h.score < KEEP_RATIO[kind] * best.score:
                continue
            s = h.sentence
            if kind == "reason":
                near = any(c.source == s.source and abs(c.paragraph - s.paragraph) <= 1
                           for c in chosen)
                if not near and h.score < 0.9 * best.score:
                    continue
            if s.text not in {c.text for c in chosen}:
                chosen.append(s)
        if kind in ("reason", "list"):
            extra: list[Sentence] = []
            for c in chosen:
                nxt = by_pos.get((c.source, c.position + 1))
                prev = by_pos.get((c.source, c.position - 1))
                if nxt is None or nxt.paragraph != c.paragraph:
                    nxt = None
                if prev is not None and prev.paragraph != c.paragraph:
                    prev = None
                if c.position == best.sentence.position and c.source == best.sentence.source:
                    for n in (prev, nxt):
                        if n is not None and score.get(n.key, 0) >= NEIGHBOUR_RATIO * best.score:
                            extra.append(n)
                if nxt is not None and _ANAPHOR.match(nxt.text):
                    extra.append(nxt)
                if len(c.text.split()) <= TOPIC_WORDS and (prev is None):
                    run = [by_pos.get((c.source, c.position + i)) for i in range(1, 4)]
                    extra.extend(r for r in run if r is not None and r.paragraph == c.paragraph)
            for e in extra:
                if e not in chosen and len(chosen) < limit + 1:
                    chosen.append(e)
        return sorted(dict.fromkeys(chosen), key=lambda s: (s.source, s.position))

    def answer(self, query: Query, hits: Sequence[Hit]) -> Draft:
        """Answer from the hits, or abstain with the closest passages."""
        if not hits:
            return Draft((), abstained=True, message="The article doesn't cover this.")
        s = shape(query.standalone)
        hits = self.rerank(hits, s.needs)
        ev = self.evidence(query, hits, s.needs)
        if not ev.answerable():
            related = tuple(sorted((h.sentence for h in hits[:RELATED]),
                                   key=lambda x: (x.source, x.position)))
            return Draft((), abstained=True, related=related,
                         message="The article doesn't say. The closest passages are below.")
        chosen = self.select(s.kind, hits)
        return Draft(tuple(Claim(c.text, (c,)) for c in chosen))
