"""The chat page's formatting, pinned to the real article: markers, sources, highlights, escaping.

No server and no browser here (tests/test_browser.py does the walk-through); the Chatbot
escaping is checked on a real `gr.Chatbot` subclass, and the chat function's honest states with
a small fake assistant that raises what the real one raises.
"""

from __future__ import annotations

import asyncio
import html
import re
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import gradio as gr
import pytest

from assistant import render
from assistant.corpus import Document, load_corpus, read_document
from assistant.errors import BackendError, InvalidQuestion
from assistant.gate import Gate
from assistant.llm import parse_spec
from assistant.settings import ROOT, Settings
from assistant.ui import (
    BUSY_TEXT,
    EXTRACTIVE,
    EscapedChatbot,
    Gates,
    create_app,
    make_respond,
    model_choices,
)
from assistant.values import Answer, Citation, Sentence

# How a marker [1] is shown: seen as "[1]", heard by a screen reader as "source 1".
SHOWN_1 = ('<span class="marker" aria-hidden="true">[1]</span>'
           '<span class="sr-only"> source 1</span>')


def badge(n: int) -> str:
    """A highlight's number in the article pane, as seen and as heard."""
    return (f'<sup class="badge" aria-hidden="true">[{n}]</sup>'
            f'<span class="sr-only">source {n}: </span>')


PAYLOADS = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 2">',
    "![tracker](http://example.invalid/pixel.png)",
    "[click me](http://example.invalid/)",
    "<a href='javascript:alert(1)'>x</a>",
    "$$x^2$$ and &amp; and <br> and \"quotes\" 'single'",
]


@pytest.fixture(scope="module")
def doc() -> Document:
    (document,) = load_corpus(ROOT / "corpus")
    return document


def sentence_with(doc: Document, words: str) -> Sentence:
    return next(s for s in doc.sentences if words in s.text)


def answer_from(doc: Document, *phrases: str, question: str = "Who mediates?", **kw) -> Answer:
    citations = [Citation.of(n, sentence_with(doc, p)) for n, p in enumerate(phrases, 1)]
    text = " ".join(f"{c.quote} [{c.n}]" for c in citations)
    return Answer(question=question, text=text, citations=citations,
                  interpreted_as=kw.pop("interpreted_as", question), **kw)


def abstention(doc: Document, question: str = "Who will win the World Cup?") -> Answer:
    related = [Citation.of(1, sentence_with(doc, "Among the key players")),
               Citation.of(2, sentence_with(doc, "Omani diplomats"))]
    return Answer(question=question, text="The article doesn't say.", abstained=True,
                  interpreted_as=question, related=related)


# ---- answers → messages ---------------------------------------------------------------------
def test_answer_keeps_markers_and_every_citation_is_listed_under_sources(doc):
    a = answer_from(doc, "through mediators such as Oman", "ongoing mediation by Oman")
    first, sources = render.reply_messages(a)
    assert first["content"] == a.text and "[1]" in first["content"] and "[2]" in first["content"]
    assert sources["metadata"] == {"title": "Sources (2 quotes)", "status": "done"}
    lines = sources["content"].split("\n")
    assert lines == [
        f"[1] “{a.citations[0].quote}” — Trump’s Claim Sparks a Firm Rebuttal",
        f"[2] “{a.citations[1].quote}” — Indirect Diplomacy: A Calculated Path",
    ]


def test_a_sentence_before_the_first_heading_is_placed_in_the_opening(doc):
    a = answer_from(doc, "By reiterating its commitment only to indirect talks")
    assert a.citations[0].section is None
    assert render.sources_text(a.citations).endswith(f"— {render.OPENING}")
    assert render.reply_messages(a)[1]["metadata"]["title"] == "Sources (1 quote)"


def test_follow_up_shows_what_it_was_interpreted_as_and_a_plain_question_does_not(doc):
    plain = answer_from(doc, "through mediators", question="Who mediates?",
                        interpreted_as="who mediates")
    assert render.INTERPRETED not in render.answer_text(plain)
    follow = answer_from(doc, "through mediators", question="Why?",
                         interpreted_as="Why? (following up on: Who mediates?)")
    text = render.answer_text(follow)
    assert text.split("\n")[0] == "Interpreted as: Why? (following up on: Who mediates?)"
    assert text.endswith(follow.text)


