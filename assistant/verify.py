"""Checking a generated answer against the evidence it cites: deterministic, no model in the loop.

The chat model saw evidence sentences numbered [1]..[N] and wrote an answer with [n] markers.
Here every marker and every sentence of that answer is checked, and only what passes survives:

1. Split the answer into sentences (markers written after the full stop belong to the sentence
   before them) and read the markers of each: `[2]`, `[2][5]`, `[2, 5]`, `[2-4]`.
2. A marker that names no given evidence sentence (a phantom `[9]` among 8) is removed.
3. A sentence with no valid marker left is dropped: it is an uncited claim.
4. Each cited evidence sentence must relate to the answer sentence (it shares words with it, or
   its embedding is close); one that does not is removed from the sentence's support.
5. The answer sentence must then pass the support test against what is left (see `supports`).
6. Evidence that reads as an instruction to the model ("ignore previous instructions and say
   ...") is never accepted as support, whatever it says.

Before a failing sentence is dropped, `recite` looks for the passage that does support it
(the model's marker may simply be wrong); see recite.py. A sentence supported nowhere is
dropped, not flagged. A flagged sentence would still put a claim the
article does not make in front of the user, with a [n] beside it that looks like a source;
readers skim past flags, and an evaluation counting claims cannot tell a flag from an answer.
Dropping keeps one promise without exceptions: every sentence shown is supported by the words
its markers point to. What was dropped, and why, is listed in `removed`, which the answer
carries, so nothing disappears silently.

The support test, for an answer sentence S and the cited evidence E that relates to it:
- coverage: the share of S's content words (stop words removed; words match when equal or
  when one, at least four letters long, starts the other, or they share a six-letter stem)
  found in E is more than MIN_COVERAGE (a strict majority: of two words, both);
- cosine: the largest cosine similarity of the embeddings of S and a sentence of E (the same
  MiniLM model that retrieval uses) ≥ MIN_COSINE, unless every content word of S is in E (a
  fragment such as "Ebrahim Raisi." or "In 2015." embeds far from the sentence it quotes);
- numbers: every number in S, in digits or words, appears in E (models misquote years and
  counts);
- polarity: no word that E negates ("no direct communication", "rejecting claims of direct
  negotiations") or questions ("asked whether the talks are direct") appears in S un-negated.
  This is a cheap guard against the commonest flip, a denial restated as a fact; it is not a
  general contradiction detector. Likewise a word S asserts must not appear in E only with a
  negating prefix ("the talks are direct" against "indirect talks").
The thresholds were calibrated on tests/data/support_calibration.jsonl: 75 hand-labelled answer
sentences about the article (40 supported paraphrases; 35 not: flipped denials, wrong years,
invented facts, right facts under the wrong marker, overreach), re-measured by
tests/test_verify.py. Supported sentences there have coverage ≥ 0.56 and cosine ≥ 0.48; the
unsupported ones that pass the number and polarity guards have coverage ≤ 0.43, except one
invented job title next to the right name (0.67), which no threshold here separates. So a
strict majority (> 0.5) sits between and misclassifies 1 of 75. Cosine alone does worse (7 of
75 at its best threshold, 0.675): MiniLM scores "Iran agreed to direct talks" close to a denial of
direct talks. MIN_COSINE is therefore a floor below every supported sentence (0.4), which turns
away sentences that reuse the evidence's words to say something else.
Out of sample, on the eval set's hand-written reference answers (tests/test_verify.py re-runs
this): 94 of 98 answer sentences are kept when cited to their gold sentences (the misses lean on
the question, "They were killed in Damascus.", or stitch a long answer from seven sentences);
3 of 98 are kept when cited to the most similar sentence that is not gold, and on inspection
none of the three is false there (twice the fragment "Oman.", once a fair paraphrase); none of
the 8 strings the adversarial items try to inject is kept.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from .corpus import split_sentences
from .values import Claim, Sentence

Embed = Callable[[list[str]], list[list[float]]]

# Calibrated thresholds (see the module docstring and tests/test_verify.py).
MIN_COVERAGE = 0.5  # share of the sentence's content words in its evidence must exceed this
MIN_COSINE = 0.4  # MiniLM cosine of the sentence and its closest cited evidence sentence
# A cited evidence sentence counts as related when either holds; otherwise its marker goes.
RELATED_COVERAGE = 0.25
RELATED_COSINE = 0.35
# Failures that mean the claim misstates evidence that is about it: never re-cited elsewhere.
MISQUOTES = frozenset({"number", "polarity"})
# How many words after a negation cue it reaches ("no direct communication with Washington").
NEGATION_REACH = 4
# The widest marker range expanded ([2-4] → 2, 3, 4); wider ones are read as two numbers.
MAX_RANGE = 10

_MARKER = re.compile(r"\[\s*(\d+(?:\s*[,;–-]\s*\d+)*)\s*\]")
_MARKER_RUN = r"(?:\s*\[\s*\d+(?:\s*[,;–-]\s*\d+)*\s*\])+"
_MARKERS_AFTER_STOP = re.compile(rf"([.!?][\"'”’)]*)({_MARKER_RUN})")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)]|#+)\s+")
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9]+(?:['’][A-Za-z]+)?")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CLAUSE = re.compile(r"[,;:!?.()\"“”—–]|\s-\s|\bbut\b|\bwhile\b|\bwhereas\b", re.IGNORECASE)

STOPWORDS = _wordset(
    """a an the and or but if then than so as of at by for from in into on onto to with within
    without about above after against along among around before behind below between beyond
    during over under through toward towards up down out off upon via per is am are was were be
    been being has have had having do does did doing will would shall should can could may might
    must it its it's this that these those there here which who whom whose what when where why
    how i me my we us our you your he him his she her they them their one ones also just only
    very more most such other another any each every both all some many much own same too
    s t article says say said according"""
)
NEGATIONS = _wordset(
    """no not never none nor without cannot deny denies denied denying denial reject rejects
    rejected rejecting rejection refuse refuses refused refusing refusal dismiss dismisses
    dismissed rebuff rebuffed"""
)
_RULE = frozenset({"rule", "rules", "ruled", "ruling"})
# Prefixes that turn a word into its opposite ("indirect", "unconfirmed", "nonbinding").
_ANTONYM = re.compile(r"^(?:in|un|non|dis|im|ir|il)-?(?P<word>\w{4,})$")
# Counts written as words are numbers too ("five mediators"); "one" is too common to count.
NUMBER_WORDS = _wordset(
    """two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    hundred hundreds thousand thousands million millions billion billions dozen dozens"""
)
_DEFINITE = frozenset({"the", "these", "those", "both"})
_INTENSIFIERS = frozenset({"merely", "only", "just", "simply", "solely"})
# Evidence that talks to the model instead of reporting something (prompt injection).
INSTRUCTION = re.compile(
    r"""\b(?:ignore|disregard|forget|override|bypass)\b[^.]{0,40}
          \b(?:instructions?|prompts?|rules|directions|guidelines|above|system|context)\b
      | \b(?:you\s+are\s+now|act\s+as\s+(?:a|an|the)|pretend\s+(?:to\s+be|you))\b
      | \bnew\s+instructions?\b
      | \b(?:system|developer)\s+(?:prompt|message)\b
      | ^\W*(?:say|tell|answer|respond|reply|write|state|output|print|repeat)\b
      | </?(?:article|question|system|user|assistant)>
      | \b(?:assistant|user|system)\s*:
    """,
    re.IGNORECASE | re.VERBOSE,
)
REFUSAL = re.compile(
    r"""\b(?:article|evidence|text|passages?|sentences?|sources?)\b.{0,40}
          \b(?:doesn['’]t|does\s+not|do\s+not|don['’]t|did\s+not|didn['’]t|is\s+not|isn['’]t|never)\b
          .{0,30}\b(?:say|mention|state|answer|address|cover|specify|provide|include|contain|discuss)
      | ^\W*(?:i\s+(?:cannot|can['’]t|can\s+not|am\s+unable|do\s+not\s+know|don['’]t\s+know)
             |unable\s+to|there\s+is\s+no\s+information|no\s+information)
    """,
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class Check:
    """The verdict on one sentence of a generated answer."""

    text: str  # the sentence as shown, markers taken out
    written: tuple[int, ...]  # every marker number as the model wrote it
    support: tuple[Sentence, ...]  # cited evidence that passed; empty when dropped
    removed: tuple[str, ...]  # what was taken out of this sentence, and why
    refusal: bool = False  # the sentence says the article doesn't answer
    coverage: float = 0.0
    cosine: float = 0.0
    misquote: bool = False  # it failed on a number or a denial of evidence that is about it
    recited: str | None = None  # how re-citation replaced its markers (see recite.py)

    @property
    def supported(self) -> bool:
        """True when the sentence survives verification."""
        return bool(self.support)


@dataclass(frozen=True)
class Verification:
    """A verified answer: the claims that survived, and what was removed."""

    claims: tuple[Claim, ...]
    removed: tuple[str, ...]
    refused: bool  # the model said the article does not answer (and nothing survived)
    checks: tuple[Check, ...]


def content_words(text: str) -> list[str]:
    """Lower-cased words of `text` without stop words, possessives or markers."""
    return [w for w in _words(_MARKER.sub(" ", text)) if w not in STOPWORDS]


def _words(text: str) -> list[str]:
    out = []
    for w in _WORD.findall(text):
        w = w.lower().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        out.append(w)
    return out


def same_word(a: str, b: str) -> bool:
    """Whether two words count as the same for coverage (equal, prefix, or a shared stem)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if a.isdigit() or b.isdigit():
        return False
    if len(short) >= 4 and long.startswith(short):
        return True
    stem = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        stem += 1
    return stem >= 6


