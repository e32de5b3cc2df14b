"""Test doubles that behave like the real thing: a scripted chat model.

`ScriptedChatModel` is a genuine LangChain `BaseChatModel`: `invoke`, `stream`, callbacks and
message handling all run through langchain-core; only the words come from a queue instead of a
network. It records every conversation it was given, so a test can check what the model saw.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import Field

# A reply: the text, a function of the conversation that returns the text, or an error to raise.
Reply = str | Callable[[list[BaseMessage]], str] | BaseException


class ScriptedChatModel(BaseChatModel):
    """Replays queued replies in order and records what it was asked."""

    replies: list[Any] = Field(default_factory=list)  # list[Reply]; pydantic can't check callables
    delay: float = 0.0  # seconds of silence before the reply starts (a slow or hung server)
    chunk_delay: float = 0.0  # seconds between streamed pieces
    model_name: str = "scripted"
    calls: list[list[BaseMessage]] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "scripted-fake"

    def _next(self, messages: list[BaseMessage]) -> str:
        self.calls.append(list(messages))
        if not self.replies:
            raise RuntimeError(f"ScriptedChatModel has no reply left for call {len(self.calls)}")
        reply = self.replies.pop(0)
        time.sleep(self.delay)
        if isinstance(reply, BaseException):
            raise reply
        return reply(messages) if callable(reply) else reply

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        text = self._next(messages)
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        text = self._next(messages)
        # Word-sized pieces with their trailing space, the way servers stream tokens.
        for piece in re.findall(r"\S+\s*|\s+", text):
            if self.chunk_delay:
                time.sleep(self.chunk_delay)
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=piece))
            if run_manager:
                run_manager.on_llm_new_token(piece, chunk=chunk)
            yield chunk

    def prompt(self, call: int = -1) -> str:
        """The text of every message of one recorded call, joined."""
        return "\n".join(str(m.content) for m in self.calls[call])
