"""Progress bars for long offline work (count, rate, ETA), shown only to a person at a terminal.

Every long command uses the same helper so they behave alike: a bar on stderr when stderr is a
terminal, and nothing when it is not (cron, CI, a pipe into a log) or when the user asked for
`--quiet`; the command's own final summary is printed either way.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from tqdm import tqdm

T = TypeVar("T")


def bars_enabled(quiet: bool = False) -> bool:
    """True when a bar should be drawn: not quiet, and stderr is an interactive terminal."""
    if quiet:
        return False
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty())


def _screen() -> tuple[int, int]:
    """stderr's size for tqdm; 80x24 where it reports none (a pseudo-terminal of size 0x0 would
    otherwise get an empty bar, and tqdm hides bars below a screen's last row)."""
    try:
        size = os.get_terminal_size(sys.stderr.fileno())
        columns, lines = size.columns, size.lines
    except (AttributeError, OSError, ValueError):
        columns, lines = 0, 0
    return columns or 80, lines or 24


def progress(
    iterable: Iterable[T], total: int | None = None, desc: str = "", unit: str = "it", quiet: bool = False
) -> Iterator[T]:
    """Yield from `iterable`, drawing a bar on stderr when `bars_enabled(quiet)`.

    `total` defaults to len(iterable) when it has one, so the bar shows an ETA.
    """
    if not bars_enabled(quiet):
        yield from iterable
        return
    if total is None and hasattr(iterable, "__len__"):
        total = len(iterable)  # type: ignore[arg-type]
    columns, rows = _screen()
    with tqdm(iterable, total=total, desc=desc, unit=unit, file=sys.stderr, ncols=columns, nrows=rows) as bar:
        yield from bar


def byte_bar(total: int | None, desc: str = "", quiet: bool = False) -> tqdm[Any]:
    """A bar counting bytes (call `.update(n)`; close it when done); disabled like `progress`.

    For inputs read line by line: the file size is known up front, the line count is not, so
    bytes give the ETA.
    """
    return count_bar(total, desc, "B", quiet, unit_scale=True, unit_divisor=1024)


def count_bar(
    total: int | None, desc: str = "", unit: str = "it", quiet: bool = False, **options: Any
) -> tqdm[Any]:
    """A bar counting what the caller reports with `.update(n)` (close it when done); disabled like
    `progress`. For work driven from inside a loop the caller does not own."""
    columns, rows = _screen()
    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, ncols=columns, nrows=rows,
                disable=not bars_enabled(quiet), **options)


def note(message: str) -> None:
    """Print a line to stderr above any bar being drawn (a plain print would tear the bar)."""
    tqdm.write(message, file=sys.stderr)
