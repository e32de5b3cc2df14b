"""Pure formatting for the chat page: an `Answer` → chat messages, the article → highlighted HTML.

Values stay plain text everywhere else (the chat history, the `/chat` API, the engine's input);
HTML is made only here, at the display edge, and every piece of text that reaches it — the
user's question, the answer, the article — goes through `html.escape` first. The chat is shown
as HTML, not Markdown, so `![x](http://…)` or `[link](http://…)` typed by anyone is shown as the
characters typed: nothing is fetched and nothing becomes a link. This module does not import
Gradio; `ui.py` wires these functions to components.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .corpus import Document
from .values import Answer, Citation

INTERPRETED = "Interpreted as: "  # first line of a follow-up's answer, when it was rewritten
NOT_IN_ARTICLE = "Not in the article"  # how an abstention starts
NOTE = "Note: "  # lines that carry the answer's notices (fallbacks, removed claims)
BACKEND = "Answered by: "  # last line of an answer a chat model wrote (not when extractive)
SOURCES_TITLE = "Sources"
RECITED = "Re-cited by verification (the model's marker pointed elsewhere):"
REMOVED = "Removed by verification:"
RELATED_TITLE = "Closest passages in the article"
OPENING = "opening paragraphs"  # the section name of sentences before the first heading

MARKER = re.compile(r"\[(\d+)\]")
# A marker as shown: "[1]" for the eye, hidden from screen readers, which read "source 1".
SHOWN_MARKER = (r'<span class="marker" aria-hidden="true">[\1]</span>'
                r'<span class="sr-only"> source \1</span>')
_SPOKEN = re.compile(r'<span class="sr-only">[^<]*</span>')
_TAG = re.compile(r"<[^>]*>")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)

Message = dict[str, Any]  # an openai-style chat message, as Gradio's ChatInterface takes it
Mark = tuple[int, int, str, str]  # start, end, css class, badge label: a span to highlight


# ---- answer → chat messages -----------------------------------------------------------------
def _norm(question: str) -> str:
    return " ".join(question.casefold().rstrip(" ?.!").split())


def answer_text(answer: Answer) -> str:
    """The answer as plain text: "Interpreted as" line, the text with [n] markers, notices,
    and which chat model wrote it (nothing for the extractive answerer)."""
    lines = []
    if answer.interpreted_as and _norm(answer.interpreted_as) != _norm(answer.question):
        lines += [f"{INTERPRETED}{answer.interpreted_as}", ""]
    if answer.abstained:
        lines.append(NOT_IN_ARTICLE)
    lines.append(answer.text)
    lines += [f"{NOTE}{n}" for n in answer.notices]
    if answer.backend != "extractive":
        lines.append(f"{BACKEND}{answer.backend}")
    return "\n".join(lines)


def quote_line(c: Citation, *, numbered: bool = True) -> str:
    """One citation as a line: number, the quoted words, the section they sit in."""
    label = f"[{c.n}] " if numbered else "• "
    return f"{label}“{c.quote}” — {c.section or OPENING}"


def sources_text(citations: Sequence[Citation], *, numbered: bool = True) -> str:
    """Every citation, one line each, in marker order."""
    return "\n".join(quote_line(c, numbered=numbered) for c in citations)


def verification_text(answer: Answer) -> str:
    """What verification changed in a chat model's answer, for the foot of the Sources block:
    the claims it re-cited (from which marker to which quote) and what it removed, and why."""
    return "".join("\n\n" + "\n".join([heading, *(f"• {n}" for n in notes)])
                   for heading, notes in ((RECITED, answer.recited), (REMOVED, answer.removed))
                   if notes)


def reply_messages(answer: Answer, chips: Sequence[tuple[str, str]] = ()) -> list[Message]:
    """The chat messages for a finished answer: the text, then a collapsible evidence block.

    The evidence block is the Sources list (closed, one click away) for an answer, or the
    closest passages (open) for an abstention. Follow-up chips hang on the last message.
    """
    messages: list[Message] = [{"role": "assistant", "content": answer_text(answer)}]
    if answer.abstained and answer.related:
        messages.append({
            "role": "assistant",
            "content": sources_text(answer.related, numbered=False),
            "metadata": {"title": RELATED_TITLE},
        })
    elif answer.citations:
        n = len(answer.citations)
        messages.append({
            "role": "assistant",
            "content": sources_text(answer.citations) + verification_text(answer),
            "metadata": {"title": f"{SOURCES_TITLE} ({n} quote{'s' if n > 1 else ''})",
                         "status": "done"},
        })
    if chips:
        messages[-1]["options"] = [{"value": q, "label": label} for label, q in chips]
    return messages


def sentence(text: str) -> str:
    """A message as a sentence: capitalised, ending in a full stop."""
    text = text.strip()
    if not text:
        return text
    return text[0].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def notice_message(text: str) -> Message:
    """A short chat message for a question that could not be answered (invalid, or an error)."""
    return {"role": "assistant", "content": text}


# ---- chat history → what the engine reads --------------------------------------------------
def _plain(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, Mapping):
        return str(content.get("text", "")) if content.get("type", "text") == "text" else ""
    if isinstance(content, Iterable):
        return "\n".join(t for t in (_plain(c) for c in content) if t)
    return ""


def strip_decorations(text: str) -> str:
    """An answer's text without the lines this module added (interpretation, notices, labels)."""
    lines = text.split("\n")
    kept = [ln for ln in lines
            if not ln.startswith((INTERPRETED, NOTE, BACKEND)) and ln != NOT_IN_ARTICLE]
    return "\n".join(kept).strip()


