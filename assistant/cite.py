"""The cite stage: number the evidence of a draft and render the answer text with [n] markers.

Each claim is followed by the markers of the sentences that support it. A sentence cited twice
keeps its first number; numbers follow the order in which they first appear, so the text reads
[1], [2], [3]. The result holds the invariants every consumer relies on: each marker in the text
has exactly one citation and each citation is referenced; each quote is the exact slice of its
source file given by its offsets.
"""

from __future__ import annotations

import re

from .values import Answer, Citation, Draft, Query, Sentence

MARKER = re.compile(r"\[(\d+)\]")


def number(draft: Draft) -> tuple[str, list[Citation]]:
    """The answer text with markers, and the citations in marker order."""
    numbers: dict[str, int] = {}
    citations: list[Citation] = []
    parts: list[str] = []
    for claim in draft.claims:
        marks = []
        for s in claim.support:
            if s.key not in numbers:
                numbers[s.key] = len(numbers) + 1
                citations.append(Citation.of(numbers[s.key], s))
            marks.append(f"[{numbers[s.key]}]")
        text = MARKER.sub("", claim.text).strip()
        parts.append(f"{text} {''.join(dict.fromkeys(marks))}".strip())
    return " ".join(parts), citations


def related(sentences: tuple[Sentence, ...]) -> list[Citation]:
    """Closest passages offered with an abstention, numbered for display only."""
    return [Citation.of(i, s) for i, s in enumerate(sentences, 1)]


def cite(query: Query, draft: Draft) -> Answer:
    """The final `Answer` for a query and its draft."""
    if draft.abstained or draft.kind == "chat":
        text = draft.message or "The article doesn't say."
        citations: list[Citation] = []
    else:
        text, citations = number(draft)
    kind = "abstain" if draft.abstained else draft.kind
    return Answer(
        question=query.question,
        text=text,
        citations=citations,
        abstained=draft.abstained,
        interpreted_as=query.standalone,
        related=related(draft.related),
        backend=draft.backend,
        notices=list(draft.notices),
        removed=list(draft.removed),
        recited=list(draft.recited),
        kind=kind,
    )
