"""Cut a WARC stream (plain or gzip, per record or whole file) into the raw bytes of each record.

The libraries read a well-formed file well, but on a damaged one they either stop (a gzip member
that fails to inflate, a header that does not parse) or, worse, read a record cut short together with
the start of the next one as if it were one. Web archives are often damaged, so the framing is ours:
each record must end where its Content-Length says, followed by the blank line the format requires;
when it does not, the record is reported as damaged and reading resumes at the next `WARC/1.x` line.
In a gzip-per-record file a member that does not inflate is skipped up to the next gzip header.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
READ_SIZE = 1 << 20
# A header block bigger than this is not a WARC header: resynchronize rather than buffer forever.
MAX_HEADER = 1 << 16
# Records are held whole in memory; bigger ones (video, huge downloads) are never pages: skipped.
MAX_RECORD = 64 << 20
_RECORD_START = re.compile(rb"(?:^|\n)(WARC/1\.[0-9])\r?\n")
_CONTENT_LENGTH = re.compile(rb"\r?\ncontent-length:[ \t]*([0-9]+)[ \t]*\r?\n", re.I)
_HEADER_END = b"\r\n\r\n"
_TRAILER = b"\r\n\r\n"


@dataclass(frozen=True)
class Damaged:
    """Bytes that are not a whole record: 'truncated' (cut short), 'corrupt' (unreadable) or
    'too_large' (over MAX_RECORD, skipped unread)."""

    reason: str


def split_records(stream: BinaryIO) -> Iterator[bytes | Damaged]:
    """Each record's raw bytes (header, block, trailing blank line), or Damaged for what is not one."""
    first = _read(stream)
    if not first:
        return
    chunks = _chain(first, stream)
    if first.startswith(GZIP_MAGIC):
        yield from _gzip_records(chunks)
    else:
        splitter = RecordSplitter()
        for chunk in chunks:
            yield from splitter.feed(chunk)
        yield from splitter.close()


def _read(stream: BinaryIO) -> bytes:
    return stream.read(READ_SIZE) or b""


def _chain(first: bytes, stream: BinaryIO) -> Iterator[bytes]:
    yield first
    while chunk := _read(stream):
        yield chunk


def _gzip_records(chunks: Iterable[bytes]) -> Iterator[bytes | Damaged]:
    """Records of every gzip member; a member's end is a record boundary (records never span two)."""
    pending = b""  # compressed bytes not yet fed to a member
    source = iter(chunks)
    while True:
        if not pending:
            pending = next(source, b"")
            if not pending:
                return
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        splitter = RecordSplitter()
        member = pending
        try:
            while True:
                # Bounded output per call: a member that inflates to gigabytes streams through.
                yield from splitter.feed(inflater.decompress(pending, READ_SIZE))
                if inflater.eof:
                    pending = inflater.unused_data
                    break
                if inflater.unconsumed_tail:
                    pending = inflater.unconsumed_tail
                    continue
                pending = next(source, b"")
                if not pending:  # the file ends inside this member: a torn tail
                    yield from splitter.close()
                    return
                member = member[-2:] + pending  # enough to find a gzip header across chunk edges
        except zlib.error:
            yield Damaged("corrupt")
            pending = _next_member(member[1:], source)
            continue
        yield from splitter.close()


def _next_member(data: bytes, source: Iterator[bytes]) -> bytes:
    """The input from the next gzip header on (empty at the end of the input)."""
    while True:
        found = data.find(GZIP_MAGIC + b"\x08")
        if found >= 0:
            return data[found:]
        more = next(source, b"")
        if not more:
            return b""
        data = data[-2:] + more


class RecordSplitter:
    """Incremental framing of uncompressed WARC bytes into records (see the module doc)."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.skipping = False  # inside damage already reported: do not count it again

    def feed(self, data: bytes) -> Iterator[bytes | Damaged]:
        self.buffer += data
        while (outcome := self._next()) is not None:
            yield outcome

    def close(self) -> Iterator[bytes | Damaged]:
        """The end of the input: a record still waiting for bytes was cut short; records after it
        (already in the buffer, inside the length it claimed) are still read."""
        while self.buffer.strip():
            outcome = self._next()
            if outcome is None:
                outcome = self._resync(Damaged("truncated"))
                if self._record_start(1) < 0:
                    self.buffer.clear()
            if outcome is not None:
                yield outcome
        self.buffer.clear()

    def _next(self) -> bytes | Damaged | None:
        """One record (or damage) from the front of the buffer; None when more input is needed."""
        if not self._at_record():
            return self._skip_garbage()
        self.skipping = False
        header_end = self.buffer.find(_HEADER_END)
        if header_end < 0:
            return self._resync(Damaged("corrupt")) if len(self.buffer) > MAX_HEADER else None
        length = _CONTENT_LENGTH.search(self.buffer, 0, header_end + 2)
        if length is None:
            return self._resync(Damaged("corrupt"))
        if int(length.group(1)) > MAX_RECORD:
            return self._resync(Damaged("too_large"))
        end = header_end + len(_HEADER_END) + int(length.group(1)) + len(_TRAILER)
        if len(self.buffer) < end:
            return None
        if self.buffer[end - len(_TRAILER) : end] != _TRAILER:
            return self._resync(Damaged("truncated"))
        record = bytes(self.buffer[:end])
        del self.buffer[:end]
        return record

    def _at_record(self) -> bool:
        """Whether the buffer (blank lines dropped) starts with a `WARC/1.x` line."""
        del self.buffer[: len(self.buffer) - len(self.buffer.lstrip())]
        return _RECORD_START.match(self.buffer) is not None

    def _skip_garbage(self) -> bytes | Damaged | None:
        """Bytes that are not a record start: too few to tell yet (None), or damage to skip."""
        if len(self.buffer) < 10 and b"\n" not in self.buffer:
            return None
        damage = self._resync(Damaged("corrupt"), search_from=0)
        return damage if damage is not None else (self._next() if self._at_record() else None)

    def _resync(self, damage: Damaged, search_from: int = 1) -> Damaged | None:
        """Drop the buffer up to the next record start (all but a possible split start if none yet);
        the damage, unless it continues damage already reported."""
        reported = None if self.skipping else damage
        found = self._record_start(search_from)
        if found < 0:
            self.skipping = True
            del self.buffer[: max(0, len(self.buffer) - 16)]  # a record start may be split across reads
            return reported
        self.skipping = False
        del self.buffer[:found]
        return reported

    def _record_start(self, search_from: int) -> int:
        match = _RECORD_START.search(self.buffer, search_from)
        return -1 if match is None else match.start(1)
