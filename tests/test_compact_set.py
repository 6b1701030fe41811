"""CompactSet: the same answers as a plain set, across merges, in ~8 bytes per key."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scraper.compact_set import KEY_MASK, CompactSet, digest64, key64

KEYS = st.integers(min_value=0, max_value=KEY_MASK)


def test_membership_before_and_after_merge() -> None:
    keys = CompactSet(min_recent=4)
    assert keys.add(7) and keys.add(3) and keys.add(KEY_MASK)
    assert not keys.add(7)
    assert 3 in keys and 7 in keys and KEY_MASK in keys and 5 not in keys
    keys.add(0)  # the fourth key: merged into the sorted array
    assert list(keys) == [0, 3, 7, KEY_MASK]
    assert not keys.add(3) and 0 in keys and 1 not in keys
    assert len(keys) == 4


def test_merges_interleave_keys_in_order() -> None:
    keys = CompactSet(range(0, 100, 2), min_recent=8)
    keys.update(range(1, 100, 2))
    keys.merge()
    assert list(keys) == list(range(100))
    assert -1 not in keys and 100 not in keys and "3" not in keys


def test_rejects_keys_outside_64_bits() -> None:
    keys = CompactSet()
    with pytest.raises(ValueError):
        keys.add(-1)
    with pytest.raises(ValueError):
        keys.add(KEY_MASK + 1)


def test_many_keys_take_about_8_bytes_each() -> None:
    rng = random.Random(6)
    values = [rng.getrandbits(64) for _ in range(200_000)]
    keys = CompactSet(values)
    assert len(keys) == len(set(values))
    assert all(value in keys for value in values[::97])
    assert sum(rng.getrandbits(64) in keys for _ in range(1000)) == 0
    assert keys.nbytes() <= 9 * len(keys)
    assert len(keys._recent) <= max(keys.min_recent, len(keys) // 32)


def test_keys_of_digests_and_texts() -> None:
    assert key64(bytes(range(20))) == int.from_bytes(bytes(range(8)), "big")
    assert digest64("a") == digest64("a") != digest64("b")
    assert 0 <= digest64("https://example.com/") <= KEY_MASK


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.booleans(), KEYS | st.integers(0, 40))), st.integers(1, 6))
def test_agrees_with_a_plain_set(operations: list[tuple[bool, int]], bound: int) -> None:
    compact, plain = CompactSet(min_recent=bound), set()
    for adding, key in operations:
        if adding:
            assert compact.add(key) == (key not in plain)
            plain.add(key)
        else:
            assert (key in compact) == (key in plain)
    assert len(compact) == len(plain) and sorted(compact) == sorted(plain)
