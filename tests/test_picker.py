"""The page's article picker: hidden with one article, "title — date" choices with several, and
its value scopes the answer and sets the article pane. A recording fake stands in for the
assistant (the real engine's scope is tested in tests/test_ingest.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

from assistant.corpus import parse_document
from assistant.ui import ALL_ARTICLES, _picker_update, create_app, make_respond
from assistant.values import Answer

IRAN = parse_document(
    (Path(__file__).resolve().parent.parent / "corpus" / "000_62740a8eec420147.txt")
    .read_text(encoding="utf-8"), "000_62740a8eec420147.txt")
PORT = parse_document("Harbour Pilots Strike\n\nThe pilots walked out on Friday.\n", "port.txt",
                      meta={"title": "Harbour Pilots Strike", "date": "2025-03-14"})


class Recording:
    """Answers every question with an abstention and records the scope it was asked with."""

    def __init__(self, documents: list) -> None:
        self.documents = documents
        self.scopes: list[object] = []

    def stream(self, question: str, history=None, *, model=None, article=None
               ) -> Iterator[object]:
        self.scopes.append(article)
        yield Answer(question, "The article doesn't say.", abstained=True)


def _run(updates: AsyncIterator[tuple]) -> list[tuple]:
    async def run() -> list[tuple]:
        return [u async for u in updates]
    return asyncio.run(run())


def test_one_article_hides_the_picker() -> None:
    assert _picker_update([IRAN]) == {"__type__": "update", "visible": False}


def test_several_articles_are_offered_by_title_and_date() -> None:
    update = _picker_update([IRAN, PORT])
    assert update["visible"] is True and update["value"] == ""
    assert update["choices"] == [
        (ALL_ARTICLES, ""), (IRAN.title, IRAN.source),
        ("Harbour Pilots Strike — 2025-03-14", "port.txt")]


def test_the_picked_article_scopes_the_answer_and_the_pane() -> None:
    fake = Recording([IRAN, PORT])
    respond = make_respond(fake, pick_article=True)  # type: ignore[arg-type]
    (_, pane), = _run(respond("who walked out?", [], "port.txt"))
    assert fake.scopes == ["port.txt"]
    assert 'data-source="port.txt"' in pane and IRAN.source not in pane
    (_, pane), = _run(respond("who mediates?", [], ""))  # "All articles"
    assert fake.scopes[-1] is None
    assert 'data-source="port.txt"' in pane and IRAN.source in pane


def test_the_page_builds_with_the_picker() -> None:
    demo = create_app(Recording([IRAN, PORT]))  # type: ignore[arg-type]
    assert any(getattr(b, "elem_id", None) == "article-picker" for b in demo.blocks.values())
