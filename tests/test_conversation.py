"""Follow-ups that ask for what the article says next ("like what?"): the previous answer's
sentences are found by their words, and the one after them is given with the answer."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant import Answer, Assistant
from assistant.conversation import carries_on, closest, previous_answer, said
from assistant.question import prepare
from assistant.values import Sentence

OPEN = "While Iran currently rules out direct negotiations, the possibility remains open under " \
       "the right conditions."
THESE = "These may include significant sanctions relief, a credible assurance of U.S. " \
        "commitment, and a shift in regional dynamics."


def _sentences(*texts: str, paragraph: int = 0) -> list[Sentence]:
    out, at = [], 0
    for i, t in enumerate(texts):
        out.append(Sentence("a.txt", at, at + len(t), t, None, paragraph, i))
        at += len(t) + 1
    return out


def test_the_previous_answer_is_read_only_for_a_follow_up() -> None:
    history = [{"role": "user", "content": "Could they ever talk directly?"},
               {"role": "assistant", "content": f"{OPEN} [1]"}]
    assert previous_answer(prepare("like what?", history, 500)) == f"{OPEN}  "
    # A question that stands alone does not carry the conversation along.
    assert previous_answer(prepare("Who mediates?", history, 500)) is None
    assert previous_answer(prepare("like what?", None, 500)) is None


def test_the_sentence_after_what_was_said_carries_on() -> None:
    first, second, third = _sentences("Oman hosts talks.", OPEN, THESE)
    nxt = {first: second, second: third}.get
    assert said(f"{OPEN} [1]", [first, second, third]) == [second]
    # Said in other words ("under the right conditions"), half its words or more.
    assert said("Direct negotiations remain open under the right conditions, Iran says.",
                [second]) == [second]
    assert carries_on(OPEN, [first, second, third], nxt) == third
    # Nothing carries on from the last sentence, or from what was not said.
    assert carries_on(THESE, [third], nxt) is None
    assert carries_on("Qatar pays.", [first, second], nxt) is None
    # Nor across a paragraph.
    other = Sentence("a.txt", 500, 500 + len(THESE), THESE, None, 1, 2)
    assert carries_on(OPEN, [second], {second: other}.get) is None
    # ... unless asked what happened next ("and until then?"), within the section.
    assert carries_on(OPEN, [second], {second: other}.get, onward=True) == other
    elsewhere = Sentence("a.txt", 500, 500 + len(THESE), THESE, "Next", 1, 2)
    assert carries_on(OPEN, [second], {second: elsewhere}.get, onward=True) is None
    from assistant.question import asks_onward
    assert asks_onward("and until then?") and asks_onward("what next?")
    assert not asks_onward("like what?") and not asks_onward("when did it start?")


def test_a_short_answer_in_other_words_carries_on_from_the_sentence_it_is_closest_to() -> None:
    first, second, third = _sentences("Oman hosts talks.", OPEN, THESE)
    nxt = {first: second, second: third}.get
    short = "Possibly, under the right conditions."  # too few of OPEN's words for `said`
    assert said(short, [first, second, third]) == []
    assert closest(short, [first, second, third]) == second
    assert carries_on(short, [first, second, third], nxt) == third
    # An answer that shares too little with every sentence is close to none.
    assert closest("Qatar pays for the talks, officials said.", [first, second]) is None
    assert closest("", [first]) is None and closest(short, []) is None


def test_who_when_or_where_asked_of_what_was_said_names_something_of_its_own() -> None:
    from assistant.question import names_nothing

    for more in ("like what?", "so what?", "and since then?", "how so?"):
        assert names_nothing(more), more
    # Not "what comes next" but who said it, when or where.
    for asked in ("who said that?", "when was that?", "where was that?", "how come?"):
        assert not names_nothing(asked), asked


@pytest.mark.slow
def test_who_said_that_gets_the_speaker_not_the_next_sentence(
        bot: Assistant, invariants: Callable[[Answer], None]) -> None:
    history = [{"role": "user", "content": "What does Iran say about Trump's claim?"},
               {"role": "assistant", "content": "Its spokesperson said no direct communication "
                "with Washington was taking place or planned."}]
    a = bot.ask("who said that?", history=history)
    invariants(a)
    assert not a.abstained and "Kanaani" in a.text, a.text


@pytest.mark.slow
def test_like_what_gets_what_the_article_says_next(
        bot: Assistant, invariants: Callable[[Answer], None]) -> None:
    history = [{"role": "user", "content": "Is a direct meeting possible one day?"},
               {"role": "assistant", "content": f"{OPEN} [1]"}]
    a = bot.ask("like what?", history=history)
    invariants(a)
    assert not a.abstained
    assert any(c.quote.startswith("These may include") for c in a.citations), a.text


@pytest.mark.slow
@pytest.mark.parametrize("more", ["anything else?", "what else?", "is there anything further?"])
def test_asked_for_more_the_reader_is_not_handed_what_they_just_read(
        bot: Assistant, invariants: Callable[[Answer], None], more: str) -> None:
    """Nothing carries on from the last sentence said (its paragraph ends there): the answer
    to "anything else?" is the best of what the previous answer did not say."""
    first = bot.ask("Who mediates?")
    history = [{"role": "user", "content": "Who mediates?"},
               {"role": "assistant", "content": first.text}]
    a = bot.ask(more, history=history)
    invariants(a)
    assert a.interpreted_as != more  # read as a follow-up of "Who mediates?"
    assert not a.abstained and a.citations
    assert not {c.quote for c in a.citations} & {c.quote for c in first.citations}, a.text


@pytest.mark.slow
def test_asked_for_more_again_and_again_nothing_already_read_comes_back(
        bot: Assistant, invariants: Callable[[Answer], None]) -> None:
    history: list[dict[str, str]] = []
    quoted: list[set[str]] = []
    for q in ("Why does Iran refuse direct talks?", "is that the only reason?",
              "any other reasons?", "anything else?"):
        a = bot.ask(q, history=history)
        invariants(a)
        assert not a.abstained and a.citations, q
        quoted.append({c.quote for c in a.citations})
        history += [{"role": "user", "content": q}, {"role": "assistant", "content": a.text}]
    for i in range(1, len(quoted)):
        assert not quoted[i] & set().union(*quoted[:i]), (i, quoted[i])


def test_small_talk_is_nothing_for_a_follow_up_to_lean_on() -> None:
    from assistant.question import small_talk, standalone

    hi = (("user", "hi"), ("assistant", "Hello! I answer questions about the article …"))
    assert standalone("what is this about?", hi) == "what is this about?"
    thanks = (("user", "Who mediates?"), ("assistant", "Oman, Qatar … [1]"),
              ("user", "ok, thanks!"), ("assistant", "You're welcome. …"))
    assert standalone("why?", thanks) == "why? (following up on: Who mediates?)"
    for message in ("hi", "Hello there!", "thanks, that's helpful", "ok", "good morning"):
        assert small_talk(message), message
    for message in ("hi, who mediates?", "why?", "thanks, but why Oman?", "Oman"):
        assert not small_talk(message), message


def test_a_response_asked_of_with_nothing_it_answers_answers_what_was_just_said() -> None:
    from assistant.question import standalone

    turns = (("user", "What did Trump claim?"), ("assistant", "He claimed Iran was eager … [1]"))
    for q in ("how did Iran respond?", "what was the reaction?", "Who replied?"):
        assert standalone(q, turns) == f"{q} (following up on: What did Trump claim?)", q
    # A response to something named stands alone.
    assert standalone("How did Iran respond to the strikes?", turns) == (
        "How did Iran respond to the strikes?")


@pytest.mark.slow
def test_a_summary_then_tell_me_more_tells_more_of_the_story(
        bot: Assistant, invariants: Callable[[Answer], None]) -> None:
    history: list[dict[str, str]] = [{"role": "user", "content": "hi"},
                                     {"role": "assistant", "content": bot.ask("hi").text}]
    told: set[str] = set()
    for q in ("what is this about?", "tell me more", "go on"):
        a = bot.ask(q, history=history)
        invariants(a)
        assert a.kind == "summary" and len(a.citations) >= 3, (q, a.text)
        quotes = {c.quote for c in a.citations}
        assert not quotes & told, (q, quotes & told)  # nothing told twice
        told |= quotes
        history += [{"role": "user", "content": q}, {"role": "assistant", "content": a.text}]
    # After a question, "tell me more" is more of that answer, not of the story.
    first = bot.ask("Who mediates?")
    more = bot.ask("tell me more", history=[{"role": "user", "content": "Who mediates?"},
                                            {"role": "assistant", "content": first.text}])
    assert more.kind != "summary"
