"""Re-citation: keep a claim the article supports when the model's marker points elsewhere.

Models mis-number their citations: they cite the first passage, shift numbers by one, put one
marker at the end of a paragraph for several sentences, or merge two passages in one sentence.
`verify` drops such a claim, because the words its markers point to do not support it. Before
it is dropped, its support is looked for here, nearest first:

    1. among the passages the model was given: one sentence, then two;
    2. among all the article's sentences: one sentence, then two.

Two sentences support a claim only when it joins two statements ("A and B", "A; B"), each
mostly in one of them; otherwise a pair could stitch a claim from words found anywhere.

A support found this way must pass the same test a correctly cited claim passes (coverage,
cosine, numbers, polarity: see `verify`). Because the words, not the model, chose it, the
search could also find a sentence that merely sounds like the claim, so more rules hold:

- A claim that misstates the passage it cites (a number that passage does not give, a word it
  denies) is a misquote, not a mis-numbering: it is dropped, never moved to another passage.
- A claim needs at least two content words: "Oman is the only one." can be placed by its
  marker, not by its one word. The cosine floor has no waiver for fragments here.
- No sentence of the support, and no other sentence of the article that covers as much of the
  claim, may contradict it (deny one of its words, or give another number where it gives
  one): "The JCPOA was signed in 2018" is not re-cited to the withdrawal in 2018 while "The
  JCPOA, signed in 2015" is there, nor to the two of them together.

Candidates are the sentences that share a word with the claim and relate to it by the rule
`verify` applies to cited evidence: enough shared words, or close vectors (read from the index,
so only the answer's own sentences are embedded). A re-cited claim is noted in `recited`:
which sentence, from which marker, to which quote.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from itertools import combinations

from .values import Sentence
from .verify import (
    MIN_COSINE,
    MIN_COVERAGE,
    RELATED_COSINE,
    RELATED_COVERAGE,
    Check,
    Verifier,
    brief,
    content_words,
    cosine,
    coverage,
    is_instruction,
    is_refusal,
    numbers,
    polarity_clash,
    unsupported,
)

MIN_WORDS = 2  # distinct content words a claim needs before its words alone may place it
PAIR_POOL = 8  # the best single candidates that are tried two at a time
# Where a claim joins two statements ("A and B", "A, while B", "A; B").
_JOIN = re.compile(r"(?:,\s*|\s+)(?:and|but|while|whereas)\s+|;\s*")


class Reciter:
    """Checks answer sentences like `Verifier`, re-citing claims whose markers are wrong."""

    def __init__(self, verifier: Verifier, article: Sequence[Sentence] = (),
                 vectors: Mapping[str, Sequence[float]] | None = None) -> None:
        """Check with `verifier` (its evidence is what the model saw); `article` is every sentence
        of the corpus that re-citation may turn to after the evidence (none: evidence only);
        `vectors` are the index's sentence vectors by Sentence.key, looked up only as needed."""
        self.verifier = verifier
        self.vectors = vectors or {}
        given = [s for s in verifier.evidence if not is_instruction(s.text)]
        keys = {s.key for s in given}
        rest = [s for s in article if s.key not in keys and not is_instruction(s.text)]
        self.tiers: tuple[tuple[Sentence, ...], ...] = tuple(
            t for t in (tuple(given), tuple(given + rest)) if t)
        self.article = self.tiers[-1] if self.tiers else ()

    def warm(self, sentences: Sequence[str]) -> None:
        """Embed the evidence and these answer sentences in one call."""
        self.verifier.warm(sentences)

    def check(self, sentence: str) -> Check:
        """The verifier's verdict, or, when it drops a claim found elsewhere, the re-citation."""
        check = self.verifier.check(sentence)
        if check.supported or check.refusal or check.misquote or not self._eligible(check.text):
            return check
        found = self.find(check.text)
        if found is None:
            return check
        support, cov, cos = found
        quotes = " and ".join(brief(s.text) for s in support)
        marks = "".join(f"[{n}]" for n in check.written)
        note = (f"{brief(check.text)}: re-cited from {marks} to {quotes}" if marks
                else f"{brief(check.text)}: had no marker; cited to {quotes}")
        return Check(check.text, check.written, support, (), coverage=cov, cosine=cos,
                     recited=note)

    @staticmethod
    def _eligible(text: str) -> bool:
        words = set(content_words(text))
        return len(words) >= MIN_WORDS and not is_instruction(text) and not is_refusal(text)

    def find(self, text: str) -> tuple[tuple[Sentence, ...], float, float] | None:
        """The nearest support for a claim, with its coverage and best cosine, or None."""
        vector = self.verifier.vector(text)
        cover = {s.key: coverage(text, [s.text]) for s in self.article}
        for tier in self.tiers:
            candidates = self._candidates(vector, tier, cover)
            singles = [((s,), cos) for s, _, cos in candidates]
            pairs = [((a, b), max(ca, cb)) for (a, _, ca), (b, _, cb)
                     in combinations(candidates[:PAIR_POOL], 2) if joins(text, a, b)]
            pairs.sort(key=lambda p: (-coverage(text, [s.text for s in p[0]]), -p[1]))
            for support, best in (*singles, *pairs):
                if self._holds(text, support, best, cover):
                    return support, coverage(text, [s.text for s in support]), best
        return None

    def _candidates(self, vector: list[float], pool: Sequence[Sentence],
                    cover: dict[str, float]) -> list[tuple[Sentence, float, float]]:
        """The pool's sentences related to the claim, as (sentence, coverage, cosine), best
        first. Only sentences sharing a word with the claim can support it (coverage must
        exceed a half, and each half of a joined claim must be mostly in one sentence), so only
        their vectors are read: from the index, else embedded."""
        wanted = [s for s in pool if cover[s.key] > 0]
        for s in wanted:
            if not self.verifier.has_vector(s.text) and s.key in self.vectors:
                self.verifier.remember(s.text, self.vectors[s.key])
        vectors = self.verifier.vectors([s.text for s in wanted])
        out = []
        for s, v in zip(wanted, vectors, strict=True):
            cov, cos = cover[s.key], cosine(vector, v)
            if cov >= RELATED_COVERAGE or cos >= RELATED_COSINE:
                out.append((s, cov, cos))
        return sorted(out, key=lambda x: (-x[1], -x[2]))

    def _holds(self, text: str, support: Sequence[Sentence], best: float,
               cover: dict[str, float]) -> bool:
        texts = [s.text for s in support]
        if unsupported(text, texts, best) or best < MIN_COSINE:
            return False
        cov = coverage(text, texts)
        rivals = [s for s in self.article if s in support or cover[s.key] >= cov]
        return not any(contradicts(text, s.text) for s in rivals)


def joins(claim: str, a: Sentence, b: Sentence) -> bool:
    """Whether the claim joins two statements, one supported by each sentence ("The JCPOA was
    signed in 2015 and the U.S. withdrew from it in 2018"): its words on either side of an
    "and", "but", "while" or ";" are mostly in one of the two."""
    for m in _JOIN.finditer(claim):
        left, right = claim[: m.start()], claim[m.end() :]
        for x, y in ((a, b), (b, a)):
            if (coverage(left, [x.text]) > MIN_COVERAGE
                    and coverage(right, [y.text]) > MIN_COVERAGE):
                return True
    return False


def contradicts(claim: str, sentence: str) -> bool:
    """Whether a sentence denies a word the claim asserts, or gives another number where the
    claim gives one."""
    theirs, ours = numbers(sentence), numbers(claim)
    if ours - theirs and theirs - ours:
        return True
    return polarity_clash(claim, [sentence]) is not None