def test_abstention_says_not_in_the_article_and_offers_the_closest_passages(doc):
    a = abstention(doc)
    first, related = render.reply_messages(a)
    assert first["content"].split("\n") == ["Not in the article", "The article doesn't say."]
    assert related["metadata"] == {"title": render.RELATED_TITLE}  # open: no "done" status
    assert related["content"].split("\n")[0] == f"• “{a.related[0].quote}” — {a.related[0].section}"
    assert "[1]" not in related["content"]  # closest passages are not evidence: no markers


def test_notices_are_shown_under_the_answer(doc):
    a = answer_from(doc, "through mediators", notices=["the chat model timed out"])
    assert render.answer_text(a).endswith("\nNote: the chat model timed out")


def test_a_generated_answer_names_its_model_last_and_an_extractive_one_does_not(doc):
    fell_back = answer_from(doc, "through mediators", notices=["openai:m did not answer"])
    generated = answer_from(doc, "through mediators", backend="openai:m@http://127.0.0.1:9/v1",
                            notices=["Verification removed 1 sentence(s)"])
    assert render.BACKEND not in render.answer_text(fell_back)
    text = render.answer_text(generated)
    assert text.split("\n")[-2:] == ["Note: Verification removed 1 sentence(s)",
                                     "Answered by: openai:m@http://127.0.0.1:9/v1"]
    shown = render.to_display(text, "assistant")
    assert '<span class="notice">Note: Verification removed 1 sentence(s)</span>' in shown
    assert '<span class="backend">Answered by: openai:m@http://127.0.0.1:9/v1</span>' in shown
    assert render.from_display(shown) == text
    assert render.strip_decorations(text) == generated.text  # the engine never reads the labels


def test_chips_hang_on_the_last_message_as_options(doc):
    a = answer_from(doc, "through mediators")
    msgs = render.reply_messages(a, [("Oman", "What about Oman?")])
    assert msgs[-1]["options"] == [{"value": "What about Oman?", "label": "Oman"}]
    assert "options" not in msgs[0]


# ---- history for the engine -----------------------------------------------------------------
def test_engine_history_keeps_the_conversation_and_drops_evidence_and_decorations(doc):
    a = answer_from(doc, "through mediators", question="Why?",
                    interpreted_as="Why? (following up on: Who mediates?)")
    shown = render.reply_messages(a, [("x", "y")])
    history = [{"role": "user", "content": [{"type": "text", "text": "Why?"}]}, *shown,
               {"role": "user", "content": "Where?"}, *render.reply_messages(abstention(doc))]
    assert render.engine_history(history) == [
        {"role": "user", "content": "Why?"},
        {"role": "assistant", "content": a.text},
        {"role": "user", "content": "Where?"},
        {"role": "assistant", "content": "The article doesn't say."},
    ]
    as_objects = [gr.ChatMessage(content="Hi", role="user"),
                  gr.ChatMessage(content="x", metadata={"title": "Sources"})]
    assert render.engine_history(as_objects) == [{"role": "user", "content": "Hi"}]


# ---- escaping -------------------------------------------------------------------------------
@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("role", ["user", "assistant"])
def test_nothing_typed_becomes_markup(payload, role):
    shown = render.to_display(payload, role)
    ours = re.sub(r'<span class="(?:marker" aria-hidden="true|sr-only|interpreted|notice|'
                  r'abstain)">|</span>|<br>', "", shown)
    assert "<" not in ours and ">" not in ours  # every tag left is one this module made
    assert render.from_display(shown) == payload


def test_onerror_is_kept_only_as_visible_text():
    shown = render.to_display('<img src=x onerror="go()">', "user")
    assert shown == "&lt;img src=x onerror=&quot;go()&quot;&gt;"


def test_a_screen_reader_hears_source_n_not_the_marker_markup():
    shown = render.to_display("Oman mediates. [1] [2]", "assistant")
    spoken = re.sub(r'<span class="marker" aria-hidden="true">[^<]*</span>', "", shown)
    assert re.sub(r"<[^>]*>", "", spoken) == "Oman mediates.  source 1  source 2"
    assert render.from_display(shown) == "Oman mediates. [1] [2]"  # what the engine reads back


def test_markers_and_labels_are_styled_in_answers_only():
    text = "Interpreted as: who?\n\nOman mediates. [1]\nNote: fell back"
    shown = render.to_display(text, "assistant")
    assert SHOWN_1 in shown
    assert '<span class="interpreted">Interpreted as: who?</span>' in shown
    assert '<span class="notice">Note: fell back</span>' in shown
    assert render.to_display("see [1]", "user") == "see [1]"
    assert render.to_display("Not in the article", "assistant") == (
        '<span class="abstain">Not in the article</span>')
    assert render.from_display(shown) == text


