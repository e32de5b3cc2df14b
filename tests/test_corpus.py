"""Segmentation pinned to the real article: exact offsets of the title, headings, furniture and
sentences, as read from corpus/000_62740a8eec420147.txt; plus Markdown and multi-file corpora.

Offsets are character offsets into the file read as UTF-8 (the file has 9348 bytes but 9282
characters: curly quotes and em-dashes are multi-byte).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.corpus import Document, load_corpus, read_document
from assistant.errors import IndexUnavailable
from assistant.values import Sentence

ARTICLE = Path(__file__).resolve().parent.parent / "corpus" / "000_62740a8eec420147.txt"

TITLE = "Diplomatic Crossroads: Iran Reaffirms Indirect Talks with U.S., Counters Trump’s Claims"
HEADINGS = [  # (start, end, text)
    (1085, 1121, "Trump’s Claim Sparks a Firm Rebuttal"),
    (2086, 2123, "Indirect Diplomacy: A Calculated Path"),
    (3431, 3468, "Regional Tensions Heighten the Stakes"),
    (4610, 4644, "Oman: The Quiet Diplomatic Conduit"),
    (5423, 5448, "Domestic Dynamics in Iran"),
    (6552, 6588, "Nuclear Program Remains a Flashpoint"),
    (7584, 7633, "Looking Forward: Is There a Path to Direct Talks?"),
    (8358, 8409, "Conclusion: Strategic Distance, Tactical Engagement"),
]
FURNITURE = [
    (89, 93, "Iran"),  # the category tag under the title
    (1538, 1543, "GIF 1"),
    (9134, 9172, "Do follow Uae stories for more Updates"),
    (9174, 9257,
     "Goa Tourism Targets Oman: Strengthening Middle East Ties Through Strategic Roadshow"),
    (9259, 9270, "Latest Post"),
    (9272, 9282, "Submit App"),
]
SECTION_COUNTS = {
    None: 5,
    "Trump’s Claim Sparks a Firm Rebuttal": 5,
    "Indirect Diplomacy: A Calculated Path": 10,
    "Regional Tensions Heighten the Stakes": 7,
    "Oman: The Quiet Diplomatic Conduit": 5,
    "Domestic Dynamics in Iran": 8,
    "Nuclear Program Remains a Flashpoint": 8,
    "Looking Forward: Is There a Path to Direct Talks?": 5,
    "Conclusion: Strategic Distance, Tactical Engagement": 4,
}


@pytest.fixture(scope="module")
def doc() -> Document:
    return read_document(ARTICLE)


def sentence_with(doc: Document, words: str) -> Sentence:
    """The one sentence whose span contains the (unique) occurrence of `words`."""
    assert doc.text.count(words) == 1, words
    i = doc.text.index(words)
    found = [s for s in doc.sentences if s.start <= i and i + len(words) <= s.end]
    assert len(found) == 1, f"{words!r} is split across sentences"
    return found[0]


def test_title(doc: Document) -> None:
    assert doc.title == TITLE
    [title] = [b for b in doc.blocks if b.kind == "title"]
    assert (title.start, title.end) == (0, 87)
    assert doc.text[0:87] == TITLE


def test_the_eight_section_headings(doc: Document) -> None:
    assert doc.headings == [h for _, _, h in HEADINGS]
    got = [(b.start, b.end, b.text) for b in doc.blocks if b.kind == "heading"]
    assert got == HEADINGS
    for s, e, h in HEADINGS:
        assert doc.text[s:e] == h


def test_furniture_is_excluded_by_span(doc: Document) -> None:
    got = [(b.start, b.end, b.text) for b in doc.blocks if b.kind == "furniture"]
    assert got == FURNITURE
    for s, e, words in FURNITURE:
        assert doc.text[s:e] == words  # excluded by span, the text itself untouched
        for sent in doc.sentences:
            assert e <= sent.start or s >= sent.end, f"{words!r} inside {sent.text!r}"
    lines = ("GIF 1", "Do follow", "Goa Tourism", "Latest Post", "Submit App")
    assert not [s.text for s in doc.sentences if any(w in s.text for w in lines)]


def test_file_is_kept_verbatim(doc: Document) -> None:
    assert doc.text == ARTICLE.read_text(encoding="utf-8")
    assert len(doc.text) == 9282 and len(ARTICLE.read_bytes()) == 9348


def test_every_sentence_is_its_exact_slice(doc: Document) -> None:
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.source == ARTICLE.name
    positions = [s.position for s in doc.sentences]
    assert positions == list(range(len(doc.sentences)))
    starts = [s.start for s in doc.sentences]
    assert starts == sorted(starts)
    # No sentence overlaps the next.
    for a, b in zip(doc.sentences, doc.sentences[1:], strict=False):
        assert a.end < b.start


def test_sentence_count_and_sections(doc: Document) -> None:
    assert len(doc.sentences) == 57
    assert Counter(s.section for s in doc.sentences) == SECTION_COUNTS
    assert doc.sentences[-1].paragraph == 22  # 23 paragraphs, numbered from 0


def test_us_abbreviation_does_not_split(doc: Document) -> None:
    s = sentence_with(doc, "U.S. President Donald Trump’s")
    assert (s.start, s.end) == (262, 481)
    assert s.text.startswith("This statement, coming amid")
    assert s.text.endswith("seeking dialogue with Washington.")
    s = sentence_with(doc, "with the U.S. in a bid")
    assert (s.start, s.end) == (1123, 1355)
    assert s.text.endswith("further sanctions and economic isolation.")
    s = sentence_with(doc, "Since the U.S. unilaterally withdrew")
    assert (s.start, s.end) == (2194, 2385)


def test_em_dash_does_not_split(doc: Document) -> None:
    s = sentence_with(doc, "Oman—a country")
    assert (s.start, s.end) == (4646, 4782)
    assert s.text == ("Among the key players enabling this dialogue is Oman—a country long known "
                      "for its discreet and neutral role in Middle Eastern diplomacy.")
    s = sentence_with(doc, "controlled engagement—one that")
    assert (s.start, s.end) == (482, 674)


def test_curly_quote_ends_the_sentence_after_the_quote(doc: Document) -> None:
    s = sentence_with(doc, "public.”")
    assert (s.start, s.end) == (1715, 1828)
    assert s.text == ("He described Trump’s comments as “baseless” and “part of a political "
                      "narrative aimed at misinforming the public.”")
    nxt = doc.sentences[s.position + 1]
    assert nxt.text.startswith("This public refutation was reinforced")


def test_names_with_titles_stay_in_one_sentence(doc: Document) -> None:
    s = sentence_with(doc, "Supreme Leader Ayatollah Ali Khamenei")
    assert (s.start, s.end) == (5638, 5854)
    assert s.text.startswith("The government, led by President Ebrahim Raisi")
    assert s.section == "Domestic Dynamics in Iran"
    s = sentence_with(doc, "Ali Bagheri Kani, who confirmed")
    assert (s.start, s.end) == (1829, 2084)
    assert s.text.endswith("such as Oman, Qatar, and the European Union.")


def test_sections_of_pinned_sentences(doc: Document) -> None:
    assert doc.sentences[0].section is None
    assert doc.sentences[0].text.startswith("In a geopolitical landscape")
    assert doc.sentences[5].section == "Trump’s Claim Sparks a Firm Rebuttal"
    assert doc.sentences[-1].section == "Conclusion: Strategic Distance, Tactical Engagement"
    assert doc.sentences[-1].text == (
        "One thing is clear: Iran is not ready to make the first move—but it is far from "
        "walking away from the negotiating table.")
    assert doc.sentences[-1].end == 9132


MARKDOWN = """# Harbour Notes

