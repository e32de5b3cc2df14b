"""The chat page: a Gradio 6 ChatInterface beside the article, evidence highlighted in both.

`create_app(assistant)` builds the Blocks and returns them without launching (`app.py` launches);
`launch_options()` holds what Gradio 6 takes at launch (theme, css, js, head). The flow of one
question:

    respond(message, history)  → a free slot (gate)     → or "busy, try again in a moment"
                               → assistant.stream(...)  → text so far, when a model writes it
                               → the final Answer       → answer + Sources block + follow-up chips
                                                          (suggest.py; each checked by asking it)
                                                        → the article pane, cited sentences marked

Safety: messages stay plain text on the server and in the `/chat` API; `EscapedChatbot` turns
them into escaped HTML (render.to_display) only on their way to the browser, with Markdown and
LaTeX off, so nothing anyone types can run a script, fetch an image or become a link. A Content
Security Policy in the page head backs this up by refusing every resource from another origin.

Under load: answers run in parallel, extractive ones in `settings.answer_concurrency` slots and
chat-model ones in `settings.llm_concurrency` slots of their own (`gate.Gate`), so a slow model
never holds up an extractive answer. A question that finds every slot taken waits (at most
`settings.queue_size` of them, for at most `settings.busy_after` seconds); beyond that the reader
gets a chat reply saying the page is busy, never an error. The engine runs in worker threads;
an answer complete at once arrives in one update, a generated one streams, and when the reader
leaves (or presses Stop) the model's stream is closed, which cancels its request.

When settings.llm names more than one chat model, a "Model" dropdown above the chat offers the
extractive answerer and each of them; its value is an extra input of the chat function and
travels with that one request (`Assistant.stream(..., model=...)`). Only the listed choices are
accepted, so no one can point the server at a model or URL of their own.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import AsyncIterator, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import anyio.to_thread
import gradio as gr

from . import render, suggest
from .engine import EXTRACTIVE, Assistant
from .errors import AssistantError, InvalidQuestion
from .gate import Gate
from .llm import ModelSpec, parse_specs
from .memo import Memo
from .settings import Settings
from .values import Answer

T = TypeVar("T")

log = logging.getLogger(__name__)

TITLE = "Article assistant"
EXAMPLES = [
    "Who mediates?",
    "Why indirect talks?",
    "What did Trump claim?",
    "Who is Iran's top nuclear negotiator?",
    "What could make direct talks possible?",
]
ERROR_TEXT = "Sorry — something went wrong while answering. Please try again."
BUSY_TEXT = "The assistant is busy with other readers — please try again in a moment."
CANDIDATES = 8  # follow-up questions tried per answer, at most, to find suggest.LIMIT that hold
# EXTRACTIVE (from the engine) is also the Model dropdown's value and label for the offline one.
UNKNOWN_MODEL_TEXT = "Sorry — that model is not offered here; pick one from the Model list."

# Resources may come from this server only; inline styles/scripts are Gradio's own.
CSP = (
    "default-src 'self'; img-src 'self' data: blob:; media-src 'self' data: blob:; "
    "font-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'; connect-src 'self'; "
    "worker-src 'self' blob:; frame-src 'none'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'"
)
HEAD = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'

# Runs in the article pane: after each new value, scroll the pane (not the page) to the first mark.
SCROLL_JS = """
const first = () => {
  const pane = element.querySelector('.article-scroll');
  const mark = pane && pane.querySelector('mark');
  if (mark) pane.scrollTo({top: Math.max(mark.offsetTop - 48, 0), behavior: 'smooth'});
};
watch('value', first);
"""

# Runs once in the page: keeps what screen readers hear in step with the chat. Gradio labels each
# message with its raw HTML (aria-label), which would be read out as markup, and its sanitiser
# drops aria-hidden; so each message is labelled with its spoken text (a marker [1] heard as
# "source 1"), markers are hidden from the accessibility tree, and the arrow button nested in
# the Sources toggle (itself a button) becomes a plain picture of an arrow.
A11Y_JS = """
() => {
  const spoken = (el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('.marker').forEach((m) => m.remove());
    return copy.textContent.replace(/\\s+/g, ' ').trim();
  };
  const tidy = () => {
    document.querySelectorAll('#chat [data-testid="bot"], #chat [data-testid="user"]')
      .forEach((msg) => {
        const content = msg.querySelector('.message-content') || msg;
        const who = msg.dataset.testid === 'bot' ? 'Assistant: ' : 'You: ';
        const label = who + spoken(content);
        if (msg.getAttribute('aria-label') !== label) msg.setAttribute('aria-label', label);
      });
    document.querySelectorAll('#chat .marker:not([aria-hidden])')
      .forEach((m) => m.setAttribute('aria-hidden', 'true'));
    document.querySelectorAll('#chat [role="button"] button').forEach((b) => {
      const icon = document.createElement('span');  // the toggle's arrow, as a picture
      icon.className = b.className;
      icon.setAttribute('aria-hidden', 'true');
      icon.append(...b.childNodes);
      b.replaceWith(icon);
    });
  };
  new MutationObserver(tidy).observe(document.body, {subtree: true, childList: true,
                                                     characterData: true});
  tidy();
}
"""

CSS = """
#layout { align-items: flex-start; gap: 16px; }
#article .article-scroll { position: relative; max-height: 78vh; overflow-y: auto;
  padding: 4px 14px 14px; border: 1px solid var(--border-color-primary);
  border-radius: var(--radius-lg); background: var(--background-fill-primary); line-height: 1.6; }
