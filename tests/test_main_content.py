"""The full cascade given the fast rules' result gives exactly the cascade's own output."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from scraper.extract import main_content, main_rules
from scraper.extract.document import parse_html

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = sorted(FIXTURES.rglob("*.html"))
URL = "https://example.com/news/article"

_STORY = "<p>A paragraph of the story, long enough to be read as prose and not as a label at all.</p>"
SHORT_PAGE = f"<html><body><div class='post'>{_STORY}</div><p>A loose line.</p></body></html>"
FORUM_PAGE = (
    '<html><head><script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'
    f"</head><body><article>{_STORY * 6}<div id='comments'>{_STORY * 2}</div></article></body></html>"
)


def _rules_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the cascade's runs of the main rules (first stage and recall retry)."""
    runs: list[int] = []
    inner = main_rules.extract_content

    def counted(*args: Any) -> Any:
        runs.append(1)
        return inner(*args)

    monkeypatch.setattr(main_rules, "extract_content", counted)
    return runs


def _both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes | None, bytes | None, int, bool]:
    """The cascade's body alone and given the fast rules' result, how many fewer rule runs the
    second took, and whether the short-text recovery ran in the fast rules."""
    tree = parse_html(text)
    rules = main_content.fast_body(tree, URL)
    assert rules is not None
    runs = _rules_runs(monkeypatch)
    alone = main_content.full_body(tree, URL)
    runs_alone = len(runs)
    given = main_content.full_body(tree, URL, rules=rules)
    saved = 2 * runs_alone - len(runs)
    serial = [etree.tostring(body) if body is not None else None for body in (alone, given)]
    return serial[0], serial[1], saved, rules.recovered


def test_fast_and_default_options_differ_in_fast_alone() -> None:
    # (if a trafilatura upgrade changes the defaults, the cascade runs its rules itself: correct, slower)
    assert main_content._ONLY_FAST_DIFFERS


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_cascade_given_the_rules_is_the_cascade(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    alone, given, saved, recovered = _both(path.read_text("utf-8", "replace"), monkeypatch)
    assert given == alone
    assert saved == (0 if recovered else 1)


def test_rules_that_recovered_short_text_are_run_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # (the recovery keeps teaser blocks in fast mode only: its result is not the default options' one)
    alone, given, saved, recovered = _both(SHORT_PAGE, monkeypatch)
    assert recovered and saved == 0 and given == alone


def test_forum_threads_are_pruned_otherwise_and_run_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # (the cascade keeps a forum thread's comment sections, which the fast rules' prune removes)
    alone, given, saved, recovered = _both(FORUM_PAGE, monkeypatch)
    assert not recovered and saved == 0 and given == alone
