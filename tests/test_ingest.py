"""Articles in and out of the corpus: a saved web page becomes clean text plus a metadata sidecar
(title, author, date), navigation, ads and related links left out; `add`, `list` and `remove`
on the command line; a loaded assistant follows the corpus folder without a restart, answers
within one article when asked, and its citations carry the article's title, author and date.

The page is tests/data/saved_page.html, a small newspaper page written for this test.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant import Answer, Assistant, InvalidQuestion, Settings
from assistant.cli import main
from assistant.ingest import IngestError, add, extract_html, list_documents, remove

PAGE = Path(__file__).resolve().parent / "data" / "saved_page.html"
STORED = "harbour-pilots-strike-at-kettleby.txt"
TITLE = "Harbour Pilots Strike at Kettleby"


def test_a_saved_page_becomes_clean_text_and_metadata() -> None:
    text, meta = extract_html(PAGE.read_text(encoding="utf-8"))
    assert text.startswith(f"{TITLE}\n\nBy Mara Lindqvist. Published 2025-03-14.\n\n")
    assert "walked out on Friday morning, leaving eleven cargo ships" in text
    assert "estimated four million euros." in text
    for furniture in ("Subscribe now", "ADVERTISEMENT", "ferry tickets", "Related stories",
                      "Ferry fares rise", "lighthouse", "All rights reserved", "Home"):
        assert furniture not in text
    assert meta["title"] == TITLE
    assert meta["author"] == "Mara Lindqvist"
    assert meta["date"] == "2025-03-14"


def test_add_list_remove(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    note = tmp_path / "note.md"
    note.write_text("# Tide Tables\n\nThe spring tide rises eleven metres.\n", encoding="utf-8")
    stored = add([PAGE, note], corpus)
    assert [p.name for p in stored] == [STORED, "note.md"]
    assert (corpus / "note.md").read_text(encoding="utf-8") == note.read_text(encoding="utf-8")
    side = json.loads((corpus / f"{STORED}.meta.json").read_text(encoding="utf-8"))
    assert side["author"] == "Mara Lindqvist" and side["added_from"] == "saved_page.html"
    rows = {d.name: d for d in list_documents(corpus)}
    assert sorted(rows) == ["harbour-pilots-strike-at-kettleby.txt", "note.md"]
    assert (rows[STORED].title, rows[STORED].author, rows[STORED].date) == (
        TITLE, "Mara Lindqvist", "2025-03-14")
    assert rows["note.md"].title == "Tide Tables" and rows["note.md"].author is None
    assert rows[STORED].size == (corpus / STORED).stat().st_size
    assert [p.name for p in remove([TITLE.lower()], corpus)] == [STORED]
    assert sorted(p.name for p in corpus.iterdir()) == ["note.md", "note.md.meta.json"]


def test_add_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(IngestError, match=r"expected one of \.txt, \.md, \.html, \.htm, got \.pdf"):
        add([pdf], tmp_path / "corpus")
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    with pytest.raises(IngestError, match=r"empty\.html: no (article text|sentences) found"):
        add([empty], tmp_path / "corpus")
    add([PAGE], tmp_path / "corpus")
    with pytest.raises(IngestError, match=f"no article named 'nothing' in .*; there are: {STORED}"):
        remove(["nothing"], tmp_path / "corpus")


@pytest.fixture
def archive(bot: Assistant, tmp_path: Path) -> Assistant:
    """A loaded assistant over a copy of the corpus and of the session's index."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(bot.settings.corpus_dir, corpus)
    shutil.copytree(bot.settings.index_dir, index)
    a = Assistant(Settings(corpus_dir=corpus, index_dir=index), notify=lambda _m: None)
    a.load()
    return a


