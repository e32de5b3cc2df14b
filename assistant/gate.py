"""Admission to the page's answer slots: a fixed number at work, a bounded number waiting.

    async with gate.enter() as admitted:   # waits for a slot, up to `patience` seconds
        if not admitted: say "busy"         # the waiting room was full, or the wait too long
        else: answer                        # the slot is released however the answer ends

The page keeps one gate for extractive answers and another for chat-model answers, so a slow
model can hold only its own slots and extractive readers never wait behind it. Waiting is an
`await`, not a blocked thread: a full waiting room costs a few coroutines, not a thread each.
This module does not import Gradio.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class Gate:
    """At most `slots` holders at once, at most `waiting` more queued for `patience` seconds."""

    def __init__(self, slots: int, *, waiting: int, patience: float) -> None:
        """A gate of `slots` (≥ 1) with a waiting room of `waiting` (≥ 0)."""
        if slots < 1 or waiting < 0 or patience < 0:
            raise ValueError(f"a gate needs slots ≥ 1, waiting ≥ 0 and patience ≥ 0; "
                             f"got slots={slots}, waiting={waiting}, patience={patience}")
        self.slots, self.waiting, self.patience = slots, waiting, patience
        self._free = asyncio.Semaphore(slots)
        self.queued = 0  # coroutines waiting for a slot now
        self.busy = 0  # slots held now

    @asynccontextmanager
    async def enter(self) -> AsyncIterator[bool]:
        """Hold a slot for the block (True), or be turned away at once (False)."""
        if self._free.locked() and self.queued >= self.waiting:
            yield False
            return
        self.queued += 1
        try:
            await asyncio.wait_for(self._free.acquire(), self.patience)
        except TimeoutError:
            admitted = False
        else:
            admitted = True
        finally:
            self.queued -= 1
        if not admitted:
            yield False
            return
        self.busy += 1
        try:
            yield True
        finally:
            self.busy -= 1
            self._free.release()
