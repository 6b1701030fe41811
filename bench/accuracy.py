"""Accuracy and speed of `extract_article` beside bare `trafilatura.extract` on the dev pages.

Reads `../shared/data/dev/*.html.gz` (+ `*.json` ground truth) relative to the repository root.

Scores:
- headline: exact match after white-space normalization (NFC, collapsed spaces, stripped).
- body: precision / recall / F1 over word 3-gram shingles, counted as a *multiset* (a shingle that
  occurs twice in the truth must be found twice); tokens are lowercased `\\w+` words.
- speed: pages/second of each extractor over all pages, timed in alternating passes (ours, theirs,
  theirs, ours, ...) after one untimed warm-up pass; the best pass of each is kept.

Usage: python bench/accuracy.py [--data DIR] [--per-page] [--json] [--passes N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "dev"
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
SHINGLE = 3


@dataclass
class Page:
    """One dev page: its bytes, its URL and its ground truth."""

    name: str
    html: bytes
    url: str | None
    headline: str
    body: str


@dataclass
class Score:
    """Precision, recall and F1 of one extracted body against the truth."""

    precision: float
    recall: float
    f1: float


def load_pages(folder: Path) -> list[Page]:
    """Every `<id>.html.gz` with its `<id>.json` in folder, sorted by name."""
    pages = []
    for path in sorted(folder.glob("*.html.gz")):
        truth_path = path.with_name(path.name.removesuffix(".html.gz") + ".json")
        if not truth_path.exists():
            continue
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        pages.append(
            Page(
                name=path.name.removesuffix(".html.gz"),
                html=gzip.decompress(path.read_bytes()),
                url=truth.get("url"),
                headline=truth.get("headline") or "",
                body=truth.get("body") or "",
            )
        )
    return pages


def normalize_space(text: str | None) -> str:
    """NFC, collapsed white space, stripped: the headline comparison form."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def shingles(text: str | None, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Multiset of lowercased word n-grams (the whole text when shorter than n words)."""
    words = _WORD.findall((text or "").lower())
    if 0 < len(words) < size:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def score_body(predicted: str | None, truth: str | None) -> Score:
    """Shingle precision/recall/F1; two empty texts agree perfectly."""
    pred, gold = shingles(predicted), shingles(truth)
    if not pred and not gold:
        return Score(1.0, 1.0, 1.0)
    overlap = sum((pred & gold).values())
    precision = overlap / sum(pred.values()) if pred else 0.0
    recall = overlap / sum(gold.values()) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1)


def run_ours(page: Page) -> dict[str, Any]:
    from scraper import extract_article

    return extract_article(page.html, url=page.url)


def run_trafilatura(page: Page) -> str | None:
    import trafilatura

    return trafilatura.extract(page.html, url=page.url)


def time_pass(func: Callable[[Page], Any], pages: Sequence[Page]) -> float:
    """Seconds to run func over every page once."""
    start = time.perf_counter()
    for page in pages:
        func(page)
    return time.perf_counter() - start


def best_times(pages: Sequence[Page], passes: int) -> tuple[float, float]:
    """Best-of-N seconds per full pass for ours and trafilatura, alternating the order each pass."""
    ours: list[float] = []
    theirs: list[float] = []
    for i in range(passes):
        order = [(run_ours, ours), (run_trafilatura, theirs)]
        for func, sink in order if i % 2 == 0 else reversed(order):
            sink.append(time_pass(func, pages))
    return min(ours), min(theirs)


def evaluate(pages: Sequence[Page]) -> list[dict[str, Any]]:
    """Per-page scores (this is also the warm-up pass for the timings)."""
    rows = []
    for page in pages:
        record = run_ours(page)
        ours = score_body(record.get("body"), page.body)
        theirs = score_body(run_trafilatura(page), page.body)
        rows.append(
            {
                "page": page.name,
                "headline_ok": normalize_space(record.get("headline")) == normalize_space(page.headline),
                "ours": asdict(ours),
                "trafilatura": asdict(theirs),
            }
        )
    return rows


def summarize(rows: Sequence[dict[str, Any]], seconds: tuple[float, float]) -> dict[str, Any]:
    """Mean scores and throughput over all pages."""
    n = len(rows)

    def mean(who: str, key: str) -> float:
        return sum(row[who][key] for row in rows) / n

    ours_s, theirs_s = seconds
    return {
        "pages": n,
        "headline_accuracy": sum(row["headline_ok"] for row in rows) / n,
        "ours": {k: mean("ours", k) for k in ("precision", "recall", "f1")},
        "trafilatura": {k: mean("trafilatura", k) for k in ("precision", "recall", "f1")},
        "ours_pages_per_s": n / ours_s,
        "trafilatura_pages_per_s": n / theirs_s,
        "time_ratio": ours_s / theirs_s,
        "shingles": f"word {SHINGLE}-grams, multiset",
    }


def print_table(rows: Sequence[dict[str, Any]], summary: dict[str, Any], per_page: bool) -> None:
    head = f"{'page':40} {'head':>4} {'P':>6} {'R':>6} {'F1':>6} | {'tP':>6} {'tR':>6} {'tF1':>6}"
    print(head)
    print("-" * len(head))
    if per_page:
        for row in rows:
            o, t = row["ours"], row["trafilatura"]
            print(
                f"{row['page'][:40]:40} {'ok' if row['headline_ok'] else 'NO':>4} "
                f"{o['precision']:6.3f} {o['recall']:6.3f} {o['f1']:6.3f} | "
                f"{t['precision']:6.3f} {t['recall']:6.3f} {t['f1']:6.3f}"
            )
        print("-" * len(head))
    o, t = summary["ours"], summary["trafilatura"]
    print(
        f"{'mean (' + str(summary['pages']) + ' pages)':40} {summary['headline_accuracy']:4.2f} "
        f"{o['precision']:6.3f} {o['recall']:6.3f} {o['f1']:6.3f} | "
        f"{t['precision']:6.3f} {t['recall']:6.3f} {t['f1']:6.3f}"
    )
    print()
    print(f"body F1 (shingles: {summary['shingles']}): ours {o['f1']:.3f}  trafilatura {t['f1']:.3f}  "
          f"delta {o['f1'] - t['f1']:+.3f}")
    print(f"headline exact match: {summary['headline_accuracy']:.3f}")
    print(
        f"pages/s: extract_article {summary['ours_pages_per_s']:.1f}  "
        f"trafilatura.extract {summary['trafilatura_pages_per_s']:.1f}  "
        f"time ratio (ours/trafilatura) {summary['time_ratio']:.2f}x"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of *.html.gz + *.json")
    parser.add_argument("--per-page", action="store_true", help="print one row per page")
    parser.add_argument("--json", action="store_true", help="print the results as one JSON object")
    parser.add_argument("--passes", type=int, default=3, help="timed passes per extractor (best kept)")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no dev data at {args.data}: nothing to benchmark", file=sys.stderr)
        return 0
    pages = load_pages(args.data)
    if not pages:
        print(f"no *.html.gz pages with ground truth in {args.data}", file=sys.stderr)
        return 0
    rows = evaluate(pages)
    summary = summarize(rows, best_times(pages, max(1, args.passes)))
    if args.json:
        print(json.dumps({"summary": summary, "pages": rows}, indent=2))
    else:
        print_table(rows, summary, args.per_page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
