"""The generative answerer: a chat model writes the answer, verification decides what is shown.

    evidence = the retrieved sentences, minus any that read as instructions to the model
    reply    = model(prompt with evidence numbered [1]..[N] and the question, both as data)
    claims   = the reply's sentences that pass `verify` (markers checked, support tested),
               and those `recite` finds support for when their markers point elsewhere
    draft    = those claims, cited to the sentences they were verified against
    fallback = the extractive answer, with a notice, on timeout, error, refusal or no claims

Streaming yields the answer sentence by sentence, each only after it has passed verification,
already numbered the way `cite` will number the final answer, so the streamed text is always a
prefix of the final text and nothing unverified is ever on screen. The cost is latency of one
sentence; the model's raw tokens are never shown.

The model runs in a worker thread so a deadline (`timeout`) holds for any provider; on timeout
the thread is told to stop and abandoned (a blocking HTTP read ends with its own timeout, which
`llm.build_chat_model` sets to the same value).
"""

from __future__ import annotations

import logging
import queue
import re
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

from .answer import Answerer
from .cite import number
from .llm import ModelSpec, build_chat_model, parse_spec, parse_specs
from .prompts import load_prompt
from .recite import Reciter
from .settings import Settings
from .values import Claim, Draft, Hit, Query, Sentence
from .verify import Check, Embed, Verifier, is_instruction, split_answer

log = logging.getLogger(__name__)

SYSTEM_PROMPT = "answer_system_v1"
USER_PROMPT = "answer_user_v1"
# Tags that delimit data in the prompt; removed from article text and question so neither can
# close its own block and pose as instructions.
_DELIMITER = re.compile(r"</?\s*(?:article|question)\s*>", re.IGNORECASE)
# A reasoning block some models (qwen3, deepseek-r1) emit before the answer; never shown.
_REASONING = re.compile(r"^\s*<think>.*?(?:</think>|$)", re.DOTALL)
# A sentence is complete once a whole word of the next one has arrived (see `_complete`).
_NEXT_WORD = re.compile(r"[A-Za-z][\w’']*[\s,;:.!?\"”’)]")
_END = object()


def _data(text: str) -> str:
    """Text made safe to sit inside a delimited block: one line, no delimiter tags."""
    return " ".join(_DELIMITER.sub(" ", text).split())


def _visible(raw: str) -> str | None:
    """The reply without a leading reasoning block; None while still inside one."""
    stripped = raw.lstrip()
    if stripped.startswith("<think>") or "<think>".startswith(stripped):
        if stripped and "</think>" not in stripped:
            return None
        return _REASONING.sub("", raw, count=1)
    return raw