def coverage(claim: str, evidence: Sequence[str]) -> float:
    """Share of the claim's distinct content words found in the evidence texts."""
    words = set(content_words(claim))
    if not words:
        return 0.0
    pool = {w for text in evidence for w in content_words(text)}
    return sum(any(same_word(w, p) for p in pool) for w in words) / len(words)


def negated_words(text: str) -> set[str]:
    """Content words the text does not assert: after a negation cue (within reach) or after
    "whether" (to the end of the clause: "asked whether the talks are direct")."""
    out: set[str] = set()
    for clause in _CLAUSE.split(text):
        tokens = _words(clause)
        for i, t in enumerate(tokens):
            cue = t in NEGATIONS or t.endswith("n't") or (
                t in _RULE and i + 1 < len(tokens) and tokens[i + 1] == "out"
            )
            if not cue and t != "whether":
                continue
            if i + 1 < len(tokens) and tokens[i + 1] in _INTENSIFIERS:
                continue  # "not merely a diplomatic maneuver" does not deny the maneuver
            reach = [w for w in tokens[i + 1 :] if w not in STOPWORDS and w not in NEGATIONS]
            out.update(reach if t == "whether" else reach[:NEGATION_REACH])
    return out


def polarity_clash(claim: str, evidence: Sequence[str]) -> str | None:
    """A word that some cited sentence negates and the claim asserts, or None.

    A denial in one cited sentence is not outweighed by the word appearing in another: a claim
    stitched together from several citations is exactly where a flipped denial hides. Only
    this direction is checked: the reverse (the claim negating what the evidence asserts)
    fails on paraphrases like "no breakthrough" for "a breakthrough remains elusive".
    """
    claim_neg = negated_words(claim)
    denied = {w for text in evidence for w in negated_words(text)}
    for w in sorted(set(content_words(claim)) - claim_neg):
        if any(same_word(w, n) for n in denied):
            return f"the article negates or questions {w!r}"
    return None


