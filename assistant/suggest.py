"""Follow-up suggestions: questions a reader might ask next, that the article answers.

    near       = the sentences the last answer cited, and their neighbours in the article
    candidates = from `near`, nearest first, taking turns between three kinds:
                 people and bodies it names   → "Who is Nasser Kanaani?"
                 terms (acronyms, phrases the article repeats) → "What is the JCPOA?"
                 claims ("Tehran has refused to …", "Iran insists on …") → "Why has Tehran …?"
    kept       = those the assistant itself answers without abstaining (the caller checks,
                 through its own cache: an answer costs ~20 ms), never one already asked

This module only proposes (`candidates`) and filters (`accept`); asking is the caller's. It
knows English capitalisation and a few function words, nothing about this article: every
question is built from the words of the corpus as they stand.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise

from .asks import introduced_people
from .corpus import Document
from .text import unpossessed
from .values import Answer, Sentence

LIMIT = 3  # suggestions per answer
NEIGHBOURS = 2  # sentences either side of a cited one that count as "near"

# Function words: never the start or end of a term, never a name on their own.
STOP = frozenset("""a an the and or but if of to in on at by for with from as into over under
about after before between through during without within than that this these those it its
is are was were be been being has have had do does did will would can could may might must
shall should not no nor so such both all any each more most other some own same very just also
only then there their they them he she his her we our you your who whom which what when where
why how while since until because although though however moreover for now""".split())
# Words that make a capitalised name a body (an organisation or institution), not a person.
BODY = frozenset("""union ministry council guard guards agency nations house parliament
administration government commission committee assembly organization organisation court
department office army forces party bank fund peninsula gulf""".split())
# Auxiliaries after which a claim can be asked about as it stands: "Tehran has refused …" →
# "Why has Tehran refused …?".
AUXILIARY = frozenset("has have had is are was were will would can could".split())
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_NAME = re.compile(r"(?<![\w.])[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)+")
_ACRONYM = re.compile(r"\b[A-Z]{3,}\b")


def _norm(question: str) -> str:
    return " ".join(re.findall(r"\w+", question.casefold()))


def asked_questions(answer: Answer, history: Iterable[dict[str, str]] = ()) -> set[str]:
    """The questions of a conversation so far (normalised), the last answer's included."""
    asked = {_norm(t["content"]) for t in history if t.get("role") == "user"}
    asked |= {_norm(answer.question), _norm(answer.interpreted_as or "")}
    return asked


def near(documents: Sequence[Document], answer: Answer) -> list[Sentence]:
    """The cited sentences (the closest passages, for an abstention) and their neighbours:
    the cited ones first, then outward by distance."""
    evidence = answer.related if answer.abstained else answer.citations
    spans = {(c.source, c.start, c.end) for c in evidence}
    ranked: dict[Sentence, int] = {}
    for doc in documents:
        cited = [s.position for s in doc.sentences if (s.source, s.start, s.end) in spans]
        for s in doc.sentences:
            if cited:
                distance = min(abs(s.position - p) for p in cited)
                if distance <= NEIGHBOURS:
                    ranked[s] = min(ranked.get(s, distance), distance)
    return sorted(ranked, key=lambda s: (ranked[s], s.position))


def names(text: str) -> Iterator[str]:
    """Capitalised names of two or more words, the first word dropped when it only starts the
    sentence ("Acting as …", "The …")."""
    for m in _NAME.finditer(text):
        words = m.group().split()
        while words and words[0].casefold() in STOP:
            words = words[1:]
        words[-1:] = [unpossessed(w) for w in words[-1:]]
        if len(words) >= 2:
            yield " ".join(words)


Candidate = tuple[str, str]  # a question, and the words its answer must contain ("" = any)


def who(sentences: Sequence[Sentence]) -> Iterator[Candidate]:
    """'Who is …?' for the people the sentences name (asks.introduced_people: a name the
    sentence marks as a person's, so never "Who is Middle East?"), 'What is the …?' for the
    bodies; other names (places) are not asked about."""
    for s in sentences:
        people = introduced_people(s.text)
        for name in names(s.text):
            if name.split()[-1].casefold() in BODY:
                yield f"What is the {name}?", name
                continue
            person = next((p for p in people if p in name or name in p), None)
            if person is not None:
                yield f"Who is {person}?", person


