"""Feed JSONL files into a `Summary` in one streaming pass, with a byte-counting progress bar.

A line that is not a JSON object (torn by a kill, hand-edited, binary junk) is counted in
`Summary.bad_lines` and skipped: one bad line must not cost the report of a million good ones.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from scraper.progress import byte_bar, note
from scraper.report.summary import Summary

Adder = Callable[[Summary, dict[str, Any]], None]


def read_inputs(
    articles: Iterable[str | Path],
    failures: Iterable[str | Path] = (),
    stories: str | Path | None = None,
    quiet: bool = False,
) -> Summary:
    """Summarize article, failure and story files; unreadable files are listed, never fatal."""
    jobs: list[tuple[Path, str, Adder]] = [(Path(p), "articles", Summary.add_article) for p in articles]
    jobs += [(Path(p), "failures", Summary.add_failure) for p in failures]
    if stories is not None:
        jobs.append((Path(stories), "stories", Summary.add_story))
    summary = Summary()
    with byte_bar(_total_size(path for path, _, _ in jobs), desc="report", quiet=quiet) as bar:
        for path, kind, add in jobs:
            try:
                with path.open("rb") as lines:
                    for line in lines:
                        bar.update(len(line))
                        _add_line(summary, kind, add, line)
            except OSError as exc:
                summary.unreadable_files.append(f"{path}: {exc.strerror or exc}")
                note(f"scraper report: {path}: {exc.strerror or exc}")
    return summary


def _add_line(summary: Summary, kind: str, add: Adder, line: bytes) -> None:
    if not line.strip():
        return
    try:
        record = json.loads(line)
    except ValueError:  # also UnicodeDecodeError
        record = None
    if isinstance(record, dict):
        add(summary, record)
    else:
        summary.bad_lines[kind] += 1


def _total_size(paths: Iterable[Path]) -> int | None:
    """Bytes to read, for the bar's ETA; None when a size is unknown (stdin, a pipe)."""
    total = 0
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            continue
        if not os.path.isfile(path):
            return None
        total += stat.st_size
    return total
