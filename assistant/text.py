"""Words: the tokenizer, stemmer and stopwords shared by lexical retrieval and the answerer.

Kept tiny and deterministic. A few spelling variants of the same name ("U.S.", "United States",
"America") are folded into one token so a question and the article can meet on it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, product
from typing import Any

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing done down during each else
    even ever every few for from further get gets got had has have having he her here hers
    herself him himself his how i if in into is it its itself just let me more most much my
    myself no nor not now of off on once only or other our ours out over own per please same
    say says said she should so some such than that the their theirs them themselves then
    there these they this those through to too under until up upon us very via was we were
    what when where which while who whom whose why will with within without would yet you
    your yours tell according article explain describe give list name mention mentioned
    state stated exactly precisely actually really""".split()
)


@lru_cache(maxsize=1)
def words_version() -> str:
    """What `terms` drops and how it stems, as a short hash: term counts saved beside an index
    with another are counted again (lexical.py)."""
    probe = " ".join(sorted(STOPWORDS)) + "|" + " ".join(terms("running Iranian Omani mediators"))
    probe += "|" + "|".join(f"{p.pattern}>{r}" for p, r in _FOLDS)  # a new fold counts again
    return hashlib.sha256(probe.encode()).hexdigest()[:12]


# A sentence that opens like this leans on the one before it ("These may include …", "He
# described …"): read alone, it does not say what it is about.
LEANS_BACK = re.compile(r"^(?:These|This|That|Those|They|Such|It|He|She|His|Her|Its|Their)\b")
# A sentence giving the list the one before it announced: "These include …", "They may include …".
ENUMERATES = re.compile(r"^(?:These|They|Those)\s+(?:\w+\s+)?includ(?:e|ed|ing)\b")
# Three or more names in a row: "Oman, Qatar, and the European Union".
_NAME = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
LISTS_NAMES = re.compile(rf"\b({_NAME}),\s+({_NAME}),?\s+and\s+(?:the\s+)?({_NAME})")
QUESTION_WORDS = frozenset("""who whom whose what when where which why how""".split())
# Auxiliary and modal verbs: what follows a question's subject ("which countries *have* …").
AUXILIARIES = frozenset("""is was are were does did do has had have will would could can should
    may might""".split())
# Words that frame a question rather than name its topic; the speller may correct towards them.
FRAME_WORDS = frozenset("""year years date month day time name number country countries city
    people person many much long often""".split())

# Nouns naming a measure of something rather than a thing: "and the cost?" asks the cost of
# what was just said, not the last question asked of another party.
MEASURE_NOUNS = frozenset("""cost costs price prices price-tag total amount sum bill budget
    figure figures size height length width depth timing date dates deadline""".split())

# Two stems are of one word family when one is the other with at most this many letters more
# and the shorter has at least KIN_STEM letters: the stemmer leaves "economy" as "economi" and
# "economic" as "econom" ("strategy", "history" likewise); "state" and "statement" stay apart,
# and so do "facility" and "facilitated" ("facil", "facilit"; with two letters they did not, and
# the reference set's "At which nuclear facility …?" was answered).
KIN_EXTRA = 1
KIN_STEM = 5


def kin(a: str, b: str) -> bool:
    """Whether two stems are of one word family ("economi" and "econom")."""
    short, long_ = sorted((a, b), key=len)
    return short == long_ or (len(short) >= KIN_STEM and long_.startswith(short)
                              and len(long_) - len(short) <= KIN_EXTRA)


# The letters a stem is made of (`_WORD`): what a stem of its family may have one more of.
_STEM_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789-"


