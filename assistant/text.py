"""Words: the tokenizer, stemmer and stopwords shared by lexical retrieval and the answerer.

Kept tiny and deterministic. A few spelling variants of the same name ("U.S.", "United States",
"America") are folded into one token so a question and the article can meet on it.
"""

from __future__ import annotations

import re
from functools import lru_cache

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing done down during each else even
    ever every few for from further get gets got had has have having he her here hers herself him
    himself his how i if in into is it its itself just let me more most much my myself no nor not
    now of off on once only or other our ours out over own per please same say says said she
    should so some such than that the their theirs them themselves then there these they this
    those through to too under until up upon us very via was we were what when where which while
    who whom whose why will with within without would yet you your yours tell according article
    explain describe give list name mention mentioned state stated""".split()
)
QUESTION_WORDS = frozenset("who whom whose what when where which why how".split())

# Spelling variants folded before tokenizing: (pattern, replacement).
_FOLDS = [
    (re.compile(r"\bU\.\s?S\.(?:\s?A\.)?", re.I), " usa "),
    (re.compile(r"\bUnited States(?: of America)?\b", re.I), " usa "),
    (re.compile(r"\bAmerica(?:n|ns)?\b", re.I), " usa "),
    (re.compile(r"\bU\.\s?K\.", re.I), " uk "),
    (re.compile(r"\bE\.\s?U\.", re.I), " eu "),
    (re.compile(r"\bEuropean Union\b", re.I), " eu "),
]
_APOSTROPHE = re.compile(r"[’‘`´]")
_POSSESSIVE = re.compile(r"'s\b")
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    from nltk.stem.snowball import EnglishStemmer

    return EnglishStemmer()


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    """The Snowball stem of a lower-case word."""
    return str(_stemmer().stem(word))


def words(text: str) -> list[str]:
    """Lower-case words with variants folded and possessives dropped; hyphenated words kept whole."""
    t = text
    for pattern, repl in _FOLDS:
        t = pattern.sub(repl, t)
    t = _POSSESSIVE.sub("", _APOSTROPHE.sub("'", t).lower())
    return _WORD.findall(t)


def terms(text: str) -> list[str]:
    """Stemmed content words: stopwords dropped, hyphenated words also split into their parts."""
    out: list[str] = []
    for w in words(text):
        if w in STOPWORDS:
            continue
        out.append(stem(w))
        # Demonyms meet their country: "Israeli" → israel, "Omani" → oman, "Iranian" → iran.
        if len(w) > 5 and w.endswith("ian"):
            out.append(stem(w[:-3]))
        elif len(w) > 4 and w.endswith("i") and w.isalpha():
            out.append(stem(w[:-1]))
        if "-" in w:
            out.extend(stem(p) for p in w.split("-") if p and stem(p) not in STOPWORDS)
    return out
