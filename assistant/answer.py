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

from .corpus import split_sentences
from .question import own_words
from .text import QUESTION_WORDS, STOPWORDS, stem, terms, words
from .values import Claim, Draft, Hit, Query, Sentence

# ---- calibration (tests/test_calibration.py and the eval suite keep these honest) ----
# Below this cosine between question and best sentence (or its window), nothing is close enough.
MIN_DENSE = 0.30
# Above this cosine, meaning alone is enough even if distinctive words are missing.
SURE_DENSE = 0.62
# Fraction of the question's weighted content words that the evidence must cover.
MIN_COVERAGE = 0.10
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
# ... but only when it is at least this share of the best score: a far weaker sentence with a
# number in it does not answer "how many" any better.
TYPE_WINDOW = 0.75
# For "when" questions a sentence with a date in it is worth more: a year is the answer, and
# the sentence that states it ("withdrew … in 2018") often words the event differently from the
# question ("pull out of the deal") while a dateless one ("since the U.S. exit …") matches it.
DATE_WINDOW = 0.5
DATE_BONUS = 0.35
# Needs whose absence from the best sentence means the article doesn't answer ("how many" with
# no number); other needs (a name for "who mediates?") only reorder the candidates.
VETO_NEEDS = frozenset({"number", "year", "date", "time", "person"})
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
    r"\b(?:yesterday|earlier|ago|decades?|(?:this|last|recent|past|coming)\s+(?:week|month|"
    r"year)s?)\b",
    re.I,
)
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_DATE = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)\b|\b(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)\b", re.I)


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
    if re.search(r"\b(?:what|which) year\b", q):
        return Shape("fact", "year")
    if re.search(r"\b(?:what|which) (?:date|day|month)\b", q):
        return Shape("fact", "date")
    if re.search(r"^(?:when|since when)\b", q):
        return Shape("fact", "time")
    if re.search(r"\bwhy\b|\breasons?\b|\bpurposes?\b|\bmotives?\b|\bmotivat|\bhow (?:does|do|"
                 r"did|has|have|can|could|is|are|will|would)\b|\bwhat (?:makes|drives|explains|"
                 r"led|leads)\b|\bexplain\b|\bin what way\b|\bbenefits?\b|\badvantages?\b", q):
        return Shape("reason", None)
    acronym = re.search(r"\bwhat (?:does|do|did) ([a-z]{2,8}) (?:stand for|mean)\b", q)
    if acronym and acronym.group(1).upper() in question:
        return Shape("fact", "expansion:" + acronym.group(1).upper())
    if re.match(r"who (?:is|was|are|were|has been)\b", q):
        return Shape("fact", "person")
    if re.match(r"who\b", q):
        # "Who mediates?": the answer names people, countries or bodies, often several.
        return Shape("fact", "entity")
    if re.search(r"^(?:(?:in|at|on|for|from|to|of|by|with) )?(?:which|what) "
                 r"(?:(?!(?:has|was|is|does)\b)\w+ )?(?!(?:has|was|is|does)\b)\w+s\b"
                 r"|^(?:what|which) (?:are|were)\b|\blist\b|"
                 r"\bwho else\b|\bbesides\b|\bother than\b|\bapart from\b", q):
        return Shape("list", None)
    if re.match(r"^(?:is|are|was|were|does|do|did|can|could|will|would|has|have|had|should)\b", q):
        return Shape("yesno", None)
    return Shape("fact", None)


# Nouns that ask for a person: "which officials", "what commander".
PERSON_NOUNS = frozenset(stem(w) for w in """
    commander commanders official officials minister ministers leader leaders diplomat
    diplomats negotiator negotiators spokesperson spokesman envoy envoys ambassador ambassadors
    person people analyst analysts general generals emir king sultan president presidents
    senator politician politicians secretary chancellor premier monarch prince sheikh emirs
    kings sultans mayor governor ceo chairman chief
""".split())
_NOT_A_PERSON = re.compile(r"\b(?:Union|States|Nations|Ministry|Council|Peninsula|House|East|West|"
                           r"Republic|Plan|Action|Guard|Gulf|Sea|Pacific|Party|Office)\b")
_PERSON_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")
_WH = re.compile(r"^(?:(?:in|at|on|for|from|to|of|by|with) )?(?:which|how many|how much) (.*)$"
                 r"|^who ([a-z-]+)\b")
