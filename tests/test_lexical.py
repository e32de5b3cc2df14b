"""The BM25 term counts saved beside the index: reused while the words are read the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import lexical
from assistant.corpus import parse_document
from assistant.lexical import LexicalIndex
from assistant.text import terms

TEXT = "Oman Mediates\n\nOman has hosted secret talks. Qatar and the European Union also mediate.\n"


def test_saved_counts_are_reused_until_the_words_are_read_otherwise(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = parse_document(TEXT, "a.txt")
    first = LexicalIndex(tmp_path)
    first.sync([doc])
    assert LexicalIndex(tmp_path)._counts.keys() == {"a.txt"}  # read back, not recounted
    # Other stopwords or stemming: what was saved was counted with them, so it is dropped and
    # counted again rather than scored against terms a question can no longer have.
    monkeypatch.setattr(lexical, "words_version", lambda: "another")
    again = LexicalIndex(tmp_path)
    assert again._counts == {}
    again.sync([doc])
    assert again.scores(terms("hosted"), None).max() > 0


def test_stems_of_one_word_family() -> None:
    from assistant.text import kin, terms

    assert kin(terms("economy")[0], terms("economic")[0])
    assert kin(terms("strategy")[0], terms("strategic")[0])
    assert not kin(terms("facility")[0], terms("facilitated")[0])
    assert not kin("state", terms("statement")[0])  # "state" is a stopword to `terms`
    assert not kin("oman", "omani")  # too short to tell a family from a coincidence


def test_a_word_family_is_looked_up_as_kin_reads_it() -> None:
    from assistant.text import kin, kin_in, kindred

    stems = frozenset({"econom", "strategi", "facilit", "statement", "oman"})
    for term in ("economi", "econom", "strateg", "facil", "state", "omani", "polit"):
        assert kindred(term, stems) == any(kin(term, s) for s in stems), term
    assert kindred("economi", stems) and not kindred("facil", stems)
    assert kin_in("economi", stems) == "econom" and kin_in("oman", stems) == "oman"
    assert kin_in("facil", stems) is None


def test_a_new_fold_of_words_counts_saved_terms_again(monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    from assistant import text

    before = text.words_version()
    text.words_version.cache_clear()
    monkeypatch.setattr(text, "_FOLDS", [*text._FOLDS, (re.compile(r"\bSultanate\b"), " oman ")])
    try:
        assert text.words_version() != before  # saved counts read "Sultanate" otherwise
    finally:
        text.words_version.cache_clear()


def test_folds_read_a_readers_names_as_the_articles() -> None:
    assert terms("the CEO") == terms("the chief executive")
    assert terms("Europe's role") == terms("the European Union's role")


def test_an_adverb_made_of_a_noun_names_no_topic() -> None:
    # "in return" asks nothing about a return ("… eager to return to the negotiating table").
    assert terms("What does Iran want in return?") == terms("What does Iran want?")
    assert "exchang" not in terms("limits in exchange for sanctions relief")
    assert "return" in terms("a return to the White House")