#article h2 { font-size: 1.25rem; margin: .6em 0 .4em; }
#article h3 { font-size: 1.05rem; margin: 1.1em 0 .3em; }
#article p { margin: .5em 0; }
#article mark.cite { background: #fde68a; color: #1f2937; border-radius: 3px; padding: 0 2px; }
#article mark.related { background: #e0f2fe; color: #1f2937; border-radius: 3px; padding: 0 2px; }
#article sup.badge { font-weight: 700; color: #92400e; margin-right: 2px; }
/* Dark enough for AA contrast even inside the dimmed Sources block. */
#chat .marker { color: #78350f; font-weight: 700; font-size: .85em; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
:focus-visible { outline: 3px solid #1d4ed8 !important; outline-offset: 2px; }
#chat .abstain { display: inline-block; padding: 1px 10px; border-radius: 999px;
  background: #fee2e2; color: #991b1b; font-weight: 700; }
#chat .interpreted { color: #4b5563; font-style: italic; }
#chat .notice { display: inline-block; margin-top: 4px; padding: 1px 8px; border-radius: 4px;
  background: #fef3c7; color: #78350f; }
#chat .backend { color: #4b5563; font-size: .8em; }
@media (max-width: 820px) {
  #layout { flex-direction: column !important; }
  #layout > .column { width: 100% !important; min-width: 0 !important; flex: 1 1 auto !important; }
  #article .article-scroll { max-height: 55vh; }
}
"""


def launch_options() -> dict[str, Any]:
    """What Gradio 6 takes at `launch()` rather than in `Blocks()`: theme, css, js, head."""
    theme = gr.themes.Soft(
        primary_hue="amber",
        font=["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],  # local only
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
    )
    # No footer: its links add nothing to reading the article and fail contrast (axe-core).
    return {"theme": theme, "css": CSS, "head": HEAD, "js": A11Y_JS, "footer_links": []}


# ---- the chatbot that escapes at the edge ----------------------------------------------------
def _map_text(messages: Sequence[Any], fn: Callable[[str, str], str]) -> list[Any]:
    """Copies of chat messages with fn(text, role) applied to every text part."""

    def part(content: Any, role: str) -> Any:
        if isinstance(content, str):
            return fn(content, role)
        if isinstance(content, dict) and content.get("type") == "text" and "text" in content:
            return {**content, "text": fn(str(content["text"]), role)}
        if isinstance(content, (list, tuple)):
            return [part(c, role) for c in content]
        return content  # files and components: none are produced here

    out: list[Any] = []
    for m in messages:
        if isinstance(m, gr.ChatMessage):
            out.append(dataclasses.replace(m, content=part(m.content, m.role)))
        elif isinstance(m, dict) and "content" in m:
            out.append({**m, "content": part(m["content"], str(m.get("role", "")))})
        else:
            out.append(m)
    return out


def EscapedChatbot(**kwargs: Any) -> gr.Chatbot:
    """A Chatbot holding plain text on the server and showing it as escaped HTML in the browser.

    Built by wrapping one instance's preprocess/postprocess rather than by subclassing: Gradio
    writes a .pyi stub beside the source of every component subclass when the class is created,
    which would make importing this module write into the package.
    """
    bot = gr.Chatbot(**kwargs)
    post, pre = bot.postprocess, bot.preprocess

    def postprocess(value: Any) -> Any:
        """Plain text → escaped HTML, on the way to the browser."""
        return post(_map_text(value, render.to_display) if value else value)

    def preprocess(payload: Any) -> Any:
        """Escaped HTML → plain text, on the way back, so the history stays what was said."""
        return _map_text(pre(payload), lambda t, _role: render.from_display(t))

    bot.postprocess = postprocess  # type: ignore[method-assign]
    bot.preprocess = preprocess  # type: ignore[method-assign]
    return bot


# ---- the page -------------------------------------------------------------------------------
def _chat(messages: Sequence[render.Message]) -> list[gr.ChatMessage]:
    return [gr.ChatMessage(content=m["content"], metadata=m.get("metadata", {}),
                           options=m.get("options", [])) for m in messages]


def model_choices(llm: str | None) -> dict[str, ModelSpec | None]:
    """The Model dropdown's choices, label → model: extractive (None), then the configured
    models, default first; empty for fewer than two models (then the page has no dropdown)."""
    specs = parse_specs(llm)
    if len(specs) < 2:
        return {}
    return {EXTRACTIVE: None, **{s.label: s for s in specs}}


@dataclass(frozen=True)
class Gates:
    """The page's two sets of answer slots: extractive answers, and chat-model answers."""

    answers: Gate
    models: Gate

    @classmethod
    def of(cls, settings: Settings) -> Gates:
        """Slots, waiting room and patience as `settings` says."""
        waiting, patience = settings.queue_size, settings.busy_after
        return cls(Gate(settings.answer_concurrency, waiting=waiting, patience=patience),
                   Gate(settings.llm_concurrency, waiting=waiting, patience=patience))


class Busy(Exception):
    """Every answer slot is taken and the waiting room is full (or the wait was too long)."""


def _final(items: Iterator[str | Answer]) -> Answer:
    """The Answer that ends an answer stream (run to its end)."""
    last: Any = None
    for last in items:  # noqa: B007 — the loop is the point: the stream runs to its end
        pass
    assert isinstance(last, Answer), "the assistant's stream must end with its Answer"
    return last


async def _in_thread(items: Iterator[T]) -> AsyncIterator[T]:
    """The items of a blocking iterator, each fetched in a worker thread; closed at the end,
    however the loop ends (finished, failed, or cancelled because the reader left)."""
    done: Any = object()
    try:
        while (item := await anyio.to_thread.run_sync(next, items, done)) is not done:
            yield item
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()  # a suspended generator closes at once; a model stream stops its request


def make_respond(assistant: Assistant, models: Mapping[str, ModelSpec | None] | None = None,
                 *, gates: Gates | None = None, pick_article: bool = False
                 ) -> Callable[..., AsyncIterator[tuple[Any, Any]]]:
    """The chat function: the answer (streamed when a model writes it), then the evidence and
    the highlighted article.

    With `models` (the dropdown's choices) it takes the chosen label as a third argument and
    answers with that model; without, with the assistant's default. `gates` bound how many
    answers run and wait at once (default: from the assistant's settings). With `pick_article`
    its last argument is the article picker's value: the file answered from (None = all).
    """
    settings = getattr(assistant, "settings", None) or Settings()
    gates = gates or Gates.of(settings)
    default_is_model = bool(parse_specs(settings.llm))
    memo: Memo[Answer] = Memo()  # extractive answers by question, conversation and model

    async def extractive(question: str, turns: list[dict[str, str]], choice: Any,
                         docs: object, scope: dict[str, str] | None = None) -> Answer:
        """An extractive answer: remembered, or computed once in an answer slot."""
        scope = scope or {}

        async def compute() -> Answer:
            async with gates.answers.enter() as admitted:
                if not admitted:
                    raise Busy
                return await anyio.to_thread.run_sync(
                    lambda: _final(assistant.stream(question, turns, model=choice, **scope)))
        key = (question, tuple((t["role"], t["content"]) for t in turns), str(choice),
               str(scope))
        return await memo.get(key, compute, version=docs)

    async def follow_ups(answer: Answer, turns: list[dict[str, str]],
                         docs: list[Any]) -> list[tuple[str, str]]:
        """Up to three suggested questions, each one the assistant answers (checked first)."""
        chips: list[tuple[str, str]] = []
        for question, focus in suggest.candidates(docs, answer, turns)[:CANDIDATES]:
            try:
                if suggest.accept(await extractive(question, [], EXTRACTIVE, docs), focus):
                    chips.append((question, question))
            except (Busy, AssistantError):
                continue  # a full page or an odd candidate: offer the others
            if len(chips) == suggest.LIMIT:
                break
        return chips

    async def respond(message: str, history: list[dict[str, Any]], *inputs: Any
                      ) -> AsyncIterator[tuple[Any, Any]]:
        """Answer a question about the article, with [n] markers and their sources."""
        text = ""
        model = inputs[0] if models and inputs else None
        picked = inputs[-1] if pick_article and inputs else None
        scope = {"article": str(picked)} if picked else {}
        try:
            choice: ModelSpec | str | None = None  # the assistant's default
            if models:
                # The API takes any string: accept only what is offered, so no one can aim
                # the server at a model or URL of their own.
                if model is None or model not in models:
                    yield _chat([render.notice_message(UNKNOWN_MODEL_TEXT)]), gr.skip()
                    return
                choice = models[model] or EXTRACTIVE
            generative = choice != EXTRACTIVE and (choice is not None or default_is_model)
            turns = render.engine_history(history)
            docs = await anyio.to_thread.run_sync(lambda: assistant.documents)  # loads once
            answer: Answer | None = None
            if picked:  # the pane shows the article answered from
                docs = [d for d in docs if d.source == picked] or docs
            if not generative:  # complete at once: one update
                answer = await extractive(message, turns, choice, docs, scope)
            else:
                async with gates.models.enter() as admitted:
                    if not admitted:
                        raise Busy
                    async for item in _in_thread(assistant.stream(message, turns, model=choice,
                                                                  **scope)):
                        if isinstance(item, Answer):
                            answer = item
                        else:
                            text += item
                            yield _chat([render.notice_message(text)]), gr.skip()
            assert answer is not None, "the assistant's stream must end with its Answer"
            chips = await follow_ups(answer, [*turns, {"role": "user", "content": message}], docs)
            yield _chat(render.reply_messages(answer, chips)), render.article_html(docs, answer)
        except Busy:
            yield _chat([render.notice_message(BUSY_TEXT)]), gr.skip()
        except InvalidQuestion as exc:
            yield _chat([render.notice_message(render.sentence(str(exc)))]), gr.skip()
        except AssistantError as exc:  # deliberate errors carry a message meant for people
            log.warning("could not answer %r: %s", message[:200], exc)
            yield _chat([render.notice_message(f"Sorry — {render.sentence(str(exc))}")]), gr.skip()
        except Exception:  # never a traceback in the page: log it, say something short
            log.exception("error answering %r", message[:200])
            yield _chat([render.notice_message(ERROR_TEXT)]), gr.skip()

    return respond


ALL_ARTICLES = "All articles"


def _picker_update(documents: Sequence[Any]) -> Any:
    """The picker's choices, "title — date" each, or hidden when there is only one article."""
    if len(documents) < 2:
        return gr.update(visible=False)
    choices = [(ALL_ARTICLES, "")] + [
        (f"{d.title or d.source}" + (f" — {d.date}" if d.date else ""), d.source)
        for d in documents]
    return gr.update(choices=choices, value="", visible=True)


def create_app(assistant: Assistant) -> gr.Blocks:
    """The page's Blocks, not launched: the chat (endpoint `/chat`) beside the article, and a
    Model dropdown above the chat when more than one chat model is configured."""
    settings = getattr(assistant, "settings", None)
    models = model_choices(settings.llm if settings else None)
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(
            f"# {TITLE}\nAsk about the article shown beside the chat. Every claim carries a "
            "marker **[n]** pointing to the exact sentence, quoted under *Sources* and "
            "highlighted in the article. When the article does not say, the assistant says so.",
            elem_id="intro",
        )
        # Created first (ChatInterface needs its outputs to exist), placed in the right column.
        article = gr.HTML(render=False, label="Article", elem_id="article", js_on_load=SCROLL_JS,
                          padding=False, container=False)
        with gr.Row(elem_id="layout", equal_height=False):
            with gr.Column(scale=3, min_width=340, elem_id="chat-col"):
                extra: list[str | gr.components.Component] = []
                if models:  # rendered here, above the chat, so no "Additional inputs" accordion
                    extra.append(gr.Dropdown(
                        choices=list(models), value=list(models)[1], label="Model",
                        info="Generated answers are checked sentence by sentence against the "
                             "article; extractive quotes it directly.",
                        interactive=True, filterable=False, elem_id="model"))
                # The article picker: hidden while the corpus holds one article (filled on load).
                # Its value defaults to "" (all articles): the /chat API needs no argument for it.
                picker = gr.Dropdown(
                    choices=[(ALL_ARTICLES, "")], value="", label="Article", visible=False,
                    interactive=True,
                    filterable=True, elem_id="article-picker",
                    info="Type to search by title; answers then come from that article only.")
                extra.append(picker)
                gr.ChatInterface(
                    make_respond(assistant, models, pick_article=True),
                    chatbot=EscapedChatbot(
                        elem_id="chat", label="Chat", height="68vh", render_markdown=False,
                        sanitize_html=True, latex_delimiters=[], allow_tags=False,
                        buttons=["copy"], feedback_options=None, show_label=False,
                        placeholder="Ask a question about the article, or pick an example.",
                    ),
                    textbox=gr.Textbox(placeholder="Ask about the article…", lines=1,
                                       max_lines=4, submit_btn=True, stop_btn=True,
                                       autofocus=True, elem_id="question"),
                    # With extra inputs Gradio wants each example as a list: [question].
                    examples=[[q] for q in EXAMPLES] if extra else EXAMPLES,
                    additional_inputs=extra or None,
                    api_name="chat",
                    # No limit here: every question reaches respond(), whose gates hold the
                    # bound and answer "busy" past it (Gradio's own full queue is an error).
                    concurrency_limit=None,
                    flagging_mode="never",
                    analytics_enabled=False,
                    additional_outputs=[article],
                    fill_height=False,
                    save_history=False,
                )
            with gr.Column(scale=2, min_width=300, elem_id="article-col"):
                article.render()
        demo.load(lambda: render.article_html(assistant.documents), None, article,
                  api_visibility="private", queue=False)
        demo.load(lambda: _picker_update(assistant.documents), None, picker,
                  api_visibility="private", queue=False)
        picker.change(lambda source: render.article_html(
            [d for d in assistant.documents if d.source == source] or assistant.documents),
            picker, article, api_visibility="private", queue=False)
    return demo
