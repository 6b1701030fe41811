"""`scraper extract` on WARC inputs: which inputs are WARC files, and the run over them."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import BinaryIO

from scraper.warc.extraction import Tally, default_workers, extract_warcs
from scraper.warc.framing import GZIP_MAGIC
from scraper.warc.writer import OPEN_SUFFIX

WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc_path(path: str) -> bool:
    """A .warc or .warc.gz file (also a crawl's unfinished `.open` one)."""
    name = path.lower().removesuffix(OPEN_SUFFIX)
    return name.endswith(WARC_SUFFIXES)


def stdin_is_warc() -> bool:
    """Whether standard input starts like a WARC file (plain, or gzip: pages are never gzip here)."""
    head = sys.stdin.buffer.peek(8)[:8] if hasattr(sys.stdin.buffer, "peek") else b""
    return head.startswith((GZIP_MAGIC, b"WARC/"))


def any_warc(paths: list[str]) -> bool:
    """True when an input is a WARC (stdin sniffed): the WARC run then takes the whole command."""
    return any(stdin_is_warc() if path == "-" else is_warc_path(path) for path in paths)


def run_warc(paths: list[str], workers: int | None, quiet: bool = False) -> int:
    """Extract every input in order to stdout; the summary line on stderr; 1 if an input failed."""
    tally = Tally()
    failed: list[str] = []
    out = sys.stdout.buffer
    try:
        extract_warcs(_streams(paths, failed), out, workers or default_workers(), tally, quiet)
    finally:
        out.flush()
        print(tally.summary(), file=sys.stderr, flush=True)
    return 1 if failed else 0


def _streams(paths: list[str], failed: list[str]) -> Iterator[BinaryIO]:
    """Each input opened in turn; an unreadable one is reported on stderr and the rest still read."""
    for path in paths:
        if path == "-":
            yield sys.stdin.buffer
            continue
        if not is_warc_path(path):
            print(f"scraper extract: {path}: not a WARC file; extract pages and WARC files in separate calls",
                  file=sys.stderr)
            failed.append(path)
            continue
        try:
            stream = open(path, "rb")  # noqa: SIM115 - closed by the with below, after the yield
        except OSError as exc:
            print(f"scraper extract: {path}: {exc.strerror or exc}", file=sys.stderr)
            failed.append(path)
            continue
        with stream:
            yield stream
