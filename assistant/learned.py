"""The answer stage: choose which of the article's sentences answer the question, or decline.

The extractive answerer never writes words of its own: every claim is a sentence of the article,
cited to itself. What it decides is whether to answer and with which sentences, and both
decisions are learned (assistant/scorer.py, fitted by `make train` on the dev sets):

1. Score: each candidate that retrieval handed over gets the probability that it belongs in the
   answer, from features relating it to the question (assistant/features.py).
2. Decide: the article answers when the probability that the question is answerable, read off
   the best candidates and what the question names, reaches the threshold chosen on the dev set.
   A few facts of language are not learned, they are checked: "how many" needs a number in the
   sentence it would answer with, "when" a date, "which official" someone named; and a number,
   acronym or role ("emir") that the corpus never mentions cannot be what the article talks
   about. A decline says why when a fact settled it.
3. Compose: the best candidate, then every other one whose probability reaches the learned
   threshold (at most `MAX_SENTENCES`); a sentence opening with an anaphor ("These may
   include …", "He described …") comes with the one it continues, and a sentence announcing
   the next ("… under the right conditions.") with the sentence that holds what it announces.
   Sentences are given in reading order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .asks import (
    asking_sentence,
    asks_quote,
    focus_unmet,
    literals,
    quoted_in,
    said_generically,
    said_of,
    unknown_roles,
)
from .corpus import Places
from .countries import unnamed
from .features import Asked, Context, pair_features, question_features, type_held
from .question import own_words
from .scorer import Scorer
from .text import terms, words
from .values import Claim, Draft, Hit, Query, Sentence

# An answer quotes at most this many sentences: beyond four, a reader is better served by the
# article itself (the summary, which covers the whole article, has its own length).
MAX_SENTENCES = 4
# How many passages to offer when declining.
RELATED = 3

# Needs whose absence from the best evidence is a fact, not a judgement: "how many" asks for a
# number, "what year" for a year, "when" for a time, "what did X say" for X saying something.
HARD_NEEDS = frozenset({"number", "year", "date", "time", "person", "speech", "name"})


_CONTINUES = re.compile(r"^(?:These|This|Those|They|Such|It|He|She|His|Her|Its|Their)\b")
# A sentence opening like this lists or spells out what the sentence before announced.
_SPELLS_OUT = re.compile(r"^(?:These|They|Those|Such)\s+(?:\w+\s+)?(?:include|are|were|"
                         r"involve|range|consist|cover)\b")


@dataclass(frozen=True)
class Judgement:
    """What the answerer found, kept for explanations, tests and calibration."""

    asked: Asked
    probs: tuple[float, ...]  # per candidate, in the order handed over
    answerable: float  # P(the article answers)
    reason: str | None  # why it declines, when a fact says so


class LearnedAnswerer:
    """Answers with the article's own sentences, each cited; declines when they don't answer."""

    name = "extractive"  # still the article's own words: the backend the answer names

    def __init__(self, sentences: Sequence[Sentence], idf: Mapping[str, float],
                 scorer: Scorer) -> None:
        """Answer from these sentences; weigh words by `idf`; score with the learned `scorer`."""
        self.places = Places(sentences)
        self.idf = idf
        self.scorer = scorer
        self.context = Context(idf, self.places.neighbour, max(idf.values(), default=1.0))

    def known(self, term: str) -> bool:
        """Whether a stemmed term is a word of the corpus."""
        return term in self.idf

    def unknown(self, question: str) -> tuple[str, ...]:
        """Numbers, acronyms, roles of people and countries in the question that the corpus
        never uses.

        "in 2006", "the IAEA": unlike a common word, these have no paraphrase the article could
        be using instead, so an article without them does not talk about them.
        """
        # A role of a person ("emir", "prime minister") names someone the article would have
        # to mention by that role; not one qualifying a role it has ("chief negotiator").
        roles = list(unknown_roles(words(question), self.known))
        return tuple(dict.fromkeys(
            [t for t in literals(question)
             if not any(self.known(x) for x in (terms(t) or [t.lower()]))] + roles
            + list(unnamed(question, self.known))))

    def unknown_names(self, question: str) -> tuple[str, ...]:
        """Capitalised words inside the question (not its first word) that the corpus never
        uses, read after folding spelling variants ("United States" is "usa"): a feature of the
        answer/abstain decision, since a name may also be a paraphrase ("Islamic …")."""
        folded = set(words(question))
        found = re.findall(r"(?<=[\w,’'] )[A-Z][a-z][\w’'-]+", question.strip())
        return tuple(dict.fromkeys(
            n for n in found if n.lower() in folded
            and not any(self.known(x) for x in terms(n))))

    def judge(self, query: Query, hits: Sequence[Hit]) -> Judgement:
        """Score the candidates and the question; no decision yet."""
        own = asking_sentence(own_words(query.standalone))
        asked = Asked.of(own, query.standalone)
        probs = self.scorer.candidates(pair_features(asked, hits, self.context))
        if asked.need in ("time", "year", "date") and len(probs) > 1:
            # "When …?" is answered by the sentence holding the date: when the best lacks one
            # and the runner-up has it, the runner-up leads.
            a, b = sorted(range(len(probs)), key=lambda i: -probs[i])[:2]
            if (not type_held(asked.need, hits[a].sentence.text, asked)
                    and type_held(asked.need, hits[b].sentence.text, asked)):
                probs[a], probs[b] = probs[b], probs[a]
        if asks_quote(own) and probs:
            # "What were Lindqvist's exact words?": his quoted words lead, wherever they rank.
            said = [i for i, h in enumerate(hits) if self.quoted(own, h.sentence)]
            if said:
                top = max(probs)
                probs = [top + 1e-6 if i == said[0] else p for i, p in enumerate(probs)]
        unknown = self.unknown(own)
        focus_missing = self.focus_missing(asked, hits)
        row = question_features(asked, hits, probs, self.context, len(self.unknown_names(own)),
                                focus_missing)
        p = self.scorer.answerable_p(row) if hits else 0.0
        reason = self.reason(asked, hits, probs, unknown)
        if reason is None and focus_missing and asked.need != "describe":
            reason = f"The article never mentions any “{asked.focus}”."
        return Judgement(asked, tuple(probs), p, reason)

    def quoted(self, question: str, s: Sentence) -> bool:
        """Whether the sentence gives the words a quote request asks for (asks.quoted_in)."""
        before = self.places.neighbour(s, -1)
        return quoted_in(question, s.text, before.text if before is not None else None,
                         [p.text for p in self.places.paragraph(s)])

    def focus_missing(self, asked: Asked, hits: Sequence[Hit]) -> bool:
        """Whether the thing asked about ("which city") is missing: asks.focus_unmet."""
        known = asked.focus is not None and any(self.known(t) for t in terms(asked.focus))
        return focus_unmet(asked.text, asked.focus, known, [h.sentence.text for h in hits[:3]])

    def reason(self, asked: Asked, hits: Sequence[Hit], probs: Sequence[float],
               unknown: Sequence[str]) -> str | None:
        """Why the article cannot answer, when a fact says so; None when it may."""
        if unknown:
            said = ", ".join(f"“{u}”" for u in unknown[:3])
            return f"The article never mentions {said}."
        if asked.need in HARD_NEEDS and hits:
            # The sentences it would answer with must hold a number or a date (a date may sit
            # in the runner-up: `judge` puts it first); a person may be named in the sentence
            # next to the best ("… officials. Kanaani said …").
            first = 1 if asked.need == "number" else 2
            order = sorted(range(len(probs)), key=lambda i: -probs[i])[:first]
            if not any(type_held(asked.need, hits[i].sentence.text, asked) for i in order):
                if asked.need == "person":
                    return "The article names no one for this."
                if asked.need == "speech":
                    return "The article does not report them saying this."
                if asked.need == "name":
                    return "The article gives no name for this."
                what = "number" if asked.need == "number" else "date"
                return f"The article gives no {what} for this."
        if hits and probs:
            best = hits[max(range(len(probs)), key=lambda i: probs[i])].sentence
            if asks_quote(asked.text) and not self.quoted(asked.text, best):
                return "The article does not quote them word for word."
            if asked.need == "speech" and said_of(asked.text, " ".join(
                    p.text for p in self.places.paragraph(best))) is False:
                # "What does Kanaani think of Biden?": his words are not about Biden.
                return "The article does not report them saying this."
            after = self.places.neighbour(best, +1)
            generic = said_generically(asked.text, asked.need, asked.kind, best.text,
                                       after.text if after is not None else None)
            if generic:  # "which prisoners": no names, no list
                return f"The article does not say which “{generic}”."
        return None

    def compose(self, hits: Sequence[Hit], probs: Sequence[float],
                kind: str = "fact") -> list[Sentence]:
        """The sentences to answer with, in reading order (see the module docstring)."""
        order = sorted(range(len(hits)), key=lambda i: -probs[i])
        chosen = [hits[order[0]].sentence]
        para = self.places.paragraph(chosen[0])
        if kind in ("reason", "list") and para[0] == chosen[0] and len(para) > 1 and all(
                len(chosen[0].text) < len(o.text) for o in para[1:]):
            # A paragraph's opening sentence, its shortest, announces what the rest spells
            # out ("For Iran, indirect talks serve multiple purposes."): a why or a list
            # question is answered by the paragraph.
            chosen.extend(para[1:MAX_SENTENCES])
        for i in order[1:]:
            if len(chosen) >= MAX_SENTENCES or probs[i] < self.scorer.include:
                break
            if hits[i].sentence.text not in {c.text for c in chosen}:
                chosen.append(hits[i].sentence)
        for c in list(chosen):
            prev, nxt = self.places.neighbour(c, -1), self.places.neighbour(c, +1)
            if prev is not None and _CONTINUES.match(c.text) and prev not in chosen:
                chosen.append(prev)
            if nxt is not None and _SPELLS_OUT.match(nxt.text) and nxt not in chosen:
                chosen.append(nxt)
        return sorted(dict.fromkeys(chosen), key=lambda s: (s.source, s.position))

    def answer(self, query: Query, hits: Sequence[Hit]) -> Draft:
        """Answer from the hits, or decline with the closest passages and, if known, why."""
        if not hits:
            return Draft((), abstained=True, kind="abstain",
                         message="The article doesn't cover this.")
        j = self.judge(query, hits)
        if j.reason is not None or j.answerable < self.scorer.answer:
            order = sorted(range(len(hits)), key=lambda i: -j.probs[i])[:RELATED]
            related = tuple(sorted((hits[i].sentence for i in order),
                                   key=lambda x: (x.source, x.position)))
            why = j.reason or "The article doesn't say."
            return Draft((), abstained=True, kind="abstain", related=related,
                         message=f"{why} The closest passages are below.")
        chosen = self.compose(hits, j.probs, j.asked.kind)
        return Draft(tuple(Claim(c.text, (c,)) for c in chosen))