A short report kept for testing.

## The Bridge

The Kettleby bridge opened in 1932. It was built by the firm of Dr. Lena Ortiz.

## The Ferry

The old ferry still runs at dawn.

Follow us for more updates

Latest Post
"""


def test_markdown_document(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    d = read_document(path)
    assert d.title == "Harbour Notes"
    kinds = [(b.kind, b.text) for b in d.blocks if b.kind != "paragraph"]
    assert kinds == [("title", "# Harbour Notes"), ("heading", "## The Bridge"),
                     ("heading", "## The Ferry"), ("furniture", "Follow us for more updates"),
                     ("furniture", "Latest Post")]
    by_text = {s.text: s for s in d.sentences}
    assert list(by_text) == [
        "A short report kept for testing.",
        "The Kettleby bridge opened in 1932.",
        "It was built by the firm of Dr. Lena Ortiz.",
        "The old ferry still runs at dawn.",
    ]
    assert by_text["A short report kept for testing."].section is None
    assert by_text["The Kettleby bridge opened in 1932."].section == "The Bridge"
    assert by_text["The old ferry still runs at dawn."].section == "The Ferry"
    for s in d.sentences:
        assert MARKDOWN[s.start : s.end] == s.text
        assert s.source == "notes.md"


def test_corpus_folder_holds_txt_and_md_sorted(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Plain Title\n\nOne sentence here. Two here.\n", "utf-8")
    (tmp_path / "ignored.json").write_text("{}", encoding="utf-8")
    docs = load_corpus(tmp_path)
    assert [d.source for d in docs] == ["a.txt", "b.md"]
    assert [s.text for s in docs[0].sentences] == ["One sentence here.", "Two here."]


def test_missing_or_empty_corpus_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(IndexUnavailable, match="does not exist"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(IndexUnavailable, match=r"no \.txt or \.md documents"):
        load_corpus(tmp_path)


SHIPPING = """Port Report

The harbour of Kettleby handles grain and timber. Its pilots guide every vessel through the
narrow channel.

Tides

The spring tide at Kettleby rises eleven metres, the highest on the coast.
"""


@pytest.mark.slow
def test_multi_document_corpus_citations_name_their_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bridge.md").write_text(MARKDOWN, encoding="utf-8")
    (corpus / "port.txt").write_text(SHIPPING, encoding="utf-8")
    bot = Assistant(Settings(corpus_dir=corpus, index_dir=tmp_path / "index"),
                    notify=lambda _m: None)
    assert [d.source for d in bot.documents] == ["bridge.md", "port.txt"]
    for question, source, words in [
        ("When did the Kettleby bridge open?", "bridge.md", "1932"),
        ("How high does the spring tide rise?", "port.txt", "eleven metres"),
    ]:
        a = bot.ask(question)
        assert not a.abstained, question
        assert words in a.text
        assert a.citations and a.citations[0].source == source
        for c in a.citations:
            text = (corpus / c.source).read_text(encoding="utf-8")
            assert text[c.start : c.end] == c.quote


def test_a_document_that_is_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    from assistant.corpus import read_document
    from assistant.errors import IndexUnavailable

    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Café talks\n\nThe envoy met in Muscat.\n".encode("latin-1"))
    with pytest.raises(IndexUnavailable, match="not UTF-8"):
        read_document(bad)
