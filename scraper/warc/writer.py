"""Write fetched HTTP exchanges as WARC/1.1 files that survive `kill -9` and rotate at a size.

Each exchange is a `response` record and its `request` record (WARC-Concurrent-To the response),
each its own gzip member, with WARC-Block-Digest and WARC-Payload-Digest (warcio computes them). Like
our JSONL output, the pair goes to disk in one `os.write` on an O_APPEND descriptor, so a killed
process leaves whole records only. The file being written is `<name>.open`; it gets its final name
(fsynced first) when it reaches the size limit or the crawl ends, and the next file has the next
number. Opening a `.open` file left by a crash (the same name again) cuts a torn tail first.
"""

from __future__ import annotations

import io
import os
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper import __version__
from scraper.warc.framing import READ_SIZE, Damaged, split_records

OPEN_SUFFIX = ".open"
DEFAULT_MAX_SIZE = 1 << 30
# Hop-by-hop framing the HTTP client already undid: the stored body is not chunked.
_DROPPED_RESPONSE_HEADERS = frozenset({"transfer-encoding"})


@dataclass
class HttpExchange:
    """One fetch as it went over the wire (the body still content-encoded, as the server sent it)."""

    url: str
    status: int
    response_headers: list[tuple[str, str]]
    body: bytes
    method: str = "GET"
    request_headers: list[tuple[str, str]] = field(default_factory=list)
    request_body: bytes = b""
    protocol: str = "HTTP/1.1"
    ip_address: str | None = None


def numbered_path(template: Path, serial: int) -> Path:
    """crawl.warc.gz -> crawl-00000.warc.gz (the number goes before .warc/.warc.gz)."""
    name = template.name
    for suffix in (".warc.gz", ".warc"):
        if name.endswith(suffix):
            return template.with_name(f"{name[: -len(suffix)]}-{serial:05d}{suffix}")
    return template.with_name(f"{name}-{serial:05d}")


def exchange_records(exchange: HttpExchange, gzip: bool) -> bytes:
    """The response and request records of one exchange, serialized (each gzip member its own)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip, warc_version="1.1")
    extra = {"WARC-IP-Address": exchange.ip_address} if exchange.ip_address else {}
    response = writer.create_warc_record(
        exchange.url, "response", payload=io.BytesIO(exchange.body), length=len(exchange.body),
        http_headers=_response_headers(exchange), warc_headers_dict=extra,
    )
    request = writer.create_warc_record(
        exchange.url, "request", payload=io.BytesIO(exchange.request_body),
        length=len(exchange.request_body), http_headers=_request_headers(exchange),
        warc_headers_dict={"WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID")},
    )
    writer.write_record(response)
    writer.write_record(request)
    return buffer.getvalue()


def _response_headers(exchange: HttpExchange) -> StatusAndHeaders:
    try:
        reason = HTTPStatus(exchange.status).phrase
    except ValueError:
        reason = ""
    headers = [(k, v) for k, v in exchange.response_headers if k.lower() not in _DROPPED_RESPONSE_HEADERS]
    if any(k.lower() == "content-length" for k, _ in headers):
        # The body as received, possibly cut at DOWNLOAD_MAXSIZE: the header must match what is stored.
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
        headers.append(("Content-Length", str(len(exchange.body))))
    statusline = f"{exchange.status} {reason}".strip()
    return StatusAndHeaders(statusline, headers, protocol=exchange.protocol)


def _request_headers(exchange: HttpExchange) -> StatusAndHeaders:
    parts = urlsplit(exchange.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = list(exchange.request_headers)
    if not any(k.lower() == "host" for k, _ in headers):
        headers.insert(0, ("Host", parts.netloc))
    return StatusAndHeaders(f"{exchange.method} {target} HTTP/1.1", headers, is_http_request=True)


class RotatingWarcWriter:
    """Appends exchanges to numbered WARC files, starting the next one past `max_size` bytes."""

    def __init__(self, template: str | Path, max_size: int = DEFAULT_MAX_SIZE) -> None:
        self.template = Path(template)
        self.max_size = max(1, max_size)
        self.gzip = not self.template.name.endswith(".warc")
        self.serial = 0
        self.path: Path | None = None  # the final name of the file being written
        self.written: list[Path] = []
        self._fd = -1
        self._size = 0

    def write(self, exchange: HttpExchange) -> None:
        """Append the exchange's records in one write; rotate when the file has reached the limit."""
        data = exchange_records(exchange, self.gzip)
        if self._fd < 0:
            self._open_next()
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view):]
        self._size += len(data)
        if self._size >= self.max_size:
            self._finish()

    def close(self) -> None:
        """Finish the file being written (fsync, final name)."""
        if self._fd >= 0:
            self._finish()

    def _open_next(self) -> None:
        while True:
            path = numbered_path(self.template, self.serial)
            self.serial += 1
            if not path.exists():  # never append to a finished file of an earlier run
                break
        path.parent.mkdir(parents=True, exist_ok=True)
        open_path = Path(f"{path}{OPEN_SUFFIX}")
        cut_torn_tail(open_path)
        self._fd = os.open(open_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self._size = os.fstat(self._fd).st_size
        self.path = path
        if self._size == 0:
            os.write(self._fd, warcinfo_record(path.name, self.gzip))
            self._size = os.fstat(self._fd).st_size

    def _finish(self) -> None:
        assert self.path is not None
        os.fsync(self._fd)
        os.close(self._fd)
        self._fd = -1
        os.replace(f"{self.path}{OPEN_SUFFIX}", self.path)
        self.written.append(self.path)


def warcinfo_record(filename: str, gzip: bool) -> bytes:
    """The `warcinfo` record that opens each file: what wrote it and when."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip, warc_version="1.1")
    info = {
        "software": f"syndiscrape/{__version__}",
        "format": "WARC File Format 1.1",
        "created": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
    }
    writer.write_record(writer.create_warcinfo_record(filename, info))
    return buffer.getvalue()


def cut_torn_tail(path: Path) -> int:
    """Truncate a WARC file after its last whole record (a crash can leave one half written);
    return the bytes cut. A missing file is left missing."""
    if not path.exists():
        return 0
    with path.open("rb") as stream:
        good = _whole_records_length(stream)
    cut = path.stat().st_size - good
    if cut:
        os.truncate(path, good)
    return cut


def _whole_records_length(stream: io.BufferedReader) -> int:
    """Bytes from the start of the file up to the end of its last whole record, before any damage."""
    if stream.peek(2)[:2] == b"\x1f\x8b":
        return _whole_members_length(stream)
    length = 0
    for record in split_records(stream):
        if isinstance(record, Damaged):
            break
        length += len(record)
    return length


def _whole_members_length(stream: io.BufferedReader) -> int:
    """Bytes up to the end of the last gzip member that inflates completely."""
    good = position = 0
    pending = b""
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    while True:
        if not pending:
            pending = stream.read(READ_SIZE)
            if not pending:
                return good
        try:
            inflater.decompress(pending)
        except zlib.error:
            return good
        if inflater.eof:
            position += len(pending) - len(inflater.unused_data)
            good, pending = position, inflater.unused_data
            inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        else:
            position += len(pending)
            pending = b""
