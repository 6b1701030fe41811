"""LSH buckets in 12 bytes an entry: band keys (64-bit) -> record numbers, in sorted numpy runs.

datasketch's in-memory MinHashLSH keeps a bytes key and a Python set per band and record (~7 KB a
record for 21 bands). Here a band is reduced to one 64-bit key (the band's values and its number
mixed by fixed odd multipliers, so two different bands collide with probability ~2^-64: at worst an
extra candidate, which the exact check rejects), and entries live in sorted arrays:
recent ones in a dict, flushed every FLUSH entries into a sorted run; runs are merged while the newest
is at least as long as the one before (like a binary counter), so there are about log2(n / FLUSH) runs
and each entry is merged about that many times. A query is one vectorized search per run.
"""

from __future__ import annotations

import numpy as np

FLUSH = 1 << 15
MAX_ROWS = 64


def _splitmix64(count: int, state: int = 0x5EED) -> list[int]:
    """A fixed sequence of 64-bit numbers (SplitMix64), the same in every run and version."""
    out, mask = [], (1 << 64) - 1
    for _ in range(count):
        state = (state + 0x9E3779B97F4A7C15) & mask
        z = ((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        out.append(z ^ (z >> 31))
    return out


# Odd multipliers, one per row of a band, and the last for the band's number.
_MIX = np.array([n | 1 for n in _splitmix64(MAX_ROWS + 1)], dtype=np.uint64)


def band_keys(values: np.ndarray, bands: int, rows: int, salt: int) -> np.ndarray:
    """One 64-bit key per band of `rows` values (the first bands x rows of `values`), salted per index."""
    table = values[: bands * rows].astype(np.uint64).reshape(bands, rows)
    # uint64 wraps around: the mix is computed mod 2**64 on purpose.
    keys = (table * _MIX[:rows]).sum(axis=1, dtype=np.uint64)
    keys += (np.arange(bands, dtype=np.uint64) + np.uint64(salt * bands + 1)) * _MIX[-1]
    keys ^= keys >> np.uint64(31)
    return keys


class Buckets:
    """A multimap from 64-bit keys to record numbers; `query` gives the numbers under any of the keys."""

    def __init__(self) -> None:
        self._recent: dict[int, list[int]] = {}
        self._recent_size = 0
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []  # (sorted keys, numbers), oldest first

    def __len__(self) -> int:
        return self._recent_size + sum(len(keys) for keys, _ in self._runs)

    def insert(self, keys: np.ndarray, number: int) -> None:
        for key in keys.tolist():
            self._recent.setdefault(key, []).append(number)
        self._recent_size += len(keys)
        if self._recent_size >= FLUSH:
            self._flush()

    def query(self, keys: np.ndarray) -> set[int]:
        found: set[int] = set()
        for key in keys.tolist():
            found.update(self._recent.get(key, ()))
        for run_keys, numbers in self._runs:
            starts = np.searchsorted(run_keys, keys, side="left")
            ends = np.searchsorted(run_keys, keys, side="right")
            for start, end in zip(starts[starts < ends].tolist(), ends[starts < ends].tolist(), strict=True):
                found.update(numbers[start:end].tolist())
        return found

    def _flush(self) -> None:
        size = self._recent_size
        keys = np.fromiter((key for key, found in self._recent.items() for _ in found), np.uint64, size)
        numbers = np.fromiter((n for found in self._recent.values() for n in found), np.uint32, size)
        self._recent, self._recent_size = {}, 0
        self._runs.append(_sorted(keys, numbers))
        while len(self._runs) > 1 and len(self._runs[-1][0]) >= len(self._runs[-2][0]):
            (keys_a, numbers_a), (keys_b, numbers_b) = self._runs.pop(-2), self._runs.pop()
            merged = _sorted(np.concatenate([keys_a, keys_b]), np.concatenate([numbers_a, numbers_b]))
            self._runs.append(merged)


def _sorted(keys: np.ndarray, numbers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(keys, kind="stable")
    return keys[order], numbers[order]
