"""Body and headline accuracy of `extract_article` beside its peers, per data set, as the standard
article-extraction benchmark scores it.

Data sets are read from `../shared/data/<set>/` relative to the repository root (`dev`, `readability`,
`dragnet`: `<id>.html.gz` beside `<id>.json` ground truth); a missing set is skipped with a message.

Scores, per page, then averaged over the pages of a set:
- body: `\\w+` tokens (case-sensitive), 4-token shingles, multiset precision / recall / F1; an empty
  truth and an empty output score 1, exactly one of them empty scores 0.
- headline: exact (white space collapsed) and normalized (also case, quote and dash styles folded),
  over the pages whose truth has a headline.
- catastrophic pages: ours F1 < 0.5 while trafilatura's >= 0.8 (listed against the default; counted
  against each trafilatura configuration too).

Peers, in the same run: `trafilatura.extract` (default, which keeps readers' comments), trafilatura
with `favor_precision=True`, both again with `include_comments=False` (the fair peers: an article body
stops before the comments, and on comment-heavy pages they score far above the default), and
readability-lxml (`pip install -e '.[bench]'`; skipped when absent). Peers' outputs are cached in
`.bench-cache/` (keyed by page bytes and library version) because only our extractor changes between
runs; `--no-cache` recomputes them.

Usage: python bench/accuracy.py [--sets dev,readability,dragnet] [--per-page] [--worst N] [--json]
       [--workers N] [--no-cache]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import multiprocessing
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_ROOT = REPO_ROOT.parent / "shared" / "data"
CACHE = REPO_ROOT / ".bench-cache"
SETS = ("dev", "readability", "dragnet")
SHINGLE = 4
METRICS = ("precision", "recall", "f1")
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"',
                         "«": '"', "»": '"', "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " "})


@dataclass
class Page:
    """One page of a data set: its bytes, URL and ground truth."""

    name: str
    html: bytes
    url: str | None
    headline: str | None
    body: str


def load_pages(folder: Path) -> list[Page]:
    """Every `<id>.html.gz` with its `<id>.json` in folder, sorted by name; pages whose truth says
    the article is not in the HTML (a `note` on an error stub) are left out."""
    pages = []
    for path in sorted(folder.glob("*.html.gz")):
        truth_path = path.with_name(path.name.removesuffix(".html.gz") + ".json")
        if not truth_path.exists():
            continue
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        if truth.get("note"):
            continue
        pages.append(Page(path.name.removesuffix(".html.gz"), gzip.decompress(path.read_bytes()),
                          truth.get("url"), truth.get("headline"), truth.get("body") or ""))
    return pages


def shingles(text: str | None) -> Counter[tuple[str, ...]]:
    """Multiset of case-sensitive `\\w+` 4-grams (the whole text as one when shorter)."""
    words = _WORD.findall(text or "")
    if 0 < len(words) < SHINGLE:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def score_body(predicted: str | None, truth: str | None) -> tuple[float, float, float]:
    """Shingle precision, recall and F1."""
    pred, gold = shingles(predicted), shingles(truth)
    if not pred and not gold:
        return 1.0, 1.0, 1.0
    if not pred or not gold:
        return 0.0, 0.0, 0.0
    overlap = sum((pred & gold).values())
    precision, recall = overlap / sum(pred.values()), overlap / sum(gold.values())
    f1 = 2 * precision * recall / (precision + recall) if overlap else 0.0
    return precision, recall, f1


def exact_form(text: str | None) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def normal_form(text: str | None) -> str:
    """Case, white space, quote and dash styles folded."""
    return exact_form(unicodedata.normalize("NFKC", text or "").translate(_QUOTES)).casefold()


# Extractors: page -> (body text, headline or None). Module-level so worker processes can pickle them.


def run_ours(page: Page) -> tuple[str, str | None]:
    from scraper import extract_article

    record = extract_article(page.html, url=page.url)
    return record.get("body") or "", record.get("headline")


def run_trafilatura(page: Page) -> tuple[str, str | None]:
    import trafilatura

    return trafilatura.extract(page.html, url=page.url) or "", None


def run_trafilatura_precision(page: Page) -> tuple[str, str | None]:
    import trafilatura

    return trafilatura.extract(page.html, url=page.url, favor_precision=True) or "", None


def run_trafilatura_no_comments(page: Page) -> tuple[str, str | None]:
    import trafilatura

    return trafilatura.extract(page.html, url=page.url, include_comments=False) or "", None


def run_trafilatura_precision_no_comments(page: Page) -> tuple[str, str | None]:
    import trafilatura

    return trafilatura.extract(page.html, url=page.url, include_comments=False,
                               favor_precision=True) or "", None


def run_readability(page: Page) -> tuple[str, str | None]:
    from lxml import html as lxml_html
    from readability import Document

    try:
        doc = Document(page.html)
        summary = lxml_html.fromstring(doc.summary(html_partial=True))
    except Exception:  # readability raises on empty or odd documents: score as no output
        return "", None
    blocks = summary.xpath("//p|//h1|//h2|//h3|//h4|//h5|//h6|//li|//pre|//td")
    text = "\n\n".join(_SPACES.sub(" ", b.text_content()).strip() for b in blocks)
    return text or summary.text_content(), doc.short_title()


EXTRACTORS: dict[str, Callable[[Page], tuple[str, str | None]]] = {
    "ours": run_ours,
    "trafilatura": run_trafilatura,
    "trafilatura precision": run_trafilatura_precision,
    "trafilatura no comments": run_trafilatura_no_comments,
    "trafilatura precision no comments": run_trafilatura_precision_no_comments,
    "readability-lxml": run_readability,
}
PEERS = ("trafilatura", "trafilatura precision", "trafilatura no comments",
         "trafilatura precision no comments", "readability-lxml")


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    package = "readability-lxml" if name == "readability-lxml" else "trafilatura"
    try:
        return version(package)
    except PackageNotFoundError:
        return "absent"


def _call(args: tuple[str, Page]) -> tuple[tuple[str, str | None], float]:
    name, page = args
    start = time.perf_counter()
    try:
        out = EXTRACTORS[name](page)
    except Exception as err:  # a crash scores as an empty output and is reported
        print(f"  {name} failed on {page.name}: {err!r}", file=sys.stderr)
        out = ("", None)
    return out, time.perf_counter() - start


def run_extractor(name: str, pages: Sequence[Page], pool: Any, use_cache: bool) -> tuple[list[Any], float]:
    """Outputs of one extractor on every page, and the CPU seconds it took (0 when cached)."""
    cache_file = None
    if name != "ours" and use_cache:
        digest = hashlib.sha1(b"".join(hashlib.sha1(p.html).digest() for p in pages)).hexdigest()[:16]
        cache_file = CACHE / f"{name.replace(' ', '_')}-{_version(name)}-{digest}.json"
        if cache_file.exists():
            return json.loads(cache_file.read_text(encoding="utf-8")), 0.0
    mapper = pool.imap if pool else map
    results = list(mapper(_call, [(name, page) for page in pages]))
    outputs = [list(out) for out, _ in results]
    if cache_file:
        CACHE.mkdir(exist_ok=True)
        cache_file.write_text(json.dumps(outputs), encoding="utf-8")
    return outputs, sum(seconds for _, seconds in results)


def evaluate_set(name: str, pages: Sequence[Page], pool: Any, use_cache: bool) -> dict[str, Any]:
    """Scores of every extractor on one data set."""
    extractors = [e for e in EXTRACTORS if e == "ours" or _version(e) != "absent"]
    outputs, seconds = {}, {}
    for extractor in extractors:
        outputs[extractor], seconds[extractor] = run_extractor(extractor, pages, pool, use_cache)
    rows = []
    for i, page in enumerate(pages):
        row: dict[str, Any] = {"page": page.name}
        for extractor in extractors:
            body, headline = outputs[extractor][i]
            row[extractor] = score_body(body, page.body)
            if extractor == "ours":
                row["headline"] = headline
        rows.append(row)
    return {"set": name, "pages": len(pages), "extractors": extractors, "rows": rows,
            "seconds": seconds, "truth": pages}


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def catastrophic(result: dict[str, Any], peer: str = "trafilatura") -> list[dict[str, Any]]:
    return [row for row in result["rows"] if row["ours"][2] < 0.5 and row[peer][2] >= 0.8]


def headline_scores(result: dict[str, Any]) -> tuple[int, float, float]:
    """Pages with a true headline, and our exact and normalized accuracy on them."""
    rows_and_truth = zip(result["rows"], result["truth"], strict=True)
    pairs = [(row["headline"], page.headline) for row, page in rows_and_truth if page.headline]
    exact = mean([exact_form(a) == exact_form(b) for a, b in pairs])
    normal = mean([normal_form(a) == normal_form(b) for a, b in pairs])
    return len(pairs), exact, normal


def print_set(result: dict[str, Any], per_page: bool, worst: int) -> None:
    rows = result["rows"]
    print(f"== {result['set']} ({result['pages']} pages)")
    print(f"  {'extractor':34} {'P':>6} {'R':>6} {'F1':>6} {'cpu s':>7}")
    for extractor in result["extractors"]:
        p, r, f = (mean([row[extractor][k] for row in rows]) for k in range(3))
        secs = result["seconds"][extractor]
        print(f"  {extractor:34} {p:6.3f} {r:6.3f} {f:6.3f} {secs if secs else float('nan'):7.1f}")
    n, exact, normal = headline_scores(result)
    if n:
        print(f"  headline ({n} pages with one): exact {exact:.3f}  normalized {normal:.3f}")
    bad = catastrophic(result)
    empty = sum(1 for row in bad if row["ours"][0] == 0.0 and row["ours"][1] == 0.0)
    print(f"  catastrophic pages (ours F1 < 0.5, trafilatura >= 0.8): {len(bad)} ({empty} with no overlap)")
    for row in bad:
        print(f"    {row['page']:40} ours P/R {row['ours'][0]:.2f}/{row['ours'][1]:.2f}  "
              f"trafilatura F1 {row['trafilatura'][2]:.2f}")
    others = [p for p in result["extractors"] if p.startswith("trafilatura") and p != "trafilatura"]
    if others:
        counts = ", ".join(f"{peer}: {len(catastrophic(result, peer))}" for peer in others)
        print(f"  the same against the other trafilatura configurations: {counts}")
    listed = rows if per_page else sorted(rows, key=lambda r: r["ours"][2] - r["trafilatura"][2])[:worst]
    if listed:
        print(f"  {'page (ours vs trafilatura, worst first)' if not per_page else 'page':40} "
              f"{'P':>5} {'R':>5} {'F1':>5} | {'tF1':>5}")
        for row in listed:
            o = row["ours"]
            theirs = row["trafilatura"][2]
            print(f"    {row['page'][:38]:38} {o[0]:5.2f} {o[1]:5.2f} {o[2]:5.2f} | {theirs:5.2f}")
    print()


def summary_json(result: dict[str, Any]) -> dict[str, Any]:
    rows = result["rows"]
    n, exact, normal = headline_scores(result)
    return {
        "set": result["set"], "pages": result["pages"],
        "body": {e: {key: mean([r[e][k] for r in rows]) for k, key in enumerate(METRICS)}
                 for e in result["extractors"]},
        "headline": {"pages": n, "exact": exact, "normalized": normal},
        "catastrophic": [row["page"] for row in catastrophic(result)],
        "catastrophic_by_peer": {p: [row["page"] for row in catastrophic(result, p)]
                                 for p in result["extractors"] if p.startswith("trafilatura")},
        "per_page": [{"page": r["page"], **{e: r[e] for e in result["extractors"]}} for r in rows],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated data sets")
    parser.add_argument("--data", type=Path, default=DATA_ROOT, help="folder holding the data sets")
    parser.add_argument("--per-page", action="store_true", help="print one row per page")
    parser.add_argument("--worst", type=int, default=0, help="print the N pages where ours trails most")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--workers", type=int, default=multiprocessing.cpu_count(), help="processes")
    parser.add_argument("--no-cache", action="store_true", help="recompute the peers' outputs")
    args = parser.parse_args(argv)
    results = []
    with multiprocessing.Pool(args.workers) if args.workers > 1 else _NoPool() as pool:
        for name in args.sets.split(","):
            folder = args.data / name
            pages = load_pages(folder) if folder.is_dir() else []
            if not pages:
                print(f"no data set at {folder}: skipped", file=sys.stderr)
                continue
            result = evaluate_set(name, pages, pool if args.workers > 1 else None, not args.no_cache)
            results.append(result)
            if not args.json:
                print_set(result, args.per_page, args.worst)
    if args.json:
        print(json.dumps([summary_json(r) for r in results], indent=1))
    return 0


class _NoPool:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


if __name__ == "__main__":
    sys.exit(main())
