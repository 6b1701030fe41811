"""Which member of a story is the original, and on what basis.

In order:
1. `attribution`: a member whose URL or canonical URL is the `attribution.url` of other members.
2. `attribution`: else the publisher most members attribute to. A member on that publisher's site
   (and not itself attributed) is the original; else the original is outside the input, named by
   that publisher and the URL its copies link to most (`published` unknown: null).
3. `earliest`: else, with no attribution in the story, the member published first.
4. `self`: else the story's first-seen member stands for itself: a story of one record, or one whose
   members carry neither attribution nor a date.
Members that disagree (attribute to different pages or publishers) are settled by majority, ties by
input order, and the disagreement is logged.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from typing import Any

from scraper.stories.member import Member, normalize_url

log = logging.getLogger("scraper.stories")


@dataclass(frozen=True)
class Original:
    """The story's original: a member (its position in the story) or a page outside the input."""

    position: int | None
    url: str | None
    publisher: str | None
    published: str | None
    basis: str

    def output(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "publisher": self.publisher,
            "published": self.published,
            "basis": self.basis,
        }


def choose_original(members: list[Member], story_id: str) -> Original:
    """The original of a story whose members are given in input order."""
    return (
        _by_attribution_url(members, story_id)
        or _by_attributed_publisher(members, story_id)
        or _by_earliest(members)
        or _as_member(members, 0, "self")
    )


def _as_member(members: list[Member], position: int, basis: str) -> Original:
    member = members[position]
    return Original(position, member.canonical_url or member.url, member.site, member.published, basis)


def _majority(votes: Counter[Any], story_id: str, what: str) -> Any:
    """The most voted (first counted wins a tie); a split vote is logged."""
    winner, count = votes.most_common(1)[0]
    if len(votes) > 1:
        tally = ", ".join(f"{name}: {n}" for name, n in votes.most_common())
        log.warning(
            "story %s: members disagree on the original %s (%s); kept %s", story_id, what, tally, winner
        )
    return winner


def _by_attribution_url(members: list[Member], story_id: str) -> Original | None:
    where: dict[str, int] = {}
    for position, member in enumerate(members):
        for url in (member.url, member.canonical_url):
            normal = normalize_url(url)
            if normal:
                where.setdefault(normal, position)
    votes: Counter[int] = Counter()
    for position, member in enumerate(members):
        target = where.get(normalize_url(member.attributed_url) or "")
        if target is not None and target != position:
            votes[target] += 1
    if not votes:
        return None
    labels = Counter({members[p].canonical_url or members[p].url: n for p, n in votes.items()})
    if len(labels) > 1:
        _majority(labels, story_id, "page")
    return _as_member(members, votes.most_common(1)[0][0], "attribution")


def _by_attributed_publisher(members: list[Member], story_id: str) -> Original | None:
    named = (m.attributed_publisher or m.attributed_url for m in members)
    publishers: Counter[str] = Counter(name for name in named if name)
    if not publishers:
        return None
    chosen = _majority(publishers, story_id, "publisher")
    for position, member in enumerate(members):
        same_site = member.site and member.site.casefold() == chosen.casefold()
        if same_site and not (member.attributed_publisher or member.attributed_url):
            return _as_member(members, position, "attribution")
    links = Counter(
        m.attributed_url
        for m in members
        if m.attributed_url and chosen in (m.attributed_publisher, m.attributed_url)
    )
    url = links.most_common(1)[0][0] if links else None
    publisher = chosen if chosen != url else None
    return Original(None, url, publisher, None, "attribution")


def _by_earliest(members: list[Member]) -> Original | None:
    if len(members) < 2:
        return None
    dated = [(time, position) for position, m in enumerate(members) if (time := m.published_time())]
    if not dated:
        return None
    return _as_member(members, min(dated)[1], "earliest")
