"""Content fingerprints: equal for the same article text under two URLs or two layouts."""

from __future__ import annotations

import hashlib

from scraper.extract.text import normalize_key


def fingerprint(body: str) -> str | None:
    """A hex digest of the body's normalized words; None for an empty body."""
    key = normalize_key(body)
    if not key:
        return None
    return hashlib.blake2b(key.encode("utf-8"), digest_size=16).hexdigest()


def fingerprint_paragraphs(paragraphs: list[str]) -> str | None:
    """fingerprint(join_paragraphs(paragraphs)), from each paragraph's (cached) key: normalizing
    never joins or splits words across the blank line between paragraphs."""
    key = " ".join(k for k in map(normalize_key, paragraphs) if k)
    if not key:
        return None
    return hashlib.blake2b(key.encode("utf-8"), digest_size=16).hexdigest()