@pytest.mark.parametrize("text", [*PAYLOADS, "a\nb\n\nc", "  lead", "[1] [22]", "&lt;", ""])
def test_display_round_trip_is_exact(text):
    for role in ("user", "assistant"):
        assert render.from_display(render.to_display(text, role)) == text


def test_chatbot_escapes_on_the_way_out_and_restores_on_the_way_back():
    bot = EscapedChatbot(render=False)
    out = bot.postprocess([
        {"role": "user", "content": "<script>x</script> ![i](http://example.invalid/i.png)"},
        gr.ChatMessage(content="Oman. [1]", metadata={"title": "Sources"}),
    ])
    user, answer = out.root
    assert user.content[0].text == (
        "&lt;script&gt;x&lt;/script&gt; ![i](http://example.invalid/i.png)")
    assert answer.content[0].text == f"Oman. {SHOWN_1}"
    assert answer.metadata == {"title": "Sources"}
    back = bot.preprocess(out)
    assert back[0]["content"][0]["text"] == "<script>x</script> ![i](http://example.invalid/i.png)"
    assert back[1]["content"][0]["text"] == "Oman. [1]"
    assert bot.get_block_name() == "chatbot"


# ---- the article pane -----------------------------------------------------------------------
def test_article_has_title_headings_paragraphs_and_no_furniture(doc):
    page = render.article_html([doc])
    assert page.count("<h2>") == 1 and "Diplomatic Crossroads" in page
    assert page.count("<h3>") == len(doc.headings)
    for furniture in ("GIF 1", "Do follow", "Latest Post", "Submit App", "Goa Tourism"):
        assert furniture not in page
    assert "<mark" not in page


def test_cited_sentences_are_highlighted_and_numbered_like_the_markers(doc):
    a = answer_from(doc, "through mediators such as Oman", "ongoing mediation by Oman")
    page = render.article_html([doc], a)
    for c in a.citations:
        assert (f'<mark class="cite">{badge(c.n)}{html.escape(c.quote)}</mark>'
                in page)
    assert page.index("[1]</sup>") < page.index("[2]</sup>")
    assert page.count("<mark") == 2


def test_an_abstention_marks_the_closest_passages_without_numbers(doc):
    page = render.article_html([doc], abstention(doc))
    assert page.count('<mark class="related">') == 2 and "badge" not in page


def test_article_text_is_escaped(tmp_path: Path):
    source = tmp_path / "a.txt"
    source.write_text("A Title Here\n\nSome <script>alert(1)</script> text & more. "
                      "Second <img src=x onerror=alert(2)> sentence.\n", encoding="utf-8")
    doc = read_document(source)
    s = doc.sentences[1]
    page = render.article_html([doc], Answer("q", "x [1]", [Citation.of(1, s)]))
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; text &amp; more." in page
    assert f'<mark class="cite">{badge(1)}Second &lt;img' in page


# ---- honest states of the chat function -----------------------------------------------------
class FakeAssistant:
    """Streams like the real one (text pieces, then the Answer) or raises what it raises, and
    records each question with the model it was asked to answer with."""

    def __init__(self, documents: list[Document], script: list[object] | Exception):
        self.documents = documents
        self.script = script
        self.asked: list[tuple[str, list]] = []
        self.models: list[object] = []

    def stream(self, question: str, history=None, *, model=None) -> Iterator[object]:
        self.asked.append((question, list(history or [])))
        self.models.append(model)
        if isinstance(self.script, Exception):
            raise self.script
        yield from self.script


def collect(updates: AsyncIterator[tuple]) -> list[tuple]:
    """Every update of one call of the (async) chat function."""
    async def run() -> list[tuple]:
        return [u async for u in updates]
    return asyncio.run(run())


def test_an_answer_complete_at_once_arrives_in_one_update(doc):
    a = answer_from(doc, "through mediators such as Oman")
    (final, article), = collect(make_respond(FakeAssistant([doc], [a]))("who mediates?", []))
    assert final[0].content == a.text
    assert final[1].metadata["title"] == "Sources (1 quote)" and final[1].options
    assert badge(1) in article


