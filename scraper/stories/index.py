"""Candidate pairs from LSH: records whose bodies, or whose leads, are probably similar.

Two MinHash LSH indexes are queried, then filled, record by record as the input streams: one over
the whole body (copies, edited copies) and one over the lead (a teaser shares the full article's
opening but little of its Jaccard). Their bands (rows per band, number of bands) are datasketch's
choice for each threshold; the buckets are buckets.py's compact arrays rather than datasketch's
in-memory storage (a set and a bytes key per band and record). Candidates are only proposals:
similarity.py decides. Keys are record numbers; kept per record: 42 band keys (12 bytes each) and
the two signatures (512 bytes, to rank candidates), never the text.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from datasketch import MinHashLSH

from scraper.stories.buckets import Buckets, band_keys
from scraper.stories.signatures import NUM_PERM, ShingleArray, lead_set, minhash, shingle_set

# LSH thresholds sit below the exact threshold, so that a pair the exact measure would join is rarely
# missed for want of a band collision (body: 21 bands of 3 at the default, found with probability
# 0.94 at Jaccard 0.5 and 0.99 at 0.6; a lower threshold gives bands of 2 rows and floods the exact
# check with unrelated pairs).
_LSH_MARGIN = 0.15
_LEAD_LSH_THRESHOLD = 0.3
# A story syndicated to hundreds of sites would give every new copy hundreds of candidates: the most
# similar ones (by signature) are enough to join it to the story, and keep the cost per record bounded.
MAX_CANDIDATES = 24


def _bands(threshold: float) -> tuple[int, int]:
    """(bands, rows per band) datasketch's MinHashLSH picks for this threshold."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


class CandidateIndex:
    """Collects candidate pairs (earlier record, later record) while records are added in order."""

    def __init__(self, threshold: float) -> None:
        self._body_bands = _bands(max(0.05, threshold - _LSH_MARGIN))
        self._lead_bands = _bands(_LEAD_LSH_THRESHOLD)
        self._buckets = Buckets()  # both indexes: their band keys are salted apart
        self._signatures: dict[int, np.ndarray] = {}
        # later record -> earlier records to check it against
        self.partners: dict[int, list[int]] = defaultdict(list)
        self.pairs = 0

    def add(self, number: int, hashes: ShingleArray) -> None:
        """Query both indexes for record `number`, remember its candidates, then index it."""
        if not len(hashes):
            return
        body, opening = minhash(shingle_set(hashes)), minhash(lead_set(hashes))
        signature = np.concatenate([body.hashvalues, opening.hashvalues])
        body_keys = band_keys(body.hashvalues, *self._body_bands, salt=0)
        keys = np.concatenate([body_keys, band_keys(opening.hashvalues, *self._lead_bands, salt=1)])
        found = self._buckets.query(keys)
        if found:
            chosen = self._most_similar(sorted(found), signature)
            self.partners[number] = chosen
            self.pairs += len(chosen)
        self._buckets.insert(keys, number)
        self._signatures[number] = signature

    def _most_similar(self, found: list[int], signature: np.ndarray) -> list[int]:
        """The MAX_CANDIDATES candidates with the highest estimated body or lead Jaccard, in order."""
        if len(found) <= MAX_CANDIDATES:
            return found
        equal = np.stack([self._signatures[n] for n in found]) == signature
        estimate = np.maximum(equal[:, :NUM_PERM].mean(axis=1), equal[:, NUM_PERM:].mean(axis=1))
        best = np.argsort(-estimate, kind="stable")[:MAX_CANDIDATES]
        return sorted(found[i] for i in best)

    def last_partner(self) -> dict[int, int]:
        """For each earlier record of a pair, the last record it must be checked against."""
        last: dict[int, int] = {}
        for later, earlier in self.partners.items():
            for number in earlier:
                last[number] = max(last.get(number, -1), later)
        return last
