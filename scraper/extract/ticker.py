"""Recognize and strip market-ticker strips by their shape, in any markup and in plain text.

A ticker strip is text made almost entirely of instrument quotes ("S&P 500 4,500.12 -61.59 (-1.20%)"),
lone change lines ("+0.0002 (+0.03%)") and market countdowns ("Canada markets open in 1 hour").
From every element holding a percentage or a market countdown we climb to the largest ancestor whose
whole text still has that shape and remove it, so a list or table goes whole, name-only items
included. Prose never has that shape: it carries too many words between the numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree, html

from scraper.extract.text import clean_text

_NUM = r"[+\-−–]?[$€£¥]?\d[\d,]*(?:\.\d+)?"
_SIGNED = r"[+\-−–▲▼↑↓]\s?[$€£¥]?\d[\d,]*(?:\.\d+)?"
# A change cluster: optional absolute change, then a percentage (maybe in parentheses).
_CHANGE = re.compile(
    rf"(?:(?P<abs>{_SIGNED}|{_NUM})\s*)?(?P<open>\()?\s*(?P<pct>{_NUM})\s*%\s*(?P<close>\))?"
)
_NUMBER_TOKEN = re.compile(rf"^(?:{_NUM}[KMBTkmbt]?|[▲▼↑↓]|[()\[\]|/]|USD|CAD|EUR)$")
_SIGN = re.compile(r"^[+\-−–▲▼↑↓]")
_DURATION = r"\d+\s*(?:h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)\b"
_COUNTDOWN = re.compile(
    rf"^(?:[\w.&/-]+\s+){{0,3}}(?:stock\s+)?markets?\s+(?:are\s+|is\s+|will\s+)?"
    rf"(?P<state>open|opens|close|closes|closed|opening|closing)"
    rf"(?P<when>\s+in(?:\s+{_DURATION}(?:\s*(?:and\s+)?{_DURATION})*|\s+\d{{1,2}}:\d{{2}}))?\b[.!]?\s*",
    re.I,
)
_PERCENT_DIGIT = re.compile(r"\d\s*%")
# A complete quote ends in a price, then a signed change, then its percentage: "193.29 -8.02 (-3.98%)".
_FULL_QUOTE = re.compile(rf"\d\s+{_SIGNED}\s*\(?\s*{_SIGNED}\s*%\s*\)?$")
# Sentence punctuation; thousands separators ("33,000") and initials ("U.S.") are not.
_SENTENCE_PUNCT = re.compile(r"[;!?\"“”]|,(?:\s|$)|(?<!\b[A-Z])\.(?:\s|$)")
# Elements whose own text holds a percentage or a market word: where ticker strips are anchored.
# (from the text nodes up: one axis step over them costs less than testing every element's children)
_UNREAD = "[not(self::script or self::style or self::noscript or self::template)]"
_SEEDS = etree.XPath(
    "/descendant::text()[contains(., '%') or contains(., 'arket') or contains(., 'ARKET')]"
    f"/parent::*{_UNREAD}"
)
# The seeds holding a '%': a strip needs a percentage, and most pages have none outside scripts, so
# this one test per text node (not the three above) rules them out.
_PERCENT_SEEDS = etree.XPath(f"/descendant::text()[contains(., '%')]/parent::*{_UNREAD}")
_MAX_NAME_WORDS = 6
_MAX_TRAILING_WORDS = 4
_MAX_TEXT = 6000
_STOP_TAGS = frozenset({"body", "html", "article", "main"})


@dataclass
class TickerShape:
    """The lines a ticker-shaped text splits into, and what kind of lines they are."""

    lines: list[str]
    quotes: int  # instrument quotes or change lines
    named: int  # quotes that carry an instrument name
    countdown: bool  # has a market countdown with a time ("open in 1 hour")
    status: bool  # has a market status line without a time ("U.S. markets closed")


_ShapeCache = dict[html.HtmlElement, "TickerShape | None"]


def element_text(node: html.HtmlElement) -> str:
    """Text of an element with a space between every text node (cells glue together otherwise)."""
    return clean_text(" ".join(node.itertext()))


def ticker_shape(text: str) -> TickerShape | None:
    """Split text into ticker lines, or None when anything in it reads like prose."""
    text = clean_text(text)
    if not text or len(text) > _MAX_TEXT:
        return None
    lines: list[str] = []
    countdown = status = False
    while match := _COUNTDOWN.match(text):
        lines.append(match.group(0).strip())
        countdown = countdown or bool(match.group("when"))
        status = status or not match.group("when")
        text = text[match.end():]
    quotes = named = 0
    pos = 0
    for match in _CHANGE.finditer(text):
        if not _is_strong_change(match):
            continue
        segment = text[pos:match.end()].strip()
        name = _name_words(text[pos:match.start()])
        if name is None:
            return None
        lines.append(segment)
        quotes += 1
        named += bool(name)
        pos = match.end()
    rest = text[pos:].strip()
    trailing = _name_words(rest)
    if trailing is None or len(trailing) > _MAX_TRAILING_WORDS or (rest and not lines):
        return None
    if rest:
        lines.append(rest)
    if not lines:
        return None
    return TickerShape(lines, quotes, named, countdown, status)


def _is_strong_change(match: re.Match[str]) -> bool:
    """A signed or parenthesized percentage, or one beside an absolute change: not '1.2%' in prose."""
    pct = match.group("pct")
    parenthesized = bool(match.group("open") and match.group("close"))
    return bool(_SIGN.match(pct) or parenthesized or match.group("abs") and _SIGN.match(match.group("abs")))


def _name_words(text: str) -> list[str] | None:
    """The words of an instrument name between quotes, or None if it reads like prose."""
    text = text.strip()
    if not text:
        return []
    if _SENTENCE_PUNCT.search(text):
        return None
    words = [w for w in text.split() if not _NUMBER_TOKEN.match(w)]
    if len(words) > _MAX_NAME_WORDS:
        return None
    lowercase = sum(1 for w in words if w[:1].islower())
    return words if lowercase <= 1 else None


def is_ticker_text(text: str) -> bool:
    """True for text shaped like ticker lines (quotes, change lines, market countdowns or status)."""
    shape = ticker_shape(text)
    return shape is not None and bool(shape.quotes or shape.countdown or shape.status)


def _stands_alone(shape: TickerShape) -> bool:
    """Whether a shape is a ticker without neighbours: several quotes, a nameless change, a countdown,
    or one complete quote (an inline quote card: name, price, signed change and percentage)."""
    if shape.quotes == 1 and shape.named == 1 and len(shape.lines) == 1:
        return bool(_FULL_QUOTE.search(shape.lines[0]))
    return shape.quotes >= 2 or shape.countdown or (shape.quotes == 1 and shape.named == 0)


def strip_ticker(tree: html.HtmlElement) -> list[str]:
    """Remove ticker strips from the tree and return their lines (one per instrument) in order."""
    # (a seed whose own text holds "<digit>%" holds a '%': it is one of the percent seeds)
    if not any(_PERCENT_DIGIT.search(node.text or "") or _has_percent_child_text(node)
               for node in _PERCENT_SEEDS(tree)):
        return []
    seeds = _SEEDS(tree)
    shapes: _ShapeCache = {}
    tops: list[html.HtmlElement] = []
    for seed in seeds:
        top = _top_ticker_ancestor(seed, shapes)
        if top is not None and top not in tops and not any(t in top.iterancestors() for t in tops):
            tops = [t for t in tops if top not in t.iterancestors()]
            tops.append(top)
    removed: list[str] = []
    for group in _runs(tops, shapes):
        removed.extend(_remove_run(group, shapes))
    return removed


def _has_percent_child_text(node: html.HtmlElement) -> bool:
    return any(_PERCENT_DIGIT.search(child.tail or "") for child in node)


def _shape_of(node: html.HtmlElement, cache: _ShapeCache) -> TickerShape | None:
    if node not in cache:
        cache[node] = ticker_shape(element_text(node))
    return cache[node]


def _top_ticker_ancestor(
    seed: html.HtmlElement, cache: _ShapeCache
) -> html.HtmlElement | None:
    """The largest element around seed whose whole text is ticker-shaped."""
    if _shape_of(seed, cache) is None:
        return None
    top = seed
    for parent in seed.iterancestors():
        if parent.tag in _STOP_TAGS or _shape_of(parent, cache) is None:
            break
        top = parent
    return None if _in_data_table(top) else top


def _in_data_table(node: html.HtmlElement) -> bool:
    """Rows or cells of a table headed by column names (<th>, or a first row without a digit: "Region
    Median price Yearly change"): a data table in a story (a report's figures, a poll's results), whose
    rows only look like quotes; a ticker strip has no such header, or is ticker-shaped whole."""
    if node.tag == "table":
        return False
    table = next(node.iterancestors("table"), None)
    if table is None:
        return False
    if next(table.iter("th"), None) is not None:
        return True
    first = next((row for row in table.iter("tr") if element_text(row)), None)
    return first is not None and not any(char.isdigit() for char in element_text(first))


def _runs(
    tops: list[html.HtmlElement], cache: _ShapeCache
) -> list[list[html.HtmlElement]]:
    """Group ticker elements that sit side by side (maybe with name-only lines between) into runs."""
    runs: list[list[html.HtmlElement]] = []
    for top in tops:
        lead = _leading_names(top, cache)
        if runs and _follows(runs[-1][-1], lead[0] if lead else top):
            runs[-1].extend([*lead, top])
        else:
            runs.append([*lead, top])
    return [run for run in runs if _run_is_ticker(run, cache)]


def _leading_names(
    top: html.HtmlElement, cache: _ShapeCache
) -> list[html.HtmlElement]:
    """A short name-only sibling right before a nameless change ('S&P 500' then '-61.59 (-1.20%)')."""
    shape = _shape_of(top, cache)
    prev = top.getprevious()
    if shape is None or shape.named or not shape.quotes or prev is None or prev.tag in _STOP_TAGS:
        return []
    text = element_text(prev)
    if text and _is_name_line(text):
        return [prev]
    return []


def _is_name_line(text: str) -> bool:
    words = _name_words(text)
    return bool(words) and words is not None and len(words) <= _MAX_TRAILING_WORDS and len(text) <= 40


def _follows(before: html.HtmlElement, after: html.HtmlElement) -> bool:
    """True when `after` is the next sibling with text after `before`."""
    node = before.getnext()
    while node is not None and not element_text(node):
        node = node.getnext()
    return node is after


def _run_is_ticker(run: list[html.HtmlElement], cache: _ShapeCache) -> bool:
    """A run is removed when it is a ticker even without context, or when several pieces back each other."""
    shapes = [s for s in (_shape_of(node, cache) for node in run) if s is not None]
    if sum(s.quotes for s in shapes) >= 2 or any(s.countdown for s in shapes):
        return True
    return len(shapes) == 1 and _stands_alone(shapes[0])


def _remove_run(run: list[html.HtmlElement], cache: _ShapeCache) -> list[str]:
    lines: list[str] = []
    for node in run:
        lines.extend(_lines(node, cache))
    for node in run:
        if node.getparent() is not None:
            node.drop_tree()
    return _merge_names(lines)


def _lines(node: html.HtmlElement, cache: _ShapeCache) -> list[str]:
    """The node's ticker lines, split along its children when they are quotes of their own."""
    children = [child for child in node if element_text(child)]
    if sum(1 for child in children if _shape_of(child, cache) is not None) < 2:
        shape = _shape_of(node, cache)
        return shape.lines if shape is not None else [element_text(node)]
    lines: list[str] = [clean_text(node.text)]
    for child in children:
        lines.extend(_lines(child, cache))
        lines.append(clean_text(child.tail))
    return [line for line in lines if line]


def _merge_names(lines: list[str]) -> list[str]:
    """Join a name-only line with the nameless change line that follows it."""
    out: list[str] = []
    for line in lines:
        if out and ticker_shape(out[-1]) is None and _is_name_line(out[-1]) and _starts_with_change(line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _starts_with_change(line: str) -> bool:
    shape = ticker_shape(line)
    return shape is not None and shape.quotes == 1 and shape.named == 0 and not shape.status
