"""What the conversation already said: the article sentences the previous answer quoted, and
the sentence that carries on from them.

A follow-up that names no topic of its own ("like what?", "so what?", "and since then?") most
often asks for what the article says next: "… the possibility remains open under the right
conditions." → "like what?" → "These may include significant sanctions relief …". Retrieval
scores that next sentence as a candidate, and the answerer gives it with the answer, so a reader
who asks "like what?" is not handed the sentence they just read.

The previous answer is matched to the article's sentences by their words, not their exact text:
an extractive answer quotes them verbatim, but a model's answer, or a reference answer in the
eval's conversations, says them in other words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import islice

from .question import FOLLOW_UP
from .text import terms
from .values import Query, Sentence

# A sentence was said when at least this share of its content words is in the previous answer.
# A quoted sentence scores 1.0; a paraphrase keeps about half. On the dev conversations (their
# history holds reference answers, paraphrases), 0.4 also matched unrelated sentences and cut
# follow-up key facts from 0.47 to 0.33; 0.5 and 0.6 scored the same.
SAID = 0.5
_MARKER = re.compile(r"\[\d+\]")


def answers_so_far(query: Query, last: int = 4) -> list[str]:
    """The assistant's last `last` answers, latest first, their markers taken out, when the
    question follows up on them; empty otherwise."""
    if FOLLOW_UP not in query.standalone:
        return []
    answers = (text for role, text in reversed(query.history) if role == "assistant")
    return [_MARKER.sub(" ", text) for text in islice(answers, last)]


def previous_answer(query: Query) -> str | None:
    """The assistant's last answer, when the question follows up on it; None otherwise."""
    return next(iter(answers_so_far(query, 1)), None)


def last_exchange(query: Query) -> tuple[str, str] | None:
    """The conversation's last question and the reply to it (its markers taken out), whether
    or not the message follows up on them; None before any reply."""
    for i in range(len(query.history) - 1, -1, -1):
        role, text = query.history[i]
        if role == "assistant":
            asked = next((t for r, t in reversed(query.history[:i]) if r == "user"), "")
            return asked, _MARKER.sub(" ", text)
    return None


def quoted(answer: str, candidates: Sequence[Sentence]) -> list[Sentence]:
    """The candidates a reply said: those it quotes word for word (an extractive answer), in
    the order it quotes them; else, for a reply in other words, those it holds (`said`) or the
    one it is closest to, when they hold at least SAID of its words. A reply that only mentions what
    the article is about ("Hello! I answer questions about … Iran …") said none of it."""
    flat = " ".join(answer.split())
    verbatim = [s for s in candidates if " ".join(s.text.split()) in flat]
    if verbatim:
        return sorted(verbatim, key=lambda s: flat.find(" ".join(s.text.split())))
    found = said(answer, candidates)
    if not found:
        near = closest(answer, candidates)
        found = [near] if near is not None else []
    heard = set(terms(answer))
    held = heard & {t for s in found for t in terms(s.text)}
    return found if heard and len(held) >= SAID * len(heard) else []


def told(query: Query, candidates: Sequence[Sentence]) -> set[Sentence]:
    """The candidates the conversation's last answers said, when the question follows up on
    them (`answers_so_far`); empty otherwise."""
    return {s for heard in answers_so_far(query) for s in said(heard, candidates)}


def said(answer: str, candidates: Sequence[Sentence]) -> list[Sentence]:
    """The candidates the previous answer said, in reading order."""
    heard = set(terms(answer))
    out = []
    for s in candidates:
        own = set(terms(s.text))
        if own and len(own & heard) >= SAID * len(own):
            out.append(s)
    return sorted(out, key=lambda s: (s.source, s.position))


def closest(answer: str, candidates: Sequence[Sentence]) -> Sentence | None:
    """The candidate that holds the most of the previous answer's words, when it holds at
    least SAID of them: a short answer in other words ("Possibly, under the right
    conditions.") says part of one long sentence, too little of it for `said`."""
    heard = set(terms(answer))
    if not heard or not candidates:
        return None
    shared, best = max(((len(heard & set(terms(s.text))), s) for s in candidates),
                       key=lambda pair: pair[0])
    return best if shared >= SAID * len(heard) else None


def carries_on(answer: str, candidates: Sequence[Sentence],
               following: Callable[[Sentence], Sentence | None], *,
               onward: bool = False) -> Sentence | None:
    """The sentence after the last one the previous answer said (or, when it quoted none,
    the one it is closest to), in the same paragraph and not said itself; `following` gives a
    sentence's next one in reading order. Asked what happened next in time (`onward`: "and
    until then?"), the next paragraph of the same section carries on too."""
    done = said(answer, candidates)
    if not done:
        near = closest(answer, candidates)
        done = [near] if near is not None else []
    if not done:
        return None
    last = done[-1]
    nxt = following(last)
    if nxt is None or nxt in done:
        return None
    if nxt.paragraph != last.paragraph and not (onward and nxt.section == last.section):
        return None
    return nxt
