"""Candidate pairs from LSH: records whose bodies, or whose leads, are probably similar.

Two MinHash LSH indexes (datasketch) are queried, then filled, record by record as the input
streams: one over the whole body (copies, edited copies) and one over the lead (a teaser shares the
full article's opening but little of its Jaccard). Candidates are only proposals: similarity.py
decides. Keys are record numbers, so memory per record is the LSH band hashes and nothing else.
"""

from __future__ import annotations

from collections import defaultdict

from datasketch import MinHashLSH

from scraper.stories.signatures import NUM_PERM, ShingleArray, lead_set, minhash, shingle_set

# LSH thresholds sit below the exact threshold: a pair the exact measure would join should rarely be
# missed for want of a band collision; the extra candidates cost one exact check each.
_LSH_MARGIN = 0.25
_LEAD_LSH_THRESHOLD = 0.3
# A story syndicated to hundreds of sites would give every new copy hundreds of candidates; checking
# the most recent ones is enough to join it to the story (the older copies are linked among
# themselves already), and keeps the cost per record bounded.
MAX_CANDIDATES = 24


class CandidateIndex:
    """Collects candidate pairs (earlier record, later record) while records are added in order."""

    def __init__(self, threshold: float) -> None:
        body_threshold = max(0.05, threshold - _LSH_MARGIN)
        self._bodies = MinHashLSH(threshold=body_threshold, num_perm=NUM_PERM)
        self._leads = MinHashLSH(threshold=_LEAD_LSH_THRESHOLD, num_perm=NUM_PERM)
        # later record -> earlier records to check it against
        self.partners: dict[int, list[int]] = defaultdict(list)
        self.pairs = 0

    def add(self, number: int, hashes: ShingleArray) -> None:
        """Query both indexes for record `number`, remember its candidates, then index it."""
        if not len(hashes):
            return
        body, opening = minhash(shingle_set(hashes)), minhash(lead_set(hashes))
        found = set(self._bodies.query(body)) | set(self._leads.query(opening))
        if found:
            chosen = sorted(found, reverse=True)[:MAX_CANDIDATES]
            self.partners[number] = sorted(chosen)
            self.pairs += len(chosen)
        self._bodies.insert(number, body, check_duplication=False)
        self._leads.insert(number, opening, check_duplication=False)

    def last_partner(self) -> dict[int, int]:
        """For each earlier record of a pair, the last record it must be checked against."""
        last: dict[int, int] = {}
        for later, earlier in self.partners.items():
            for number in earlier:
                last[number] = max(last.get(number, -1), later)
        return last
