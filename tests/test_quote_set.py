"""The annotated quote set as a regression test: every synthetic pattern case, and floors on the set.

The scoring is bench/quotes.py's (loaded from its file: bench/ is not a package), so CI and the
benchmark count the same way. The dev pages are not in CI (they are not shipped); their annotations
are only checked for shape here.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from scraper.extract.quotes.quotes import extract_quotes

ROOT = Path(__file__).resolve().parent.parent
# Floors on the shipped set (patterns + golden bodies); the measured values are in bench/quotes.py's
# table. A change that lowers them must explain why in its commit.
FLOOR_PRECISION = 0.97
FLOOR_RECALL = 0.97
FLOOR_SPEAKER = 0.95
# Dev annotations keep only a quote's opening words, never the pages' text.
MAX_ANNOTATION_WORDS = 12


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_quotes", ROOT / "bench" / "quotes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (its dataclasses look their module up there)
    spec.loader.exec_module(module)
    return module


BENCH = _bench()
PATTERN_CASES = BENCH.pattern_cases()


@pytest.mark.parametrize("case", PATTERN_CASES, ids=[c.name for c in PATTERN_CASES])
def test_pattern_case(case: Any) -> None:
    found = [(q["text"], q["speaker"]) for q in extract_quotes(case.paragraphs)]
    score = BENCH.Score()
    BENCH.score_case(case, extract_quotes(case.paragraphs), score)
    assert not score.misses, f"{score.misses}; found {found}"


def test_shipped_set_floors() -> None:
    score = BENCH.evaluate(PATTERN_CASES + BENCH.golden_cases())
    assert score.annotated >= 100 and score.named >= 90
    assert score.precision >= FLOOR_PRECISION, score.misses
    assert score.recall >= FLOOR_RECALL, score.misses
    assert score.speaker_accuracy >= FLOOR_SPEAKER, score.misses


def test_every_pattern_of_the_issue_has_cases() -> None:
    patterns = {
        c["pattern"] for c in json.loads((BENCH.QUOTE_FIXTURES / "patterns.json").read_text())["cases"]
    }
    assert patterns >= {
        "old-style marks",
        "French marks and verbs",
        "German marks and verbs",
        "titles and parentheticals",
        "dash attributions",
        "narration verbs",
        "subject not object",
        "titles of works",
    }


def test_pattern_cases_record_their_decision() -> None:
    cases = json.loads((BENCH.QUOTE_FIXTURES / "patterns.json").read_text())["cases"]
    assert len({c["id"] for c in cases}) == len(cases)
    for case in cases:
        assert case["why"].strip() and case["paragraphs"], case["id"]
        assert all(set(q) == {"text", "speaker"} for q in case["quotes"]), case["id"]


def test_golden_decisions_apply_to_golden_quotes() -> None:
    decisions = json.loads((BENCH.QUOTE_FIXTURES / "golden_speakers.json").read_text())["decisions"]
    cases = {c.name: c for c in BENCH.golden_cases()}
    for name, entries in decisions.items():
        for entry in entries:
            assert entry["why"].strip()
            matched = [q for q in cases[name].quotes if BENCH.same_quote(entry["text"], q["text"])]
            assert matched and all(q["speaker"] == entry["speaker"] for q in matched), entry


def test_dev_annotations_are_short() -> None:
    pages = json.loads((BENCH.QUOTE_FIXTURES / "dev_quotes.json").read_text())["pages"]
    assert len(pages) >= 30
    for quotes in pages.values():
        for quote in quotes:
            assert len(quote["text"].split()) <= MAX_ANNOTATION_WORDS, quote
            # (a corrected annotation keeps its former speaker and says why it changed)
            # (and a quotation added after the first annotation says why)
            keys = set(quote) - {"text", "speaker"}
            assert keys in (set(), {"speaker_before", "why"}, {"why"}), quote
            assert quote.get("why", "-").strip(), quote


@pytest.mark.parametrize(
    ("annotated", "found", "same"),
    [
        ("We are ready", "“We are ready,”", True),
        ("We are ready…", "We are ready to go", True),
        ("We are ready", "We are ready to go", False),
        ("Don’t stop", "Don't stop", True),
    ],
)
def test_same_quote(annotated: str, found: str, same: bool) -> None:
    assert BENCH.same_quote(annotated, found) is same


def test_heldout_loader_reads_pages_and_skips_when_absent(tmp_path: Path) -> None:
    data = tmp_path / "pages"
    data.mkdir()
    body = 'Intro.\n\n"We are ready for it," coach Ann Lee said.'
    (data / "p1.json").write_text(json.dumps({"body": body}), encoding="utf-8")
    annotations = tmp_path / "heldout.json"
    quote = {"paragraph": 1, "text": "We are ready for it", "speaker": "Ann Lee"}
    annotations.write_text(json.dumps({"pages": {"p1": [quote], "gone": []}}), encoding="utf-8")
    cases = BENCH.heldout_cases(annotations, data)
    assert [c.name for c in cases] == ["p1"] and cases[0].paragraphs[1].startswith('"We')
    assert BENCH.heldout_cases(tmp_path / "absent.json", data) == []
    assert BENCH.heldout_cases(None, data) == []
