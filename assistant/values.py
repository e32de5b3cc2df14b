"""Typed values that cross the boundaries of the pipeline.

question → retrieve → answer → cite: each stage hands the next one of these frozen objects,
never a bare dict. A `Sentence` carries its `source` file and character offsets, which is what
makes an exact citation possible; an `Answer` is what the CLI, the page and the evals consume.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Sentence:
    """One sentence of a corpus document, located by character offsets into the file as stored."""

    source: str  # file name under corpus/
    start: int  # text[start:end] == self.text, where text is the file read as UTF-8
    end: int
    text: str
    section: str | None  # the heading the sentence sits under, None before the first heading
    paragraph: int  # index of its paragraph within the document
    position: int  # index of the sentence within the document (reading order)

    @property
    def key(self) -> str:
        """A stable id: the source and the span."""
        return f"{self.source}:{self.start}-{self.end}"


@dataclass(frozen=True)
class Hit:
    """A sentence retrieved for a question, with the scores that ranked it."""

    sentence: Sentence
    score: float  # the fused score used for ranking (higher is better)
    dense: float  # cosine similarity of question and sentence embeddings
    lexical: float  # BM25 score normalised to 0..1 within this query
    clause: float = 0.0  # best cosine of the question with one of the sentence's clauses
    window: float = 0.0  # cosine with the sentence's paragraph window (it and its neighbours)
    aligned: float = 0.0  # how much of the question it says word by word (align.py), 0..1
    follows: bool = False  # a follow-up's candidate: the sentence after what was just said


@dataclass(frozen=True)
class Query:
    """A validated question, with the standalone form that is actually searched."""

    question: str  # what the user typed, cleaned of control characters
    standalone: str  # the question rewritten to stand alone (equal to `question` without history)
    history: tuple[tuple[str, str], ...] = ()  # (role, text) turns before this one
    article: str | None = None  # the corpus file to answer from; None = the whole corpus

    @property
    def rewritten(self) -> bool:
        """True when the follow-up was rewritten using the conversation."""
        return self.standalone != self.question


@dataclass(frozen=True)
class Claim:
    """One sentence of an answer and the article sentences that support it."""

    text: str
    support: tuple[Sentence, ...]


@dataclass(frozen=True)
class Draft:
    """What an answerer returns before citation markers are numbered."""

    claims: tuple[Claim, ...]
    abstained: bool = False
    message: str = ""  # for an abstention: the sentence that says the article doesn't cover it
    related: tuple[Sentence, ...] = ()  # closest passages offered when abstaining
    backend: str = "extractive"
    notices: tuple[str, ...] = ()  # shown to the user (fallbacks, flagged sentences)
    removed: tuple[str, ...] = ()  # what verification took out of a generated answer
    recited: tuple[str, ...] = ()  # claims verification moved to the sentences that support them
    kind: str = "answer"  # "answer" | "abstain" | "summary" | "chat" (see Answer.kind)


@dataclass(frozen=True)
class Citation:
    """A marker [n] in an answer and the exact words of the article it points to."""

    n: int
    quote: str
    source: str
    start: int
    end: int
    section: str | None
    # The cited article's metadata (from the saved page), when known: "who wrote it?".
    title: str | None = None
    author: str | None = None
    date: str | None = None

    @classmethod
    def of(cls, n: int, sentence: Sentence) -> Citation:
        """The citation numbered `n` for a sentence."""
        s = sentence
        return cls(n, s.text, s.source, s.start, s.end, s.section)


@dataclass(frozen=True)
class Answer:
    """The assistant's reply: text with inline [n] markers and the citations they point to."""

    question: str
    text: str
    citations: list[Citation] = field(default_factory=list)
    abstained: bool = False
    interpreted_as: str | None = None  # the standalone question searched (set for every answer)
    related: list[Citation] = field(default_factory=list)  # closest passages when abstaining
    backend: str = "extractive"
    notices: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    recited: list[str] = field(default_factory=list)  # claims re-cited by verification
    article: str | None = None  # the corpus file the question was scoped to; None = all
    # The kind of reply: "answer" (cited sentences), "abstain" (the article doesn't say; see
    # `related`), "summary" (the article's central sentences, cited) or "chat" (a reply to
    # small talk saying what the assistant does, with example questions; no citations).
    kind: str = "answer"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of every field."""
        return asdict(self)