@pytest.mark.slow
def test_a_running_assistant_follows_the_corpus(archive: Assistant,
                                                invariants: Callable[[Answer], None]) -> None:
    before = archive.ask("Who is the port director?")
    assert all(c.source != STORED for c in before.citations + before.related)
    add([PAGE], archive.settings.corpus_dir)  # no restart, no reload
    answer = archive.ask("Who is the port director?", article=TITLE)
    assert archive.load().added == [STORED]  # only the new article was embedded
    assert answer.article == STORED
    quoted = answer.citations or answer.related  # cited, or offered as the closest passages
    assert quoted and all(c.source == STORED for c in quoted)
    assert "Port director Anselm Varga" in " ".join(c.quote for c in quoted)
    first = quoted[0]
    assert (first.title, first.author, first.date) == (TITLE, "Mara Lindqvist", "2025-03-14")
    text = (archive.settings.corpus_dir / STORED).read_text(encoding="utf-8")
    for c in quoted:
        assert text[c.start : c.end] == c.quote
    hits = archive.retrieve(archive.prepare("When did the pilots walk out?"))
    assert hits[0].sentence.source == STORED  # across the corpus, the new article is found
    # Scoped by file name to the old article, the new one is never cited.
    iran = archive.ask("Who mediates?", article="000_62740a8eec420147.txt")
    assert "Oman" in iran.text and {c.source for c in iran.citations} == {
        "000_62740a8eec420147.txt"}
    invariants(iran)
    with pytest.raises(InvalidQuestion, match="no article 'Weather' in the corpus"):
        archive.ask("Who mediates?", article="Weather")
    remove([STORED], archive.settings.corpus_dir)
    after = archive.ask("Who is the port director?")
    assert archive.load().removed == [STORED]
    assert all(c.source != STORED for c in after.citations + after.related)


@pytest.mark.slow
def test_an_article_edited_in_place_is_read_again(archive: Assistant,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """An editor saving over the file leaves the folder's modification time as it was; the
    files' own are looked at again (at most every FILE_CHECK_SECONDS, here at once)."""
    import assistant.corpus as corpus_module
    monkeypatch.setattr(corpus_module, "FILE_CHECK_SECONDS", 0.0)
    path = archive.settings.corpus_dir / "000_62740a8eec420147.txt"
    assert "Oman" in archive.ask("Who mediates?").text
    folder = archive.settings.corpus_dir.stat().st_mtime_ns
    text = path.read_text(encoding="utf-8")
    with path.open("w", encoding="utf-8") as f:  # in place: same file, same folder entry
        f.write(text.replace("Oman", "Norway"))
    os.utime(archive.settings.corpus_dir, ns=(folder, folder))
    answer = archive.ask("Who mediates?")
    assert archive.load().added == ["000_62740a8eec420147.txt"]  # re-embedded, not restarted
    assert "Norway" in answer.text and "Oman" not in answer.text
    assert path.read_text(encoding="utf-8")[answer.citations[0].start:
                                            answer.citations[0].end] == answer.citations[0].quote


@pytest.mark.slow
def test_cli_add_list_remove(archive: Assistant, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(archive.settings.corpus_dir))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(archive.settings.index_dir))
    assert main(["add", str(PAGE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"added {STORED}\n")
    assert out.endswith("index up to date: 1 article(s) embedded, 0 removed, "
                        "2 in the corpus\n")
    assert main(["list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith("000_62740a8eec420147.txt\tDiplomatic Crossroads")
    assert listed[1].startswith(f"{STORED}\t{TITLE}\tMara Lindqvist\t2025-03-14\t")
    assert listed[2] == f"2 article(s) in {archive.settings.corpus_dir}"
    assert main(["ask", "--article", TITLE, "Where will grain shipments go?"]) == 0
    assert "Brenholt" in capsys.readouterr().out
    assert main(["remove", STORED]) == 0
    assert capsys.readouterr().out == (f"removed {STORED}\nindex up to date: 0 article(s) "
                                       "embedded, 1 removed, 1 in the corpus\n")
    assert main(["add", "missing.html"]) == 2
    assert capsys.readouterr().err == "error: missing.html is not a file\n"
