"""The writer's own quoted words, on a page that names its writer in a byline.

Blog posts and columns quote what the writer said in the first person ('"I'm not hungry," I say into the
empty kitchen', 'I asked him: "..."'). "I" is never a speaker phrase (speakers), but when the body holds
one byline naming a person in full ("By Ann Doyle // her blog", "Written By: Jo Marsh - Oct 29") the
writer is that person. A page with several bylines (a comment thread: "by X on May 2, 2011") has no one
writer.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_runs import Quote

# A byline paragraph: "By", "Posted by" or "Written by" and a full name, then nothing or a separator.
_BYLINE = re.compile(
    r"\s*(?:By|Posted by|Written [Bb]y:?)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})"
    r"\s*(?:$|//|\||[-–—,]\s|\s+on\s)"
)
_BYLINE_LENGTH = 80  # characters: a byline is a short line of its own
# The writer's tag after a closing mark ('," I say', '," I told him') or before an opening one ('I asked
# him: "', 'I wrote, "').
_VERBS = r"(?:say|said|tell|told|ask|asked|reply|replied|answer|answered|write|wrote)"
_TAG_AFTER = re.compile(rf"[,\s]*I\s+{_VERBS}\b")
_TAG_BEFORE = re.compile(rf"\bI\s+{_VERBS}(?:\s+(?:him|her|them|myself))?\s*[:,]?\s*$")


def byline_writer(paragraphs: list[str]) -> str | None:
    """The full name the body's only byline gives, if it has exactly one."""
    names = set()
    for paragraph in paragraphs:
        if len(paragraph) <= _BYLINE_LENGTH and paragraph.lstrip()[:1] in "BPW":
            match = _BYLINE.match(paragraph)
            if match is not None:
                names.add(match.group("name"))
    return names.pop() if len(names) == 1 else None


def writer_quotes(quotes: list[Quote], paragraphs: list[str]) -> None:
    """Give the writer named in the byline the quotations the text tags with "I" and a speech verb."""
    writer = None
    for quote in quotes:
        if quote.speaker is not None or quote.phrase_at is not None:
            continue
        span = quote.span
        after = _TAG_AFTER.match(paragraphs[span.end_paragraph], span.end) if span.closed else None
        before = _TAG_BEFORE.search(paragraphs[span.paragraph], max(0, span.start - 40), span.start)
        tag = after or before
        if tag is None:
            continue
        writer = writer or byline_writer(paragraphs)
        if writer is None:
            return
        quote.speaker, quote.direct = writer, True
        quote.phrase_at = (span.end_paragraph if after else span.paragraph, tag.start())
