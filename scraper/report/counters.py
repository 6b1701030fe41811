"""Counters whose memory stays bounded however many records pass through them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class TopCounter(Generic[K]):
    """Counts keys, keeping at most `cap` of them: when full, the rarer half is dropped.

    Speakers, publishers or sites of a million-record corpus have a long tail of keys seen once or
    twice; the report shows the top few dozen. Dropping the tail keeps memory bounded and leaves the
    frequent keys' counts exact unless they were themselves in the tail when it was cut
    (`approximate` then says so on the page).
    """

    def __init__(self, cap: int = 20_000) -> None:
        self.cap = max(2, cap)
        self.counts: Counter[K] = Counter()
        self.approximate = False

    def add(self, key: K, count: int = 1) -> None:
        self.counts[key] += count
        if len(self.counts) > self.cap:
            self.counts = Counter(dict(self.counts.most_common(self.cap // 2)))
            self.approximate = True

    def most_common(self, n: int | None = None) -> list[tuple[K, int]]:
        return self.counts.most_common(n)

    def __len__(self) -> int:
        return len(self.counts)

    def __getitem__(self, key: K) -> int:
        return self.counts[key]


def bucket(value: int, width: int, last: int) -> int:
    """The lower bound of `value`'s bucket of `width`; everything from `last` on shares one bucket."""
    return min(max(value, 0) // width * width, last)
