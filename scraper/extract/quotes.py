"""Direct quotations in the body and who said them (first version; to be refined)."""

from __future__ import annotations

import re
from typing import Any

_QUOTE = re.compile(r"[\"“](?P<text>[^\"“”]{3,}?)[\"”]")


def extract_quotes(paragraphs: list[str]) -> list[dict[str, Any]]:
    """Every double-quoted span, with the paragraph index it starts in."""
    quotes: list[dict[str, Any]] = []
    for index, paragraph in enumerate(paragraphs):
        for match in _QUOTE.finditer(paragraph):
            quotes.append({"text": match.group("text").strip(), "speaker": None, "paragraph": index})
    return quotes
