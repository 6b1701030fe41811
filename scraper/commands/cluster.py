"""Group article records into stories: syndicated copies together, the original named.

Reads JSON-lines article records (any number of files, - for stdin) and writes one JSON line per
story: story_id, size, headline, original {url, publisher, published, basis} and members. Bad lines
(not JSON, no body) are counted and skipped with a warning. Exit status: 0 done, 1 an output could not
be written, 2 nothing could be read (or bad arguments).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from scraper.progress import count_bar
from scraper.stories import StoryResult, build_stories
from scraper.stories.reader import RecordSource
from scraper.stories.similarity import DEFAULT_THRESHOLD

EXIT_OK = 0
EXIT_CANNOT_WRITE = 1
EXIT_NOTHING_READ = 2
PROG = "scraper cluster"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="IN.jsonl", help="article records, or - for stdin")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the stories here (default: stdout)")
    parser.add_argument(
        "--threshold",
        type=_threshold,
        default=DEFAULT_THRESHOLD,
        metavar="T",
        help=f"exact similarity (Jaccard, or teaser containment) that makes two records one story "
        f"(0 < T <= 1, default {DEFAULT_THRESHOLD})",
    )
    parser.add_argument(
        "--annotate", metavar="OUT.jsonl", help="also write the input records with story_id and is_original"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bars, only the final summary")


class PassBars:
    """One progress bar per pass over the input; the first pass's count is the later passes' total."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bars: dict[str, Any] = {}

    def update(self, name: str, done: int) -> None:
        bar = self.bars.get(name)
        if bar is None:
            total = max((b.n for b in self.bars.values()), default=None)
            bar = self.bars[name] = count_bar(total, desc=name, unit="record", quiet=self.quiet)
        bar.update(done - bar.n)

    def __enter__(self) -> PassBars:
        return self

    def __exit__(self, *exc: object) -> None:
        for bar in self.bars.values():
            bar.close()


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError("must be > 0 and <= 1")
    return value


def run(args: argparse.Namespace) -> int:
    _log_to_stderr()
    with RecordSource(args.inputs) as source:
        with PassBars(args.quiet) as bars:
            result = build_stories(source, args.threshold, progress=bars.update)
        _report_problems(result.problems)
        if not result.records:
            print(f"{PROG}: error: no article records could be read", file=sys.stderr)
            return EXIT_NOTHING_READ
        try:
            with _output(args.output) as out:
                for story in result.stories:
                    out.write(json.dumps(story.output(), ensure_ascii=False) + "\n")
            if args.annotate:
                _annotate(source, result, Path(args.annotate))
        except OSError as exc:
            where = exc.filename or "output"
            print(f"{PROG}: error: cannot write {where}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_CANNOT_WRITE
    print(
        f"{PROG}: {result.records} records, {len(result.stories)} stories "
        f"({result.candidate_pairs} candidate pairs, {result.confirmed_pairs} confirmed)",
        file=sys.stderr,
    )
    return EXIT_OK


def _log_to_stderr() -> None:
    logger = logging.getLogger("scraper.stories")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(f"{PROG}: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def _report_problems(problems: Counter[str]) -> None:
    if not problems:
        return
    detail = ", ".join(f"{count} {reason}" for reason, count in sorted(problems.items()))
    print(f"{PROG}: warning: skipped {sum(problems.values())} bad inputs ({detail})", file=sys.stderr)


def _annotate(source: RecordSource, result: StoryResult, path: Path) -> None:
    """Write every good record again with story_id and is_original added (bad lines are not copied)."""
    annotations = result.annotations()
    with _output(str(path)) as out:
        for number, record in source.records():
            record["story_id"], record["is_original"] = annotations[number]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


@contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    """stdout, or a file that appears complete under its name (written aside, then renamed).

    Written aside also means an output named like one of the inputs does not cut that input short
    while it is still being read.
    """
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or Path("."))
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(target)) from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            yield out
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
