"""Stable story ids.

Rule: a story's id is the hash of the key of its first-seen member (the member that comes first in
the inputs, files in the order given, lines in order), where a record's key is its canonical URL,
else URL, else fingerprint, else a digest of its body. So the same inputs give the same ids, and
records appended later (new files after the old ones, new lines at the end) do not change the id of
an existing story: its first-seen member stays first. When a new record joins two stories, the
merged story keeps the id of the one seen first. Two stories whose first members share a key (the
same page crawled twice and changed beyond recognition) are told apart by a counter, in input order.
"""

from __future__ import annotations

import hashlib

ID_LENGTH = 16


class StoryIds:
    """Hands out ids in story order (stories ordered by their first-seen member)."""

    def __init__(self) -> None:
        self._used: dict[str, int] = {}

    def next_id(self, first_key: str) -> str:
        count = self._used.get(first_key, 0)
        self._used[first_key] = count + 1
        text = first_key if count == 0 else f"{first_key}#{count + 1}"
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:ID_LENGTH]