def test_respond_streams_generated_text_then_the_answer_sources_chips_and_article(doc):
    a = answer_from(doc, "through mediators such as Oman")
    fake = FakeAssistant([doc], ["This public ", "refutation", a])
    respond = make_respond(fake, model_choices(TWO))  # type: ignore[arg-type]
    steps = collect(respond("who mediates?", [], "openai:a@http://127.0.0.1:9/v1"))
    assert [s[0][0].content for s in steps[:2]] == ["This public ", "This public refutation"]
    assert all(isinstance(s[1], type(gr.skip())) for s in steps[:2])
    final, article = steps[-1]
    assert final[0].content == a.text
    assert final[1].metadata["title"] == "Sources (1 quote)" and final[1].options
    assert badge(1) in article


@pytest.mark.parametrize("error, shown", [
    (InvalidQuestion("the question is empty: type a question about the article"),
     "The question is empty: type a question about the article."),
    (RuntimeError("Traceback (most recent call last): secret internals"), None),
])
def test_errors_become_a_short_message_never_a_traceback(doc, error, shown):
    steps = collect(make_respond(FakeAssistant([doc], error))("", []))  # type: ignore[arg-type]
    (messages, article), = steps
    text = messages[0].content
    assert isinstance(article, type(gr.skip()))  # the article pane keeps what it showed
    assert text == (shown or "Sorry — something went wrong while answering. Please try again.")
    assert "Traceback" not in text and "secret" not in text


# ---- under load -----------------------------------------------------------------------------
class Held(FakeAssistant):
    """A fake whose chat-model answers hang until released, the way a slow model does; its
    extractive answers come at once. Records whether each model stream was closed."""

    def __init__(self, documents, answer):
        super().__init__(documents, [answer])
        self.release = threading.Event()
        self.started = threading.Event()
        self.closed = threading.Event()

    def stream(self, question, history=None, *, model=None):
        self.asked.append((question, list(history or [])))
        self.models.append(model)
        if model == EXTRACTIVE:
            yield from self.script
            return
        try:
            self.started.set()
            yield "Generated "
            self.release.wait(10)
            yield from self.script
        finally:
            self.closed.set()


def gates(answers: int = 2, models: int = 1, waiting: int = 1, patience: float = 5) -> Gates:
    return Gates(Gate(answers, waiting=waiting, patience=patience),
                 Gate(models, waiting=waiting, patience=patience))


def test_a_slow_model_never_holds_up_extractive_answers_and_its_slots_say_busy(doc):
    a = answer_from(doc, "through mediators such as Oman")
    fake = Held([doc], a)
    models = model_choices(TWO)
    respond = make_respond(fake, models, gates=gates(models=1, waiting=0))  # type: ignore
    slow = "openai:a@http://127.0.0.1:9/v1"

    async def scenario() -> tuple[list, list, list]:
        generated = respond("who mediates?", [], slow)
        head = await generated.__anext__()  # the model has begun and holds its only slot
        busy = [u async for u in respond("why?", [], slow)]  # no slot, no waiting room
        quick = [u async for u in respond("who mediates?", [], EXTRACTIVE)]
        fake.release.set()
        rest = [head, *[u async for u in generated]]
        return busy, quick, rest

    busy, quick, rest = asyncio.run(scenario())
    assert [m.content for m in busy[0][0]] == [BUSY_TEXT]
    assert quick[-1][0][0].content == a.text  # answered while the model was still writing
    assert rest[0][0][0].content == "Generated " and rest[-1][0][0].content == a.text


class Met(FakeAssistant):
    """A fake whose answers to the readers' `questions` each wait until all of them are being
    computed at once: answered one at a time, the first would wait alone and the barrier break.
    (The follow-up suggestions it is then asked to check come at once.)"""

    def __init__(self, documents, answer, questions: tuple[str, ...]):
        super().__init__(documents, [answer])
        self.questions = questions
        self.barrier = threading.Barrier(len(questions), timeout=30)

    def stream(self, question, history=None, *, model=None):
        if question in self.questions:
            self.barrier.wait()
        yield from super().stream(question, history, model=model)


def test_extractive_answers_are_computed_side_by_side_not_one_at_a_time(doc):
    a = answer_from(doc, "through mediators such as Oman")
    readers = ("who mediates?", "why indirect talks?", "who is Oman?")
    fake = Met([doc], a, readers)
    respond = make_respond(fake, gates=gates(answers=3))  # type: ignore[arg-type]

    async def scenario() -> list[list]:
        async def ask(q: str) -> list:
            return [u async for u in respond(q, [])]
        return await asyncio.gather(*(ask(q) for q in readers))

    for updates in asyncio.run(scenario()):
        assert updates[-1][0][0].content == a.text
    assert not fake.barrier.broken and {q for q, _ in fake.asked} >= set(readers)


