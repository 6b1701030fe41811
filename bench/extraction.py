"""Extraction throughput: `extract_article` beside trafilatura, readability-lxml, newspaper4k and goose3.

Pages: every `tests/fixtures/**/*.html` and, when present, `../shared/data/dev/*.html.gz` (relative
to the repository root). Each extractor runs in this one process on the same bytes; extractors that
are not installed are listed as such (install them with `pip install -e '.[bench]'`). Network access
is refused (newspaper4k would otherwise download images to size them; it runs with fetch_images off).

Timing is fair by construction: one untimed warm-up pass per extractor, then N rounds; each round
runs every extractor once over a page set, the order rotating from round to round (so no extractor
always runs first, hot or cold); the best pass of each extractor is kept. A page an extractor raises
on counts as done (its time is included) and is reported in the `errors` column.

`--cpu` times passes by this process's CPU time instead of the wall clock: on a machine shared with
other work, waiting for a core is then not counted (every extractor here runs in this one thread).

Usage: python bench/extraction.py [--passes N] [--data DIR] [--only NAME,...] [--cpu] [--json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = REPO_ROOT / "tests" / "fixtures"
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "dev"
BASELINE = "trafilatura"
FIXTURE_URL = "https://example.com/news/article"


@dataclass
class Page:
    """One page: its bytes and URL (the ground truth's URL for dev pages, a placeholder otherwise)."""

    name: str
    html: bytes
    url: str


@dataclass
class Timing:
    """Best pass time and error count of one extractor over one page set."""

    best: float = float("inf")
    errors: int = 0
    passes: list[float] = field(default_factory=list)


Extractor = Callable[[Page], Any]


def fixture_pages(folder: Path = FIXTURES) -> list[Page]:
    """Every HTML fixture page (golden, hostile, ...), sorted by path."""
    paths = sorted(folder.rglob("*.html"))
    return [Page(str(path.relative_to(folder)), path.read_bytes(), FIXTURE_URL) for path in paths]


def dev_pages(folder: Path) -> list[Page]:
    """Every `<id>.html.gz` in folder with the URL from its `<id>.json` ground truth."""
    pages = []
    for path in sorted(folder.glob("*.html.gz")):
        truth = path.with_name(path.name.removesuffix(".html.gz") + ".json")
        url = json.loads(truth.read_text(encoding="utf-8")).get("url") if truth.exists() else None
        pages.append(Page(path.name, gzip.decompress(path.read_bytes()), url or FIXTURE_URL))
    return pages


def available_extractors() -> tuple[dict[str, Extractor], dict[str, str]]:
    """(name -> callable for the installed extractors, name -> reason for the missing ones)."""
    found: dict[str, Extractor] = {}
    missing: dict[str, str] = {}
    for name, factory in FACTORIES.items():
        try:
            found[name] = factory()
        except ImportError as err:
            missing[name] = f"not installed ({err.name or err})"
    return found, missing


def _ours() -> Extractor:
    from scraper import extract_article

    return lambda page: extract_article(page.html, url=page.url)


def _trafilatura() -> Extractor:
    import trafilatura

    return lambda page: trafilatura.extract(page.html, url=page.url)


def _readability() -> Extractor:
    from readability import Document

    return lambda page: Document(page.html, url=page.url).summary()


def _newspaper() -> Extractor:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "nltk is not installed": only its NLP extras need it
        import newspaper

    def run(page: Page) -> Any:
        # Its default fetches images over the network to size them: not extraction, and not offline.
        article = newspaper.Article(page.url, fetch_images=False)
        article.download(input_html=page.html.decode("utf-8", "replace"))
        article.parse()
        return article.text

    return run


def _goose() -> Extractor:
    from goose3 import Goose

    goose = Goose({"enable_image_fetching": False})
    return lambda page: goose.extract(url=page.url, raw_html=page.html).cleaned_text


FACTORIES: dict[str, Callable[[], Extractor]] = {
    "extract_article": _ours,
    "trafilatura": _trafilatura,
    "readability-lxml": _readability,
    "newspaper4k": _newspaper,
    "goose3": _goose,
}


def refuse_network() -> None:
    """Make any non-loopback connection fail at once: a peer that fetches would time the network."""
    import socket

    connect = socket.socket.connect

    def loopback_only(self: socket.socket, address: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else ""
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise OSError(f"bench/extraction.py refuses network access to {host!r}")
        return connect(self, address)

    socket.socket.connect = loopback_only  # type: ignore[method-assign,assignment]


def time_pass(
    func: Extractor, pages: Sequence[Page], clock: Callable[[], float] = time.perf_counter
) -> tuple[float, int]:
    """(seconds, errors) of one pass of func over the pages."""
    errors = 0
    start = clock()
    for page in pages:
        try:
            func(page)
        except Exception:  # noqa: BLE001 - a peer failing on a page is a result, not a crash
            errors += 1
    return clock() - start, errors


def time_extractors(
    extractors: dict[str, Extractor],
    pages: Sequence[Page],
    passes: int,
    clock: Callable[[], float] = time.perf_counter,
) -> dict[str, Timing]:
    """Best-of-N pass times, the extractor order rotating each round after an untimed warm-up."""
    names = list(extractors)
    timings = {name: Timing() for name in names}
    for name in names:
        timings[name].errors = time_pass(extractors[name], pages)[1]
    for round_no in range(passes):
        shift = round_no % len(names)
        for name in names[shift:] + names[:shift]:
            seconds, _ = time_pass(extractors[name], pages, clock)
            timings[name].passes.append(seconds)
            timings[name].best = min(timings[name].best, seconds)
    return timings


def machine() -> str:
    """One line describing where the numbers come from."""
    import os

    import lxml.etree

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, lxml {'.'.join(map(str, lxml.etree.LXML_VERSION[:3]))}, "
        f"load average {load:.1f} at start"
    )


def rows_for(sets: dict[str, list[Page]], timings: dict[str, dict[str, Timing]]) -> list[dict[str, Any]]:
    """One row per extractor: pages/s per page set and overall, and the ratio to the baseline."""
    rows = []
    total_pages = sum(len(pages) for pages in sets.values())
    has_base = all(BASELINE in timings[s] for s in sets)
    base_total = sum(timings[s][BASELINE].best for s in sets) if has_base else None
    for name in next(iter(timings.values())):
        row: dict[str, Any] = {"extractor": name, "errors": sum(timings[s][name].errors for s in sets)}
        for set_name, pages in sets.items():
            row[set_name] = len(pages) / timings[set_name][name].best
        total = sum(timings[s][name].best for s in sets)
        row["all"] = total_pages / total
        row["ratio"] = base_total / total if base_total else None
        rows.append(row)
    return rows


def print_table(
    sets: dict[str, list[Page]], rows: list[dict[str, Any]], missing: dict[str, str], cpu: bool = False
) -> None:
    columns = [f"{name} ({len(pages)})" for name, pages in sets.items()] + [
        f"all ({sum(map(len, sets.values()))})"
    ]
    cells = " ".join(f"{c:>15}" for c in columns)
    head = f"{'extractor':18} {cells} {'vs trafilatura':>15} {'errors':>7}"
    clock = "CPU time" if cpu else "wall clock"
    print(f"pages/s ({clock}), one process, best of N alternating passes")
    print(head)
    print("-" * len(head))
    for row in rows:
        cells = " ".join(f"{row[name]:15.1f}" for name in sets) + f" {row['all']:15.1f}"
        ratio = f"{row['ratio']:.2f}x" if row["ratio"] else "-"
        print(f"{row['extractor']:18} {cells} {ratio:>15} {row['errors']:7d}")
    for name, reason in missing.items():
        print(f"{name:18} {reason}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of dev *.html.gz pages")
    parser.add_argument("--passes", type=int, default=5, help="timed rounds (best pass kept)")
    parser.add_argument("--only", default="", help="comma-separated extractor names")
    parser.add_argument("--cpu", action="store_true", help="time by process CPU time, not wall clock")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    refuse_network()
    sets = {"fixtures": fixture_pages()}
    if args.data.is_dir():
        sets["dev"] = dev_pages(args.data)
    sets = {name: pages for name, pages in sets.items() if pages}
    extractors, missing = available_extractors()
    if args.only:
        wanted = {BASELINE, *args.only.split(",")}
        extractors = {k: v for k, v in extractors.items() if k in wanted}
    clock = time.process_time if args.cpu else time.perf_counter
    passes = max(1, args.passes)
    timings = {name: time_extractors(extractors, pages, passes, clock) for name, pages in sets.items()}
    rows = rows_for(sets, timings)
    if args.json:
        print(json.dumps({"machine": machine(), "cpu": args.cpu, "rows": rows, "missing": missing}, indent=2))
    else:
        print(machine())
        print_table(sets, rows, missing, args.cpu)
    return 0


if __name__ == "__main__":
    sys.exit(main())
