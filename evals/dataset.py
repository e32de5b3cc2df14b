"""The reference set: reading evals/reference.yaml into typed items, and checking it.

A multi-turn chain becomes one item per turn; each turn's history is the earlier turns'
questions and *reference* answers, so every item can be run on its own (`--only ID`) and a
wrong early answer does not cascade into the later turns' scores.

Gold passages are exact quotes of the article. `load()` locates each quote (it must occur exactly
once) and keeps its character span, which is what retrieval and citation metrics compare against.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REFERENCE = HERE / "reference.yaml"
BLIND = HERE / "blind.yaml"  # frozen before the engine changed: check on it, never tune on it
DEV = HERE / "dev"  # dev sets (training data of the learned scorer), one file per article
ARTICLES = HERE / "articles"  # the extra articles the dev sets of other articles are about
CORPUS = HERE.parent / "corpus"

CATEGORIES = (
    "short_fact",
    "why_how",
    "list",
    "paraphrase",
    "multi_turn",
    "unanswerable",
    "adversarial",
    # Categories of the blind and dev sets: how readers ask in a chat.
    "rewording",
    "who_is",
    "role_of",
    "wants",
    "consequences",
    "which_noun",
    "summary",
    "small_talk",
)
# What kind of reply an item expects besides an answer or an abstention.
EXPECTS = ("summary", "chat")


class DatasetError(ValueError):
    """The reference set is malformed: the message names the item and what is wrong."""


@dataclass(frozen=True)
class Gold:
    """A gold passage: an exact quote of the article and where it sits."""

    quote: str
    source: str
    start: int
    end: int


@dataclass(frozen=True)
class Item:
    """One question of the reference set, with what a right answer holds."""

    id: str
    category: str
    question: str
    answer: str  # the reference answer, written by hand
    key_facts: tuple[tuple[str, ...], ...]  # each fact: acceptable alternatives
    gold: tuple[Gold, ...]
    answerable: bool
    history: tuple[tuple[str, str], ...] = ()  # (role, text) turns before this one
    forbidden: tuple[str, ...] = ()  # strings the answer must not contain
    chain: str | None = None  # the multi-turn chain this turn belongs to
    note: str = ""
    expect: str | None = None  # "summary" | "chat": the reply kind expected, None for an answer

    def history_messages(self) -> list[dict[str, str]]:
        """The history in the chat-messages form `Assistant.ask` takes."""
        return [{"role": role, "content": text} for role, text in self.history]


@dataclass(frozen=True)
class ReferenceSet:
    """The items, and the article text they were written from."""

    source: str
    text: str
    items: tuple[Item, ...]

    def select(self, only: list[str] | None = None, category: str | None = None) -> list[Item]:
        """The items to run: by id (in the given order) and/or by category."""
        chosen = list(self.items)
        if only:
            by_id = {i.id: i for i in self.items}
            unknown = [x for x in only if x not in by_id]
            if unknown:
                raise DatasetError(
                    f"unknown item id(s): {', '.join(unknown)}; ids look like "
                    f"{', '.join(i.id for i in self.items[:3])} (see evals/reference.yaml)"
                )
            chosen = [by_id[x] for x in only]
        if category:
            if category not in CATEGORIES:
                raise DatasetError(
                    f"unknown category {category!r}; expected one of {', '.join(CATEGORIES)}"
                )
            chosen = [i for i in chosen if i.category == category]
        return chosen


def _strings(raw: Any, where: str, field: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(x, str | int) for x in raw):
        raise DatasetError(f"{where}: {field} must be a list of strings, got {raw!r}")
    return tuple(str(x) for x in raw)


def _locate(quote: str, text: str, source: str, where: str) -> Gold:
    count = text.count(quote)
    if count != 1:
        found = "not found" if count == 0 else f"found {count} times"
        raise DatasetError(
            f"{where}: gold quote {quote!r} is {found} in {source}; "
            "quote the article exactly (curly quotes included) and long enough to be unique"
        )
    start = text.index(quote)
    return Gold(quote, source, start, start + len(quote))


def _item(
    raw: dict[str, Any],
    *,
    category: str,
    text: str,
    source: str,
    history: tuple[tuple[str, str], ...] = (),
    chain: str | None = None,
) -> Item:
    where = f"item {raw.get('id', '?')!r}"
    for field in ("id", "question", "answer"):
        if not isinstance(raw.get(field), str) or not raw[field].strip():
            raise DatasetError(f"{where}: missing or empty {field!r}")
    if category not in CATEGORIES:
        raise DatasetError(f"{where}: category {category!r} is not one of {', '.join(CATEGORIES)}")
    answerable = raw.get("answerable", True)
    if not isinstance(answerable, bool):
        raise DatasetError(f"{where}: answerable must be true or false, got {answerable!r}")
    expect = raw.get("expect")
    if expect is not None and expect not in EXPECTS:
        raise DatasetError(f"{where}: expect must be one of {', '.join(EXPECTS)}, got {expect!r}")
    facts_raw = raw.get("key_facts") or []
    if not isinstance(facts_raw, list):
        raise DatasetError(f"{where}: key_facts must be a list of lists, got {facts_raw!r}")
    key_facts = tuple(_strings(f, where, "each key fact") for f in facts_raw)
    if any(not f for f in key_facts):
        raise DatasetError(f"{where}: a key fact has no alternatives")
    gold = tuple(_locate(q, text, source, where) for q in _strings(raw.get("gold"), where, "gold"))
    if answerable and expect != "chat" and not (key_facts and gold):
        raise DatasetError(f"{where}: an answerable item needs key_facts and gold passages")
    if expect == "chat" and (key_facts or gold):
        raise DatasetError(f"{where}: a small-talk item (expect: chat) has no key_facts or gold")
    if not answerable and (key_facts or gold):
        raise DatasetError(f"{where}: an unanswerable item has no key_facts or gold passages")
    return Item(
        id=raw["id"],
        category=category,
        question=raw["question"],
        answer=raw["answer"].strip(),
        key_facts=key_facts,
        gold=gold,
        answerable=answerable,
        history=history,
        forbidden=_strings(raw.get("forbidden"), where, "forbidden"),
        chain=chain,
        note=str(raw.get("note", "")),
        expect=expect,
    )


def load(path: Path = REFERENCE, corpus_dir: Path | None = None) -> ReferenceSet:
    """Read and validate a question set; raises DatasetError naming the faulty item.

    The article is looked up in `corpus_dir`, else in corpus/ and then evals/articles/.
    """
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or "article" not in raw:
        raise DatasetError(f"{path}: expected a mapping with 'article', 'items' and 'chains'")
    source = str(raw["article"])
    folders = [corpus_dir] if corpus_dir is not None else [CORPUS, ARTICLES]
    article = next((f / source for f in folders if (f / source).is_file()), folders[0] / source)
    if not article.is_file():
        raise DatasetError(f"{path}: article {article} does not exist")
    text = article.read_text(encoding="utf-8")
    items: list[Item] = []
    for entry in raw.get("items") or []:
        items.append(_item(entry, category=entry.get("category", "?"), text=text, source=source))
    for chain in raw.get("chains") or []:
        turns = chain.get("turns") or []
        if not 2 <= len(turns) <= 3:
            raise DatasetError(
                f"chain {chain.get('id')!r}: expected 2 or 3 turns, got {len(turns)}"
            )
        history: tuple[tuple[str, str], ...] = ()
        for turn in turns:
            item = _item(
                turn,
                category="multi_turn",
                text=text,
                source=source,
                history=history,
                chain=chain.get("id"),
            )
            items.append(item)
            history = (*history, ("user", item.question), ("assistant", item.answer))
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise DatasetError(f"item id {item.id!r} is used twice; ids must be unique")
        seen.add(item.id)
    return ReferenceSet(source, text, tuple(items))