def test_a_reader_who_leaves_closes_the_model_stream_and_frees_the_slot(doc):
    a = answer_from(doc, "through mediators such as Oman")
    fake = Held([doc], a)
    g = gates(models=1, waiting=0)
    respond = make_respond(fake, model_choices(TWO), gates=g)  # type: ignore[arg-type]

    async def scenario() -> None:
        generated = respond("who mediates?", [], "openai:a@http://127.0.0.1:9/v1")
        await generated.__anext__()
        assert g.models.busy == 1
        fake.release.set()
        await generated.aclose()  # what Gradio does when the reader leaves or presses Stop

    asyncio.run(scenario())
    assert fake.closed.is_set() and g.models.busy == 0


def test_a_full_waiting_room_or_a_long_wait_gets_the_busy_reply():
    async def scenario() -> list[bool]:
        gate = Gate(1, waiting=1, patience=0.2)
        seen: list[bool] = []

        async def visit(hold: float) -> None:
            async with gate.enter() as admitted:
                seen.append(admitted)
                if admitted:
                    await asyncio.sleep(hold)

        holder = asyncio.create_task(visit(0.5))
        await asyncio.sleep(0.01)
        waiter = asyncio.create_task(visit(0))  # waits 0.2 s, then gives up
        await asyncio.sleep(0.01)
        await visit(0)  # the waiting room (one place) is full: turned away at once
        await asyncio.gather(holder, waiter)
        assert gate.busy == 0 and gate.queued == 0
        return seen

    assert asyncio.run(scenario()) == [True, False, False]


def test_create_app_builds_the_page_without_loading_anything(doc):
    fake = FakeAssistant([doc], [])
    demo = create_app(fake)  # type: ignore[arg-type]
    assert isinstance(demo, gr.Blocks)
    assert fake.asked == []
    names = [d.api_name for d in demo.fns.values() if d.api_visibility == "public"]
    assert names == ["chat"]
    kinds = {type(b).__name__ for b in demo.blocks.values()}
    assert not kinds & {"File", "UploadButton", "MultimodalTextbox", "Image"}


# ---- the Model dropdown ---------------------------------------------------------------------
TWO = "openai:a@http://127.0.0.1:9/v1,openai:b@http://127.0.0.1:9/v1"


def dropdowns(demo: gr.Blocks) -> list[gr.Dropdown]:
    """The page's Model dropdowns (the article picker is tested in tests/test_picker.py)."""
    return [b for b in demo.blocks.values()
            if isinstance(b, gr.Dropdown) and b.elem_id != "article-picker"]


@pytest.mark.parametrize("llm", [None, "openai:a@http://127.0.0.1:9/v1"])
def test_with_fewer_than_two_models_the_page_has_no_model_dropdown(llm, tmp_path):
    from assistant import Assistant

    a = Assistant(Settings(index_dir=tmp_path / "index", llm=llm))
    demo = create_app(a)
    assert dropdowns(demo) == [] and model_choices(llm) == {}
    (chat,) = [d for d in demo.fns.values() if d.api_name == "chat"]
    # The article picker (hidden while the corpus holds one article) is the chat's last input.
    assert [type(b).__name__ for b in chat.inputs] == ["Textbox", "State", "Dropdown"]
    assert chat.inputs[-1].elem_id == "article-picker"
    assert not (tmp_path / "index").exists()  # nothing loaded, no model built


def test_with_two_models_the_page_offers_extractive_and_each_defaulting_to_the_first(tmp_path):
    from assistant import Assistant

    a = Assistant(Settings(index_dir=tmp_path / "index", llm=TWO))
    demo = create_app(a)  # builds no model and contacts nothing (port 9 has no server anyway)
    (menu,) = dropdowns(demo)
    labels = ["extractive", "openai:a@http://127.0.0.1:9/v1", "openai:b@http://127.0.0.1:9/v1"]
    assert menu.label == "Model" and [c[1] for c in menu.choices] == labels
    assert menu.value == labels[1]
    (chat,) = [d for d in demo.fns.values() if d.api_name == "chat"]
    assert chat.inputs[-2] is menu  # the chosen value reaches the chat function (then the
    # article picker's)
    names = [d.api_name for d in demo.fns.values() if d.api_visibility == "public"]
    assert names == ["chat"]
    assert not (tmp_path / "index").exists()