def kin_in(term: str, stems: Container[str]) -> str | None:
    """The stem itself when `stems` hold it, else one of its word family (`kin`) that they
    hold, else None; looked up, not searched for: only the stem cut short or grown by up to
    KIN_EXTRA letters can be of its family, so an archive's vocabulary is not read word by
    word."""
    shorter = (term[:-k] for k in range(1, KIN_EXTRA + 1))
    longer = (term + "".join(more) for k in range(1, KIN_EXTRA + 1)
              for more in product(_STEM_LETTERS, repeat=k))
    return next((c for c in chain((term,), shorter, longer) if c in stems and kin(term, c)),
                None)


def kindred(term: str, stems: Container[str]) -> bool:
    """Whether `stems` hold the stem or one of its word family (`kin_in`)."""
    return kin_in(term, stems) is not None


# Small talk, as regular-expression alternatives: greetings, thanks and goodbyes. The reply in
# kind (chat.opening) and the test for a message that is nothing else (question.small_talk) read
# the same words.
GREETINGS = (r"hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening)|morning"
             r"|evening")
THANKS = r"thanks?|thank you|thx|cheers|ta|appreciated?|great help"
GOODBYES = r"bye|goodbye|good night|see you|see ya|that's all|farewell"

# Spelling variants folded before tokenizing: (pattern, replacement).
_FOLDS = [
    (re.compile(r"\bU\.\s?S\.(?:\s?A\.)?", re.I), " usa "),
    (re.compile(r"\bUSA?\b"), " usa "),  # capitals only: "us" is a pronoun
    (re.compile(r"\bUnited States(?: of America)?\b", re.I), " usa "),
    (re.compile(r"\bAmerica(?:n|ns)?\b", re.I), " usa "),
    (re.compile(r"\bU\.\s?K\.", re.I), " uk "),
    (re.compile(r"\bE\.\s?U\.", re.I), " eu "),
    (re.compile(r"\bEuropean Union\b", re.I), " eu "),
    (re.compile(r"\bspokes(?:man|woman|men|women)\b", re.I), " spokesperson "),
    # "Europe" in a news question is the European Union ("What role does Europe play?").
    (re.compile(r"\bEurope\b"), " eu "),
    # A title's acronym is its words: "the CEO" is the article's "chief executive".
    (re.compile(r"\bCEOs?\b"), " chief executive "),
    (re.compile(r"\bCFOs?\b"), " chief financial officer "),
    (re.compile(r"\bCOOs?\b"), " chief operating officer "),
    (re.compile(r"\bCTOs?\b"), " chief technology officer "),
    # An adverb made of a noun names no topic: "What does Iran want in return?" is not about
    # a return, "in exchange" not about an exchange.
    (re.compile(r"\bin (?:return|exchange|turn)\b", re.I), " "),
]
_APOSTROPHE = re.compile(r"[’‘`´]")
_OWNER = re.compile(r"[’']s$")
_POSSESSIVE = re.compile(r"'s\b")
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from nltk.stem.snowball import EnglishStemmer

    return EnglishStemmer()


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    """The Snowball stem of a lower-case word."""
    return str(_stemmer().stem(word))


def unpossessed(word: str) -> str:
    """A word without the possessive it ends with ("Oman's" → "Oman", "Qatar’s" → "Qatar")."""
    return _OWNER.sub("", word)


def words(text: str) -> list[str]:
    """Lower-case words, variants folded, possessives dropped, hyphenated words kept whole."""
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
            out.append(stem(w[:-1]))  # Syrian → syria
        elif len(w) > 4 and w.endswith("i") and w.isalpha():
            out.append(stem(w[:-1]))
        if "-" in w:
            out.extend(stem(p) for p in w.split("-") if p and stem(p) not in STOPWORDS)
    return out


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count one), or limit + 1 when over it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


# A word opening a sentence, a quotation or a clause after a colon is capitalised whatever it
# is; a name is capitalised where nothing else asks for it.
_OPENS = re.compile(r"(?:^|[.!?:;“\"‘(]\s*)$")


# Words that join the parts of a longer name ("Institute for Circular Economy Policy").
_NAME_LINKS = frozenset("of for on and".split())


