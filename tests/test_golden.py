"""Every golden fixture, field by field, plus checks on the golden files themselves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scraper.record import FIELDS, validation_errors
from tests.finish_golden import derived_fields, problems
from tests.golden import GOLDEN_DIR, cases, dump, expected_path, load_expected, run_case

CASES = cases()
_results: dict[Path, dict[str, Any]] = {}


def _result(case: Path) -> dict[str, Any]:
    if case not in _results:
        _results[case] = run_case(case)
    return _results[case]


def _field_params() -> list[Any]:
    params = []
    for case in CASES:
        for field in load_expected(case):
            params.append(pytest.param(case, field, id=f"{case.stem}-{field}"))
    return params


def test_there_are_golden_cases() -> None:
    assert len(CASES) >= 10, GOLDEN_DIR


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden_file_is_well_formed(case: Path) -> None:
    path = expected_path(case)
    assert path.exists(), f"missing {path.name}: run python -m tests.regen_golden {case.stem}"
    expected = load_expected(case)
    assert path.read_text("utf-8") == dump(expected), "not in house format (sorted, indent 2, UTF-8)"
    assert set(expected) <= set(FIELDS), set(expected) - set(FIELDS)
    assert expected.get("body"), "a golden case must have a body"


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden_file_is_a_complete_valid_record(case: Path) -> None:
    expected = load_expected(case)
    assert problems(expected) == []
    derived = derived_fields(expected["body"])
    assert {k: expected[k] for k in derived} == derived, "run python -m tests.finish_golden " + case.stem


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden_record_is_valid(case: Path) -> None:
    assert validation_errors(_result(case)) == []


@pytest.mark.parametrize(("case", "field"), _field_params())
def test_golden_field(case: Path, field: str) -> None:
    assert _result(case).get(field) == load_expected(case)[field]
