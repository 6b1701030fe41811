"""`scraper report` and the progress behaviour of long commands when stderr is not a terminal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from lxml import html

from tests.test_report_summary import article, write_lines

ROOT = Path(__file__).resolve().parent.parent


def scraper(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "scraper.cli", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120, check=False)


def test_report_writes_one_page_and_only_a_summary_line_off_a_terminal(tmp_path: Path) -> None:
    write_lines(tmp_path / "a.jsonl", [article(published="2025-06-01T10:00:00+00:00"), "torn {", article()])
    write_lines(tmp_path / "f.jsonl", [{"url": "https://a.test/x", "reason": "timeout"}])
    write_lines(tmp_path / "s.jsonl", [{"story_id": "s", "size": 2, "headline": "h", "members": []}])
    result = scraper(
        "report",
        "a.jsonl",
        "--failures",
        "f.jsonl",
        "--stories",
        "s.jsonl",
        "-o",
        "out/report.html",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    # No bar (stderr is a pipe here), nothing on stdout: one summary line.
    assert result.stdout == "" and "\r" not in result.stderr
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert "2 articles, 1 failures, 1 stories (1 bad lines, 0 unreadable files)" in result.stderr
    page = html.fromstring((tmp_path / "out" / "report.html").read_bytes())
    specs = json.loads(page.get_element_by_id("specs").text)
    assert {"published_per_day", "coverage", "failure_reasons", "story_sizes"} <= set(specs)
    assert "1 unreadable articles lines skipped" in page.text_content()


def test_report_exits_2_when_nothing_could_be_read(tmp_path: Path) -> None:
    (tmp_path / "junk.jsonl").write_text("not json\n[]\n", encoding="utf-8")
    result = scraper("report", "junk.jsonl", "missing.jsonl", "-o", "report.html", cwd=tmp_path)
    assert result.returncode == 2
    assert "nothing could be read (2 bad lines, 1 unreadable files)" in result.stderr
    assert not (tmp_path / "report.html").exists()


def test_extract_over_files_prints_only_its_summary_off_a_terminal(tmp_path: Path) -> None:
    page = "<html><head><title>T</title></head><body><p>" + "Words of a story. " * 40 + "</p></body></html>"
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    result = scraper("extract", "a.html", "a.html", "missing.html", cwd=tmp_path)
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 2 and "\r" not in result.stderr
    assert result.stderr.splitlines()[-1] == "scraper extract: 2 records from 3 inputs, 1 failed"