# Words after "which/what" that say nothing about the thing asked for.
_VAGUE = frozenset("""
    kind kinds type types sort sorts of topics topic issues issue things thing areas area
    subjects subject ways way aspects aspect factors factor steps step role roles other else
    specific exactly name names meaning body bodies group groups organization organizations
    organisation organisations institution institutions entity entities year years date dates
    month months day days time times percent percentage number amount word words term terms
    phrase phrases
""".split())
# Common verbs and connectives that carry little of a question's topic: their absence from
# the article says nothing about whether it answers ("What did X call …", "pull out of").
LIGHT_WORDS = frozenset(stem(w) for w in """
    call called calls pull pulled keep kept happen happens happened carry carries carried make
    makes made take takes took put go goes went come comes came give gives gave besides else
    another way ways thing things kind sort type mean means meant think thinks feel look looks
    seem seems really actually also exactly
""".split())
_IRREGULAR_PAST = frozenset("""won lost led said met paid took became went gave made held told
    wrote sent bought sold fought ran beat chose drew fled flew forgot froze hid kept knew left
    meant overtook rose sang sat shot spoke spent stole struck swore threw understood woke wore
    """.split())
_AUX = frozenset("""is are was were do does did has have had will would can could should""".split())


_ATTRIBUTE = re.compile(r"^(?:what|who) (?:is|was|are|were) (?:the )?([\w-]+) (?:of|for|in) "
                        r"(?:the )?([\w-]+)(?: ([\w-]+))?")
_WHO_IS = re.compile(r"^who (?:is|was|are|were|has been)\b")
_MODIFIER = re.compile(r"(?:al|ic|ive|ous|ful|ar|ete|ian|ern|ese|ish|ed|i)$")


def _asked(question: str) -> str:
    """The sentence that asks, when a question comes with preamble ("Forget X. What is …?")."""
    text = question.strip()
    parts = [text[a:b] for a, b in split_sentences(text, 0, len(text))]
    asking = [p for p in parts if p.endswith("?")]
    return asking[-1] if asking else question


def _holds(need: str, text: str, question: str = "") -> bool:
    """Whether a sentence holds the kind of thing asked for: a number, a time, a name."""
    if need.startswith("expansion:"):
        return f"({need.split(':', 1)[1]})" in text
    if need == "entity":
        asked_words = set(words(question))
        names = re.findall(r"(?<=[\w,;:—] )[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*", text)
        return any(not set(words(n)) <= asked_words for n in names)
    if need == "number":
        return bool(_NUMBER.search(text))
    if need in ("time", "year", "date"):
        return bool({"time": _TIME, "year": _YEAR, "date": _DATE}[need].search(text))
    asked = question.lower()
    roles = [stem(w) for w in words(question) if stem(w) in PERSON_NOUNS]
    if roles and not set(roles) & set(terms(text)):
        return False  # "who is the Sultan …": a name next to no sultan is not the answer
    return any(n.lower() not in asked and not _NOT_A_PERSON.search(n)
               for n in _PERSON_NAME.findall(text)
               if not re.search(rf"\b(?:the|The)\s+{re.escape(n)}", text))


def _noun_phrase(question: str) -> list[str]:
    """The words right after "which/how many", up to the verb: ["nuclear", "facility"].

    "what" is left out on purpose: in "What worries …" or "What effect have …" the next word
    is as often a verb or a paraphrase as the name of the thing asked for.
    """
    m = _WH.match(question)
    if not m or not m.group(1):
        return []
    phrase: list[str] = []
    for w in m.group(1).split()[:5]:
        if w in _AUX or w in QUESTION_WORDS or (phrase and w in STOPWORDS):
            break
        if w in STOPWORDS or w in _VAGUE:
            continue
        phrase.append(w)
        if len(phrase) == 3:
            break
    return phrase


def _head(phrase: list[str], capitalised: set[str]) -> str | None:
    """The noun a phrase is about: its first word that is not a modifier ("Omani", "nuclear")."""
    for w in phrase[:-1]:
        if not (_MODIFIER.search(w) or w in capitalised or w in {"usa", "eu", "uk"}):
            return w
    return phrase[-1] if phrase else None


