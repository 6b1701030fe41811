"""Reading WARC files: pages out, everything else skipped and counted, damage survived."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from scraper.warc.extraction import extract_response, ordered_results
from scraper.warc.reader import Skip, WarcPage, iso_date, read_warc
from tests.warc_files import article_html, mixed_warc, plain_record

ROOT = Path(__file__).resolve().parent.parent


def read(data: bytes) -> tuple[list[WarcPage], Counter[str]]:
    items = list(read_warc(io.BytesIO(data)))
    pages = [item for item in items if isinstance(item, WarcPage)]
    return pages, Counter(item.reason for item in items if isinstance(item, Skip))


@pytest.mark.parametrize("form", ["plain", "gzip", "whole-file gzip"])
def test_pages_are_read_and_the_rest_is_counted_by_reason(form: str) -> None:
    warc = mixed_warc()
    data = {"plain": warc.plain(), "gzip": warc.gzipped(), "whole-file gzip": gzip.compress(warc.plain())}
    pages, skipped = read(data[form])
    assert [page.url for page in pages] == warc.urls  # the page after the cut-short record is read
    assert skipped == warc.skipped
    assert pages[0].crawled_at == "2025-06-01T12:30:45+00:00"
    assert pages[1].content_type == "text/html; charset=koi8-r"


@pytest.mark.parametrize("compressed", [False, True], ids=["plain", "gzip"])
def test_a_torn_tail_is_counted_and_the_records_before_it_are_read(compressed: bool) -> None:
    warc = mixed_warc()
    data = warc.gzipped() if compressed else warc.plain()
    pages, skipped = read(data[: len(data) - 150])
    assert [page.url for page in pages] == warc.urls[:-1]
    assert skipped["truncated"] == 2  # the record cut short inside, and the torn last one


def test_a_gzip_member_that_does_not_inflate_is_skipped_and_reading_goes_on() -> None:
    warc = mixed_warc()
    members = [gzip.compress(record) for record in warc.records]
    broken = bytearray(members[1])
    broken[len(broken) // 2] ^= 0xFF  # corrupt the deflate data of the first page
    pages, skipped = read(b"".join([members[0], bytes(broken), *members[2:]]))
    assert [page.url for page in pages] == warc.urls[1:]
    assert skipped["corrupt"] == 1


def test_garbage_between_records_is_one_corrupt_record() -> None:
    warc = mixed_warc()
    data = warc.records[1] + b"\x00junk that is no record\r\n" * 100 + warc.records[-1]
    pages, skipped = read(data)
    assert [page.url for page in pages] == [warc.urls[0], warc.urls[-1]]
    assert skipped == Counter({"corrupt": 1})


def test_a_content_encoded_body_is_decoded() -> None:
    body = gzip.compress(article_html("Zipped").encode())
    record = plain_record("response", "https://example.com/z", body)
    record = record.replace(b"Content-Type: text/html; charset=utf-8\r\n",
                            b"Content-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n")
    record = _fix_length(record)
    pages, _ = read(record)
    assert b"<h1>Zipped</h1>" in pages[0].body


def test_the_http_charset_decides_the_text() -> None:
    record = mixed_warc().records[6]
    line, _, _ = extract_response(record)
    assert line is not None and "Мэр города открыл новый мост" in line.decode("utf-8")
    # The same bytes without the header's charset come out wrong: the header is what was honoured.
    undeclared = _fix_length(record.replace(b"; charset=koi8-r", b""))
    line, _, _ = extract_response(undeclared)
    assert line is not None and "Мэр города" not in line.decode("utf-8")


def _fix_length(record: bytes) -> bytes:
    header, block = record.split(b"\r\n\r\n", 1)
    block = block[: -len(b"\r\n\r\n")]
    lines = [line for line in header.split(b"\r\n") if not line.lower().startswith(b"content-length")]
    lines.append(b"Content-Length: %d" % len(block))
    return b"\r\n".join(lines) + b"\r\n\r\n" + block + b"\r\n\r\n"


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-06-01T12:30:45Z", "2025-06-01T12:30:45+00:00"),
    ("2025-06-01T12:30:45.123456Z", "2025-06-01T12:30:45+00:00"),
    ("2025-06-01T14:30:45+02:00", "2025-06-01T12:30:45+00:00"),
    ("not a date", None),
    (None, None),
])
def test_warc_dates_become_utc_seconds(value: str | None, expected: str | None) -> None:
    assert iso_date(value) == expected


def extract(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "scraper.cli", "extract", *args]
    return subprocess.run(command, input=stdin, capture_output=True, timeout=120, check=False, cwd=ROOT)


def lines_of(result: subprocess.CompletedProcess[bytes]) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


def test_the_command_writes_one_line_per_article_and_a_summary(tmp_path: Path) -> None:
    warc = mixed_warc()
    (tmp_path / "a.warc").write_bytes(warc.plain())
    (tmp_path / "b.warc.gz").write_bytes(warc.gzipped())
    result = extract("--workers", "1", str(tmp_path / "a.warc"), str(tmp_path / "b.warc.gz"))
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    records = lines_of(result)
    # The second file holds the same articles: dropped as duplicates, as a crawl drops them.
    assert [record["url"] for record in records] == warc.urls
    assert {record["crawled_at"] for record in records} == {"2025-06-01T12:30:45+00:00"}
    assert "Мэр города открыл новый мост" in str(records[1]["body"])  # the HTTP charset, honoured
    summary = result.stderr.decode().strip().splitlines()[-1]
    assert summary.startswith("scraper extract: 20 WARC records read, 3 articles written; skipped: ")
    assert "duplicate 3" in summary and "request 4" in summary and "truncated 2" in summary


def test_two_workers_keep_the_input_order_and_stdin_works() -> None:
    many = b"".join(
        plain_record("response", f"https://example.com/{n}", article_html(f"Story number {n}").encode())
        for n in range(12)
    )
    one = extract("--workers", "1", "-", stdin=many)
    two = extract("--workers", "2", "-", stdin=gzip.compress(many))
    assert one.returncode == two.returncode == 0, two.stderr.decode()[-2000:]
    assert [record["url"] for record in lines_of(two)] == [f"https://example.com/{n}" for n in range(12)]
    assert one.stdout == two.stdout


def test_an_unfinished_warc_of_a_killed_crawl_is_read(tmp_path: Path) -> None:
    (tmp_path / "crawl-00000.warc.gz.open").write_bytes(mixed_warc().gzipped())
    result = extract("--workers", "1", str(tmp_path / "crawl-00000.warc.gz.open"))
    assert result.returncode == 0 and len(lines_of(result)) == 3


def test_an_unreadable_input_is_reported_and_the_others_are_read(tmp_path: Path) -> None:
    (tmp_path / "good.warc.gz").write_bytes(mixed_warc().gzipped())
    (tmp_path / "page.html").write_text(article_html("A page"), encoding="utf-8")
    paths = [str(tmp_path / name) for name in ("missing.warc.gz", "page.html", "good.warc.gz")]
    result = extract("--workers", "1", *paths)
    assert result.returncode == 1
    assert len(lines_of(result)) == 3
    errors = result.stderr.decode()
    assert "missing.warc.gz" in errors and "page.html: not a WARC file" in errors


def test_a_record_over_the_size_limit_is_skipped_and_reading_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("scraper.warc.framing.MAX_RECORD", 10_000)
    warc = mixed_warc()
    page = article_html("Big", text="word " * 5000).encode()
    big = plain_record("response", "https://example.com/big", page)
    pages, skipped = read(big + warc.records[1])
    assert [page.url for page in pages] == [warc.urls[0]]
    assert skipped == Counter({"too_large": 1})


def crash_on_marker(raw: bytes) -> tuple[bytes | None, list[int], str | None]:
    """Work that kills its worker process on one record, as a crash in a C library would."""
    if raw == b"crash":
        os._exit(1)
    return raw, [], None


def test_a_worker_that_dies_costs_its_record_and_the_rest_is_extracted() -> None:
    items: list[bytes | Skip] = [b"a", b"b", b"crash", b"c", Skip("request"), b"d", b"e"]
    outcomes = list(ordered_results(items, crash_on_marker, 2))
    assert len(outcomes) == len(items)
    assert outcomes[2] == (None, [], "worker_died")
    assert outcomes[3:] == [(b"c", [], None), (None, [], "request"), (b"d", [], None), (b"e", [], None)]
    # A record in flight beside the crash may be counted with it; none is lost or reordered.
    assert all(outcome in ((item, [], None), (None, [], "worker_died"))
               for item, outcome in zip(items[:2], outcomes[:2], strict=True))