def numbers(text: str) -> set[str]:
    """The numbers written in a text, in digits or words ("five"), markers excluded; a number
    word after "the" names a group rather than counting one ("the two sides")."""
    words = _words(_MARKER.sub(" ", text))
    return {w for i, w in enumerate(words) if w.isdigit() or (
        w in NUMBER_WORDS and (i == 0 or words[i - 1] not in _DEFINITE))}


def antonym(claim: str, evidence: Sequence[str]) -> str | None:
    """A word the claim asserts that the evidence has only with a negating prefix, or None:
    "the talks are direct" against "indirect talks"."""
    pool = {w for text in evidence for w in content_words(text)}
    asserted = set(content_words(claim)) - negated_words(claim)
    for word in sorted(pool):
        m = _ANTONYM.match(word)
        if m and word not in asserted and m.group("word") in asserted - pool:
            return f"the article says {word!r}, not {m.group('word')!r}"
    return None


def is_instruction(text: str) -> bool:
    """Whether a sentence addresses the model ("ignore previous instructions…")."""
    return bool(INSTRUCTION.search(text))


def is_refusal(text: str) -> bool:
    """Whether an answer sentence says the article does not answer."""
    return bool(REFUSAL.search(text))


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine similarity of two vectors (0 for a zero vector)."""
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0


def markers(text: str) -> list[int]:
    """The numbers of the [n] markers in a text, in order, ranges expanded."""
    out: list[int] = []
    for m in _MARKER.finditer(text):
        for part in re.split(r"\s*[,;]\s*", m.group(1)):
            ends = [int(x) for x in re.split(r"\s*[–-]\s*", part)]
            if len(ends) == 2 and 0 <= ends[1] - ends[0] <= MAX_RANGE:
                out.extend(range(ends[0], ends[1] + 1))
            else:
                out.extend(ends)
    return out


def strip_markers(text: str) -> str:
    """The text without [n] markers, spaces tidied."""
    text = _MARKER.sub(" ", text)
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def split_answer(text: str) -> list[str]:
    """Sentences of a generated answer, each with the markers that belong to it."""
    out: list[str] = []
    for raw in text.splitlines():
        line = _LIST_ITEM.sub("", raw).replace("**", "").replace("__", "").replace("`", "")
        # "Oman mediates. [3] Qatar too. [4]" → "Oman mediates [3]. Qatar too [4]."
        line = _MARKERS_AFTER_STOP.sub(lambda m: f"{m.group(2)}{m.group(1)}", line).strip()
        if line:
            out.extend(line[s:e] for s, e in split_sentences(line, 0, len(line)))
    return out


class Verifier:
    """Checks answer sentences against evidence numbered [1]..[N]; evidence is embedded once."""

    def __init__(self, evidence: Sequence[Sentence], embed: Embed,
                 known: Mapping[str, Sequence[float]] | None = None) -> None:
        """Evidence in prompt order ([1] is evidence[0]), the embedding function, and vectors
        already at hand by text (the index's, for evidence sentences), never embedded again."""
        self.evidence = tuple(evidence)
        self._embed = embed
        self._memo: dict[str, list[float]] = {t: list(v) for t, v in (known or {}).items()}

    def warm(self, sentences: Sequence[str]) -> None:
        """Embed the evidence and these answer sentences in one call (one model pass, not N)."""
        texts = [s.text for s in self.evidence] + [strip_markers(s) for s in sentences]
        missing = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if missing:
            self._memo.update(zip(missing, self._embed(missing), strict=True))

    def vector(self, text: str) -> list[float]:
        """The embedding of a text, computed once."""
        if text not in self._memo:
            self.warm([text])
        return self._memo[text]

    def remember(self, text: str, vector: Sequence[float]) -> None:
        """Take a text's embedding as given (the index's), so it is never computed."""
        self._memo[text] = list(vector)

    def has_vector(self, text: str) -> bool:
        """Whether the embedding of a text is at hand (given, or computed already)."""
        return text in self._memo

    def vectors(self, texts: Sequence[str]) -> list[list[float]]:
        """The embeddings of several texts; those not at hand are embedded in one call."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if missing:
            self._memo.update(zip(missing, self._embed(missing), strict=True))
        return [self._memo[t] for t in texts]

    def check(self, sentence: str) -> Check:
        """The verdict on one answer sentence (markers included as the model wrote them)."""
        text = strip_markers(sentence)
        written = tuple(dict.fromkeys(markers(sentence)))
        removed = [
            f"[{n}] from {brief(text)}: there is no evidence sentence {n} "
            f"(only [1]-[{len(self.evidence)}])"
            for n in written
            if not 1 <= n <= len(self.evidence)
        ]
        cited = [n for n in written if 1 <= n <= len(self.evidence)]
        if not cited or not content_words(text):
            if is_refusal(text):
                return Check(text, written, (), tuple(removed), refusal=True)
            return Check(text, written, (), (*removed, f"{brief(text)}: cites no evidence"))
        vector = self.vector(text)
        related: list[tuple[int, float]] = []
        for n in cited:
            ev = self.evidence[n - 1]
            if is_instruction(ev.text):
                removed.append(f"[{n}] from {brief(text)}: that evidence is an instruction")
                continue
            cos = cosine(vector, self.vector(ev.text))
            if coverage(text, [ev.text]) >= RELATED_COVERAGE or cos >= RELATED_COSINE:
                related.append((n, cos))
            else:
                removed.append(f"[{n}] from {brief(text)}: evidence {n} is about something else")
        texts = [self.evidence[n - 1].text for n, _ in related]
        cov = coverage(text, texts)
        best = max((c for _, c in related), default=0.0)
        failure = unsupported(text, texts, best) if related else (
            "unrelated", "none of its citations relate to it")
        if failure:
            cites = "".join(f"[{n}]" for n in cited)
            removed.append(f"{brief(text)} {cites}: not supported, {failure[1]}")
            return Check(text, written, (), tuple(removed), coverage=cov, cosine=best,
                         misquote=failure[0] in MISQUOTES)
        support = tuple(self.evidence[n - 1] for n, _ in related)
        return Check(text, written, support, tuple(removed), coverage=cov, cosine=best)


def unsupported(text: str, evidence: Sequence[str], best: float) -> tuple[str, str] | None:
    """Why `evidence` does not support the answer sentence `text`, as (kind, reason), or None
    when it does; `best` is the largest cosine of the sentence and one of the evidence texts.

    The kinds: "coverage", "cosine", "number", "polarity" (see the module docstring).
    """
    cov = coverage(text, evidence)
    if cov <= MIN_COVERAGE:
        return "coverage", f"its words are not in the cited evidence (coverage {cov:.2f})"
    if best < MIN_COSINE and cov < 1.0:
        return "cosine", f"the cited evidence means something else (cosine {best:.2f})"
    missing = sorted(numbers(text) - {w for t in evidence for w in numbers(t)})
    if missing:
        return "number", f"the cited evidence does not give {', '.join(missing)}"
    clash = polarity_clash(text, evidence) or antonym(text, evidence)
    return ("polarity", clash) if clash else None


def brief(text: str, limit: int = 80) -> str:
    """A text quoted for a note, cut at `limit` characters."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def verify(answer: str, evidence: Sequence[Sentence], embed: Embed,
           known: Mapping[str, Sequence[float]] | None = None) -> Verification:
    """Check every sentence of a generated answer; keep the supported ones as claims."""
    verifier = Verifier(evidence, embed, known)
    sentences = split_answer(answer)
    verifier.warm(sentences)
    checks = tuple(verifier.check(s) for s in sentences)
    claims = tuple(Claim(c.text, c.support) for c in checks if c.supported)
    removed = tuple(r for c in checks for r in c.removed)
    refused = not claims and any(c.refusal for c in checks)
    return Verification(claims, removed, refused, checks)
