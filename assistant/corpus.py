"""Reading the corpus: documents → title, sections, paragraphs and sentences, with offsets.

Every unit keeps character offsets into the file as stored (read as UTF-8), so a citation can
point to the exact words. Page furniture (media placeholders, "follow us" lines, navigation,
a trailing related-post headline) is left out by excluding its span, never by editing text.
A document may have a metadata sidecar beside it (`<file>.meta.json`: title, author, date, the
page it came from), written by `assistant add` for saved web pages.
This module knows nothing about embeddings or questions.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import IndexUnavailable
from .values import Sentence

SUFFIXES = (".txt", ".md")
META_SUFFIX = ".meta.json"  # the sidecar of `name.txt` is `name.txt.meta.json`
# The lines an article may open with that say who wrote it and when ("By Jane Doe.",
# "Published 2024-05-01.", as `assistant add` writes them): not what the article says.
AUTHOR_LINE = re.compile(r"^By\s+[A-Z]")
DATE_LINE = re.compile(r"^(?:Published|Updated|Posted)\b")

# Lines that belong to the web page around an article, not to the article.
FURNITURE = re.compile(
    r"""^(?:
        (?:gif|image|photo|video|picture|figure|advertisement|ad)\s*\d*     # media placeholders
      | (?:do\s+)?follow\b.*\bfor\s+more\b.*                                # "Do follow X for more"
      | (?:latest|related|recent|popular|trending)\s+(?:posts?|news|stories|articles)
      | submit\s+(?:app|news|story|article) | read\s+more | share(?:\s+this)? | subscribe.*
      | advertisement | sponsored(?:\s+content)?
    )[\s.:!]*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Words ending in a period that do not end a sentence.
ABBREVIATIONS = frozenset(
    """u.s. u.k. u.n. e.u. u.s.a. mr. mrs. ms. dr. st. jr. sr. gen. gov. sen. rep. pres. prof. col.
    lt. capt. sgt. maj. adm. rev. hon. e.g. i.e. vs. no. inc. ltd. co. corp. dept. est. jan.
    feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. a.m. p.m. approx. fig.""".split()
)
# After an abbreviation, these words still start a new sentence.
SENTENCE_STARTERS = frozenset(
    """the this that these those it its he she they we i but and yet so however in on at for a an
    as while since when meanwhile moreover""".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"(\S+)$")
_NEXT_WORD = re.compile(r"\s+([\"“‘(\[]?)([\w’']+)")


@dataclass(frozen=True)
class Block:
    """A run of non-blank lines: a title, a heading, a paragraph, or furniture."""

    kind: str  # "title" | "heading" | "paragraph" | "furniture"
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Document:
    """One corpus file, segmented."""

    source: str
    text: str  # the file as stored
    title: str | None
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]
    author: str | None = None  # from the metadata sidecar, when the page said so
    date: str | None = None  # publication date as the page gave it (ISO when known)
    url: str | None = None  # the page the text was extracted from

    @property
    def digest(self) -> str:
        """A hash of the file's name and text: what the index's per-document fingerprint covers."""
        return hashlib.sha256(f"{self.source}\0{self.text}".encode()).hexdigest()[:16]

    @property
    def headings(self) -> list[str]:
        """Section headings in reading order."""
        return [b.text.lstrip("# ").strip() for b in self.blocks if b.kind == "heading"]


class Places:
    """The sentences of a corpus by where they stand (source, position), to read a sentence's
    neighbours in its paragraph."""

    def __init__(self, sentences: Iterable[Sentence]) -> None:
        self.at = {(s.source, s.position): s for s in sentences}

    def neighbour(self, s: Sentence, offset: int) -> Sentence | None:
        """The sentence `offset` places away in the same paragraph, if any."""
        n = self.at.get((s.source, s.position + offset))
        return n if n is not None and n.paragraph == s.paragraph else None

    def following(self, s: Sentence) -> Sentence | None:
        """The sentence after `s` under the same heading, in its paragraph or opening the next
        one, if any."""
        n = self.at.get((s.source, s.position + 1))
        return n if n is not None and n.section == s.section else None

    def rest_of_paragraph(self, s: Sentence, most: int) -> list[Sentence]:
        """Up to `most` sentences after `s` in its paragraph, in reading order."""
        out: list[Sentence] = []
        while len(out) < most and (n := self.neighbour(out[-1] if out else s, +1)) is not None:
            out.append(n)
        return out

    def paragraph(self, s: Sentence) -> list[Sentence]:
        """The sentences of the paragraph `s` is in, in reading order."""
        first = s
        while (p := self.neighbour(first, -1)) is not None:
            first = p
        out = [first]
        while (n := self.neighbour(out[-1], +1)) is not None:
            out.append(n)
        return out


