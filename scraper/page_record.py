"""A fetched page to its article record, in one call: what TickerPipeline + FieldsPipeline do, composed.

Picklable in and out (bytes and strings in, a dict and a reason out), so a pool of worker processes
can run it (pipelines.pool): the same core functions, in the same order, as the two stages.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any

from scraper.classify import MIN_WORDS, not_article_reason, read_page_signals
from scraper.extract.article import extract_fields, strip_ticker_from
from scraper.extract.document import parse_document


def page_record(
    body: bytes, url: str, content_type: str | None = None, min_words: int = MIN_WORDS
) -> tuple[dict[str, Any] | None, str | None]:
    """(record, None) for an article page; (None, reason) for a page that is not an article."""
    document = parse_document(body, url=url, content_type=content_type)
    strip_ticker_from(document)
    signals = read_page_signals(document.tree)  # before extraction rewrites the tree
    record = extract_fields(document)
    reason = not_article_reason(record, signals, min_words)
    return (None, reason) if reason is not None else (record, None)


def warm_up() -> int:
    """Nothing but the imports above: a task that makes a fresh worker process ready for pages."""
    return 0


def exit_with_parent(parent_pid: int, interval: float = 1.0) -> None:
    """Pool initializer: end this worker when its parent is gone (a kill -9 would leave it orphaned)."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(interval)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
