"""The speaker-candidate generator of the learned-ranker experiment (bench/speaker_candidates.py) and the
rules' state it reads (quotes.attribute): candidates hold the rules' pick, nobody and the people named
nearby, with features; attribute() gives the quotations extract_quotes gives."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from scraper.extract.quotes.quote_runs import CARRIED, DIRECT, NARRATED, NONE
from scraper.extract.quotes.quotes import attribute, extract_quotes

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPHS = [
    "Maria Lopez, the mayor of Springfield, spoke on Monday.",
    '"We will rebuild the bridge," Lopez said. "It will take two years."',
    "The council met later that week.",
    '"Nobody expected the flood to come so fast this spring."',
]


def _module() -> ModuleType:
    path = ROOT / "bench" / "speaker_candidates.py"
    spec = importlib.util.spec_from_file_location("speaker_candidates", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_attribute_gives_what_extract_quotes_gives() -> None:
    found = attribute(PARAGRAPHS)
    assert found is not None
    quotes = [{"text": q.text, "speaker": q.speaker, "paragraph": q.span.paragraph} for q in found.quotes]
    assert quotes == extract_quotes(PARAGRAPHS)
    assert found.origins[0] == DIRECT and found.origins[-1] == CARRIED  # (a bare paragraph continues a run)
    assert set(found.origins) <= {DIRECT, NARRATED, CARRIED, NONE}
    assert attribute(["No quotation here."]) is None


def test_candidates_hold_the_rules_pick_nobody_and_nearby_names() -> None:
    rows = _module().speaker_candidates(PARAGRAPHS)
    assert [row[0] for row in rows] == extract_quotes(PARAGRAPHS)
    first, origin, options = rows[0]
    names = [name for name, _ in options]
    assert origin == DIRECT and None in names and "Maria Lopez" in names
    rule = dict(options)[first["speaker"]]
    assert rule["rule"] == 1.0 and rule["rule_direct"] == 1.0
    assert dict(options)[None]["null"] == 1.0
    assert dict(options)["Maria Lopez"]["para_minus1"] == 1.0
