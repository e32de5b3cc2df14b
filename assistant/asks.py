"""What a question asks for, read from its wording alone: no embeddings, no corpus.

`shape()` tells the kind of answer (a short fact, a reason, a list, yes/no) and what the evidence
must hold (a number for "how many", a year for "what year", a name for "who is"); `focus()` finds
the word naming the thing asked about ("which *city*", "who *won*"); `holds()` checks a sentence
for the thing asked for. The answerer uses these to rank, to choose how much to say, and to
decline when the article holds nothing of the kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .corpus import split_sentences
from .text import QUESTION_WORDS, STOPWORDS, stem, terms, words

NUMBER = re.compile(
    r"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundreds?|"
    r"thousands?|millions?|billions?|percent)\b",
    re.I,
)
_YEAR = r"\b(?:1[89]\d\d|20\d\d)\b"
_MONTH = r"\b(?:january|february|march|april|may|june|july|august|september|october|november|" \
         r"december)\b"
_RELATIVE = r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|earlier|" \
            r"ago|decades?|(?:this|last|recent|past|coming)\s+(?:week|month|year)s?)\b"
YEAR = re.compile(_YEAR)
DATE = re.compile(f"{_YEAR}|{_MONTH}", re.I)  # a year or a month: the answer to "when"
TIME = re.compile(f"{_YEAR}|{_MONTH}|{_RELATIVE}", re.I)  # also "earlier this month"


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
    if re.search(r"\byear\b", q):  # "what year", "in which year", "the year when"
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
    if re.search(r"^(?:(?:in|at|on|for|from|to|of|by|with|under|during|after|before) )?"
                 r"(?:which|what) "
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
_IRREGULAR_PAST = frozenset("""won lost led said met paid took became went gave made held told
    wrote sent bought sold fought ran beat chose drew fled flew forgot froze hid kept knew left
    meant overtook rose sang sat shot spoke spent stole struck swore threw understood woke wore
    """.split())
_AUX = frozenset("""is are was were do does did has have had will would can could should""".split())


_ATTRIBUTE = re.compile(r"^(?:what|who) (?:is|was|are|were) (?:the )?([\w-]+) (?:of|for|in) "
                        r"(?:the )?([\w-]+)(?: ([\w-]+))?")
_WHO_IS = re.compile(r"^who (?:is|was|are|were|has been)\b")
_MODIFIER = re.compile(r"(?:al|ic|ive|ous|ful|ar|ete|ian|ern|ese|ish|ed|i)$")


def asking_sentence(question: str) -> str:
    """The sentence that asks, when a question comes with preamble ("Forget X. What is …?")."""
    text = question.strip()
    parts = [text[a:b] for a, b in split_sentences(text, 0, len(text))]
    asking = [p for p in parts if p.endswith("?")]
    last = asking[-1] if asking else question
    # "Also, who won …?": a leading connective hides the question word.
    return re.sub(r"^(?:also|and|so|but|then|now|ok|okay|well)\b,?\s*", "", last, flags=re.I)


def holds(need: str, text: str, question: str = "") -> bool:
    """Whether a sentence holds the kind of thing asked for: a number, a time, a name."""
    if need.startswith("expansion:"):
        return f"({need.split(':', 1)[1]})" in text
    if need == "entity":
        asked_words = set(words(question))
        names = re.findall(r"(?<=[\w,;:—] )[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*", text)
        return any(not set(words(n)) <= asked_words for n in names)
    if need == "number":
        return bool(NUMBER.search(text))
    if need in ("time", "year", "date"):
        return bool({"time": TIME, "year": YEAR, "date": DATE}[need].search(text))
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


def focus(question: str) -> str | None:
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


def person_asked(question: str) -> bool:
    """Whether the question asks for a person: "who is …", "which officials", "what leader"."""
    q = " ".join(words(question))
    if _WHO_IS.match(q):
        return True
    a = _ATTRIBUTE.match(q)
    head = a.group(1) if a else focus(question)
    return head is not None and stem(head) in PERSON_NOUNS


def literals(question: str) -> list[str]:
    """The numbers and acronyms of a question ("2006", "IAEA"): words with no paraphrase, so an
    article that never uses them does not talk about them."""
    numbers = re.findall(r"\b\d[\d,.]*\d\b|\b\d\b", question)
    acronyms = re.findall(r"(?<![\w.])[A-Z]{2,6}(?![\w.])", question)
    return numbers + acronyms


def content_terms(question: str) -> list[str]:
    """The question's stemmed content words, without its question words."""
    return [t for t in terms(question) if t not in {stem(w) for w in QUESTION_WORDS}]
