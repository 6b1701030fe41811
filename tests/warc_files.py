"""WARC files for the tests, written with warcio: every record type, a PDF, a record cut short."""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SENTENCE = ("the council said on tuesday that the river project would go ahead after a long review of "
            "its costs and the views of residents who live along the banks")


def article_html(title: str, charset_meta: bool = True, text: str = "") -> str:
    """An article page long enough to be written (a headline and three paragraphs)."""
    paragraphs = "".join(f"<p>{text} {SENTENCE} ({title}, part {i}).</p>" for i in range(3))
    meta = '<meta charset="utf-8">' if charset_meta else ""
    return (f"<html><head>{meta}<title>{title}</title><meta property='og:type' content='article'></head>"
            f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>")


def plain_record(
    kind: str, url: str, body: bytes = b"", content_type: str | None = "text/html; charset=utf-8",
    status: str = "200 OK", date: str = "2025-06-01T12:30:45Z",
) -> bytes:
    """One uncompressed WARC/1.1 record; HTTP headers for response and request records."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False, warc_version="1.1")
    http = None
    if kind == "response":
        headers = [("Content-Type", content_type)] if content_type else []
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    elif kind == "request":
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True)
    if kind == "metadata":
        record = writer.create_warc_record(url, kind, payload=io.BytesIO(body), length=len(body),
                                           warc_content_type="application/warc-fields")
    elif kind == "revisit":
        record = writer.create_revisit_record(url, "sha1:AAAA", url, "2025-05-01T00:00:00Z",
                                              http_headers=StatusAndHeaders("304 Not Modified", [],
                                                                            protocol="HTTP/1.1"))
    else:
        record = writer.create_warc_record(url, kind, payload=io.BytesIO(body), length=len(body),
                                           http_headers=http)
    record.rec_headers.replace_header("WARC-Date", date)
    writer.write_record(record)
    return buffer.getvalue()


def cut_short(record: bytes, missing: int = 200) -> bytes:
    """The record with `missing` bytes taken out of its block (its Content-Length still claims them)."""
    middle = len(record) // 2
    return record[:middle] + record[middle + missing :]


@dataclass
class MixedWarc:
    """A WARC with pages and everything that is not one, and what a reader should find in it."""

    records: list[bytes]
    urls: list[str]  # the article pages, in file order
    skipped: dict[str, int]

    def plain(self) -> bytes:
        return b"".join(self.records)

    def gzipped(self) -> bytes:
        """Gzip per record (each record its own member), as crawlers write them."""
        return b"".join(gzip.compress(record) for record in self.records)


def mixed_warc() -> MixedWarc:
    """warcinfo-free: request, response pages, revisit, metadata, a PDF, a 404 and a record cut short."""
    page = lambda n: f"https://news.example.com/story-{n}.html"  # noqa: E731 - a local shorthand
    cyrillic = article_html("Мэр открыл мост", charset_meta=False, text="Мэр города открыл новый мост.")
    records = [
        plain_record("request", page(1)),
        plain_record("response", page(1), article_html("Story one").encode()),
        plain_record("revisit", page(1)),
        plain_record("metadata", page(1), b"via: https://news.example.com/\r\n"),
        plain_record("response", page(2), b"%PDF-1.4 binary", content_type="application/pdf"),
        cut_short(plain_record("response", page(3), article_html("Story three").encode())),
        # KOI8-R without a meta charset: only the HTTP header says how to decode it.
        plain_record("response", page(4), cyrillic.encode("koi8-r"), "text/html; charset=koi8-r"),
        plain_record("response", page(5), b"<html><body>Not found</body></html>", status="404 Not Found"),
        plain_record("request", page(6)),
        plain_record("response", page(6), article_html("Story six").encode()),
    ]
    skipped = {"request": 2, "revisit": 1, "metadata": 1, "application/pdf": 1, "truncated": 1,
               "http_404": 1}
    return MixedWarc(records, [page(1), page(4), page(6)], skipped)
