"""Per-field accuracy of the metadata extractors (headline, authors, published), per data set.

Reads `../shared/data/<set>` relative to the repository root (each `<id>.html.gz` beside its
ground-truth `<id>.json`) for the sets `dev` (hand-checked news pages) and `readability` (Mozilla
Readability's test pages: headline and byline from Readability.js, published where it has one);
a set that is absent is skipped with a message. Usage: python bench/fields.py [-v] [--sets dev,readability]
(-v lists every mismatch)

Authors are scored twice: `authors` is the exact list, `authors~` compares name sets after the
normalization of bench/bylines.py (a raw byline string such as "By Jane Doe March 25, 2015" or
"Stella Kim, Jennifer Jett" against a list of names). A truth byline that names nobody (a date,
"Follow Author") is not scored by `authors~`; such pages are counted on the `furniture` line.
"""

from __future__ import annotations

import gzip
import json
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script: its sibling modules

from bylines import is_furniture, name_set  # noqa: E402

from scraper.extract.article import strip_ticker_from
from scraper.extract.attribution import extract_attribution
from scraper.extract.authors import extract_authors
from scraper.extract.dates import extract_dates
from scraper.extract.document import parse_document
from scraper.extract.headline import extract_headline
from scraper.extract.language import detect_language
from scraper.extract.metadata import read_metadata
from scraper.extract.site import extract_site
from scraper.extract.text import clean_text

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
DEFAULT_SETS = ("dev", "readability")


def instant(value: str | None) -> datetime | None:
    """A comparable instant; a timezone-less value is taken as UTC (the extractor's convention)."""
    if not value:
        return None
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def extract(raw: bytes, url: str) -> dict[str, Any]:
    """The metadata fields of one page, computed the way extract_fields does (no body)."""
    doc = parse_document(raw, url=url)
    strip_ticker_from(doc)
    meta = read_metadata(doc.tree)
    published, _ = extract_dates(doc.tree, meta)
    attribution, _ = extract_attribution(doc.tree, meta, url)
    return {
        "headline": extract_headline(doc.tree, meta),
        "authors": extract_authors(doc.tree, meta),
        "published": published,
        "site": extract_site(meta, url),
        "language": detect_language(meta, ""),
        "attribution": attribution,
    }


def score(truth: dict[str, Any], got: dict[str, Any]) -> dict[str, bool | None]:
    """Per-field exact match (None where the ground truth does not check the field)."""
    out: dict[str, bool | None] = {"headline": None, "authors": None, "authors~": None, "published": None}
    if truth.get("headline"):
        out["headline"] = clean_text(truth["headline"]) == clean_text(got["headline"] or "")
    if truth.get("authors") is not None:
        out["authors"] = [clean_text(a) for a in truth["authors"]] == got["authors"]
        if not is_furniture(truth["authors"]):
            out["authors~"] = name_set(truth["authors"]) == name_set(got["authors"])
    if truth.get("published"):
        out["published"] = instant(truth["published"]) == instant(got["published"])
    return out


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    sets = DEFAULT_SETS
    if "--sets" in argv and argv.index("--sets") + 1 < len(argv):
        sets = tuple(argv[argv.index("--sets") + 1].split(","))
    for name in sets:
        folder = DATA_DIR / name
        if not folder.is_dir():
            print(f"{name}: pages not found at {folder}; skipping")
            continue
        print(f"== {name}")
        print_totals(score_set(folder, verbose))
    return 0


def page_url(truth: dict[str, Any]) -> str:
    """The page's URL: the truth's own, else the address its test harness served it from."""
    return truth.get("url") or truth.get("source", {}).get("harness_url") or "https://example.com/"


def score_set(folder: Path, verbose: bool) -> dict[str, list[int]]:
    """Right and checked pages per field over one data set."""
    totals: dict[str, list[int]] = {}
    furniture = 0
    for path in sorted(folder.glob("*.json")):
        truth = json.loads(path.read_text("utf-8"))
        got = extract(gzip.decompress(path.with_name(path.stem + ".html.gz").read_bytes()), page_url(truth))
        scores = score(truth, got)
        if truth.get("authors") and is_furniture(truth["authors"]):
            furniture += 1
            if verbose:
                print(f"{path.stem:32} authors   names nobody {truth['authors']!r}; got {got['authors']!r}")
        for field, ok in scores.items():
            if ok is None:
                continue
            hits = totals.setdefault(field, [0, 0])
            hits[0] += ok
            hits[1] += 1
            if verbose and not ok and field != "authors~":
                mark = " (names match)" if field == "authors" and scores["authors~"] else ""
                print(f"{path.stem:32} {field:9} want {truth[field]!r}{mark}\n{'':42} got  {got[field]!r}")
        if verbose and got["attribution"]:
            print(f"{path.stem:32} attribution {got['attribution']}")
    if furniture:
        totals["furniture"] = [0, furniture]
    return totals


def print_totals(totals: dict[str, list[int]]) -> None:
    print(f"{'field':10} {'exact':>6} {'pages':>6} {'accuracy':>9}")
    for field, (right, pages) in totals.items():
        if field == "furniture":
            print(f"({pages} truth bylines name nobody: a date or page furniture; not scored by authors~)")
        else:
            print(f"{field:10} {right:6d} {pages:6d} {right / pages:9.3f}")

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
