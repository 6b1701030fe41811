"""Where a picture's file is: lazy-loading attributes, srcset candidates, <picture> sources; junk files."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from lxml import html

_JUNK_SRC = re.compile(
    r"logo|icon|sprite|pixel|spacer|blank\.gif|1x1|avatar|badge|placeholder|tracking|newsletter|/ads?/"
    r"|\.svg(?:$|\?)",
    re.I,
)
# A file name's size suffix below this on both sides is a thumbnail ("story-250x222.jpg").
_THUMBNAIL = re.compile(r"-(\d{2,4})x(\d{2,4})\.\w{2,5}(?:$|\?)")
_MAX_THUMBNAIL_SIDE = 300
# Lazy-loading attributes first: with them, src is often a blurred placeholder.
_SRC_ATTRS = ("data-src", "data-original", "data-lazy-src", "data-lazy", "data-srcset", "srcset", "src")
_LAZY_ATTR = re.compile(r"^data-.*(?:src|lazy)", re.I)
_URL_IN_JSON = re.compile(r"https?://[^\"'\s\\,}]+")
_SRCSET_URL = re.compile(r"[\s,]*(\S+)")
_SRCSET_DESCRIPTOR = re.compile(r"([^,]*)")
_SIZE_PARAM = re.compile(r"^(?:w|h|width|height|imwidth|quality|q|auto|format|fm|fit|crop|dpr|resize)$", re.I)
_MIN_SIDE = 60  # figures: below this a declared side is an icon or a pixel
IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:$|[?#])", re.I)


def picture_source(holder: html.HtmlElement) -> str | None:
    """The URL of the holder's picture: its first usable <img>, else its <picture>'s widest <source>."""
    for img in holder.iter("img"):
        src = image_source(img)
        if src and not is_junk(img, src=src):
            return src
    for source in holder.iter("source"):
        src = image_source(source)
        if src and not _JUNK_SRC.search(src):
            return src
    return None


def image_source(img: html.HtmlElement) -> str | None:
    """The image's URL: src, or a lazy-loading attribute, or the widest srcset candidate."""
    extra = tuple(a for a in img.attrib if _LAZY_ATTR.match(a) and a not in _SRC_ATTRS)
    for attr in (*_SRC_ATTRS[:4], *extra, *_SRC_ATTRS[4:]):
        value = (img.get(attr) or "").strip()
        if not value or value.startswith("data:") or value[:1] == "<":
            continue
        if value[:1] in "{[":  # JSON config of a lazy loader: its first URL
            match = _URL_IN_JSON.search(value)
            if match:
                return match.group(0)
            continue
        if "srcset" in attr or ("," in value and " " in value):
            return widest_candidate(value)
        return value
    return None


def widest_candidate(srcset: str) -> str | None:
    """The srcset URL with the largest width or density descriptor (URLs may hold commas)."""
    best, best_size, pos = None, -1.0, 0
    while pos < len(srcset):
        match = _SRCSET_URL.match(srcset, pos)
        if match is None or not match.group(1):
            break
        url, pos = match.group(1), match.end()
        descriptor = ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            tail = _SRCSET_DESCRIPTOR.match(srcset, pos)
            descriptor, pos = (tail.group(1).strip(), tail.end() + 1) if tail else ("", pos)
        try:
            size = float(descriptor.rstrip("wx") or 1) if descriptor else 1.0
        except ValueError:
            size = 0.0
        if url and size > best_size:
            best, best_size = url, size
    return best


def is_junk(img: html.HtmlElement, min_side: int = _MIN_SIDE, src: str | None = None) -> bool:
    """Tracking pixels, icons, logos and thumbnails: small declared sizes or tell-tale file names
    (src: the image's URL when the caller has read it already)."""
    for side in (img.get("width"), img.get("height")):
        if side and side.strip().isdigit() and int(side) < min_side:
            return True
    src = src or image_source(img) or ""
    thumbnail = _THUMBNAIL.search(src)
    if thumbnail and max(int(thumbnail.group(1)), int(thumbnail.group(2))) < _MAX_THUMBNAIL_SIDE:
        return True
    return bool(_JUNK_SRC.search(src))


def dedupe_key(url: str) -> str:
    """The URL without sizing query parameters: one picture served at two widths is one image."""
    if "?" not in url:
        return url.split("#", 1)[0].split("//", 1)[-1]
    try:
        parts = urlsplit(url)
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        query = [(k, v) for k, v in pairs if not _SIZE_PARAM.match(k)]
    except ValueError:
        return url
    return urlunsplit(("", parts.netloc, parts.path, urlencode(query), ""))
