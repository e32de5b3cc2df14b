"""Words of the same meaning from WordNet (assistant/lexicon.py), and the who-did-it check that
reads them: a verb the article never uses may be said in another word of the same sense."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import lexicon
from assistant.answer import ExtractiveAnswerer
from assistant.text import terms
from assistant.values import Hit, Query, Sentence


def test_a_verb_has_the_words_of_its_senses_not_broader_ones() -> None:
    assert "convey" in lexicon.same_meaning("carried")
    assert "discount" in lexicon.same_meaning("dismissed")
    # "kill" is broader than "assassinate": not one of its words.
    assert "kill" not in lexicon.same_meaning("assassinated")
    assert lexicon.same_meaning("qwzxv") == frozenset()
    # Words of WordNet's phrases that mean nothing alone are left out ("give notice").
    assert not {"give", "the", "up"} & lexicon.same_meaning("dismissed")


def test_a_verb_has_its_nouns_for_the_one_who_does_it() -> None:
    assert "negotiator" in lexicon.doers("negotiates")
    assert "mediator" in lexicon.doers("mediated")
    # The one advised is not who advises.
    assert {"adviser", "advisor"} <= lexicon.doers("advises")
    assert "advisee" not in lexicon.doers("advises")
    assert lexicon.doers("qwzxv") == frozenset()


def test_a_doer_is_named_beside_a_name_not_by_the_noun_alone() -> None:
    from assistant.asks import doer_named

    assert doer_named("negotiates", "… reinforced by Iran’s top nuclear negotiator, Ali Bagheri "
                      "Kani, who confirmed …")
    assert doer_named("mediates", "… conducted through mediators such as Oman, Qatar, and the "
                      "European Union.")
    assert doer_named("advises", "Voss, who remains an adviser to the company, said …")
    assert not doer_named("invests", "Polyloop’s own documents for investors set out the main "
                          "risks.")
    assert not doer_named("negotiates", "Iran currently rules out direct negotiations.")
    # Who leads is named by a title, not by WordNet's "runner".
    assert doer_named("runs", "Rafael Ortega, Polyloop’s chief executive, said …")
    assert not doer_named("runs", "If Millbrook runs as planned, Polyloop intends to …")


def test_who_leads_an_activity_is_named_by_the_activity_s_doer() -> None:
    from assistant.asks import doer_named, led_activity

    assert lexicon.agents("negotiations") >= {"negotiator"}
    assert lexicon.agents("mediation") == {"mediator"}
    assert lexicon.agents("negotiating") >= {"negotiator"}  # "the negotiating team"
    assert lexicon.agents("talks") == frozenset()
    assert led_activity("Who leads Iran's nuclear negotiations?") == "negotiations"
    assert led_activity("Who heads the mediation between the two sides?") == "mediation"
    assert led_activity("Who leads the talks in Vienna?") is None  # no doer of "talks"
    assert led_activity("Who negotiates for Iran?") is None  # no verb of leading
    top = "… reinforced by Iran’s top nuclear negotiator, Ali Bagheri Kani, who confirmed …"
    assert doer_named("leads", top, "negotiations") and not doer_named("leads", top)


def test_a_stance_has_the_words_of_its_senses_in_any_part_of_speech() -> None:
    from assistant.asks import stance_asked

    assert stance_asked("Who's worried?") == "worried"
    assert stance_asked("Who is Trump?") is None
    assert "concern" in lexicon.same_meaning("worried", pos=None)


def _hit(text: str) -> Hit:
    """A best sentence not close enough in meaning to be taken on that alone (SURE_DENSE)."""
    return Hit(Sentence("w.txt", 0, len(text), text, None, 0, 0), 0.5, 0.3, 0.5)


def test_a_broader_verb_says_who_did_it_only_beside_its_doer() -> None:
    assert "warn" in lexicon.broader("cautioned")
    assert "kill" in lexicon.broader("assassinated")
    q = "Who cautioned that homes could become uninsurable?"
    said = ExtractiveAnswerer.said_otherwise
    assert said(q, "cautioned", [_hit("Without a barrier, she warned, some 4,000 properties "
                                      "could become uninsurable.")])
    # A broader noun with no one doing it: who killed them, it does not say.
    assert not said("Who assassinated the commanders?", "assassinated",
                    [_hit("Iran responded to the killing of its commanders in Damascus.")])


def test_the_copy_with_unix_line_ends_is_written_once(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "data.verb").write_bytes(b"  1 header\r\n00001 line\r\n")
    target = tmp_path / "cache" / "wordnet-3.0"
    assert lexicon._unix_copy(source, target) == target
    assert (target / "data.verb").read_bytes() == b"  1 header\n00001 line\n"
    (source / "data.verb").write_bytes(b"changed\r\n")  # an existing copy is kept
    lexicon._unix_copy(source, target)
    assert (target / "data.verb").read_bytes() == b"  1 header\n00001 line\n"
    assert [p.name for p in target.parent.iterdir()] == ["wordnet-3.0"]  # no leftovers


@pytest.fixture
def fresh_wordnet() -> Iterator[None]:
    """WordNet read anew for the test and again after it: its reader, its lookups and its one
    warning are cached for the process."""
    def forget() -> None:
        for cached in (lexicon._reader, lexicon.same_meaning, lexicon.doers,
                       lexicon.broader, lexicon.family, lexicon._warn_once):
            cached.cache_clear()

    forget()
    yield
    forget()


def test_without_wordnet_no_verb_is_said_otherwise(monkeypatch: pytest.MonkeyPatch,
                                                   fresh_wordnet: None) -> None:
    monkeypatch.setattr(lexicon, "_source", lambda: None)
    assert lexicon.same_meaning("carried") == frozenset()


def test_a_cache_that_cannot_be_written_falls_back_to_the_temporary_folder(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_wordnet: None) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setattr(lexicon, "_cache", lambda: blocked / "wordnet-3.0")
    monkeypatch.setattr(lexicon.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    assert "convey" in lexicon.same_meaning("carried")
    assert (tmp_path / "tmp" / "article-assistant" / "wordnet-3.0" / "data.verb").is_file()


def test_a_damaged_copy_is_done_without_and_says_how_to_mend_it(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_wordnet: None) -> None:
    damaged = tmp_path / "wordnet-3.0"
    damaged.mkdir()
    (damaged / "data.verb").write_text("not WordNet\n")  # the other files are missing
    monkeypatch.setattr(lexicon, "_cache", lambda: damaged)
    with pytest.warns(RuntimeWarning, match="WordNet could not be read"):
        assert lexicon.same_meaning("carried") == frozenset()
    assert lexicon.doers("negotiates") == frozenset()
    assert lexicon.broader("cautioned") == frozenset()


def _answerer(*texts: str) -> tuple[ExtractiveAnswerer, list[Sentence]]:
    out, at = [], 0
    for i, t in enumerate(texts):
        out.append(Sentence("w.txt", at, at + len(t), t, None, i, i))
        at += len(t) + 1
    idf = {w: 1.0 for s in out for w in {*s.text.lower().split(), *terms(s.text)}}
    return ExtractiveAnswerer(out, frozenset(idf), idf), out


def test_a_verb_in_the_past_or_the_present_is_known_by_its_root() -> None:
    answerer, _ = _answerer("The claims were met with denial from Iranian officials.")
    assert answerer.known("denied") and answerer.known("denies")
    assert not answerer.known("supports")
    # By a word WordNet makes from the verb, whatever its spelling.
    assert "oppon" in lexicon.family("opposes")
    answerer, _ = _answerer("Opponents argued that cheaper options were dismissed.")
    assert answerer.known("opposes") and answerer.known("opposed")


def test_who_did_it_in_another_word_of_the_same_sense_is_answered() -> None:
    answerer, out = _answerer("Oman has hosted secret talks and conveyed messages.",
                              "The commanders were killed in Damascus.")
    q = "Who carried messages between them?"
    draft = answerer.answer(Query(q, q), [Hit(out[0], 0.5, 0.45, 0.5), Hit(out[1], 0.1, 0.1, 0)])
    assert not draft.abstained and draft.claims[0].text == out[0].text
    # A broader word is no answer to who did it: the article never says who assassinated them.
    q = "Who assassinated the commanders?"
    draft = answerer.answer(Query(q, q), [Hit(out[1], 0.5, 0.45, 0.5), Hit(out[0], 0.1, 0.1, 0)])
    assert draft.abstained
    assert draft.message.startswith("The article never mentions any “assassinated”.")
    # A best sentence as close in meaning as SURE_DENSE asks is taken as saying it otherwise.
    draft = answerer.answer(Query(q, q), [Hit(out[1], 0.7, 0.7, 0.5)])
    assert not draft.abstained
