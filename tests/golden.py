"""Golden fixtures: an input page beside its expected record. Shared by the test and the regen tool."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scraper import extract_article

GOLDEN_DIR = Path(__file__).parent / "fixtures" / "golden"
INPUT_SUFFIXES = (".html", ".htm", ".txt")


def cases() -> list[Path]:
    """Every golden input file, sorted by name."""
    return sorted(p for p in GOLDEN_DIR.iterdir() if p.suffix in INPUT_SUFFIXES)


def expected_path(case: Path) -> Path:
    return case.with_name(case.stem + ".expected.json")


def load_expected(case: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(expected_path(case).read_text("utf-8"))
    return data


def run_case(case: Path) -> dict[str, Any]:
    """Extract the case's input with the URL its expected file names."""
    url = load_expected(case).get("url") if expected_path(case).exists() else None
    return extract_article(case.read_bytes(), url=url)


def dump(record: dict[str, Any]) -> str:
    """The house format for golden JSON: sorted keys, 2-space indent, UTF-8, trailing newline."""
    return json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
