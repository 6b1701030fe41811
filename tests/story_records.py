"""Real article records for the clustering tests: `extract_article` over the golden and story pages."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from scraper import extract_article

FIXTURES = Path(__file__).parent / "fixtures"
_CANONICAL = re.compile(rb'<link rel="canonical" href="([^"]+)"')


def _golden_url(path: Path) -> str | None:
    expected = path.with_name(path.stem + ".expected.json")
    url: str | None = json.loads(expected.read_text("utf-8")).get("url")
    return url


def _page_url(path: Path) -> str | None:
    found = _CANONICAL.search(path.read_bytes())
    return found.group(1).decode() if found else None


@cache
def _extracted(name: str) -> str:
    path = FIXTURES / name
    url = _golden_url(path) if path.parent.name == "golden" else _page_url(path)
    return json.dumps(extract_article(path.read_bytes(), url=url), ensure_ascii=False)


def record(name: str) -> dict[str, Any]:
    """The record of one fixture page, e.g. "golden/msn_bi.html" or "stories/bi_teaser.html"."""
    loaded: dict[str, Any] = json.loads(_extracted(name))
    return loaded


def golden_names() -> list[str]:
    folder = FIXTURES / "golden"
    return sorted(f"golden/{p.name}" for p in folder.iterdir() if p.suffix in (".html", ".txt"))


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path