def _focus(question: str) -> str | None:
    """The word naming what is asked: "which X", "how many X", "who <verb>", "what is the X of".

    Read on folded words (so "U.S." is one word); "which nuclear facility" is about "facility".
    """
    q = " ".join(words(question))
    capitalised = {w.lower() for w in re.findall(r"(?<!^)\b[A-Z][\w-]*", question.strip())}
    a = _ATTRIBUTE.match(q)
    if a:
        if a.group(1) not in _VAGUE | STOPWORDS:
            return a.group(1)
        # "what is the name of Qatar's emir": the thing named is what is asked about.
        return _head([w for w in a.group(2, 3) if w and w not in STOPWORDS], capitalised)
    m = _WH.match(q)
    if m and m.group(2):
        # "Who won …", "who replaced …": a past event the article may never report. A verb in
        # the present ("who heads …") is more often a paraphrase of a role, so it is not checked.
        verb = m.group(2)
        past = verb.endswith("ed") or verb in _IRREGULAR_PAST
        return verb if past and verb not in _AUX | STOPWORDS else None
    return _head(_noun_phrase(q), capitalised)


def _person_asked(question: str) -> bool:
    """Whether the question asks for a person: "who is …", "which officials", "what leader"."""
    q = " ".join(words(question))
    if _WHO_IS.match(q):
        return True
    a = _ATTRIBUTE.match(q)
    head = a.group(1) if a else _focus(question)
    return head is not None and stem(head) in PERSON_NOUNS


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
        if not self.type_ok or self.unknown or self.focus_missing or self.person_missing:
            return False
        if self.dense < MIN_DENSE:
            return False
        # Weak evidence on both counts: neither the meaning nor the words are there.
        return self.dense >= SURE_DENSE or self.coverage >= MIN_COVERAGE


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
        if need is None or not hits:
            return list(hits)
        near = (DATE_WINDOW if need in ("time", "year", "date") else TYPE_WINDOW) * hits[0].score

        def boosted(h: Hit) -> float:
            if h.score < near or not _holds(need, h.sentence.text):
                return h.score
            # A date answers "when" better than "since …" does.
            if need in ("time", "year", "date"):
                exact = bool(_DATE.search(h.sentence.text))
                return h.score + (DATE_BONUS if exact else TYPE_BONUS)
            return h.score + TYPE_BONUS

        return sorted(hits, key=boosted, reverse=True)

    def unknown_people(self, question: str) -> tuple[str, ...]:
        """Roles of people ("emir", "prime minister") the corpus never mentions."""
        return tuple(w for w in words(question)
                     if stem(w) in PERSON_NOUNS and stem(w) not in self.vocabulary)

    def unknown_numbers(self, question: str) -> tuple[str, ...]:
        """Numbers and years in the question that the corpus never mentions ("in 2006")."""
        return tuple(n for n in re.findall(r"\b\d[\d,.]*\d\b|\b\d\b", question)
                     if stem(n) not in self.vocabulary)

    def evidence(self, query: Query, hits: Sequence[Hit], need: str | None) -> Evidence:
        """Measure how well the best hits answer the query."""
        top = hits[:3]
        dense = max((h.dense for h in top), default=0.0)
        dense = max(dense, max((h.score for h in top), default=0.0))
        own = _asked(own_words(query.standalone))
        q_terms = _content_terms(own)
        near: set[str] = set()
        for h in top:
            near.update(terms(h.sentence.text))
            near.update(terms(h.sentence.section or ""))
        total = sum(self.weigh(t) for t in q_terms) or 1.0
        covered = sum(self.weigh(t) for t in q_terms if t in near)
        missing = tuple(t for t in q_terms
                        if t not in self.vocabulary and len(t) > 2 and t not in LIGHT_WORDS)
        type_ok = True
        if need in VETO_NEEDS and top:
            type_ok = _holds(need, top[0].sentence.text, own)
        unknown = self.unknown_numbers(own) + self.unknown_people(own)
        focus = _focus(own)
        focus_missing = focus is not None and all(t not in self.vocabulary for t in terms(focus))
        person_missing = bool(top) and _person_asked(own) and not _holds(
            "person", top[0].sentence.text, own)
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
        s = shape(_asked(own_words(query.standalone)))
        hits = self.rerank(hits, s.needs)
        ev = self.evidence(query, hits, s.needs)
        if not ev.answerable():
            related = tuple(sorted((h.sentence for h in hits[:RELATED]),
                                   key=lambda x: (x.source, x.position)))
            return Draft((), abstained=True, related=related,
                         message="The article doesn't say. The closest passages are below.")
        chosen = self.select(s.kind, hits)
        return Draft(tuple(Claim(c.text, (c,)) for c in chosen))
