"""Writing WARC: record pairs with digests, rotation into numbered files, kill -9 safety, file names."""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import os
import signal
import subprocess
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

from scrapy.utils.test import get_crawler
from warcio.archiveiterator import ArchiveIterator

from scraper.warc.reader import Skip, WarcPage, read_warc
from scraper.warc.recorder import WarcRecorderMiddleware, insert_worker, worker_name
from scraper.warc.writer import HttpExchange, RotatingWarcWriter, exchange_records, numbered_path
from tests.warc_files import article_html

ROOT = Path(__file__).resolve().parent.parent
BODY = gzip.compress(article_html("Written").encode())


def exchange(n: int = 0) -> HttpExchange:
    return HttpExchange(
        url=f"https://example.com/story-{n}.html?x=1", status=200, body=BODY,
        response_headers=[("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip"),
                          ("Transfer-Encoding", "chunked"), ("Content-Length", "999")],
        request_headers=[("User-Agent", "test-agent")], ip_address="127.0.0.1",
    )


def gzip_members(data: bytes) -> int:
    count = 0
    while data:
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        inflater.decompress(data)
        assert inflater.eof
        data, count = inflater.unused_data, count + 1
    return count


def test_an_exchange_is_a_response_and_its_request_with_digests() -> None:
    data = exchange_records(exchange(), gzip=True)
    assert gzip_members(data) == 2  # gzip per record
    records = list(ArchiveIterator(io.BytesIO(data), check_digests=True))  # raises on a wrong digest
    response, request = records
    assert response.rec_type == "response" and request.rec_type == "request"
    assert response.rec_headers.protocol == "WARC/1.1"
    assert request.rec_headers.get_header("WARC-Concurrent-To") == response.rec_headers.get_header(
        "WARC-Record-ID")
    sha1 = base64.b32encode(hashlib.sha1(BODY).digest()).decode()
    assert response.rec_headers.get_header("WARC-Payload-Digest") == f"sha1:{sha1}"  # of the wire body
    assert response.http_headers.get_header("Transfer-Encoding") is None  # the body is not chunked
    assert response.http_headers.get_header("Content-Length") == str(len(BODY))
    assert response.rec_headers.get_header("WARC-IP-Address") == "127.0.0.1"
    assert request.http_headers.protocol == "GET" and request.http_headers.get_header("Host") == "example.com"


def test_files_rotate_at_the_size_limit_into_numbered_files(tmp_path: Path) -> None:
    writer = RotatingWarcWriter(tmp_path / "crawl.warc.gz", max_size=3000)
    for n in range(10):
        writer.write(exchange(n))
    writer.close()
    files = sorted(tmp_path.iterdir())
    assert len(files) > 2 and files == writer.written
    assert [path.name for path in files[:2]] == ["crawl-00000.warc.gz", "crawl-00001.warc.gz"]
    urls = []
    for path in files:
        with path.open("rb") as stream:
            items = list(read_warc(stream))
        assert isinstance(items[0], Skip) and items[0].reason == "warcinfo"  # each file says what wrote it
        urls += [item.url for item in items if isinstance(item, WarcPage)]
    assert urls == [f"https://example.com/story-{n}.html?x=1" for n in range(10)]


def test_a_plain_warc_when_the_name_says_so(tmp_path: Path) -> None:
    writer = RotatingWarcWriter(tmp_path / "crawl.warc")
    writer.write(exchange())
    writer.close()
    assert (tmp_path / "crawl-00000.warc").read_bytes().startswith(b"WARC/1.1\r\n")


WRITE_FOREVER = """
import sys
from tests.test_warc_writer import exchange
from scraper.warc.writer import RotatingWarcWriter
writer = RotatingWarcWriter(sys.argv[1], max_size=1 << 40)
n = 0
while True:
    writer.write(exchange(n))
    n += 1
"""


def test_kill_9_leaves_only_whole_records_and_reopening_cuts_a_torn_tail(tmp_path: Path) -> None:
    template = tmp_path / "crawl.warc.gz"
    writer = subprocess.Popen([sys.executable, "-c", WRITE_FOREVER, str(template)], cwd=ROOT)
    open_file = tmp_path / "crawl-00000.warc.gz.open"
    deadline = time.monotonic() + 60
    while (not open_file.exists() or open_file.stat().st_size < 200_000) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    with open_file.open("rb") as stream:
        kinds = Counter(type(item).__name__ if isinstance(item, WarcPage) else item.reason
                        for item in read_warc(stream))
    assert kinds["WarcPage"] > 10 and kinds["WarcPage"] == kinds["request"]
    assert not {"truncated", "corrupt"} & set(kinds)

    whole = open_file.stat().st_size
    with open_file.open("ab") as stream:  # what a crash in the middle of a write would leave
        stream.write(exchange_records(exchange(), gzip=True)[:300])
    resumed = RotatingWarcWriter(template)
    resumed.write(exchange(99))
    resumed.close()
    final = tmp_path / "crawl-00000.warc.gz"
    assert not open_file.exists() and final.stat().st_size > whole
    with final.open("rb") as stream:
        items = list(read_warc(stream))
    assert not [item for item in items if isinstance(item, Skip) and item.reason in ("truncated", "corrupt")]
    assert isinstance(items[-2], WarcPage) and items[-2].url.startswith("https://example.com/story-99.")


def test_a_finished_file_is_never_appended_to(tmp_path: Path) -> None:
    (tmp_path / "crawl-00000.warc.gz").write_bytes(b"an earlier run's file")
    writer = RotatingWarcWriter(tmp_path / "crawl.warc.gz")
    writer.write(exchange())
    writer.close()
    assert writer.written == [tmp_path / "crawl-00001.warc.gz"]
    assert (tmp_path / "crawl-00000.warc.gz").read_bytes() == b"an earlier run's file"


def test_names() -> None:
    assert numbered_path(Path("out/a.warc.gz"), 3) == Path("out/a-00003.warc.gz")
    assert numbered_path(Path("out/a.warc"), 12) == Path("out/a-00012.warc")
    assert insert_worker("w/%(name)s-%(time)s.warc.gz") == "w/%(name)s-%(time)s-%(worker)s.warc.gz"


def test_cluster_workers_write_one_file_series_each(tmp_path: Path) -> None:
    template = str(tmp_path / "%(name)s.warc.gz")
    single = WarcRecorderMiddleware.from_crawler(get_crawler(settings_dict={"WARC_OUTPUT": template}))
    cluster = WarcRecorderMiddleware.from_crawler(
        get_crawler(settings_dict={"WARC_OUTPUT": template, "REDIS_URL": "redis://127.0.0.1:1/0"})
    )
    assert single._path() == tmp_path / "crawl.warc.gz"
    assert cluster._path() == tmp_path / f"crawl-{worker_name()}.warc.gz"


def test_reading_and_writing_warc_need_no_scrapy() -> None:
    code = (
        "import sys; import scraper.warc.reader, scraper.warc.writer, scraper.warc.extraction, "
        "scraper.commands.extract; "
        "assert not any(m == 'scrapy' or m.startswith('scrapy.') for m in sys.modules), 'scrapy'"
    )
    command = [sys.executable, "-c", code]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
