"""Stories across outlets: cluster syndicated copies of one article and name the original.

`build_stories` reads article records (JSON lines) and groups near-duplicate bodies: MinHash
signatures with LSH banding (datasketch) propose candidates, an exact measure over word-shingle sets
(Jaccard, or containment for a teaser copy) confirms them. Memory holds signatures and the few fields
the output needs, never bodies: the input is read again to confirm candidates.

Modules: `reader` (input lines, bad-line counts), `signatures` (shingles, MinHash), `similarity`
(exact measures and the same-story rule), `index` (LSH candidates), `buckets` (the LSH buckets in
compact arrays), `member` (what is kept of a record), `original` (which member is the original),
`ids` (stable story ids), `groups` (union-find), `builder` (the passes over the input, the story
lines), `online` (the same, one record at a time: story ids while a crawl writes).
May import numpy, datasketch and the standard library; never Scrapy, and nothing else of `scraper`.
"""

from __future__ import annotations

from scraper.stories.builder import StoryResult, build_stories

__all__ = ["StoryResult", "build_stories"]
