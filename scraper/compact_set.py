"""A set of 64-bit keys in about 8 bytes per key: the "seen" sets of long crawls stay small.

A Python set costs ~60-120 bytes per entry (the slot, the int or bytes object, the spare room); a
crawl of millions of pages keeps several such sets. `CompactSet` keeps the keys in a sorted
`array('Q')` (8 bytes each) and only the most recent ones in a small Python set, merged into the
array when it reaches its bound. Lookups try the set, then bisect the array.

Keys are the first 8 bytes of a cryptographic digest (`key64`): two different items share a key
with probability ~ n^2 / 2^65 over n items (about 3e-6 for 10 million pages), so a false "seen" is
negligible next to the crawl's other losses.
"""

from __future__ import annotations

import hashlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator

KEY_BITS = 64
KEY_MASK = (1 << KEY_BITS) - 1
# The recent set grows with the array (1/64 of it), so merges stay amortized O(1) per key while the
# set adds at most ~1-2 bytes per key; below MIN_RECENT keys a merge is not worth its cost.
MIN_RECENT = 4096
RECENT_SHARE = 64
_ITEM = array("Q").itemsize


def key64(digest: bytes) -> int:
    """The 64-bit key of a digest (its first 8 bytes, big-endian)."""
    return int.from_bytes(digest[:8], "big")


def digest64(text: str) -> int:
    """The 64-bit key of a text: an 8-byte blake2b digest of its UTF-8 bytes."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


class CompactSet:
    """A set of ints in [0, 2^64): a small recent `set` plus a sorted `array('Q')` of the rest."""

    __slots__ = ("_recent", "_sorted", "min_recent")

    def __init__(self, keys: Iterable[int] = (), min_recent: int = MIN_RECENT) -> None:
        self._recent: set[int] = set()
        self._sorted = array("Q")
        self.min_recent = max(1, min_recent)
        self.update(keys)

    def __contains__(self, key: object) -> bool:
        if key in self._recent:
            return True
        if not isinstance(key, int):
            return False
        keys = self._sorted
        index = bisect_left(keys, key)
        return index < len(keys) and keys[index] == key

    def __len__(self) -> int:
        return len(self._recent) + len(self._sorted)

    def __iter__(self) -> Iterator[int]:
        yield from self._sorted
        yield from self._recent

    def add(self, key: int) -> bool:
        """Add a key; True when it was not in the set yet."""
        if key in self:
            return False
        if not 0 <= key <= KEY_MASK:
            raise ValueError(f"key out of the 64-bit range: {key}")
        self._recent.add(key)
        if len(self._recent) >= max(self.min_recent, len(self._sorted) // RECENT_SHARE):
            self.merge()
        return True

    def update(self, keys: Iterable[int]) -> None:
        for key in keys:
            self.add(key)

    def merge(self) -> None:
        """Move the recent keys into the sorted array (one pass: slices of the old array between them)."""
        if not self._recent:
            return
        old = self._sorted
        raw = memoryview(old).cast("B")
        merged = array("Q")
        start = 0
        for key in sorted(self._recent):
            end = bisect_left(old, key, start)
            merged.frombytes(raw[start * _ITEM : end * _ITEM])
            merged.append(key)
            start = end
        merged.frombytes(raw[start * _ITEM :])
        raw.release()
        self._sorted = merged
        self._recent = set()

    def nbytes(self) -> int:
        """Bytes held by the sorted array (the recent set is bounded by its share)."""
        return self._sorted.buffer_info()[1] * _ITEM
