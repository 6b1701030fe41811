"""The passes over the input that turn records into stories.

1. Signatures: every record's body is shingled and MinHashed once; LSH proposes earlier records as
   candidates (index.py). Kept per record: the output fields (member.py) and LSH band hashes.
2. Confirmation: the input is read again; only records in a candidate pair are shingled again, and a
   record's shingle set is kept only until its last partner has been checked. Confirmed pairs are
   joined (union-find), so a story is every record connected by confirmed pairs.
3. Stories: members in input order, the original (original.py), a stable id (ids.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from scraper.stories.groups import Groups
from scraper.stories.ids import StoryIds
from scraper.stories.index import CandidateIndex
from scraper.stories.member import Member
from scraper.stories.original import Original, choose_original
from scraper.stories.reader import RecordSource
from scraper.stories.signatures import shingle_hashes
from scraper.stories.similarity import DEFAULT_THRESHOLD, Shingles, same_story_score

# Called with (pass name, records done so far); the CLI can hand in a progress bar here.
Progress = Callable[[str, int], None]


@dataclass
class Story:
    story_id: str
    members: list[Member]
    original: Original

    def output(self) -> dict[str, Any]:
        return {
            "story_id": self.story_id,
            "size": len(self.members),
            "headline": self.headline(),
            "original": self.original.output(),
            "members": [m.output(p == self.original.position) for p, m in enumerate(self.members)],
        }

    def headline(self) -> str | None:
        if self.original.position is not None and self.members[self.original.position].headline:
            return self.members[self.original.position].headline
        counts = Counter(m.headline for m in self.members if m.headline)
        return counts.most_common(1)[0][0] if counts else None


@dataclass
class StoryResult:
    stories: list[Story]
    records: int
    candidate_pairs: int
    confirmed_pairs: int
    problems: Counter[str] = field(default_factory=Counter)

    def annotations(self) -> dict[int, tuple[str, bool]]:
        """Record number -> (story_id, is_original)."""
        found: dict[int, tuple[str, bool]] = {}
        for story in self.stories:
            for position, member in enumerate(story.members):
                found[member.number] = (story.story_id, position == story.original.position)
        return found


def build_stories(
    source: RecordSource, threshold: float = DEFAULT_THRESHOLD, progress: Progress | None = None
) -> StoryResult:
    """Cluster every good record of the source into stories."""
    members, index = _signatures(source, threshold, progress)
    groups = Groups(len(members))
    best: dict[int, float] = {}
    confirmed = 0
    for a, b, score in _confirmed_pairs(source, index, members, threshold, progress):
        groups.join(a, b)
        best[a], best[b] = max(best.get(a, 0.0), score), max(best.get(b, 0.0), score)
        confirmed += 1
    for member in members:
        member.similarity = best.get(member.number, 1.0)
    return StoryResult(list(_stories(members, groups)), len(members), index.pairs, confirmed, source.problems)


def _signatures(
    source: RecordSource, threshold: float, progress: Progress | None
) -> tuple[list[Member], CandidateIndex]:
    members: list[Member] = []
    index = CandidateIndex(threshold)
    for number, record in source.records():
        members.append(Member.of(number, record))
        index.add(number, shingle_hashes(record["body"]))
        if progress:
            progress("signatures", number + 1)
    return members, index


def _confirmed_pairs(
    source: RecordSource,
    index: CandidateIndex,
    members: list[Member],
    threshold: float,
    progress: Progress | None,
) -> Iterator[tuple[int, int, float]]:
    last = index.last_partner()
    kept: dict[int, Shingles] = {}
    for number, record in source.records():
        if progress:
            progress("confirmation", number + 1)
        earlier = index.partners.get(number, [])
        if not earlier and number not in last:
            continue
        current = Shingles.of(shingle_hashes(record["body"]), members[number].headline)
        for other in earlier:
            score = same_story_score(kept[other], current, threshold)
            if score:
                yield other, number, score
            if last[other] == number:
                del kept[other]  # its last partner is checked: free its shingles
        if last.get(number, -1) > number:
            kept[number] = current


def _stories(members: list[Member], groups: Groups) -> Iterator[Story]:
    grouped: dict[int, list[Member]] = defaultdict(list)
    for member in members:
        grouped[groups.find(member.number)].append(member)
    ids = StoryIds()
    # Roots are first-seen members, so sorting by root orders stories by their first appearance.
    for root in sorted(grouped):
        story_members = grouped[root]
        story_id = ids.next_id(story_members[0].key)
        yield Story(story_id, story_members, choose_original(story_members, story_id))
