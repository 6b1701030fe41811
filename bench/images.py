"""Image accuracy of `extract_article` on the dev pages: URL precision/recall/F1 and caption accuracy.

Reads `../shared/data/dev` relative to the repository root (each `<id>.html.gz` beside its
ground-truth `<id>.json`); prints a message and exits 0 when that directory is absent. Pages whose
truth `images` is null (not checked) are skipped.

Matching: an image of ours matches a truth image when their keys are equal. `image_key` applies the
same normalization to both sides, and nothing else:
  1. an image proxy URL (a query parameter holding a whole http(s) URL, e.g. `dims?url=https://...`)
     is keyed by the URL it proxies;
  2. query string and fragment dropped, percent-escapes decoded, lower-cased, trailing "/" dropped;
  3. size variants of one file collapse: a "-250x222" / "-scaled" suffix before the file extension,
     a path segment that is only a size or crop ratio ("1200x712", "1534x1022!", "590x", "16x9",
     "4x3"), Cloudflare's resizing prefix ("/cdn-cgi/image/width=896,.../"), a pair of 3-4 digit segments
     ("/640/320/") and a segment made only of resize options ("w_1280,c_limit") are removed;
  4. format variants collapse: trailing image-format extensions are removed (".jpg", ".avif",
     ".jpg.webp"), so "x.avif" and "x.jpg" of one picture are one image.
The keys are compared as sets per page (a page listing one picture twice counts it once). Truth
entries whose URL is a loading placeholder ("placeholder" in the file name: the BBC page lists its
grey placeholder beside every picture) are dropped from the truth: they are a ground-truth error,
not an article image.

Caption accuracy: over truth images with a caption, the share whose matched image of ours has the
same caption after clean_text, case folding and stripping trailing " ." (a missed image is wrong).
Credit is reported the same way against the truth's `authors` where it has any, both sides compared
as their parts split on "/", ",", ";", "&" and "and" (the truth splits "Jane Doe/AFP" into two authors).

Usage: python bench/images.py [-v]   (-v lists missed and extra images per page)
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from scraper.extract.article import extract_article
from scraper.extract.text import clean_text

DEV_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dev"
_SIZE_SUFFIX = re.compile(r"-(?:\d{2,5}x\d{2,5}|scaled)$")
_FORMAT_EXTENSIONS = re.compile(r"(?:\.(?:jpe?g|png|gif|webp|avif))+$")
_WIDTH_HEIGHT = re.compile(r"/\d{3,4}/\d{3,4}(?=/)")
_SIZE_SEGMENT = re.compile(r"^\d{1,5}x\d{0,5}!?$")
_CDN_OPTIONS = re.compile(r"/cdn-cgi/image/[^/]+")
_RESIZE_SEGMENT = re.compile(r"^(?:[whc]_\w+)(?:,[whc]_\w+)*$")
_PLACEHOLDER = re.compile(r"placeholder", re.I)
_CREDIT_SEPARATOR = re.compile(r"\s*(?:[/,;&]|\band\b)\s*")


def image_key(url: str | None) -> str:
    """The comparison key of an image URL (see the module docstring for the rules)."""
    url = (url or "").strip()
    for _, value in parse_qsl(urlsplit(url).query):
        if value.startswith(("http://", "https://")):
            url = value
            break
    parts = urlsplit(_CDN_OPTIONS.sub("", unquote(url).lower()))
    segments = [s for s in parts.path.rstrip("/").split("/") if not _SIZE_SEGMENT.match(s)]
    segments = [s for s in segments if not _RESIZE_SEGMENT.match(s)]
    path = _WIDTH_HEIGHT.sub("", _SIZE_SUFFIX.sub("", _FORMAT_EXTENSIONS.sub("", "/".join(segments))))
    return f"{parts.netloc}{path}"


def _same_credit(ours: str | None, truth: list[str]) -> bool:
    """Credits compare as their parts: 'Jane Doe/AFP via Getty' is ['Jane Doe', 'AFP via Getty']."""
    def parts(text: str | None) -> list[str]:
        return [p for p in _CREDIT_SEPARATOR.split(clean_text(text).casefold()) if p]

    return parts(ours) == parts("/".join(truth))


def _same_text(ours: str | None, truth: str | None) -> bool:
    def norm(text: str | None) -> str:
        return clean_text(text).casefold().rstrip(" .")

    return bool(truth) and norm(ours) == norm(truth)


def score_page(truth: list[dict[str, Any]], ours: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts of one page: tp/fp/fn over image keys, caption and credit hits and totals."""
    truth = [t for t in truth if t.get("url") and not _PLACEHOLDER.search(t["url"].rsplit("/", 1)[-1])]
    by_key = {image_key(o["url"]): o for o in reversed(ours) if o.get("url")}
    truth_keys = {image_key(t["url"]) for t in truth}
    counts: dict[str, Any] = {
        "tp": len(truth_keys & by_key.keys()), "fp": len(by_key.keys() - truth_keys),
        "fn": len(truth_keys - by_key.keys()), "cap": [0, 0], "credit": [0, 0],
        "missed": sorted(truth_keys - by_key.keys()), "extra": sorted(by_key.keys() - truth_keys),
    }
    seen: set[str] = set()
    for image in truth:
        key = image_key(image["url"])
        if key in seen:
            continue
        seen.add(key)
        mine = by_key.get(key, {})
        if image.get("caption"):
            counts["cap"][0] += _same_text(mine.get("caption"), image["caption"])
            counts["cap"][1] += 1
        if image.get("authors"):
            counts["credit"][0] += _same_credit(mine.get("credit"), image["authors"])
            counts["credit"][1] += 1
    return counts