class GenerativeAnswerer:
    """Answers with a LangChain chat model; every sentence shown has passed `verify`."""

    def __init__(
        self,
        model: BaseChatModel,
        *,
        embed: Embed,
        fallback: Answerer,
        backend: str | None = None,
        timeout: float = 60.0,
        prompts_dir: Path | None = None,
        vectors: Mapping[str, Sequence[float]] | None = None,
        article: Sequence[Sentence] = (),
    ) -> None:
        """Answer with `model`, verify with `embed`, fall back to `fallback`; `vectors` are the
        index's sentence embeddings by Sentence.key, so evidence is not embedded again;
        `article` is every sentence a mis-cited claim may be re-cited to beyond the evidence."""
        self.model = model
        self.embed = embed
        self.vectors = vectors or {}
        self.article = tuple(article)
        self.fallback = fallback
        self.name = backend or _label(model)
        self.timeout = timeout
        self.prompts_dir = prompts_dir

    # ---- the prompt ----------------------------------------------------------------------
    def messages(self, query: Query, evidence: Sequence[Sentence]) -> list[BaseMessage]:
        """The system and user messages for a question and its numbered evidence."""
        numbered = "\n".join(f"[{i}] {_data(s.text)}" for i, s in enumerate(evidence, 1))
        system = load_prompt(SYSTEM_PROMPT, self.prompts_dir)
        user = load_prompt(
            USER_PROMPT, self.prompts_dir, evidence=numbered, question=_data(query.standalone)
        )
        return [SystemMessage(system), HumanMessage(user)]

    # ---- the public calls ----------------------------------------------------------------
    def answer(self, query: Query, hits: Sequence[Hit]) -> Draft:
        """The verified draft (or the fallback's, with a notice)."""
        draft: Draft | None = None
        for item in self._run(query, hits, streaming=False):
            if isinstance(item, Draft):
                draft = item
        assert draft is not None
        return draft

    def stream(self, query: Query, hits: Sequence[Hit]) -> Iterator[str | Draft]:
        """Verified answer text as it is produced, then the final Draft."""
        return self._run(query, hits, streaming=True)

    def scope(self, query: Query, evidence: Sequence[Sentence]) -> list[Sentence]:
        """The sentences a mis-cited claim may be re-cited to: those of the article asked about,
        or, across the corpus, of the articles the evidence came from. A claim is never re-cited
        to an article the reader did not choose, nor to one the model saw nothing of."""
        sources = {query.article} if query.article else {s.source for s in evidence}
        return [s for s in self.article if s.source in sources]

    # ---- the work ------------------------------------------------------------------------
    def _run(self, query: Query, hits: Sequence[Hit], *, streaming: bool) -> Iterator[str | Draft]:
        kept = _dedupe(hits)
        screened = [h for h in kept if is_instruction(h.sentence.text)]
        kept = [h for h in kept if not is_instruction(h.sentence.text)]
        notices: list[str] = []
        if screened:
            notices.append(
                f"{len(screened)} retrieved passage(s) read as instructions to the model rather "
                "than reporting, and were left out."
            )
        if not kept:
            yield self._fallback(query, kept, notices, (), None)
            return
        evidence = [h.sentence for h in kept]
        stored = {s.text: self.vectors[s.key] for s in evidence if s.key in self.vectors}
        verifier = Reciter(Verifier(evidence, self.embed, stored),
                           self.scope(query, evidence), self.vectors)
        checks: list[Check] = []
        shown = ""
        failure: str | None = None
        replies: queue.Queue[object] = queue.Queue()
        cancel = threading.Event()
        worker = threading.Thread(
            target=_produce,
            args=(self.model, self.messages(query, evidence), streaming, replies, cancel),
            name=f"llm-{self.name}",
            daemon=True,
        )
        deadline = time.monotonic() + self.timeout
        raw = ""
        done = 0  # answer sentences already checked
        try:
            worker.start()
            finished = False
            while not finished:
                try:
                    item = replies.get(timeout=max(0.0, deadline - time.monotonic()))
                except queue.Empty:
                    failure = f"did not answer within {self.timeout:g} s"
                    break
                if item is _END:
                    finished = True
                elif isinstance(item, BaseException):
                    failure = f"failed ({type(item).__name__}: {_short(item)})"
                    log.warning("chat model %s failed: %r", self.name, item)
                    break
                else:
                    raw += str(item)
                visible = _visible(raw)
                if visible is None:
                    continue
                sentences = split_answer(visible)
                ready = len(sentences) if finished else _complete(sentences)
                verifier.warm(sentences[done:ready])
                for sentence in sentences[done:ready]:
                    check = verifier.check(sentence)
                    checks.append(check)
                    if check.supported:
                        text, _ = number(Draft(tuple(_claims(checks))))
                        if streaming:
                            yield text[len(shown) :]
                        shown = text
                done = max(done, ready)
        finally:
            cancel.set()
        claims = tuple(_claims(checks))
        removed = tuple(r for c in checks for r in c.removed)
        recited = tuple(c.recited for c in checks if c.recited)
        if not claims:
            refused = any(c.refusal for c in checks)
            reason = failure or (
                "said the article doesn't answer this" if refused
                else "gave no sentence that the article supports"
            )
            yield self._fallback(query, kept, notices, removed, reason)
            return
        if failure:
            notices.append(f"{self.name} {failure}; the answer may be incomplete.")
        dropped = sum(1 for c in checks if not c.supported and not c.refusal)
        if dropped:
            notices.append(
                f"Verification removed {dropped} sentence(s) of the model's answer that the "
                "article does not support."
            )
        elif removed:
            notices.append(
                f"Verification removed {len(removed)} citation(s) that did not point to "
                "supporting text."
            )
        if recited:
            notices.append(
                f"Verification re-cited {len(recited)} sentence(s) whose markers pointed to "
                "text that does not support them; each now cites the sentence that does."
            )
        yield Draft(claims, backend=self.name, notices=tuple(notices), removed=removed,
                    recited=recited)

    def _fallback(
        self,
        query: Query,
        hits: Sequence[Hit],
        notices: list[str],
        removed: tuple[str, ...],
        reason: str | None,
    ) -> Draft:
        draft = self.fallback.answer(query, hits)
        extra = list(notices)
        if reason:
            extra.append(f"{self.name} {reason}; showing the extractive answer instead.")
        return replace(
            draft, notices=(*draft.notices, *extra), removed=(*draft.removed, *removed)
        )


