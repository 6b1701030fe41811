"""Story ids one record at a time, while a crawl writes them (the crawl's `StoryPipeline`).

`StoryTracker.add(record)` answers at once with the record's story id. It runs the offline pieces
(signatures.py, index.py, similarity.py, groups.py, ids.py, member.py) on the records in the order
they are added, so the confirmed pairs are exactly those `build_stories` finds over the same records
in the same order, and so are the stories as they stand after each record.

Same id as `scraper cluster --annotate` over the same records in the same order, except when a
record connects two stories that were apart until then (a merge): offline, every member of the merged
story gets the id of the one seen first; here the members already written keep the id they were given,
and only the merging record and later ones get the first one's id. `Assignment.merged` names the ids
that stopped being used. (A story id made unique by a counter, two stories whose first members share
a key, can also differ after a merge: the merged-away story used up a number.)

Memory: what build_stories keeps (LSH band hashes and signatures) plus 8 bytes a record; the shingle
sets the exact check needs are appended to a temporary file and read back only for a candidate.
"""

from __future__ import annotations

import os
import tempfile
from array import array
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np

from scraper.stories.groups import Groups
from scraper.stories.ids import StoryIds
from scraper.stories.index import CandidateIndex
from scraper.stories.member import Member
from scraper.stories.reader import RecordSource
from scraper.stories.signatures import shingle_hashes
from scraper.stories.similarity import DEFAULT_THRESHOLD, Shingles, same_story_score


@dataclass(frozen=True)
class Assignment:
    """The story a record was put in: its id, and how it got there."""

    story_id: str
    joined: bool  # joined a story that had members already (else: started a new one)
    merged: tuple[str, ...] = ()  # ids of stories it connected to this one: their members keep them


class ShingleSpill:
    """Each record's Shingles in a temporary file; memory keeps where each one starts."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="stories-")  # noqa: SIM115 (closed in close())
        self._starts = array("Q", [0])

    def append(self, shingles: Shingles) -> None:
        """Store the next record's shingles (records are numbered by the order of appends)."""
        words = "\n".join(sorted(shingles.headline_words)).encode("utf-8")
        sizes = np.array([shingles.distinct.size, shingles.lead.size], dtype=np.uint32)
        blob = b"".join(
            (sizes.tobytes(), shingles.distinct.astype(np.uint32).tobytes(), shingles.lead.tobytes(), words)
        )
        os.pwrite(self._file.fileno(), blob, self._starts[-1])
        self._starts.append(self._starts[-1] + len(blob))

    def read(self, number: int) -> Shingles:
        start, end = self._starts[number], self._starts[number + 1]
        blob = os.pread(self._file.fileno(), end - start, start)
        distinct_size, lead_size = np.frombuffer(blob, dtype=np.uint32, count=2)
        values = np.frombuffer(blob, dtype=np.uint32, count=int(distinct_size + lead_size), offset=8)
        words = blob[8 + 4 * len(values) :].decode("utf-8")
        return Shingles(
            distinct=values[:distinct_size],
            lead=values[distinct_size:],
            headline_words=frozenset(words.split("\n")) if words else frozenset(),
        )

    def close(self) -> None:
        self._file.close()


class StoryTracker:
    """Puts each added record in a story, as build_stories would over the records added so far."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self._index = CandidateIndex(threshold)
        self._groups = Groups()
        self._spill = ShingleSpill()
        self._ids = StoryIds()
        self._story_ids: dict[int, str] = {}  # root record -> its story's id (live stories only)

    @property
    def records(self) -> int:
        return len(self._groups)

    @property
    def stories(self) -> int:
        return len(self._story_ids)

    def add(self, record: dict[str, Any]) -> Assignment | None:
        """The story of the next record; None for one `scraper cluster` skips too (no text body)."""
        body = record.get("body")
        if not isinstance(body, str) or not body.strip():
            return None
        number = self._groups.add()
        member = Member.of(number, record)
        hashes = shingle_hashes(body)
        self._index.add(number, hashes)
        current = Shingles.of(hashes, member.headline)
        roots = set()
        # The same pairs, in the same order, as build_stories' confirmation pass.
        for other in self._index.partners.pop(number, []):
            if same_story_score(self._spill.read(other), current, self.threshold):
                roots.add(self._groups.find(other))
        self._spill.append(current)
        if not roots:
            story_id = self._story_ids[number] = self._ids.next_id(member.key)
            return Assignment(story_id, joined=False)
        first, *others = sorted(roots)
        for root in roots:
            self._groups.join(root, number)
        merged = tuple(self._story_ids.pop(root) for root in others)
        return Assignment(self._story_ids[first], joined=True, merged=merged)

    def seed(self, paths: list[str]) -> Counter[str]:
        """Add the records of earlier outputs first, as if written before; returns bad-input counts."""
        with RecordSource(paths) as source:
            for _, record in source.records():
                self.add(record)
        return source.problems

    def close(self) -> None:
        self._spill.close()
