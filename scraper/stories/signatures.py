"""Word shingles of an article body as 32-bit hashes, and their MinHash signatures.

Hashes are computed with crc32 and fixed arithmetic, never Python's `hash()` (salted per process), so
the same input gives the same signatures, candidates and stories in every run.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

import numpy as np
from datasketch import MinHash

# 5-word shingles: long enough that two separately written stories on one event (same names, same
# stock phrases) share almost none, short enough that a light edit breaks only a few.
SHINGLE_WORDS = 5
# The lead: a teaser copy repeats the opening of the full article, so the first shingles get their
# own signature (see index.py) and their own check (see similarity.py).
LEAD_SHINGLES = 50
NUM_PERM = 64
_SCHEME = "affine32"
_SEED = 1
_WORD = re.compile(r"\w+")
# Odd multiplier of the polynomial that combines word hashes into a shingle hash (mod 2**32).
_MULTIPLIER = np.uint32(0x01000193)

ShingleArray = np.ndarray


def words(text: str) -> list[str]:
    """Lower-cased words of the text (punctuation, case and spacing do not tell copies apart)."""
    return _WORD.findall(text.lower())


def shingle_hashes(text: str) -> ShingleArray:
    """Hashes of the text's word shingles, in text order (uint32; may repeat).

    A text shorter than one shingle is one shingle of all its words; an empty text has none.
    """
    tokens = words(text)
    if not tokens:
        return np.zeros(0, dtype=np.uint32)
    hashes = np.fromiter(map(zlib.crc32, map(str.encode, tokens)), dtype=np.uint32, count=len(tokens))
    width = min(SHINGLE_WORDS, len(hashes))
    count = len(hashes) - width + 1
    combined = np.zeros(count, dtype=np.uint32)
    for offset in range(width):
        # uint32 wraps around: the polynomial is computed mod 2**32 on purpose.
        combined = combined * _MULTIPLIER + hashes[offset : offset + count]
    return combined


def shingle_set(hashes: ShingleArray) -> ShingleArray:
    """The distinct shingle hashes, sorted (the exact set the similarity measures compare)."""
    return np.unique(hashes)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    # Generated once: MinHash would otherwise draw its permutations again for every record.
    template = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    a, b = template.permutations
    return a, b


def minhash(distinct: ShingleArray) -> MinHash:
    """MinHash signature of a set of distinct shingle hashes (32-bit integers already: `int` hashes)."""
    signature = MinHash(num_perm=NUM_PERM, hashfunc=int, permutations=_permutations(), scheme=_SCHEME)
    if len(distinct):
        signature.update_batch(distinct.tolist())
    return signature


def lead_set(hashes: ShingleArray, size: int = LEAD_SHINGLES) -> ShingleArray:
    """The distinct shingles among the first `size`."""
    return np.unique(hashes[:size])