def _produce(
    model: BaseChatModel,
    messages: list[BaseMessage],
    streaming: bool,
    replies: queue.Queue[object],
    cancel: threading.Event,
) -> None:
    """Worker thread: put the reply's text pieces on the queue, then _END or the exception."""
    try:
        if streaming:
            for chunk in model.stream(messages):
                if cancel.is_set():
                    return
                if chunk.text:
                    replies.put(chunk.text)
        else:
            replies.put(model.invoke(messages).text)
        replies.put(_END)
    except Exception as e:  # reported to the consumer, which falls back
        replies.put(e)


def _complete(sentences: list[str]) -> int:
    """How many leading sentences are final: all but the last, once it has begun a real word.

    Markers trail a sentence ("... talks. [2]"), and an abbreviation's full stop is only
    judged by the word after it, so a sentence is checked only when the next one has begun.
    """
    started = bool(sentences) and bool(_NEXT_WORD.search(sentences[-1]))
    return max(0, len(sentences) - (1 if started else 2))


def _claims(checks: Sequence[Check]) -> list[Claim]:
    return [Claim(c.text, c.support) for c in checks if c.supported]


def _dedupe(hits: Sequence[Hit]) -> list[Hit]:
    seen: set[str] = set()
    out = []
    for h in hits:
        if h.sentence.key not in seen:
            seen.add(h.sentence.key)
            out.append(h)
    return out


def _short(error: BaseException, limit: int = 160) -> str:
    text = " ".join(str(error).split()) or "no message"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _label(model: BaseChatModel) -> str:
    name = getattr(model, "model_name", None) or getattr(model, "model", None)
    return str(name) if name else model._llm_type


def generative_answerer(
    settings: Settings,
    *,
    embed: Embed,
    fallback: Answerer,
    spec: ModelSpec | str | None = None,
    vectors: Mapping[str, Sequence[float]] | None = None,
    article: Sequence[Sentence] = (),
) -> GenerativeAnswerer:
    """The answerer for `spec`, by default the first model of `settings.llm`; `vectors` and
    `article` as for GenerativeAnswerer.

    Raises BackendError when the model line is malformed or its provider package is missing.
    """
    if spec is None:
        specs = parse_specs(settings.llm)
        if not specs:
            raise ValueError("settings.llm is not set; the extractive answerer needs no factory")
        spec = specs[0]
    spec = parse_spec(spec) if isinstance(spec, str) else spec
    model = build_chat_model(spec, timeout=settings.llm_timeout)
    return GenerativeAnswerer(
        model,
        embed=embed,
        fallback=fallback,
        backend=spec.label,
        timeout=settings.llm_timeout,
        prompts_dir=settings.prompts_dir,
        vectors=vectors,
        article=article,
    )
