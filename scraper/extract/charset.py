"""Choose the real character encoding of a page, whatever it declares.

Declarations lie: cp1252 or Shift-JIS pages declare UTF-8, UTF-8 pages declare ISO-8859-1. Bytes
are the better witness: text with non-ASCII bytes that is (almost entirely) valid UTF-8 is UTF-8;
invalid UTF-8 is some legacy encoding, the declared one if it fits, else a detected one.
"""

from __future__ import annotations

import codecs
import re

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, resolve_encoding

# One well-formed multi-byte UTF-8 sequence (no overlongs, no surrogates, <= U+10FFFF).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
# Share of non-ASCII bytes inside valid UTF-8 sequences above which stray bytes are just damage.
MOSTLY_UTF8 = 0.9
# charset-normalizer often prefers a Baltic or Central European code page for Western text that
# cp1252 (the web's de facto Latin default) decodes just as well; this much extra chaos is a tie.
CP1252_MARGIN = 0.1
_DETECT_BYTES = 200_000


def declared_encoding(data: bytes, content_type: str | None) -> str | None:
    """The charset the HTTP header (first) or the page's own <meta>/XML declaration names."""
    label = http_content_type_encoding(content_type) if content_type else None
    return label or html_body_declared_encoding(data[:4096])


def choose_encoding(data: bytes, declared: str | None) -> str:
    """The Python codec that decodes data correctly (BOMs are handled by the caller)."""
    resolved = _codec(declared)
    if data.isascii():
        # Pure 7-bit: ASCII-compatible charsets agree; UTF-16 or ISO-2022 declarations must win.
        return resolved if resolved and _decodes(data, resolved) else "utf-8"
    if is_mostly_utf8(data):
        return "utf-8"
    if resolved and not resolved.startswith("utf") and _decodes(data, resolved):
        return resolved
    return detect_legacy_encoding(data)


def is_mostly_utf8(data: bytes) -> bool:
    """True when (nearly) every non-ASCII byte belongs to a well-formed UTF-8 sequence."""
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        pass
    high = len(_HIGH_BYTE.findall(data))
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    return high > 0 and in_sequences >= MOSTLY_UTF8 * high


def detect_legacy_encoding(data: bytes) -> str:
    """A legacy (non-UTF-8) encoding guessed from the bytes; cp1252 when unsure."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return "cp1252"
    matches = list(from_bytes(data[:_DETECT_BYTES]))
    if not matches:
        return "cp1252"
    best = matches[0]
    for match in matches:
        if _codec(match.encoding) == "cp1252" and match.chaos <= best.chaos + CP1252_MARGIN:
            return "cp1252"
    return _codec(best.encoding) or "cp1252"


def _codec(label: str | None) -> str | None:
    """A Python codec name for a charset label (WHATWG aliases: latin-1 means cp1252)."""
    if not label:
        return None
    resolved = resolve_encoding(label)
    if not resolved:
        return None
    try:
        return codecs.lookup(resolved).name
    except LookupError:
        return None


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return True
