"""The exact same-story rule, applied to LSH candidates: Jaccard, or containment for a teaser copy.

Two records are one story when their shingle sets have Jaccard >= T (copies with other boilerplate,
lightly edited wire copies), or when the shorter is a *teaser* of the longer:
- containment >= T: that share of the shorter text's shingles is in the longer one;
- its lead is the longer one's lead: >= T of its first shingles are among the longer text's first
  2 x LEAD_SHINGLES (a teaser is the opening paragraphs, cut);
- the headlines agree (word Jaccard >= HEADLINE_AGREEMENT): a teaser is shown under its article's
  headline.
The last two keep apart what containment alone would join: a live blog and the update posts it
collects (each update is contained in the blog, but under its own headline and, except the newest,
not at the start), and a follow-up article that quotes an earlier one's paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scraper.stories.signatures import LEAD_SHINGLES, ShingleArray, shingle_set, words

HEADLINE_AGREEMENT = 0.5
DEFAULT_THRESHOLD = 0.5


@dataclass(frozen=True)
class Shingles:
    """What the exact check needs of one body: its shingle set, its lead, its headline's words."""

    distinct: ShingleArray
    lead: ShingleArray
    headline_words: frozenset[str]

    @classmethod
    def of(cls, hashes: ShingleArray, headline: str | None) -> Shingles:
        return cls(
            distinct=shingle_set(hashes),
            lead=hashes[: 2 * LEAD_SHINGLES].copy(),
            headline_words=frozenset(words(headline or "")),
        )


def _overlap(a: ShingleArray, b: ShingleArray) -> int:
    """Size of the intersection of two sorted sets of distinct hashes."""
    return int(np.intersect1d(a, b, assume_unique=True).size)


def jaccard(a: ShingleArray, b: ShingleArray) -> float:
    union = a.size + b.size
    if not union:
        return 0.0
    common = _overlap(a, b)
    return common / (union - common)


def _set_jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _lead_match(short: Shingles, long: Shingles) -> float:
    """Share of the short text's first shingles found in the long text's opening."""
    opening = np.unique(short.lead[:LEAD_SHINGLES])
    if not opening.size:
        return 0.0
    return _overlap(opening, np.unique(long.lead)) / opening.size


def teaser_score(a: Shingles, b: Shingles, threshold: float) -> float:
    """Containment of the shorter in the longer when the shorter is a teaser of it, else 0."""
    short, long = (a, b) if a.distinct.size <= b.distinct.size else (b, a)
    if not short.distinct.size:
        return 0.0
    if _set_jaccard(short.headline_words, long.headline_words) < HEADLINE_AGREEMENT:
        return 0.0
    if _lead_match(short, long) < threshold:
        return 0.0
    return _overlap(short.distinct, long.distinct) / short.distinct.size


def same_story_score(a: Shingles, b: Shingles, threshold: float = DEFAULT_THRESHOLD) -> float:
    """The exact similarity that joins a and b (Jaccard, else teaser containment); 0 when they differ."""
    score = jaccard(a.distinct, b.distinct)
    if score >= threshold:
        return score
    contained = teaser_score(a, b, threshold)
    return contained if contained >= threshold else 0.0