@dataclass(frozen=True)
class Casing:
    """How one document writes its words' case, read once per version of it (cased_names
    merges documents' readings, so adding an article reads only that article)."""

    capital: dict[str, Counter[str]]  # lower-case form → its capitalised spellings, counted
    alone: frozenset[str]  # capitalised somewhere with no capitalised word beside it
    lower: frozenset[str]  # written in lower case somewhere
    longer: tuple[tuple[str, ...], ...]  # runs of capitalised words ("European Union")

    @classmethod
    def of(cls, texts: Iterable[str]) -> Casing:
        """Read sentences word by word; a word stands alone when neither word beside it is
        capitalised, nor the word after "of" or "for" ("Trump's comments", not "Marine
        Engineering" or "Department of Environmental Protection")."""
        capital: dict[str, Counter[str]] = {}
        alone: set[str] = set()
        lower: set[str] = set()
        longer: list[tuple[str, ...]] = []
        for text in texts:
            found = list(re.finditer(r"[A-Za-z]+", text))
            for i, m in enumerate(found):
                w = m.group(0)
                if w.islower():
                    lower.add(w)
                elif len(w) > 1 and not _OPENS.search(text[: m.start()]):
                    capital.setdefault(w.lower(), Counter())[w] += 1
                    after = found[i + 1:i + 3]  # "Department of Environmental Protection"
                    if after and after[0].group(0) not in _NAME_LINKS:
                        after = after[:1]
                    beside = [x.group(0) for x in found[max(i - 1, 0):i] + after]
                    if w.isupper() or not any(x[:1].isupper() and len(x) > 1 for x in beside):
                        alone.add(w.lower())
            for m in re.finditer(r"(?:[A-Z][\w-]*\s+)+[A-Z][\w-]*", text):
                parts = [p for p in m.group(0).split() if p.lower() not in STOPWORDS]
                if _OPENS.search(text[: m.start()]):
                    parts = parts[1:]  # "Former Iranian diplomats …": its first capital
                if len(parts) > 1:
                    longer.append(tuple(parts))
        return cls(capital, frozenset(alone), frozenset(lower), tuple(longer))


def cased_names(readings: Iterable[Casing],
                common: Callable[[str], bool] = lambda _w: False) -> dict[str, str]:
    """The words a text spells with a capital wherever it uses them, by their lower-case form
    ("trump" → Trump, "jcpoa" → JCPOA): names. A capital that opens a sentence or a quotation
    says nothing ("Brands have made commitments …"); a word the text also writes in lower case
    is a common word ("plan" beside "the Joint Comprehensive Plan of Action"), and so is a
    `common` word met only inside a longer name ("Halden Marine Engineering"). A longer name
    is given its capitals whole ("european union" → European Union): its common words would
    otherwise stay in lower case beside a capitalised one; so is one made only of common words
    the text never writes in lower case ("white house" → White House).

    `readings` are the documents' (Casing.of), merged."""
    readings = list(readings)
    capital: dict[str, Counter[str]] = {}
    alone: set[str] = set()
    lower: set[str] = set()
    for c in readings:
        for w, forms in c.capital.items():
            capital.setdefault(w, Counter()).update(forms)
        alone |= c.alone
        lower |= c.lower
    names = {w: forms.most_common(1)[0][0] for w, forms in capital.items()
             if w not in lower and w not in STOPWORDS | QUESTION_WORDS
             and (w in alone or not common(w))}
    for c in readings:
        for parts in c.longer:
            # A name of common words the text never writes in lower case ("the White House")
            # is a name too.
            if any(p.lower() in names for p in parts) or not any(p.lower() in lower
                                                                 for p in parts):
                names.setdefault(" ".join(parts).lower(), " ".join(parts))
    return names


# The longest word read as an acronym that may be spelled out ("CEO", "NATO", "IAEA").
ACRONYM_LETTERS = 6


