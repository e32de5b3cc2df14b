"""Answers remembered for the page: the same question in the same conversation, answered once.

An extractive answer is a pure function of the question, the conversation before it and the
corpus, so many readers asking "Who mediates?" need it computed once; the follow-up
suggestions, which are checked by asking them, are answered from here too. Readers who ask the
same thing at the same moment share one computation rather than each starting their own.
Generated answers are never remembered (a model may answer differently, and is slow to ask
again only when it must). When the corpus is reloaded (`version` changes) everything is
forgotten. Runs on the page's event loop; the computation itself runs wherever `compute` says.
This module does not import Gradio.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class Memo(Generic[V]):
    """At most `size` values by key, least recently used forgotten first; one computation per
    key at a time."""

    def __init__(self, size: int = 1024) -> None:
        """An empty memo holding up to `size` values."""
        self.size = size
        self.hits = self.misses = 0
        self._values: OrderedDict[Hashable, V] = OrderedDict()
        self._running: dict[Hashable, asyncio.Future[V]] = {}
        self._version: object = None

    async def get(self, key: Hashable, compute: Callable[[], Awaitable[V]], *,
                  version: object = None) -> V:
        """The value for `key`, computed by `compute()` unless remembered or being computed.

        The computation runs as its own task, so a caller who leaves does not cancel it for the
        others waiting; a failure is not remembered, and reaches every caller that waited.
        """
        if version is not self._version:
            self._values.clear()
            self._version = version
        if key in self._values:
            self.hits += 1
            self._values.move_to_end(key)
            return self._values[key]
        task = self._running.get(key)
        if task is None:
            self.misses += 1
            task = asyncio.ensure_future(compute())
            self._running[key] = task
            task.add_done_callback(lambda t: self._done(key, t, version))
        else:
            self.hits += 1
        return await asyncio.shield(task)

    def _done(self, key: Hashable, task: asyncio.Future[V], version: object) -> None:
        self._running.pop(key, None)
        if task.cancelled() or task.exception() is not None or version is not self._version:
            return
        self._values[key] = task.result()
        while len(self._values) > self.size:
            self._values.popitem(last=False)
