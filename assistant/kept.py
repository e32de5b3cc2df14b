"""Values kept in memory by key, least recently used forgotten first, the missing ones loaded
in one batch: what retrieval keeps of the rows it read from Chroma and of the sentences' token
vectors. (memo.Memo does the same for whole answers, on the page's event loop.)"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Kept(Generic[K, V]):
    """At most `size` values by key."""

    def __init__(self, size: int) -> None:
        """An empty store of up to `size` values."""
        self.size = size
        self._values: OrderedDict[K, V] = OrderedDict()

    def get(self, keys: Sequence[K], load: Callable[[list[K]], Mapping[K, V]]) -> dict[K, V]:
        """The values of `keys`: the kept ones, and the rest from one call of `load` (a key it
        does not return is left out); all of them become the most recently used."""
        values = self._values
        missing = [k for k in dict.fromkeys(keys) if k not in values]
        if missing:
            values.update(load(missing))
        out = {}
        for k in keys:
            if k in values:
                values.move_to_end(k)
                out[k] = values[k]
        while len(values) > self.size:
            values.popitem(last=False)
        return out

    def discard(self, keys: Iterable[K]) -> None:
        """Forget these keys' values (a key not kept is ignored)."""
        for k in keys:
            self._values.pop(k, None)

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def __iter__(self) -> Iterator[K]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)
