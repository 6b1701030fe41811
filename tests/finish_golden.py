"""Finish hand-written golden files: `python -m tests.finish_golden [CASE ...]`.

Golden expected files are written by hand (never from the extractor's output). This tool only
derives what a person should not compute by hand and checks the rest:
- a `body` written as a list of paragraphs is joined with one blank line;
- `word_count` and `fingerprint` are computed from the body;
- the file is rewritten in the house format and validated against the record schema.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from scraper.extract.fingerprint import fingerprint
from scraper.extract.text import count_words, join_paragraphs
from scraper.record import FIELDS, OPTIONAL_FIELDS, validation_errors
from tests.golden import cases, dump, expected_path

# Set by a crawl or by `scraper cluster --annotate`, never part of a golden record.
CRAWL_FIELDS = frozenset({"crawled_at"}) | OPTIONAL_FIELDS
RECORD_FIELDS = tuple(f for f in FIELDS if f not in CRAWL_FIELDS)


def derived_fields(body: str) -> dict[str, Any]:
    """The fields computed from the body: word count and content fingerprint."""
    return {"word_count": count_words(body), "fingerprint": fingerprint(body)}


def finish(record: dict[str, Any]) -> dict[str, Any]:
    """The hand-written record with its body joined and its derived fields filled in."""
    body = record.get("body", "")
    if isinstance(body, list):
        body = join_paragraphs(body)
    return {**record, "body": body, **derived_fields(body)}


def problems(record: dict[str, Any]) -> list[str]:
    """Missing or unknown fields and schema violations of a finished golden record."""
    found = [f"missing field {f}" for f in RECORD_FIELDS if f not in record]
    found += [f"unknown field {f}" for f in record if f not in RECORD_FIELDS]
    return found + validation_errors(record)


def main(names: list[str]) -> int:
    status = 0
    for case in cases():
        if names and case.stem not in names and case.name not in names:
            continue
        path = expected_path(case)
        record = finish(json.loads(path.read_text("utf-8")))
        path.write_text(dump(record), encoding="utf-8")
        for problem in problems(record):
            print(f"{case.stem}: {problem}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
