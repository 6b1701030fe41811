"""Text normalization shared by every field: the 'clean text' contract of the record."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Zero-width and formatting characters that carry no visible text, plus C0/C1 controls.
_INVISIBLE = re.compile(
    "[\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
    "\u202a-\u202e\u2066-\u2069\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_NON_WORD = re.compile(r"[\W_]+")
CACHED_KEY_MAX_CHARS = 2000  # normalize_key remembers texts up to this long (4096 of them)


def clean_text(text: str | None) -> str:
    """NFC-normalize, drop invisible characters and collapse all white space to single spaces."""
    if not text:
        return ""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    # str.split's white space is _SPACES plus controls _INVISIBLE has removed: same as
    # _SPACES.sub(" ", text).strip(), without a regex replacement per space.
    return " ".join(text.split())


def clean_paragraphs(paragraphs: list[str]) -> list[str]:
    """Clean each paragraph and drop the empty ones."""
    out = []
    for paragraph in paragraphs:
        cleaned = clean_text(paragraph)
        if cleaned:
            out.append(cleaned)
    return out


def join_paragraphs(paragraphs: list[str]) -> str:
    """Join paragraphs with one blank line, as the record's `body` field wants."""
    return "\n\n".join(paragraphs)


def split_paragraphs(body: str) -> list[str]:
    """Inverse of join_paragraphs, tolerant of extra blank lines."""
    return [p for p in (clean_text(p) for p in _BLANK_LINES.split(body)) if p]


def normalize_key(text: str) -> str:
    """A comparison key: casefolded, punctuation-insensitive, spaces collapsed."""
    # Paragraph-sized texts are keyed several times per page (body opinions, field exclusion,
    # fingerprint): remember them; long texts are rare and would make the cache heavy.
    if not text:
        return ""
    return _cached_key(text) if len(text) <= CACHED_KEY_MAX_CHARS else _key(text)


def _key(text: str) -> str:
    if text.isascii():  # (most texts: one C-level table pass instead of two regex replacements)
        return " ".join(text.translate(_ASCII_KEY).split())
    # clean_text without its space collapsing and strip: white space is non-word, so the last step
    # collapses and strips it anyway.
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    return _NON_WORD.sub(" ", text.casefold()).strip()


def _ascii_key_table() -> dict[int, str | None]:
    """_key's steps per ASCII character: invisible ones dropped, non-word ones made spaces (which the
    split and join collapse and strip), letters casefolded. (NFC leaves ASCII text as it is.)"""
    table: dict[int, str | None] = {}
    for code in range(128):
        char = chr(code)
        table[code] = None if _INVISIBLE.match(char) else " " if _NON_WORD.match(char) else char.casefold()
    return table


_ASCII_KEY = _ascii_key_table()


_cached_key = lru_cache(maxsize=4096)(_key)


# Han ideographs, kana and Hangul syllables: scripts written without spaces between words.
_UNSPACED_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def count_words(text: str) -> int:
    """Words in text: space-separated tokens, with each CJK character counted as one word."""
    if text.isascii():  # (most texts: no CJK character to look for)
        return len(text.split())
    unspaced = len(_UNSPACED_CHAR.findall(text))
    if not unspaced:
        return len(text.split())
    return len(_UNSPACED_CHAR.sub(" ", text).split()) + unspaced
