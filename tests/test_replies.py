"""Replies that are not answers to a question: summaries and small talk, and the learned parts
that tell them apart (real MiniLM, real Chroma, the shipped weights)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from assistant import Answer, Assistant, IndexUnavailable
from assistant.features import PAIR, QUESTION, asked_name, describes
from assistant.scorer import WEIGHTS, Linear, Scorer
from assistant.summary import SUMMARY_SECTIONS, centrality, summarize
from assistant.text import LEANS_BACK, terms

ARTICLE = (Path(__file__).resolve().parent.parent / "corpus"
           / "000_62740a8eec420147.txt").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("message", ["hi", "thanks!", "what can you do?"])
def test_small_talk_gets_a_plain_reply_with_examples(bot: Assistant, message: str) -> None:
    a = bot.ask(message)
    assert a.kind == "chat"
    assert not a.abstained and a.citations == []
    assert "Summarize the article." in a.text  # an example question, made from the article
    assert not a.text.startswith("The article")  # not a refusal


@pytest.mark.slow
@pytest.mark.parametrize(("message", "first"), [
    ("hi there", "Hello!"), ("thanks a lot!", "You're welcome."),
    ("ok bye!", "Goodbye, and come back any time."), ("what can you do?", "I answer questions"),
])
def test_small_talk_is_answered_in_kind_first(bot: Assistant, message: str, first: str) -> None:
    a = bot.ask(message)
    assert a.kind == "chat" and a.text.startswith(first)
    assert "Summarize the article." in a.text  # then what it does, with examples


@pytest.mark.slow
@pytest.mark.parametrize("message", ["Summarize the article", "what is this article about?"])
def test_a_summary_cites_central_sentences_across_sections(
        bot: Assistant, invariants: Callable[[Answer], None], message: str) -> None:
    a = bot.ask(message)
    invariants(a)
    assert a.kind == "summary" and not a.abstained
    assert 3 <= len(a.citations) <= 6
    starts = [c.start for c in a.citations]
    assert starts == sorted(starts)  # reading order
    assert len({c.section for c in a.citations}) >= SUMMARY_SECTIONS
    # Nothing dangles: a sentence that leans on the one before it ("These may include …")
    # comes right after it.
    for before, c in zip(a.citations, a.citations[1:], strict=False):
        if LEANS_BACK.match(c.quote):
            assert 0 <= c.start - before.end <= 2, (before.quote, c.quote)
    assert not LEANS_BACK.match(a.citations[0].quote)


@pytest.mark.slow
def test_questions_stay_questions(bot: Assistant) -> None:
    for q in ("Who mediates?", "Why does Iran insist on indirect talks?",
              "What is the population of Oman?"):
        assert bot.ask(q).kind in ("answer", "abstain"), q


@pytest.mark.slow
def test_in_a_conversation_a_request_for_more_is_a_question_and_thanks_is_small_talk(
        bot: Assistant) -> None:
    first = bot.ask("Could Iran and the U.S. ever talk directly?")
    history = [{"role": "user", "content": first.question},
               {"role": "assistant", "content": first.text}]
    for more in ("tell me more", "really?", "like what?"):
        assert bot.ask(more, history=history).kind in ("answer", "abstain"), more
    assert bot.ask("thanks!", history=history).kind == "chat"
    for about_me in ("what can you do?", "who are you?"):
        assert bot.ask(about_me, history=history).kind == "chat", about_me
    # "say that" with nothing to say is no instruction: a question about what was said.
    claim = [{"role": "user", "content": "What did Trump claim?"},
             {"role": "assistant", "content": "That Iran was eager to return to the table."}]
    assert bot.ask("why would he say that?", history=claim).kind in ("answer", "abstain")
    assert "instruction" not in bot.ask("why would he say that?", history=claim).text


def test_a_summary_covers_what_the_article_is_about_and_brings_what_an_anaphor_leans_on(
) -> None:
    from assistant.values import Sentence

    def article(*texts: str) -> list[Sentence]:
        out, at = [], 0
        for i, t in enumerate(texts):
            out.append(Sentence("a.txt", at, at + len(t), t, None, 0, i))
            at += len(t) + 1
        return out

    def chosen(sentences: list[Sentence], length: int, lede: int = 0) -> list[int]:
        vectors = np.eye(len(sentences))  # equally central: the choice is the words'
        return [s.position for s in summarize(sentences, vectors, length=length, lede=lede)]

    # The words two sentences or more share (Oman, Iran, America) are what it is about.
    about = article("The weather was mild.", "Oman hosts talks between Iran and America.",
                    "Oman passes messages to America for Iran.", "Iran thanked Oman.")
    assert chosen(about, 1) == [1]
    # The sentence adding most leans on the one before it: it comes with it.
    leaning = article("Iran set out its demands on Monday.",
                      "These demands include sanctions relief, guarantees and talks through Oman.",
                      "Oman hosts the talks.", "Sanctions relief and guarantees matter most.",
                      "The weather was mild.")
    assert chosen(leaning, 1) == [0, 1]
    # A news article opens with what happened: its lede comes first, then what covers most.
    news = article("The council approved a $412 million barrier on Tuesday.",
                   "The state must still pay its share.", "The weather was mild.",
                   "Oman hosts talks between Iran and America.",
                   "Oman passes messages to America for Iran.")
    assert chosen(news, 3, lede=2) == [0, 1, 3]
    # An added page opens with its byline ("By Jane Doe.", "Published …"): no part of the lede.
    paged = article("By Jane Doe.", "Published 2024-05-01.", *[s.text for s in news])
    assert chosen(paged, 3, lede=2) == [2, 3, 5]


def test_a_summary_of_an_article_in_sections_ends_on_its_last_section() -> None:
    from assistant.values import Sentence

    texts = [("The council approved a flood barrier on Tuesday.", None),
             ("The barrier will cost the city $412 million.", None),
             ("Storms flooded the harbor homes and the harbor shops.", "Why"),
             ("Harbor homes and harbor shops flooded again in storms.", "Why"),
             ("The barrier gates close when storms push the harbor up.", "How"),
             ("The city pays for the gates with a bond.", "Paying"),
             ("Insurers said harbor homes cost more to insure.", "Insurers"),
             ("The weather was mild.", "Next"),
             ("Work starts in 2026 and ends in 2031.", "Next")]
    sentences, at = [], 0
    for i, (t, section) in enumerate(texts):
        sentences.append(Sentence("a.txt", at, at + len(t), t, section, i, i))
        at += len(t) + 1
    vectors = np.eye(len(texts))
    vectors[8, 0] = vectors[8, 1] = 1.0  # the last section's closer sentence is the lede's story
    vectors[0, 8] = vectors[1, 8] = 0.5
    # Four sentences chosen by the words they cover reach no further than the insurers; a
    # fifth comes from the last section, the one closest to the lede: the story's next step,
    # not the weather.
    got = summarize(sentences, vectors, length=4, lede=2)
    assert [s.position for s in got] == [0, 1, 2, 4, 8]
    # At the most a summary holds, nothing is added; nor to an article without headings.
    assert len(summarize(sentences, vectors, length=6, lede=2)) == 6
    plain = [dataclasses.replace(s, section=None) for s in sentences]
    assert [s.position for s in summarize(plain, vectors, length=4, lede=2)] == [0, 1, 2, 4]


def test_lexrank_puts_the_hub_first() -> None:
    # Three sentences on one theme and one on another: the theme's middle is most central.
    v = np.array([[1.0, 0.3, 0.0], [1.0, 0.0, 0.0], [1.0, -0.3, 0.0], [0.0, 0.0, 1.0]])
    v = v / np.linalg.norm(v, axis=1, keepdims=True)
    c = centrality(v)
    assert c.argmax() == 1 and c.argmin() == 3
    assert c.sum() == pytest.approx(1.0)


def test_who_is_reads_the_name_and_the_description() -> None:
    assert asked_name("Who is Donald Trump?") == "Donald Trump"
    assert asked_name("who's kanaani") == "kanaani"
    # A word after the name that only presses the question is no part of it.
    assert asked_name("who is rafael ortega exactly") == "rafael ortega"
    assert asked_name("who's kanaani again?") == "kanaani"
    assert asked_name("What did Trump claim?") is None
    # A stance asked of whoever holds it, not a name: "who is worried about it?".
    for q in ("who is worried about it?", "Who is against the deal?", "who is for the barrier?"):
        assert asked_name(q) is None, q
    trump = next(s for s in ARTICLE.split(". ") if "now a prominent contender" in s)
    assert describes("Donald Trump", trump)
    assert describes("Khamenei", "guided by Supreme Leader Ayatollah Ali Khamenei, faces")
    assert not describes("Trump", "Iran rejected the claims made last week.")
    # A description after a possessive that is itself a name ("Polyloop’s chief executive").
    assert describes("Rafael Ortega", "Rafael Ortega, Polyloop’s chief executive, said so.")
    assert describes("Kwame Mensah", "Mensah is now Polyloop’s chief scientific officer.")
    # Someone's title or job asked is who they are.
    assert asked_name("What is Kwame Mensah's exact title?") == "Kwame Mensah"
    assert asked_name("what's Ortega’s job?") == "Ortega"
    assert asked_name("What is the city's job?") is None


def test_what_is_a_name_reads_like_who_is() -> None:
    # "What is Polyloop?" asks what the article says the named thing is, as "who is" does.
    assert asked_name("What is Polyloop?") == "Polyloop"
    assert asked_name("what's the PCHA?") == "PCHA"
    assert asked_name("What is Halden Marine Engineering?") == "Halden Marine Engineering"
    for q in ("What is Polyloop Biotech valued at?", "What is it about?", "what is the plan?",
              "What is Oman known for?"):
        assert asked_name(q) is None, q
    # Described by apposition after a dash, by the acronym spelled out, by "the town of".
    assert describes("Oman", "Among the key players is Oman—a country long known for tact.")
    assert describes("PCHA", "a study commissioned by the Port Calder Harbor Authority (PCHA), a")
    assert not describes("PCHA", "The PCHA said a living shoreline could complement a barrier.")
    assert describes("Millbrook", "its biggest test yet: a pilot plant in the town of Millbrook")
    assert not describes("Millbrook", "If Millbrook runs as planned, Polyloop intends to build.")
    # A participle set off by commas describes too ("The JCPOA, signed in 2015, …"), so "What
    # is the JCPOA?" gets what it did, not only its name spelled out.
    assert describes("JCPOA", "The JCPOA, signed in 2015, initially placed strict limits on it.")
    assert not describes("Millbrook", "the Millbrook plant, built inside a disused dairy, had")


@pytest.mark.slow
def test_what_is_a_body_the_article_names_quotes_its_description(bot: Assistant) -> None:
    a = bot.ask("What is Oman?")
    assert not a.abstained and "a country long known" in a.citations[0].quote
    a = bot.ask("What is the European Union?")  # named among the mediators, never described
    assert not a.abstained and any("European Union" in c.quote for c in a.citations)


@pytest.mark.slow
def test_who_is_someone_the_article_only_mentions_quotes_what_it_says(bot: Assistant) -> None:
    # The article never says who Biden is, only what his administration did and what he seeks.
    a = bot.ask("Who is Biden?")
    assert not a.abstained and a.citations
    assert all("Biden" in c.quote for c in a.citations)


def test_the_weights_match_the_features(tmp_path: Path) -> None:
    s = Scorer.load()
    assert s.pair.names == PAIR and s.answerable.names == QUESTION
    assert 0 < s.include < 1 and 0 < s.answer < 1
    raw = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    raw["pair"]["names"] = ["something", "else"]
    bad = tmp_path / "scorer.json"
    bad.write_text(json.dumps(raw))
    with pytest.raises(IndexUnavailable, match="make train"):
        Scorer.load(bad)
    with pytest.raises(IndexUnavailable, match="make train"):
        Scorer.load(tmp_path / "missing.json")


def test_linear_is_a_standardised_logistic_regression() -> None:
    m = Linear.of({"names": ["a", "b"], "mean": [1.0, 0.0], "scale": [2.0, 1.0],
                   "coef": [1.0, -1.0], "intercept": [0.5]})
    z = (3.0 - 1.0) / 2.0 * 1.0 - 1.0 * 2.0 + 0.5
    assert m.proba([[3.0, 2.0]])[0] == pytest.approx(1 / (1 + np.exp(-z)))


def test_a_message_naming_what_the_article_names_is_no_small_talk() -> None:
    from assistant.features import Context
    from assistant.intent import names_its_own

    ctx = Context({"pet": 3.0, "oman": 2.0, "plastic": 1.0}, lambda _s, _o: None)
    assert names_its_own("What is PET?", ctx)  # an acronym the article uses
    assert names_its_own("and what about Oman?", ctx)  # a name after the first word
    assert not names_its_own("hi Claude", ctx)  # a name the article never uses
    assert not names_its_own("Thanks, that helps", ctx)  # a capital only at the start
    assert not names_its_own("what is plastic?", ctx)  # a plain word is no name
    # One of the article's kind asked for as "the" one: "who's the engineer?" is no "who are
    # you?".
    ctx = Context({t: 3.0 for t in terms("engineer")}, lambda _s, _o: None)
    assert names_its_own("who's the engineer?", ctx)
    assert names_its_own("Who is the lead engineer?", ctx)
    assert not names_its_own("who are you?", ctx)
    assert not names_its_own("who's the developer?", ctx)  # not a word of the article


def test_the_example_question_about_a_person_names_a_person() -> None:
    from assistant.chat import examples
    from assistant.corpus import parse_document

    text = ("Harbor Barrier Approved\n\nThe Lower Wharf Residents’ Association backs it. "
            "Residents of Lower Wharf were flooded. Lower Wharf sits low. Priya Natarajan, the "
            "lead engineer, said the gates would close.\n")
    asked = examples([parse_document(text, "h.txt")])
    assert "Who is Priya Natarajan?" in asked
    assert not any("Lower Wharf" in q for q in asked)  # a place, named most, is no person


def test_a_message_about_one_person_the_article_names_asks_about_them() -> None:
    from assistant.features import Context
    from assistant.intent import names_a_person
    from assistant.values import Hit, Sentence

    text = "Earlier this month, Donald Trump claimed that Iran wanted talks, said Nasser Kanaani."
    hit = Hit(Sentence("a.txt", 0, len(text), text, None, 0, 0), 1.0, 0.5, 0.5)
    ctx = Context({"trump": 3.0, "kanaani": 3.0, "iran": 1.0, "talk": 1.0}, lambda _s, _o: None)
    assert names_a_person("tell me about trump", [hit], ctx)  # lower case too
    assert names_a_person("Give me the story of Trump and Kanaani", [hit], ctx)
    # The article's subject beside the person: the story is asked for, not the person.
    assert not names_a_person("an overview of what it says about Iran, Trump and the talks",
                              [hit], ctx)
    assert not names_a_person("tell me about Iran", [hit], ctx)  # a country is no person
    assert not names_a_person("summarize the article", [hit], ctx)  # names nothing


def _after(bot: Assistant, question: str) -> tuple[Answer, list[dict[str, str]]]:
    """The answer to `question` and the conversation it leaves."""
    first = bot.ask(question)
    return first, [{"role": "user", "content": question},
                   {"role": "assistant", "content": first.text}]


@pytest.mark.slow
@pytest.mark.parametrize("message", ["where does it say that?", "source?", "how do you know?",
                                     "which part of the article says that?"])
def test_where_it_says_so_cites_the_sentences_the_last_answer_quoted(
        bot: Assistant, invariants: Callable[[Answer], None], message: str) -> None:
    first, history = _after(bot, "Who mediates?")
    a = bot.ask(message, history=history)
    invariants(a)
    assert a.kind == "answer" and not a.abstained
    assert [(c.start, c.quote) for c in a.citations] == [
        (c.start, c.quote) for c in first.citations]


@pytest.mark.slow
@pytest.mark.parametrize("message", ["in one sentence?", "tl;dr",
                                     "can you explain that more simply?"])
def test_a_shorter_reply_is_the_sentence_the_last_answer_rests_on(
        bot: Assistant, invariants: Callable[[Answer], None], message: str) -> None:
    first, history = _after(bot, "Why does Iran insist on indirect talks?")
    assert len(first.citations) >= 3
    a = bot.ask(message, history=history)
    invariants(a)
    assert a.kind == "answer" and not a.abstained
    said = {c.start for c in first.citations}
    assert {c.start for c in a.citations} <= said
    # One sentence, or two when it leans on the one before it ("This has made …").
    assert len(a.citations) == 1 or (len(a.citations) == 2
                                     and LEANS_BACK.match(a.citations[1].quote))


@pytest.mark.slow
def test_a_shorter_summary_keeps_its_lede_and_two_sentences_when_asked(bot: Assistant) -> None:
    first, history = _after(bot, "Summarize the article")
    one = bot.ask("in one sentence?", history=history)
    assert [c.start for c in one.citations] == [first.citations[0].start]
    two = bot.ask("can you say that in two sentences?", history=history)
    assert len(two.citations) == 2
    assert {c.start for c in two.citations} <= {c.start for c in first.citations}


@pytest.mark.slow
def test_who_said_that_names_the_speaker_the_last_answer_quoted(
        bot: Assistant, invariants: Callable[[Answer], None]) -> None:
    # Not whoever answers Trump's claim ("Kanaani … stating …"): Trump, as quoted just now.
    first, history = _after(bot, "What did Trump say?")
    assert "Trump" in first.citations[0].quote
    a = bot.ask("who said that?", history=history)
    invariants(a)
    assert [c.quote for c in a.citations] == [c.quote for c in first.citations]
    # A reply in other words than the article's (a chat model's) is followed up as a question.
    told = [{"role": "user", "content": "What does Iran say about Trump's claim?"},
            {"role": "assistant", "content": "Tehran denies any direct contact with the US."}]
    b = bot.ask("who said that?", history=told)
    assert b.kind == "answer" and "following up on" in b.interpreted_as


@pytest.mark.slow
def test_asking_where_after_small_talk_says_nothing_was_quoted(bot: Assistant) -> None:
    _, history = _after(bot, "hi")
    a = bot.ask("source?", history=history)
    assert a.kind == "chat" and a.citations == [] and "quoted nothing" in a.text
    # With no reply before it, a request to shorten asks for the article said shorter.
    for message in ("tl;dr", "in a nutshell?", "give me the short version"):
        assert bot.ask(message).kind == "summary", message


@pytest.mark.slow
def test_one_partys_part_in_the_story_is_a_question_not_a_summary(bot: Assistant) -> None:
    a = bot.ask("israel, what part it have in this story?")
    assert a.kind == "answer" and "Israeli" in a.text, a.text


@pytest.mark.slow
def test_where_it_says_so_in_an_archive_cites_the_article_the_answer_came_from(
        tmp_path: Path) -> None:
    """Two articles sharing words ("talks", "council"): the sentences re-cited are the ones the
    last answer quoted, found among those sharing its words, not the whole archive."""
    from assistant import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    root = Path(__file__).resolve().parent.parent
    for src in (root / "corpus" / "000_62740a8eec420147.txt",
                root / "evals" / "articles" / "harbor_flood_barrier.txt"):
        (corpus / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    bot = Assistant(Settings(corpus_dir=corpus, index_dir=tmp_path / "index"))
    first, history = _after(bot, "Who led the councillors who voted against the barrier?")
    assert first.citations and first.citations[0].source == "harbor_flood_barrier.txt"
    again = bot.ask("where does it say that?", history=history)
    assert [(c.source, c.start) for c in again.citations] == [
        (c.source, c.start) for c in first.citations]


@pytest.mark.slow
def test_replies_about_the_answer_take_odd_histories(bot: Assistant) -> None:
    """No question before the reply, or a reply of markup and noise around a quoted sentence:
    still the article's sentences, or the plain line that nothing was quoted."""
    said = ("Iran’s preference for indirect negotiations is not a new phenomenon.")
    for history in (
        [{"role": "assistant", "content": said}],
        [{"role": "user", "content": "<b>why?</b>"},
         {"role": "assistant", "content": "<script>x</script> " + "noise " * 3000 + said}],
    ):
        for message in ("source?", "in one sentence?"):
            a = bot.ask(message, history=history)
            assert a.kind == "answer" and [c.quote for c in a.citations] == [said], message
    a = bot.ask("in one sentence?", history=[{"role": "assistant", "content": "<i>ok</i>"}])
    assert a.kind == "chat" and a.citations == []


@pytest.mark.slow
@pytest.mark.parametrize("message", ["Thanks, but who mediates?",
                                     "ok thanks, so who is Kanaani?"])
def test_thanks_before_a_question_in_one_sentence_is_the_question(bot: Assistant,
                                                                  message: str) -> None:
    from assistant.asks import asking_sentence

    a = bot.ask(message)
    assert a.kind == "answer" and a.citations  # not "You're welcome.", the question lost
    # Thanks or a hello alone, or before no question, stays small talk.
    assert asking_sentence("hello, anyone there?") == "hello, anyone there?"
    # "there" is stripped only after a greeting ("hi there, …"), not opening a sentence.
    assert asking_sentence("There are three mediators, right?").startswith("There are")
    assert bot.ask("Thanks, that's all I needed.").kind == "chat"
