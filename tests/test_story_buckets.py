"""The compact LSH buckets (scraper.stories.buckets): the candidates datasketch's MinHashLSH gives."""

from __future__ import annotations

import random

import numpy as np
import pytest
from datasketch import MinHashLSH

from scraper.stories import buckets as buckets_module
from scraper.stories.buckets import Buckets, band_keys
from scraper.stories.signatures import NUM_PERM, minhash, shingle_hashes, shingle_set


def test_queries_across_flushed_runs_find_every_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(buckets_module, "FLUSH", 7)  # many small runs, merged as they grow
    buckets, truth = Buckets(), {}
    rng = random.Random(3)
    for number in range(300):
        keys = np.array([rng.randrange(40) for _ in range(3)], dtype=np.uint64)
        buckets.insert(keys, number)
        for key in keys.tolist():
            truth.setdefault(key, set()).add(number)
    assert len(buckets) == 900 and len(buckets._runs) <= 8
    for key in range(45):
        assert buckets.query(np.array([key], dtype=np.uint64)) == truth.get(key, set())
    assert buckets.query(np.array([1, 2], dtype=np.uint64)) == truth[1] | truth[2]


def test_same_candidates_as_datasketch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(buckets_module, "FLUSH", 64)
    rng = random.Random(5)
    words = [f"w{n}" for n in range(400)]
    base = [" ".join(rng.choice(words) for _ in range(120)) for _ in range(12)]
    texts = [b if rng.random() < 0.5 else b[: len(b) // 2] + " " + rng.choice(base) for b in base * 4]
    reference = MinHashLSH(threshold=0.35, num_perm=NUM_PERM)
    buckets = Buckets()
    for number, text in enumerate(texts):
        signature = minhash(shingle_set(shingle_hashes(text)))
        keys = band_keys(signature.hashvalues, reference.b, reference.r, salt=0)
        assert buckets.query(keys) == set(reference.query(signature))
        reference.insert(number, signature, check_duplication=False)
        buckets.insert(keys, number)
