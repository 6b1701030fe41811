"""`scraper demo`, the demo site and its server."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from scraper.demo_server import SiteServer, demo_site_root
from tests.demo_site_builder.build import build

ROOT = Path(__file__).resolve().parent.parent


def fetch(
    url: str, headers: dict[str, str] | None = None, method: str = "GET"
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_scraper_demo_writes_output_and_prints_the_summary(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "scraper.cli", "demo"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=90, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = (tmp_path / "output" / "demo.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 18 and all(record["headline"] and record["body"] for record in records)
    assert "Wrote 18 articles to output/demo.jsonl" in result.stdout
    assert "dropped: duplicate 2" in result.stdout and "not_html 2" in result.stdout
    assert result.stdout.rstrip().endswith("Wrote the report to output/demo-report.html")
    report = (tmp_path / "output" / "demo-report.html").read_text(encoding="utf-8")
    assert "Demo crawl report" in report and '"failure_reasons"' in report  # the crawl's failures are in it


def test_the_committed_demo_site_is_what_the_builder_makes(tmp_path: Path) -> None:
    built = {path.relative_to(tmp_path): path.read_bytes() for path in build(tmp_path)}
    bundled = {path.relative_to(demo_site_root()): path.read_bytes()
               for path in demo_site_root().rglob("*") if path.is_file()}
    assert sorted(built) == sorted(bundled)
    stale = [str(path) for path in built if built[path] != bundled[path]]
    assert not stale, f"run `python -m tests.demo_site_builder` and commit: {stale}"


@pytest.fixture
def server() -> Iterator[SiteServer]:
    with SiteServer(demo_site_root()) as running:
        yield running


def test_the_server_rewrites_the_base_url_also_inside_gzip(server: SiteServer) -> None:
    status, headers, body = fetch(server.url("robots.txt"))
    assert status == 200 and f"Sitemap: {server.base_url}/sitemap.xml".encode() in body
    status, headers, body = fetch(server.url("sitemaps/articles.xml.gz"))
    assert headers["Content-Type"] == "application/gzip"
    text = gzip.decompress(body).decode()
    assert "{{BASE}}" not in text and f"<loc>{server.base_url}/" in text
    status, headers, _ = fetch(server.url("tag/markets/"))
    assert status == 200 and headers["Content-Type"].startswith("text/html")


def test_the_server_answers_404_refuses_traversal_and_revalidates(server: SiteServer) -> None:
    assert fetch(server.url("nope.html"))[0] == 404
    assert fetch(server.base_url + "/../pyproject.toml")[0] == 404
    assert fetch(server.base_url + "/%2e%2e/%2e%2e/pyproject.toml")[0] == 404
    status, headers, _ = fetch(server.url("about.html"))
    assert fetch(server.url("about.html"), {"If-None-Match": headers["ETag"]})[0] == 304
    assert fetch(server.url("about.html"), {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    assert fetch(server.url("about.html"), method="HEAD")[2] == b""


def test_scripted_statuses_come_first(server: SiteServer) -> None:
    server.script("/about.html", 429, 503)
    assert [fetch(server.url("about.html"))[0] for _ in range(3)] == [429, 503, 200]
    assert server.requests == ["/about.html"] * 3
