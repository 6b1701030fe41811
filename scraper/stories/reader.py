"""Article records from JSON-lines inputs, read as many times as the clustering needs.

The input is streamed, never held: each pass reads the files again. Standard input (`-`) can be
read only once, so it is copied to a temporary file first (disk, not memory). Bad lines (not JSON,
not an object, no text `body`) and unreadable files are counted and skipped; every pass skips the
same ones, so record numbers agree between passes.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from types import TracebackType
from typing import IO, Any

Record = dict[str, Any]


class RecordSource(AbstractContextManager["RecordSource"]):
    """The inputs of one run: `records()` yields (number, record) for every good line, each pass."""

    def __init__(self, paths: list[str], stdin: IO[bytes] | None = None) -> None:
        self.problems: Counter[str] = Counter()
        self._spool: tempfile._TemporaryFileWrapper[bytes] | None = None
        self._paths: list[Path] = []
        for path in paths:
            if path == "-":
                self._paths.append(self._spool_stdin(stdin or sys.stdin.buffer))
            else:
                self._paths.append(Path(path))
        self._counting = True

    def _spool_stdin(self, stream: IO[bytes]) -> Path:
        if self._spool is None:
            # Closed in close(): the spool lives as long as the source, not one block.
            self._spool = tempfile.NamedTemporaryFile(prefix="stories-stdin-", suffix=".jsonl")  # noqa: SIM115
            shutil.copyfileobj(stream, self._spool)
            self._spool.flush()
        return Path(self._spool.name)

    def records(self) -> Iterator[tuple[int, Record]]:
        """Every good record with its number (0, 1, ... across all inputs in order)."""
        number = 0
        for path in self._paths:
            for record in self._read(path):
                yield number, record
                number += 1
        # Problems are counted on the first complete pass only; later passes see the same lines.
        self._counting = False

    def _read(self, path: Path) -> Iterator[Record]:
        try:
            stream = path.open("rb")
        except OSError as exc:
            self._count(f"unreadable file ({path}: {exc.strerror or exc})")
            return
        with stream:
            for line in stream:
                record = self._parse(line)
                if record is not None:
                    yield record

    def _parse(self, line: bytes) -> Record | None:
        if not line.strip():
            return None
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            self._count("not JSON")
            return None
        if not isinstance(record, dict):
            self._count("not a JSON object")
            return None
        if not isinstance(record.get("body"), str) or not record["body"].strip():
            self._count("no body")
            return None
        return record

    def _count(self, reason: str) -> None:
        if self._counting:
            self.problems[reason] += 1

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()
            self._spool = None

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