def split_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the runs of non-blank lines, trimmed of surrounding whitespace."""
    spans = []
    for m in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        raw = m.group(0)
        lead = len(raw) - len(raw.lstrip())
        spans.append((m.start() + lead, m.start() + len(raw.rstrip())))
    return spans


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    if "\n" in line or not 0 < len(words) <= 14 or len(line) > 120:
        return False
    if re.search(r"[.!,;:\"”’]$", line):
        return False
    long_words = [w for w in words if len(w) > 3]
    title_case = sum(w[0].isupper() for w in long_words) >= 0.6 * max(1, len(long_words))
    # "Looking Forward: Is There a Path to Direct Talks?" is a heading; a question in prose is not.
    return title_case if line.endswith("?") else True


def classify(text: str, spans: list[tuple[int, int]], markdown: bool = False) -> list[Block]:
    """Label each block; furniture is decided from the block and its neighbours alone."""
    kinds: list[str] = []
    for i, (s, e) in enumerate(spans):
        line = text[s:e]
        if markdown and line.startswith("#"):
            kinds.append("title" if i == 0 and line.startswith("# ") else "heading")
        elif FURNITURE.match(line):
            kinds.append("furniture")
        elif i == 0 and _looks_like_heading(line):
            kinds.append("title")
        elif _looks_like_heading(line):
            kinds.append("heading")
        else:
            kinds.append("paragraph")
    # A short label right after the title, before any paragraph, is a category tag ("Iran").
    if kinds and kinds[0] == "title":
        j = 1
        while j < len(kinds) - 1 and kinds[j] == "heading" and kinds[j + 1] == "heading":
            kinds[j] = "furniture"
            j += 1
        short = j < len(kinds) and len(text[spans[j][0] : spans[j][1]].split()) <= 3
        if short and kinds[j] == "heading" and j + 1 < len(kinds) and kinds[j + 1] == "paragraph":
            kinds[j] = "furniture"
    # Headings with no paragraph after them (a related-post headline at the end) are furniture.
    following_paragraph = False
    for i in range(len(kinds) - 1, -1, -1):
        if kinds[i] == "paragraph":
            following_paragraph = True
        elif kinds[i] == "heading":
            if not following_paragraph:
                kinds[i] = "furniture"
            following_paragraph = False
    return [Block(k, s, e, text[s:e]) for k, (s, e) in zip(kinds, spans, strict=True)]


def _is_boundary(text: str, dot_end: int, start: int) -> bool:
    """Whether the punctuation ending at `dot_end` ends a sentence."""
    word = _WORD_BEFORE.search(text, start, dot_end)
    token = word.group(1).lower().rstrip("\"'”’)]") if word else ""
    nxt = _NEXT_WORD.match(text, dot_end)
    if not nxt:
        return True
    next_word = nxt.group(2)
    if not (next_word[0].isupper() or next_word[0].isdigit() or nxt.group(1)):
        return False  # "the U.S. in a bid": lower case goes on
    if token in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)+", token):
        return next_word.lower() in SENTENCE_STARTERS
    return True


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end], trimmed, in order."""
    spans = []
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_boundary(text, m.end(), cursor):
            spans.append((cursor, m.end()))
            cursor = m.end()
    spans.append((cursor, end))
    out = []
    for s, e in spans:
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip())
        s2, e2 = s + lead, s + len(piece.rstrip())
        if e2 > s2:
            out.append((s2, e2))
    return out


def read_document(path: Path, source: str | None = None) -> Document:
    """Segment one file into blocks and sentences."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise IndexUnavailable(
            f"{path} is not UTF-8 text (byte {err.start}): re-save it as UTF-8 or remove it "
            "from the corpus folder"
        ) from err
    return parse_document(text, source or path.name, markdown=path.suffix == ".md",
                          meta=read_meta(path))


def parse_document(text: str, name: str, *, markdown: bool = False,
                   meta: dict[str, str] | None = None) -> Document:
    """Segment a document's text; `meta` (from its sidecar) overrides the title found."""
    meta = meta or {}
    blocks = classify(text, split_blocks(text), markdown=markdown)
    title = next((b.text.lstrip("# ") for b in blocks if b.kind == "title"), None)
    sentences: list[Sentence] = []
    section: str | None = None
    paragraph = 0
    for b in blocks:
        if b.kind == "heading":
            section = b.text.lstrip("# ").strip()
        elif b.kind == "paragraph":
            for s, e in split_sentences(text, b.start, b.end):
                sentences.append(
                    Sentence(name, s, e, text[s:e], section, paragraph, len(sentences)))
            paragraph += 1
    return Document(name, text, meta.get("title") or title, tuple(blocks), tuple(sentences),
                    author=meta.get("author"), date=meta.get("date"), url=meta.get("url"))