def terms(sentences: Sequence[Sentence], corpus: Counter[str]) -> Iterator[Candidate]:
    """'What is …?' for acronyms and for two-word phrases the corpus uses more than once."""
    for s in sentences:
        for acronym in _ACRONYM.findall(s.text):
            yield f"What is the {acronym}?", acronym
        words = _WORD.findall(s.text)
        for a, b in pairwise(words):
            if a[0].isupper() or b[0].isupper() or a.casefold() in STOP or b.casefold() in STOP:
                continue
            phrase = f"{a} {b}".casefold()
            # A gerund first ("negotiating table") reads as an action, not a term.
            if corpus[phrase] >= 2 and len(a) > 3 and len(b) > 3 and not a.endswith("ing"):
                verb = "are" if b.endswith("s") and not b.endswith("ss") else "is"
                yield f"What {verb} {phrase}?", phrase


def _base(verb: str) -> str | None:
    """The base form of a present-tense verb ("insists" → "insist"); None if it is not one."""
    v = verb.casefold()
    if not v.endswith("s") or v.endswith(("ss", "us", "is")) or len(v) < 4:
        return None
    if v.endswith("ies"):
        return v[:-3] + "y"
    if v.endswith(("ches", "shes", "xes", "sses")):
        return v[:-2]
    return v[:-1]


def why(sentences: Sequence[Sentence], proper: frozenset[str]) -> Iterator[Candidate]:
    """'Why …?' for claims whose subject is a name (one to three words the corpus capitalises
    mid-sentence too) and whose verb is an auxiliary ("Tehran has since refused …") or in the
    present tense ("Iran insists on …")."""
    for s in sentences:
        clause = re.split(r"[,;:—–(]", s.text, maxsplit=1)[0].strip().rstrip(".")
        words = clause.split()
        for i in range(1, min(4, len(words) - 2)):
            subject, verb, rest = words[:i], words[i], words[i + 1:]
            if not all(unpossessed(w) in proper for w in subject):
                break
            if verb.casefold() in AUXILIARY:
                yield f"Why {verb.casefold()} {' '.join(subject)} {' '.join(rest)}?", ""
                break
            base = _base(verb)
            if base and rest:
                yield f"Why does {' '.join(subject)} {base} {' '.join(rest)}?", ""
                break


def _vocabulary(documents: Sequence[Document]) -> tuple[Counter[str], frozenset[str]]:
    """Two-word phrases with their counts, and the words capitalised mid-sentence (names)."""
    counts: Counter[str] = Counter()
    proper: set[str] = set()
    for doc in documents:
        for s in doc.sentences:
            words = _WORD.findall(s.text)
            proper.update(unpossessed(w) for w in words[1:]
                          if w[0].isupper() and w.casefold() not in STOP)
            folded = [w.casefold() for w in words]
            counts.update(f"{a} {b}" for a, b in pairwise(folded))
    return counts, frozenset(proper)


def candidates(documents: Sequence[Document], answer: Answer,
               history: Iterable[dict[str, str]] = ()) -> list[Candidate]:
    """Questions to try, best first: the three kinds in turn, each nearest the evidence first;
    none already asked, none twice."""
    context = near(documents, answer)
    phrases, proper = _vocabulary(documents)
    kinds = [list(who(context)), list(terms(context, phrases)), list(why(context, proper))]
    asked = asked_questions(answer, history)
    seen: set[str] = set()
    out: list[Candidate] = []
    for i in range(max((len(k) for k in kinds), default=0)):
        for kind in kinds:
            if i < len(kind) and (key := _norm(kind[i][0])) not in seen | asked:
                seen.add(key)
                out.append(kind[i])
    return out


def accept(answer: Answer, focus: str = "") -> bool:
    """Whether a candidate's answer makes it worth offering: answered (not abstained, not
    small talk), cited, and quoting what it asks about (`focus`) when that is given."""
    kind = getattr(answer, "kind", "answer")
    if kind != "answer" or answer.abstained or not answer.citations:
        return False
    quoted = " ".join(c.quote for c in answer.citations)
    return not focus or re.search(rf"\b{re.escape(focus)}\b", quoted, re.IGNORECASE) is not None