class Speller:
    """Corrects misspelt words of a question towards the words of the corpus ("nucular"), and
    gives the corpus's names their capitals in a question typed without them ("what did trump
    claim" → "what did Trump claim"): the rules that find who or what a question names read
    capitals."""

    def __init__(self, known: set[str], dictionary: frozenset[str] = frozenset(),
                 names: dict[str, str] | None = None,
                 spelled: Callable[[str], Sequence[Sequence[str]]] = lambda _w: ()) -> None:
        """Correct towards `known` words; never touch a word of `dictionary` (real English);
        `names` are the corpus's names by their lower-case form (cased_names); `spelled` says
        what an acronym stands for (lexicon.spelled_out)."""
        self.corpus = frozenset(known)
        self.spelled = spelled
        self.known = self.corpus | STOPWORDS | QUESTION_WORDS | FRAME_WORDS
        self.dictionary = dictionary
        self.names = names or {}
        # The longer names, longest first, as one pattern compiled once.
        longer = sorted((n for n in self.names if " " in n), key=len, reverse=True)
        self._longer = re.compile(r"\b(?:" + "|".join(map(re.escape, longer)) + r")\b"
                                  ) if longer else None
        self.stems = frozenset(stem(w) for w in self.known)
        self.by_first: dict[str, list[str]] = {}
        for w in sorted(self.known):
            self.by_first.setdefault(w[:1], []).append(w)

    def fix(self, word: str) -> str | None:
        """The known word one typo away (two for long words), or None."""
        lw = word.lower()
        if len(lw) < 4 or lw in self.known or lw in self.dictionary or not lw.isalpha():
            return None
        if stem(lw) in self.stems:
            return None  # an inflection of a known word ("mediates"), not a typo
        limit = 1 if len(lw) <= 6 else 2
        best: tuple[int, str] | None = None
        for cand in self.by_first.get(lw[0], ()):
            d = edit_distance(lw, cand, limit)
            if d <= limit and (best is None or d < best[0]):
                best = (d, cand)
        return best[1] if best else None

    def spell_out(self, word: str) -> str | None:
        """An acronym the corpus never writes, in the words it writes instead: "ceo" → "chief
        executive" of an article naming Polyloop's "chief executive". All the words it stands
        for must be written, or, of three or more, all but the last (a CEO's "officer"); "UN"
        is not "United States"."""
        lw = word.lower()
        if lw in self.known or not 2 <= len(lw) <= ACRONYM_LETTERS:
            return None  # a word the corpus has, a function word ("us", "it"), or no acronym
        for full in self.spelled(lw):
            leading = list(full if len(full) < 3 else full[:-1])
            if all(w in self.corpus for w in leading):
                return " ".join(leading + [w for w in full[len(leading):] if w in self.corpus])
        return None

    def correct(self, text: str) -> str:
        """The text with misspelt words replaced; everything else untouched. A word in
        capitals in a text that is not all capitals is an acronym ("Is Oman in OPEC?"), a
        name the article may lack, never a typo of one of its words ("Open"). In a text with
        no capital past its first letter, the corpus's names get theirs."""
        shouted = text.isupper()
        uncased = not any(c.isupper() for c in text.lstrip()[1:])

        if uncased and self._longer is not None:
            text = self._longer.sub(lambda m: self.names[m.group(0)], text)

        def sub(m: re.Match[str]) -> str:
            full = self.spell_out(m.group(0))
            if full is not None:
                return full
            if len(m.group(0)) > 1 and m.group(0).isupper() and not shouted:
                return m.group(0)
            fixed = self.fix(m.group(0)) or m.group(0)
            if uncased and fixed.lower() in self.names:
                return self.names[fixed.lower()]
            if fixed == m.group(0):
                return fixed
            return fixed.capitalize() if m.group(0)[0].isupper() else fixed

        return re.sub(r"[A-Za-z]+", sub, text)
