"""JSON-lines output that survives `kill -9`: one write per line, repair on resume, rename when done.

Scrapy's feed exporter writes through a buffered file, so a killed crawl can leave half a line at
the end. Here each record is one `os.write` on an O_APPEND descriptor, and a resumed run first cuts
whatever follows the last complete line.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from scraper.record import ordered

PART_SUFFIX = ".part"


def dated_output_path(output_dir: str | Path, spider: str, started: datetime) -> Path:
    """output/<spider>/<UTC timestamp>.jsonl, sortable and free of characters odd in file names."""
    return Path(output_dir) / spider / f"{started.strftime('%Y%m%dT%H%M%SZ')}.jsonl"


def part_path(path: str | Path) -> Path:
    return Path(f"{path}{PART_SUFFIX}")


def serialize(record: dict[str, Any]) -> bytes:
    """One JSON line: documented field order, UTF-8 not \\u-escaped."""
    return (json.dumps(ordered(record), ensure_ascii=False) + "\n").encode("utf-8")


@dataclass
class Recovered:
    """What a resumed run finds after the committed offset of its output."""

    records: list[dict[str, Any]] = field(default_factory=list)
    cut_bytes: int = 0
    offset: int = 0


def recover_tail(path: str | Path, committed_offset: int) -> Recovered:
    """Read the lines after committed_offset; truncate the file at the first incomplete or bad line.

    The complete lines are returned so the caller can record them as written (they were written but
    the crash came before the state was told).
    """
    file = Path(path)
    if not file.exists():
        return Recovered()
    size = file.stat().st_size
    if committed_offset > size:  # the file was rotated or cut by someone else: start from its end
        return Recovered(offset=size)
    with file.open("rb") as handle:
        handle.seek(committed_offset)
        tail = handle.read()
    records, good = _complete_records(tail)
    cut = len(tail) - good
    if cut:
        os.truncate(file, committed_offset + good)
    return Recovered(records, cut, committed_offset + good)


def _complete_records(tail: bytes) -> tuple[list[dict[str, Any]], int]:
    """The records of the complete, valid JSON lines at the start of tail, and their length in bytes."""
    records: list[dict[str, Any]] = []
    good = 0
    for line in tail.splitlines(keepends=True):
        if not line.endswith(b"\n"):
            break
        try:
            record = json.loads(line)
        except ValueError:
            break
        if not isinstance(record, dict):
            break
        records.append(record)
        good += len(line)
    return records, good


class JsonlAppender:
    """Appends records to a file, one atomic-as-possible write per line; reports the offset after each."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def write(self, record: dict[str, Any]) -> int:
        """Append one record; return the file offset just after it."""
        data = memoryview(serialize(record))
        while data:
            written = os.write(self._fd, data)
            data = data[written:]
        return os.lseek(self._fd, 0, os.SEEK_CUR)

    def size(self) -> int:
        """The file's length: where the next line goes (this process is its only writer)."""
        return os.fstat(self._fd).st_size

    def close(self, sync: bool = True) -> None:
        if self._fd < 0:
            return
        if sync:
            os.fsync(self._fd)
        os.close(self._fd)
        self._fd = -1


def finalize(part: str | Path, final: str | Path) -> Path:
    """Give a completed .part file its final name (atomic on one file system); empty runs too."""
    part, final = Path(part), Path(final)
    if not part.exists():
        part.parent.mkdir(parents=True, exist_ok=True)
        part.touch()
    os.replace(part, final)
    return final


def file_size(path: str | Path) -> int:
    try:
        return Path(path).stat().st_size
    except FileNotFoundError:
        return 0