def engine_history(history: Sequence[Any]) -> list[dict[str, str]]:
    """Chat history as the engine takes it: user and answer turns as text, evidence blocks out."""
    turns: list[dict[str, str]] = []
    for message in history:
        if isinstance(message, Mapping):
            role, content = message.get("role"), message.get("content")
            meta = message.get("metadata")
        else:
            role = getattr(message, "role", None)
            content, meta = getattr(message, "content", None), getattr(message, "metadata", None)
        if role not in ("user", "assistant") or (meta and meta.get("title")):
            continue
        text = _plain(content)
        if role == "assistant":
            text = strip_decorations(text)
        if text.strip():
            turns.append({"role": str(role), "content": text})
    return turns


# ---- plain text ⇄ the chat's HTML ----------------------------------------------------------
def to_display(text: str, role: str) -> str:
    """Chat text as safe HTML: everything escaped; an answer's markers and labels styled."""
    out = []
    for i, line in enumerate(html.escape(text, quote=True).split("\n")):
        if role == "assistant":
            if i == 0 and line.startswith(INTERPRETED):
                line = f'<span class="interpreted">{line}</span>'
            elif line.startswith(NOTE):
                line = f'<span class="notice">{line}</span>'
            elif line.startswith(BACKEND):
                line = f'<span class="backend">{line}</span>'
            elif line == NOT_IN_ARTICLE:
                line = f'<span class="abstain">{line}</span>'
            line = MARKER.sub(SHOWN_MARKER, line)
        out.append(line)
    return "<br>".join(out)


def from_display(markup: str) -> str:
    """The plain text back from `to_display` output (the exact inverse)."""
    return html.unescape(_TAG.sub("", _SPOKEN.sub("", _BR.sub("\n", markup))))


# ---- the article pane -----------------------------------------------------------------------
def _spans(block_start: int, block_end: int, marks: Sequence[Mark]) -> list[Mark]:
    """The marks inside a block, clipped to it, in order, overlaps dropped."""
    inside = sorted((max(s, block_start), min(e, block_end), cls, label)
                    for s, e, cls, label in marks if s < block_end and e > block_start)
    kept: list[Mark] = []
    for s, e, cls, label in inside:
        if not kept or s >= kept[-1][1]:
            kept.append((s, e, cls, label))
    return kept


def _highlighted(text: str, start: int, end: int, marks: Sequence[Mark]) -> str:
    parts, cursor = [], start
    for s, e, cls, label in _spans(start, end, marks):
        parts.append(html.escape(text[cursor:s]))
        badge = (f'<sup class="badge" aria-hidden="true">{html.escape(label)}</sup>'
                 f'<span class="sr-only">source {html.escape(label.strip("[]"))}: </span>'
                 if label else "")
        parts.append(f'<mark class="{cls}">{badge}{html.escape(text[s:e])}</mark>')
        cursor = e
    parts.append(html.escape(text[cursor:end]))
    return "".join(parts)


def article_html(documents: Sequence[Document], answer: Answer | None = None) -> str:
    """The article(s) as HTML: title, headings, paragraphs (no furniture), evidence highlighted.

    The sentences cited by `answer` are marked and numbered like its [n] markers; for an
    abstention its closest passages are marked, unnumbered, in a quieter colour.
    """
    # A named, focusable region: keyboard users can scroll it (axe: scrollable-region-focusable).
    out = ['<div class="article-scroll" role="region" aria-label="The article" tabindex="0">']
    for doc in documents:
        marks: list[Mark] = []
        if answer is not None:
            for c in answer.citations:
                if c.source == doc.source:
                    marks.append((c.start, c.end, "cite", f"[{c.n}]"))
            if answer.abstained:
                marks += [(c.start, c.end, "related", "") for c in answer.related
                          if c.source == doc.source]
        out.append(f'<article data-source="{html.escape(doc.source)}">')
        for b in doc.blocks:
            inner = _highlighted(doc.text, b.start, b.end, marks)
            if b.kind == "title":
                out.append(f"<h2>{inner}</h2>")
            elif b.kind == "heading":
                out.append(f"<h3>{inner}</h3>")
            elif b.kind == "paragraph":
                out.append(f"<p>{inner}</p>")
        out.append("</article>")
    out.append("</div>")
    return "\n".join(out)
