"""The report renders in a real headless Chromium, offline, without errors, and every chart has marks.

Needs Debian's `chromium` package (CI installs it); skipped with that reason where it is absent.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html

from scraper.report.charts import build_sections
from scraper.report.render import write_report
from scraper.report.summary import Summary
from tests.test_report_summary import article

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Any request the page tried to make would fail: the page must need none.
    "--host-resolver-rules=MAP * ~NOTFOUND",
]
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed (apt-get install chromium)")


def full_summary() -> Summary:
    """A corpus that fills every chart: dates, sites, attribution, quotes, failures and stories."""
    summary = Summary()
    wire = {"publisher": "Reuters", "url": None, "text": "(Reuters)"}
    for n in range(40):
        summary.add_article(
            article(
                site=["Yahoo News", "MSN", "AOL", "Riverside Gazette"][n % 4],
                published=f"2025-06-{1 + n % 9:02d}T10:00:00+00:00",
                crawled_at="2025-06-12T08:00:00+00:00",
                attribution=wire if n % 3 else None,
                authors=["Ann Lee"] if n % 2 else [],
                quotes=[{"text": "q", "speaker": ["Lisa Park", "Omar Said"][n % 2], "paragraph": 0}]
                * (n % 4),
                word_count=90 * n,
                fingerprint=f"f{n % 30}",
            )
        )
    for n, reason in enumerate(["timeout", "http_404", "timeout", "robots_txt"]):
        summary.add_failure({"url": f"https://site{n % 2}.test/{n}", "reason": reason})
    member = {"url": "https://y.test/1", "site": "Yahoo News"}
    summary.add_story(
        {
            "story_id": "s1",
            "size": 3,
            "headline": "Bridge reopens <script>alert(1)</script>",
            "original": {"publisher": "Reuters"},
            "members": [member] * 3,
        }
    )
    summary.add_story(
        {"story_id": "s2", "size": 1, "headline": "Solo", "original": None, "members": [member]}
    )
    return summary


def render_in_chromium(page: Path, profile: Path) -> tuple[html.HtmlElement, str]:
    command = [
        CHROMIUM or "chromium",
        *FLAGS,
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=15000",
        "--dump-dom",
        page.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return html.fromstring(result.stdout), result.stderr


def test_every_chart_draws_with_no_console_error(tmp_path: Path) -> None:
    summary = full_summary()
    page = write_report(summary, tmp_path / "report.html")
    static = html.fromstring(page.read_bytes())
    assert not static.xpath("//*[@src] | //link | //iframe"), "the page must load nothing from outside"
    expected = {chart.key for section in build_sections(summary) for chart in section.charts}
    assert len(expected) == 13

    dom, log = render_in_chromium(page, tmp_path / "profile")
    console_errors = [
        line for line in log.splitlines() if "CONSOLE" in line and ("Uncaught" in line or "rror" in line)
    ]
    assert not console_errors, console_errors
    body = dom.find("body")
    assert body.get("data-status") == "done", body.get("data-errors")
    assert json.loads(body.get("data-errors")) == []
    marks = {
        element.get("data-key"): int(element.get("data-marks", "0")) for element in dom.cssselect(".vega")
    }
    assert set(marks) == expected
    assert all(count > 0 for count in marks.values()), marks
    # A headline with markup is data, shown as text, never run.
    assert not dom.xpath("//script[contains(., 'alert(1)') and not(@id='specs')]")


def test_an_empty_corpus_renders_with_notes_and_no_error(tmp_path: Path) -> None:
    summary = Summary()
    summary.add_failure({"url": "https://a.test/", "reason": "timeout"})
    page = write_report(summary, tmp_path / "report.html")
    dom, _ = render_in_chromium(page, tmp_path / "profile")
    assert dom.find("body").get("data-status") == "done"
    assert {element.get("data-key") for element in dom.cssselect(".vega")} == {
        "failure_reasons",
        "failure_sites",
    }
    assert "No article has a published date." in dom.text_content()