def _ratios(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _share(pair: list[int]) -> str:
    return f"{pair[0]}/{pair[1]}" if pair[1] else "-"


def main(argv: list[str]) -> int:
    if not DEV_DIR.is_dir():
        print(f"dev pages not found at {DEV_DIR}; skipping")
        return 0
    verbose = "-v" in argv
    total: dict[str, Any] = {"tp": 0, "fp": 0, "fn": 0, "cap": [0, 0], "credit": [0, 0]}
    print(f"{'page':32} {'tp':>3} {'fp':>3} {'fn':>3} {'prec':>5} {'rec':>5} {'f1':>5}"
          f" {'caption':>8} {'credit':>7}")
    for path in sorted(DEV_DIR.glob("*.json")):
        truth = json.loads(path.read_text("utf-8"))
        if truth.get("images") is None:
            continue
        raw = gzip.decompress(path.with_name(path.stem + ".html.gz").read_bytes())
        page = score_page(truth["images"], extract_article(raw, url=truth["url"])["images"])
        for name in ("tp", "fp", "fn"):
            total[name] += page[name]
        for name in ("cap", "credit"):
            total[name] = [a + b for a, b in zip(total[name], page[name], strict=True)]
        p, r, f = _ratios(page["tp"], page["fp"], page["fn"])
        print(f"{path.stem:32} {page['tp']:3d} {page['fp']:3d} {page['fn']:3d} {p:5.2f} {r:5.2f} {f:5.2f}"
              f" {_share(page['cap']):>8} {_share(page['credit']):>7}")
        if verbose:
            for key in page["missed"]:
                print(f"{'':4}missed {key[:110]}")
            for key in page["extra"]:
                print(f"{'':4}extra  {key[:110]}")
    p, r, f = _ratios(total["tp"], total["fp"], total["fn"])
    cap, credit = total["cap"], total["credit"]
    print(f"\nimages: precision {p:.3f} recall {r:.3f} F1 {f:.3f} (tp {total['tp']} fp {total['fp']}"
          f" fn {total['fn']})")
    print(f"caption accuracy {cap[0] / max(cap[1], 1):.3f} ({_share(cap)}), "
          f"credit accuracy {credit[0] / max(credit[1], 1):.3f} ({_share(credit)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