def meta_path(path: Path) -> Path:
    """Where the metadata sidecar of a corpus file lives."""
    return path.with_name(path.name + META_SUFFIX)


def read_meta(path: Path) -> dict[str, str]:
    """The sidecar's string fields ({} when there is none or it cannot be read)."""
    side = meta_path(path)
    try:
        raw = json.loads(side.read_text(encoding="utf-8")) if side.is_file() else {}
    except (OSError, ValueError):
        return {}
    return {k: str(v) for k, v in raw.items() if isinstance(v, (str, int)) and str(v).strip()}


def corpus_files(corpus_dir: Path) -> list[Path]:
    """The documents of a corpus folder, sorted by name."""
    if not corpus_dir.is_dir():
        raise IndexUnavailable(
            f"corpus folder {corpus_dir} does not exist; create it and put .txt or .md files in it"
        )
    files = sorted(p for p in corpus_dir.iterdir()
                   if p.suffix in SUFFIXES and not p.name.startswith(".") and p.is_file())
    if not files:
        raise IndexUnavailable(
            f"no .txt or .md documents in {corpus_dir}; add the article to answer from"
        )
    return files


def load_corpus(corpus_dir: Path) -> list[Document]:
    """Every document of the corpus folder, segmented."""
    return [read_document(p) for p in corpus_files(corpus_dir)]


def corpus_stamp(corpus_dir: Path) -> int:
    """Changes whenever a file is added, removed or replaced: the folder's modification time.

    `assistant add` writes through a rename, so an added or re-added article always moves it;
    one `stat` per question is what lets a running app notice new articles.
    """
    try:
        return corpus_dir.stat().st_mtime_ns
    except OSError:
        return -1


# A file edited in place (an editor saving over it) leaves its folder's modification time as
# it was: the files themselves are looked at again at most this often (seconds), so that a
# question costs one stat, not one per article.
FILE_CHECK_SECONDS = 1.0


def _file_key(p: Path) -> tuple[int, int, int]:
    """What changes when a document or its metadata sidecar is written: modification times
    and size."""
    st, side = p.stat(), meta_path(p)
    meta_ns = side.stat().st_mtime_ns if side.exists() else 0
    return st.st_mtime_ns, st.st_size, meta_ns


class Corpus:
    """The segmented documents of a folder, re-reading only the files that changed."""

    def __init__(self, corpus_dir: Path) -> None:
        """Remember the folder; nothing is read until `refresh()`."""
        self.dir = corpus_dir
        self.stamp: int | None = None
        self._seen: dict[str, tuple[tuple[int, int, int], Document]] = {}
        self._files_checked = 0.0

    def refresh(self) -> list[Document]:
        """Every document, sorted by name; unchanged files are not read again."""
        self.stamp = corpus_stamp(self.dir)
        self._files_checked = time.monotonic()
        docs, seen = [], {}
        for p in corpus_files(self.dir):
            key = _file_key(p)
            old = self._seen.get(p.name)
            doc = old[1] if old and old[0] == key else read_document(p)
            seen[p.name] = (key, doc)
            docs.append(doc)
        self._seen = seen
        return docs

    def changed(self) -> bool:
        """Whether the corpus changed since the last `refresh()`: a file added, removed or
        replaced (the folder's stat, every call), or a file edited in place (each file's
        stat, at most every FILE_CHECK_SECONDS)."""
        if self.stamp != corpus_stamp(self.dir):
            return True
        now = time.monotonic()
        if now - self._files_checked < FILE_CHECK_SECONDS:
            return False
        self._files_checked = now
        try:
            files = corpus_files(self.dir)
        except IndexUnavailable:
            return True
        try:
            return (len(files) != len(self._seen)
                    or any(p.name not in self._seen or self._seen[p.name][0] != _file_key(p)
                           for p in files))
        except OSError:
            return True  # a file went away between listing and stat: read the folder again


def corpus_digest(corpus_dir: Path) -> str:
    """A hash of the corpus files' names and bytes, for the index fingerprint."""
    h = hashlib.sha256()
    for p in corpus_files(corpus_dir):
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()[:16]
