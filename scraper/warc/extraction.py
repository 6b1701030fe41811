"""Article records from WARC files, in worker processes, written in input order (`scraper extract`).

Each page goes through scraper.page_record.page_record, the same functions a crawl's pipeline runs,
then the checks that follow them in a crawl: pages that are not articles are skipped, records that
break the schema are dropped, and an article already written (same canonical URL or same body
fingerprint) is dropped as a duplicate. So extracting the WARC a crawl wrote gives the crawl's records.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from w3lib.url import canonicalize_url

from scraper.compact_set import CompactSet, key64
from scraper.output import serialize
from scraper.page_record import exit_with_parent, page_record
from scraper.record import validation_errors
from scraper.warc.reader import Skip, WarcPage, read_warc

Outcome = tuple[dict[str, Any] | None, str | None]
# Pages queued per worker: enough to keep every worker busy, few enough to bound memory on huge files.
QUEUE_PER_WORKER = 8


@dataclass
class Tally:
    """What an extraction run saw: records read, articles written, skipped and dropped by reason."""

    records: int = 0
    articles: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        reasons = ", ".join(f"{reason} {count}" for reason, count in sorted(self.skipped.items()))
        return (f"scraper extract: {self.records} WARC records read, {self.articles} articles written; "
                f"skipped: {reasons or 'none'}")


def extract_page(page: WarcPage) -> Outcome:
    """(record, None) for an article page, (None, 'not_article/<why>') otherwise (runs in a worker)."""
    record, reason = page_record(page.body, page.url, page.content_type)
    if record is None:
        return None, f"not_article/{reason}"
    if page.crawled_at:  # a record without a (readable) WARC-Date gets no crawled_at rather than a wrong one
        record = {**record, "crawled_at": page.crawled_at}
    return record, None


def ordered_results(
    items: Iterable[WarcPage | Skip], work: Callable[[WarcPage], Outcome], workers: int
) -> Iterator[tuple[WarcPage | Skip, Outcome | None]]:
    """Each item with its outcome (None for a Skip), in input order, pages run on `workers` processes."""
    if workers <= 1:
        for item in items:
            yield item, work(item) if isinstance(item, WarcPage) else None
        return
    context = multiprocessing.get_context(_start_method())
    with ProcessPoolExecutor(workers, mp_context=context, initializer=exit_with_parent,
                             initargs=(os.getpid(),)) as pool:
        pending: deque[tuple[WarcPage | Skip, Future[Outcome] | None]] = deque()
        for item in items:
            pending.append((item, pool.submit(work, item) if isinstance(item, WarcPage) else None))
            while len(pending) > workers * QUEUE_PER_WORKER:
                yield _settled(pending.popleft())
        while pending:
            yield _settled(pending.popleft())


def _settled(entry: tuple[WarcPage | Skip, Future[Outcome] | None]) -> tuple[WarcPage | Skip, Outcome | None]:
    item, future = entry
    return item, future.result() if future is not None else None


def _start_method() -> str:
    """fork where there is one: this command runs no threads, and workers start without re-importing."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


class Deduplicator:
    """Articles already written, by canonical URL and by body fingerprint (as a crawl's DedupePipeline)."""

    def __init__(self) -> None:
        self.seen = CompactSet()

    def is_new(self, record: dict[str, Any]) -> bool:
        """True (and remembered) for an article not seen before."""
        keys = [key64(_digest(text)) for text in _dedupe_texts(record)]
        if any(key in self.seen for key in keys):
            return False
        self.seen.update(keys)
        return True


def _dedupe_texts(record: dict[str, Any]) -> list[str]:
    texts = []
    url = record.get("canonical_url") or record.get("url")
    if url:
        texts.append("url:" + canonicalize_url(url))
    if record.get("fingerprint"):
        texts.append("fp:" + record["fingerprint"])
    return texts


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).digest()


def extract_warcs(streams: Iterable[BinaryIO], out: BinaryIO, workers: int, tally: Tally) -> None:
    """Write one JSON line to `out` per article in the WARC streams, counting everything in `tally`."""
    dedupe = Deduplicator()
    items = (item for stream in streams for item in read_warc(stream))
    for item, outcome in ordered_results(items, extract_page, workers):
        tally.records += 1
        reason = item.reason if isinstance(item, Skip) else _written(outcome, dedupe, out)
        if reason is None:
            tally.articles += 1
        else:
            tally.skipped[reason] += 1


def _written(outcome: Outcome | None, dedupe: Deduplicator, out: BinaryIO) -> str | None:
    """Write the outcome's record; None when written, else the reason it was not."""
    assert outcome is not None
    record, reason = outcome
    if record is None:
        return reason
    if validation_errors(record):
        return "invalid"
    if not dedupe.is_new(record):
        return "duplicate"
    out.write(serialize(record))
    return None


def default_workers() -> int:
    """All cores (the command's default for --workers)."""
    return os.cpu_count() or 1
