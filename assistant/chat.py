"""Small talk: a reply to "hi", "thanks" or "what can you do?" that says what the assistant does.

It is not an answer about the article and not a refusal: it cites nothing and offers two or
three questions the article answers, made from the article itself (a summary, the person it
names most, its first section), so they work for whatever article is loaded.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from .asks import introduced_people
from .corpus import Document
from .prompts import load_prompt
from .text import GOODBYES, GREETINGS, THANKS


def examples(documents: Sequence[Document]) -> list[str]:
    """Two or three questions the first article answers."""
    out = ["Summarize the article."]
    if not documents:
        return out
    doc = documents[0]
    # The people the article marks as people ("Priya Natarajan, Halden's lead engineer"), never
    # a place or body that looks like a name ("Lower Wharf").
    names = Counter(p for s in doc.sentences for p in introduced_people(s.text))
    if names:
        out.append(f"Who is {names.most_common(1)[0][0]}?")
    heads = doc.headings
    if heads:
        out.append(f"What does the article say about “{heads[0].rstrip('.:')}”?")
    return out[:3]


# What the small talk was, by its words: a reply answers it in kind before saying what the
# assistant does ("thanks!" → "You're welcome.").
_OPENINGS = (
    (re.compile(rf"\b(?:{THANKS})\b", re.I), "You're welcome."),
    (re.compile(rf"\b(?:{GOODBYES})\b", re.I), "Goodbye, and come back any time."),
    (re.compile(rf"^\W*(?:{GREETINGS})\b", re.I), "Hello!"),
)


def opening(message: str) -> str:
    """A first line in kind for small talk ("Hello!", "You're welcome."), or "" for a question
    about the assistant ("what can you do?")."""
    return next((line for pattern, line in _OPENINGS if pattern.search(message)), "")


def reply(documents: Sequence[Document], prompts_dir: Path | None = None,
          message: str = "") -> str:
    """The small-talk reply, from prompts/chat_reply_v1.md, after a first line answering the
    message in kind (`opening`)."""
    titles = [d.title for d in documents if d.title]
    if len(documents) == 1 and titles:
        about = f"the article “{titles[0]}”"
    else:
        about = f"the {len(documents)} articles in the corpus" if documents else "the articles"
    listed = "\n".join(f"- {q}" for q in examples(documents))
    body = load_prompt("chat_reply_v1", prompts_dir, articles=about, examples=listed)
    first = opening(message)
    return f"{first} {body}" if first else body
