"""Features that relate a question to one candidate sentence, and to its candidates as a whole.

The learned scorer (assistant/scorer.py) reads these numbers; it never sees which sentence a
candidate is, only how it relates to the question: how close in meaning (sentence, best clause,
paragraph window, word by word), how close in words (BM25, coverage of the question's rare words
and names, the heading), whether it holds the kind of thing asked for (a name, number or date
the question does not already contain), whether it leans on the sentence before it ("These …",
"He …"), and how it stands against the other candidates. Any retrieval that hands over `Hit`s
(Chroma's query, bm25s, both) can be scored, because everything here is computed from the hits
and the text around them.

The names of the features are the contract with the weights file: `PAIR` and `QUESTION` list
them in order, and the scorer refuses weights trained on another list.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .asks import (
    PLACE_NOUNS,
    WHOEVER,
    content_terms,
    focus,
    holds,
    names_a_role,
    person_asked,
    person_noun,
    shape,
)
from .lexicon import a_person
from .text import LEANS_BACK, STOPWORDS, stem, terms, words
from .values import Hit, Sentence

# The order of the pair features, as stored with the weights.
PAIR = (
    "dense",  # cosine of question and sentence (the best of sentence and clauses)
    "clause",  # best cosine of the question with one clause of the sentence
    "window",  # cosine with the sentence's paragraph window
    "aligned",  # how much of the question it says word by word (align.py)
    "aligned_gap",  # aligned minus the best aligned among the candidates
    "lexical",  # BM25, normalised by the query's ideal score
    "rank",  # 1 / (1 + rank in retrieval's order)
    "dense_gap",  # dense minus the best dense among the candidates
    "lexical_gap",  # lexical minus the best lexical among the candidates
    "coverage",  # IDF-weighted share of the question's content words in the sentence
    "coverage_context",  # the same over the sentence, its heading and the sentence before
    "names",  # share of the question's names (capitalised words) in the sentence
    "heading",  # share of the question's content words in the sentence's heading
    "novelty",  # share of the sentence's content words that the question does not use
    "type_held",  # the sentence holds what the question asks for (a number, a date, a name)
    "type_missing",  # the question asks for such a thing and the sentence has none
    "describes_name",  # "who is X": the sentence names X with a role or description
    "anaphor",  # the sentence opens with This/These/He…: it continues the one before
    "prev_coverage",  # coverage of the question by the sentence before
    "reason_cue",  # a why/how question and a sentence that gives a purpose or cause
    "list_cue",  # a list question and a sentence that enumerates (commas and "and")
    "length",  # log of the sentence's words
    "para_first",  # the sentence opens its paragraph
)
# The order of the question-level features of the answer/abstain decision.
QUESTION = (
    "top_p",  # the best candidate's probability of answering (logit)
    "second_p",  # the runner-up's (logit)
    "top_dense",  # the best dense score among the candidates
    "top_coverage",  # the best coverage among the first candidates
    "unknown",  # names, numbers or acronyms of the question the corpus never uses
    "focus_missing",  # "which X": X is no word of the corpus
    "type_unmet",  # the question asks for a number/date/person none of the best holds
    "content",  # log of the number of the question's content words
    "absent",  # IDF-weighted share of the question's content words the corpus never uses
    "uncovered",  # the rarest question word missing from the best candidates and their context
    "uncovered_far",  # uncovered, weighted by how far the best candidate is in meaning
    "absent_far",  # absent, weighted the same way
)

# The intent model reads the message's embedding and these: how much of it the corpus's words
# cover, how many content words it has, and how close its best candidate is in meaning.
INTENT_EXTRA = ("known", "content", "top_dense")
EMBEDDING_DIM = 384  # all-MiniLM-L6-v2
INTENT = tuple(f"e{i}" for i in range(EMBEDDING_DIM)) + INTENT_EXTRA

_REASON = re.compile(r"\b(?:because|since|so that|in order to|to (?:\w+ ){0,2}(?:avoid|maintain|"
                     r"ensure|preserve|manage|test|allow|keep)|allows?|helps?|enables?|serves?|"
                     r"purposes?|aimed at|citing|due to|in response to|driven by|reflection of|"
                     r"rooted in|led to|result(?:ed|s)? in|makes?)\b", re.I)
_NAME = re.compile(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")
# "Tell me about X" asks what the article says of X, not only who X is: asks.role_of.
_WHO_IS = re.compile(r"^\s*(?:and\s+)?(?:so\s+)?(?:who(?:'s|’s| is| was| are| were)"
                     r"|who exactly is)\s+(.+?)[?.!]*\s*$", re.I)
# "What is Polyloop?", "what's the PCHA?": a name alone after "what is" asks what the article
# says it is, as "who is" does of a person ("Polyloop Biotech, a startup spun out of …").
_WHAT_IS_NAME = re.compile(r"^\s*(?:and\s+)?(?:so\s+)?(?i:what(?:'s|’s| is| was| are| were))\s+"
                           r"(?:(?i:the)\s+)?([A-Z][\w’'.&-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w’'.&-]*)*)"
                           r"[?.!]*\s*$")
# "What is Kwame Mensah's exact title?", "what's Ortega's job?", "What's Rafael Ortega's
# background?": who they are, as "who is" asks.
_WHAT_IS_TITLE = re.compile(r"^\s*(?i:(?:and\s+)?(?:so\s+)?what(?:'s|’s| is| was)\s+(?:the\s+)?)"
                            r"([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)(?:'s|’s)\s+(?i:(?:(?:exact|"
                            r"official|full|current|job)\s+)?(?:title|job|position|post|"
                            r"occupation|profession|background|career))[?.!]*\s*$")
# "and marcus bell, who's he?", "Grace Achebe — who is she?": the name put first.
_NAME_THEN_WHO = re.compile(r"^\s*(?:(?:and|so|what about|now)\s+)?(?!(?:ok|okay|well|right|"
                            r"so|hmm|hm|yes|no|alright|sure|wait|oh|and|but|then)\W*(?:,|—|–|$))"
                            r"(.+?)\s*(?:,|—|–|\s-)\s*"
                            r"who(?:'s|’s| is| was)\s+(?:he|she|that|this|they|it)[?.!]*\s*$",
                            re.I)
_DESCRIBE_AFTER = re.compile(r"^[,—–]?\s*(?:(?:is|was|remains|became|has been) )?(?:now |then |"
                             r"currently |also |once |still )?(?:a|an|the|who|which|"
                             r"[A-Za-z-]+’s|[A-Za-z-]+'s)\b"
                             # "The JCPOA, signed in 2015, …", "X, known as …", "X, based in …"
                             r"|^,\s*(?:[a-z]+ed|known|built|born|founded|led|run)\s[^,]+,")


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


# "Is Ali Bagheri Kani Iran's foreign minister, as some posts say?", "Was Harrow the council
# chair?": a role put to a name asks who they are, which the article answers with the role it
# gives them (or says they hold none it names).
_IS_NAME_ROLE = re.compile(r"^\s*(?:(?i:and|so)\s+)?(?i:is|was)\s+"
                           r"([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)\s+"
                           r"(?:(?i:really|actually|still|now|in fact)\s+)?"
                           r"((?i:the|a|an)\s+[^,?!]+|[A-Z][\w.-]*(?:'s|’s)\s+[^,?!]+)"
                           r"(?:,[^?!]*)?[?.!]*\s*$")


def _role_put(question: str) -> re.Match[str] | None:
    """"Is <name> <a role>?" (`_IS_NAME_ROLE`), when what follows the name is a role or a word
    for a person ("Iran's foreign minister", "the city engineer"): not "Is Oman right …"."""
    m = _IS_NAME_ROLE.match(question)
    if m is None:
        return None
    # "Is Priya Natarajan an independent expert or part of the project team?": either one.
    for put in re.split(r"\s+or\s+", m.group(2)):
        said = words(put)
        if names_a_role(put) or (said and a_person(said[-1])):
            return m
    return None


_NAME_TAIL = re.compile(r"(?:\s+(?:exactly|again|anyway|then|precisely|really|now))+$", re.I)


def asked_name(question: str) -> str | None:
    """The name in "Who is Donald Trump?" / "who exactly is Kanaani" / "What is Polyloop?" /
    "and marcus bell, who's he?", else None."""
    m = (_WHO_IS.match(question) or _WHAT_IS_NAME.match(question)
         or _WHAT_IS_TITLE.match(question) or _NAME_THEN_WHO.match(question)
         or _role_put(question))
    if not m:
        return None
    name = m.group(1).strip()
    if re.match(r"(?:the|a|an|this|that|these|those|his|her|their|its)\b", name, re.I):
        return None  # "who is the EU official …": a role asked for, not a name
    if WHOEVER.match(name) or re.match(r"in\b", name, re.I):
        return None  # "who is mediating?", "who is in charge?": whoever does it
    name = re.sub(r"^(?:mr\.?|mrs\.?|ms\.?|dr\.?)\s+", "", name, flags=re.I)
    # "Donald Trump in this story", "kanaani, according to the article": the name itself.
    name = re.split(r",|\s+(?:in|according|from|of|within|per)\b", name, maxsplit=1)[0].strip()
    # "Who is Kwame Mensah and what job does he have now?": the name, before the next question.
    name = re.split(r"\s+and\s+(?=(?:what|who|how|why|when|where|which|is|does|did|has|have|"
                    r"was)\b)", name, maxsplit=1, flags=re.I)[0].strip()
    # "who is rafael ortega exactly", "who's kanaani again": the name, not the word after it.
    name = _NAME_TAIL.sub("", name)
    if names_a_role(name):
        return None  # "who is Iran's president?": a person asked for by role, not by name
    return name if 0 < len(name.split()) <= 5 else None


def mentions(name: str, text: str) -> bool:
    """Whether a sentence names the person or body asked about ("Biden" in "the Biden
    administration"), by the last word of the name (the surname): what the article says of
    them when it never says who they are."""
    parts = _name_words(name)
    return bool(parts) and parts[-1] in set(words(text))


def _name_words(name: str) -> list[str]:
    """The words a name is matched by: those of three letters or more, or else all of them
    (the "EU" that "European Union" folds to)."""
    folded = words(name)
    return [p for p in folded if len(p) > 2] or folded


def describes(name: str, text: str) -> bool:
    """Whether a sentence names someone and says who they are: a title just before the name
    ("Supreme Leader Ayatollah Ali Khamenei") or a description just after it ("Donald Trump,
    now a prominent contender …")."""
    parts = _name_words(name)
    if not parts:
        return False
    if re.fullmatch(r"[A-Z][A-Z0-9&-]+", name.strip()) and f"({name.strip()})" in text:
        return True  # "the Port Calder Harbor Authority (PCHA)": the acronym spelled out
    for m in _NAME.finditer(text):
        found = set(words(m.group(0)))
        if parts[-1] not in found:  # the surname: "Ali" alone is another Ali
            continue
        before, after = text[: m.start()].rstrip(), text[m.end():]
        extra = set(words(m.group(0))) - set(parts) - STOPWORDS  # not "The PCHA", "If Millbrook"
        # A capitalised title inside the same run of capitals ("President Ebrahim Raisi").
        if extra or re.search(r"(?:’s|'s|,)\s*$", before) or re.search(
                r"\b(?:spokesperson|negotiator|minister|president|leader|official|diplomat|"
                r"envoy|commander|chief|head|director|mayor|engineer|professor|founder|"
                r"analyst|researcher|chair\w*|ceo|secretary)\s*,?\s*$", before, re.I):
            return True
        kind = re.search(r"\bthe ([a-z]+) of\s*$", before)
        if kind and stem(kind.group(1)) in PLACE_NOUNS:
            return True  # "a pilot plant in the town of Millbrook"
        if _DESCRIBE_AFTER.match(after):
            return True
    return False


@dataclass(frozen=True)
class Asked:
    """What the features need to know about a question, worked out once per question."""

    text: str  # the question's own words (no carried-over context)
    searched: str  # the standalone form that was searched
    kind: str  # shape(): fact | list | reason | yesno
    need: str | None  # shape(): number | time | year | date | person | entity | expansion:…
    terms: tuple[str, ...]  # stemmed content words (from the searched form)
    names: tuple[str, ...]  # lower-cased name words of the question
    name: str | None  # the person or body asked about in "who is X"
    focus: str | None  # the word naming the thing asked for

    @classmethod
    def of(cls, own: str, searched: str) -> Asked:
        """Read a question: `own` is what was typed, `searched` the standalone form."""
        s = shape(own)
        name = asked_name(own)
        need = s.needs
        lead = words(own)[:6]
        if name is not None:
            need = "describe"
        elif need is None and (person_asked(own) or (
                lead[:1] in (["which"], ["what"]) and any(person_noun(w)
                                                          for w in lead[1:4]))):
            need = "person"  # "which Omani official …", "what EU envoy …"
        elif need is None and lead[:1] == ["where"]:
            need = "entity"  # a place: a name the question does not already hold
        caps = [w for m in _NAME.finditer(searched) for w in words(m.group(0))]
        first = words(searched)[:1]
        names = tuple(w for w in dict.fromkeys(caps) if len(w) > 1 and
                      not (first and w == first[0] and w in _QUESTION_OPENERS))
        return cls(own, searched, s.kind, need, tuple(content_terms(searched)), names, name,
                   focus(own))


_QUESTION_OPENERS = frozenset("""who what when where which why how is are was were do does did
    can could will would should has have had tell give list name explain describe and so""".split())


@dataclass
class Context:
    """The corpus facts the features read: IDF weights and each sentence's neighbours."""

    idf: Mapping[str, float]
    neighbour: Callable[[Sentence, int], Sentence | None]  # same paragraph, offset -1 / +1
    max_idf: float = 1.0

    def weigh(self, term: str) -> float:
        """How distinctive a term is: rare corpus words and unknown words weigh most."""
        return self.idf.get(term, self.max_idf)


def _coverage(q: Sequence[str], bag: set[str], ctx: Context) -> float:
    total = sum(ctx.weigh(t) for t in q)
    return sum(ctx.weigh(t) for t in q if t in bag) / total if total else 0.0


def type_held(need: str | None, text: str, asked: Asked) -> bool:
    """Whether a sentence holds what the question asks for."""
    if need is None:
        return False
    if need == "describe":
        return asked.name is not None and describes(asked.name, text)
    return holds(need, text, asked.text)


def pair_features(asked: Asked, hits: Sequence[Hit], ctx: Context) -> list[list[float]]:
    """One row of `PAIR` features per candidate, in the order of `hits`."""
    if not hits:
        return []
    best_dense = max(h.dense for h in hits)
    best_lex = max(h.lexical for h in hits)
    best_aligned = max(h.aligned for h in hits)
    q_terms = list(asked.terms)
    q_set = set(q_terms)
    rows = []
    for rank, h in enumerate(hits):
        s = h.sentence
        own = set(terms(s.text))
        heading = set(terms(s.section or ""))
        prev = ctx.neighbour(s, -1)
        prev_terms = set(terms(prev.text)) if prev is not None else set()
        sent_words = set(words(s.text))
        held = type_held(asked.need, s.text, asked)
        n_words = len(s.text.split())
        rows.append([
            h.dense,
            h.clause or h.dense,
            h.window or h.dense,
            h.aligned,
            h.aligned - best_aligned,
            h.lexical,
            1.0 / (1 + rank),
            h.dense - best_dense,
            h.lexical - best_lex,
            _coverage(q_terms, own, ctx),
            _coverage(q_terms, own | heading | prev_terms, ctx),
            (sum(n in sent_words for n in asked.names) / len(asked.names)) if asked.names else 0.0,
            (len(q_set & heading) / len(q_set)) if q_set else 0.0,
            (len(own - q_set) / len(own)) if own else 0.0,
            float(held),
            float(asked.need is not None and not held),
            float(asked.need == "describe" and held),
            float(bool(LEANS_BACK.match(s.text))),
            _coverage(q_terms, prev_terms, ctx),
            float(asked.kind == "reason" and bool(_REASON.search(s.text))),
            float(asked.kind == "list" and (s.text.count(",") >= 2 or " and " in s.text)),
            math.log(1 + n_words),
            float(prev is None),
        ])
    return rows


def question_features(asked: Asked, hits: Sequence[Hit], probs: Sequence[float],
                      ctx: Context, unknown: int, focus_missing: bool) -> list[float]:
    """The `QUESTION` features: how well the best candidates answer, and what is missing."""
    order = sorted(range(len(probs)), key=lambda i: -probs[i])
    top = [hits[i] for i in order[:3]]
    q_terms = list(asked.terms)
    cover = max((_coverage(q_terms, set(terms(f"{h.sentence.text} {h.sentence.section or ''}")),
                           ctx) for h in top), default=0.0)
    need = asked.need
    unmet = need is not None and need != "entity" and not any(
        type_held(need, h.sentence.text, asked) for h in top)
    total = sum(ctx.weigh(t) for t in q_terms)
    absent = sum(ctx.weigh(t) for t in q_terms if t not in ctx.idf) / total if total else 0.0
    near: set[str] = set()
    for h in top:
        near.update(terms(f"{h.sentence.text} {h.sentence.section or ''}"))
        for off in (-1, 1):
            n = ctx.neighbour(h.sentence, off)
            if n is not None:
                near.update(terms(n.text))
    missing = [ctx.weigh(t) for t in q_terms if t not in near and t in ctx.idf]
    uncovered = max(missing, default=0.0) / (ctx.max_idf or 1.0)
    return [
        _logit(probs[order[0]]) if probs else -10.0,
        _logit(probs[order[1]]) if len(probs) > 1 else -10.0,
        max((h.dense for h in hits), default=0.0),
        cover,
        float(unknown),
        float(focus_missing),
        float(unmet),
        math.log(1 + len(q_terms)),
        absent,
        uncovered,
        uncovered * (1 - max((h.dense for h in hits), default=0.0)),
        absent * (1 - max((h.dense for h in hits), default=0.0)),
    ]


def intent_features(vector: Sequence[float] | np.ndarray, asked: Asked, hits: Sequence[Hit],
                    ctx: Context) -> list[float]:
    """The `INTENT` features of a message: its embedding, then `INTENT_EXTRA`."""
    own = content_terms(asked.text)
    total = sum(ctx.weigh(t) for t in own)
    known = sum(ctx.weigh(t) for t in own if t in ctx.idf) / total if total else 0.0
    # The unit vector scaled by sqrt(dim): each dimension then varies on the order of one, like
    # the other features, without standardising dimensions that barely vary.
    root = math.sqrt(len(vector))
    return [*(float(x) * root for x in vector), known, math.log(1 + len(own)),
            max((h.dense for h in hits), default=0.0)]