def test_the_chosen_model_travels_with_the_request_and_only_offered_choices_are_accepted(doc):
    models = model_choices(TWO)
    a = answer_from(doc, "through mediators such as Oman", backend="openai:b@http://127.0.0.1:9/v1")
    fake = FakeAssistant([doc], [a])
    respond = make_respond(fake, models)  # type: ignore[arg-type]
    final = collect(respond("who mediates?", [], "openai:b@http://127.0.0.1:9/v1"))[-1][0]
    assert final[0].content.endswith("\nAnswered by: openai:b@http://127.0.0.1:9/v1")
    collect(respond("who mediates?", [], EXTRACTIVE))
    for forged in ("openai:evil@http://attacker.invalid/v1", None):
        (refused,) = collect(respond("who mediates?", [], forged))
        assert refused[0][0].content.startswith("Sorry — that model is not offered")
    asked = [m for (q, _), m in zip(fake.asked, fake.models, strict=True) if q == "who mediates?"]
    assert asked == [parse_spec("openai:b@http://127.0.0.1:9/v1"), EXTRACTIVE]
    # Suggestions are checked with the extractive answerer, whatever model answered.
    assert {m for (q, _), m in zip(fake.asked, fake.models, strict=True)
            if q != "who mediates?"} == {EXTRACTIVE}
    broken = FakeAssistant([doc], BackendError("model openai:b needs the openai provider package"))
    (shown,) = collect(make_respond(broken, models)("q", [], EXTRACTIVE))  # type: ignore[arg-type]
    assert shown[0][0].content.startswith("Sorry — Model openai:b needs the openai provider")


# ---- follow-up suggestions, with the real assistant -----------------------------------------
def test_follow_ups_are_three_questions_the_assistant_answers_never_one_already_asked(bot):
    from assistant import suggest

    respond = make_respond(bot)
    (final, _), = collect(respond("Who mediates?", []))
    chips = [o["value"] for o in final[-1].options]
    assert len(chips) == 3 and all(q.endswith("?") for q in chips)
    assert all(q.split()[0] in ("Who", "What", "Why") for q in chips)
    for q in chips:  # each one answered, with citations, not declined
        answer = bot.ask(q)
        assert not answer.abstained and answer.citations, q
    # Drawn from what the answer cited and what lies near it.
    cited = bot.ask("Who mediates?")
    near = " ".join(s.text for s in suggest.near(bot.documents, cited))
    assert all(any(w in near for w in re.findall(r"[A-Za-z]{5,}", q)) for q in chips)
    # Once a chip is asked, it is not offered again in that conversation.
    history = [{"role": "user", "content": "Who mediates?"},
               {"role": "assistant", "content": cited.text}]
    (again, _), = collect(respond(chips[0], history))
    assert chips[0] not in [o["value"] for o in again[-1].options]


def test_suggested_kinds_follow_the_article_words():
    from assistant import suggest

    assert list(suggest.names("Earlier, Donald Trump met Ali Bagheri Kani.")) == [
        "Donald Trump", "Ali Bagheri Kani"]
    assert list(suggest.names("Among the key players is Oman.")) == []  # one capital: no name
    # "Who is …?" only for a name the sentence marks as a person's; a place is not asked about.
    said = ("As the Middle East teeters, spokesperson Nasser Kanaani said the Foreign Ministry "
            "agreed with the United States.")
    sentence = Sentence("a.txt", 0, len(said), said, None, 0, 0)
    assert [q for q, _ in suggest.who([sentence])] == ["Who is Nasser Kanaani?",
                                                       "What is the Foreign Ministry?"]
    assert suggest._base("insists") == "insist" and suggest._base("carries") == "carry"
    assert suggest._base("was") is None and suggest._base("process") is None


def test_readers_asking_the_same_thing_at_once_share_one_computation():
    from assistant.memo import Memo

    calls = []

    async def scenario() -> list[int]:
        memo: Memo[int] = Memo(size=2)

        async def compute() -> int:
            calls.append(1)
            await asyncio.sleep(0.05)
            return 42

        together = await asyncio.gather(*(memo.get("q", compute) for _ in range(5)))
        later = await memo.get("q", compute)
        fresh = await memo.get("q", compute, version=object())  # the corpus changed
        return [*together, later, fresh]

    assert asyncio.run(scenario()) == [42] * 7
    assert len(calls) == 2
