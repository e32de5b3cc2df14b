"""Articles in and out of the corpus folder: `add`, `remove`, `list`.

A `.txt` or `.md` file is copied as it is. A saved web page (`.html`) goes through trafilatura,
which finds the title, author, date and main text and leaves navigation, ads and related links
out; the clean text is stored as `<name>.txt` (title, a byline sentence when the page names an
author or a date, then the paragraphs) with the metadata in a sidecar beside it, so a citation is
still an exact span of a stored file. Files are written through a rename, which is what tells a
running app (see `corpus.corpus_stamp`) that the corpus changed. Indexing is not done here.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .corpus import META_SUFFIX, SUFFIXES, corpus_files, meta_path, parse_document, read_document
from .errors import AssistantError

HTML_SUFFIXES = (".html", ".htm")


class IngestError(AssistantError):
    """A file could not be added to, or removed from, the corpus."""


@dataclass(frozen=True)
class DocumentInfo:
    """One corpus document as `list` shows it."""

    name: str  # file name in the corpus folder: what citations and `--article` name
    title: str | None
    author: str | None
    date: str | None
    size: int  # bytes


def _write(path: Path, text: str) -> None:
    """Write through a temporary file and a rename: readers never see half a file."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "article"


def extract_html(html: str) -> tuple[str, dict[str, str]]:
    """The clean text of a saved page and its metadata (title, author, date, url, sitename)."""
    import trafilatura

    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                        include_tables=False, favor_precision=True)
    body = getattr(found, "text", None) if found is not None else None
    if not body or not body.strip():
        raise IngestError("no article text found in the page (trafilatura found no main text)")
    meta = {k: str(v).strip() for k in ("title", "author", "date", "url", "sitename")
            if (v := getattr(found, k, None)) and str(v).strip()}
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in body.split("\n")]
    lines = [meta["title"]] if "title" in meta else []
    byline = " ".join(filter(None, [
        f"By {meta['author']}." if "author" in meta else "",
        f"Published {meta['date']}." if "date" in meta else "",
    ]))
    if byline:
        lines.append(byline)
    lines += [p for p in paragraphs if p and p != meta.get("title")]
    return "\n\n".join(lines) + "\n", meta


def add(paths: list[Path], corpus_dir: Path) -> list[Path]:
    """Copy or extract each file into the corpus folder; returns the stored files."""
    corpus_dir.mkdir(parents=True, exist_ok=True)
    stored = []
    for path in paths:
        suffix = path.suffix.lower()
        if not path.is_file():
            raise IngestError(f"{path} is not a file")
        if suffix not in SUFFIXES + HTML_SUFFIXES:
            allowed = ", ".join(SUFFIXES + HTML_SUFFIXES)
            raise IngestError(f"{path}: expected one of {allowed}, got {suffix or 'no suffix'}")
        try:
            raw = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as err:
            raise IngestError(f"{path} is not UTF-8 text (byte {err.start})") from err
        if suffix in HTML_SUFFIXES:
            try:
                text, meta = extract_html(raw)
            except IngestError as e:
                raise IngestError(f"{path}: {e}") from None
            target = corpus_dir / f"{_slug(meta.get('title') or path.stem)}.txt"
        else:
            text, meta = raw, {}
            target = corpus_dir / path.name
        meta["added_from"] = path.name
        if not parse_document(text, target.name, markdown=suffix == ".md").sentences:
            raise IngestError(f"{path}: no sentences found to answer from")
        _write(meta_path(target), json.dumps(meta, ensure_ascii=False, indent=2) + "\n")
        _write(target, text)
        stored.append(target)
    return stored


def find(corpus_dir: Path, name: str) -> Path:
    """The corpus file named `name`, or whose title is `name` (case-insensitive)."""
    files = corpus_files(corpus_dir)
    for p in files:
        if p.name == name:
            return p
    wanted = name.strip().casefold()
    for p in files:
        if (read_document(p).title or "").strip().casefold() == wanted:
            return p
    names = ", ".join(p.name for p in files[:10]) + (" …" if len(files) > 10 else "")
    raise IngestError(f"no article named {name!r} in {corpus_dir}; there are: {names}")


def remove(names: list[str], corpus_dir: Path) -> list[Path]:
    """Delete the named documents (file name or title) and their sidecars."""
    gone = []
    for name in names:
        path = find(corpus_dir, name)
        meta_path(path).unlink(missing_ok=True)
        path.unlink()
        gone.append(path)
    return gone


def list_documents(corpus_dir: Path) -> list[DocumentInfo]:
    """Every document of the corpus folder with its title, author, date and size."""
    out = []
    for p in corpus_files(corpus_dir):
        doc = read_document(p)
        out.append(DocumentInfo(p.name, doc.title, doc.author, doc.date, p.stat().st_size))
    return out


__all__ = ["META_SUFFIX", "DocumentInfo", "IngestError", "add", "find", "list_documents",
           "remove"]
