"""Article records from WARC files, in worker processes, written in input order (`scraper extract`).

Each page goes through scraper.page_record.page_record, the same functions a crawl's pipeline runs,
then the checks that follow them in a crawl: pages that are not articles are skipped, records that
break the schema are dropped, and an article already written (same canonical URL or same body
fingerprint) is dropped as a duplicate. So extracting the WARC a crawl wrote gives the crawl's records.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import BinaryIO

from scraper.compact_set import CompactSet, key64
from scraper.page_record import exit_with_parent, page_record
from scraper.progress import progress
from scraper.record import dedupe_keys, validation_errors
from scraper.runs.output import serialize
from scraper.warc.reader import Skip, parse_record, raw_responses

# A worker's answer for one response record: the JSON line and the article's dedupe keys, or the
# reason it is not written. Workers do everything but dedupe (which needs every earlier article), so
# the process feeding them does little more than cut the file into records.
Outcome = tuple[bytes | None, list[int], str | None]
# Records queued per worker: enough to keep every worker busy, few enough to bound memory on huge files.
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


def extract_response(raw: bytes) -> Outcome:
    """One response record to its JSON line and dedupe keys, or why it gives none (runs in a worker)."""
    page = parse_record(raw)
    if isinstance(page, Skip):
        return None, [], page.reason
    record, reason = page_record(page.body, page.url, page.content_type)
    if record is None:
        return None, [], f"not_article/{reason}"
    if page.crawled_at:  # a record without a (readable) WARC-Date gets no crawled_at rather than a wrong one
        record = {**record, "crawled_at": page.crawled_at}
    if validation_errors(record):
        return None, [], "invalid"
    return serialize(record), [key64(digest) for digest in dedupe_keys(record)], None


def ordered_results(
    items: Iterable[bytes | Skip], work: Callable[[bytes], Outcome], workers: int
) -> Iterator[Outcome]:
    """Each item's outcome in input order (a Skip's is its reason), records run on `workers` processes."""
    if workers <= 1:
        for item in items:
            yield _skipped(item) if isinstance(item, Skip) else work(item)
        return
    pool = RestartingPool(workers, work)
    try:
        for item in items:
            pool.pending.append((item, _skipped(item) if isinstance(item, Skip) else pool.submit(item)))
            while len(pool.pending) > workers * QUEUE_PER_WORKER:
                yield pool.next_outcome()
        while pool.pending:
            yield pool.next_outcome()
    finally:
        pool.close()


def _skipped(skip: Skip) -> Outcome:
    return None, [], skip.reason


class RestartingPool:
    """Worker processes and the records in flight, in input order. A worker that dies (a crash in a
    C library, the OOM killer) breaks the whole executor: the oldest record in flight is then counted
    as `worker_died` and the others go to a fresh pool (each death costs one record, so a page that
    kills workers is skipped after at most as many deaths as records were in flight)."""

    def __init__(self, workers: int, work: Callable[[bytes], Outcome]) -> None:
        self.workers = workers
        self.work = work
        self.pending: deque[tuple[bytes | Skip, Future[Outcome] | Outcome]] = deque()
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context(_start_method())
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=exit_with_parent,
                                   initargs=(os.getpid(),))

    def submit(self, item: bytes) -> Future[Outcome]:
        try:
            return self.executor.submit(self.work, item)
        except BrokenProcessPool:
            self._restart()
            return self.executor.submit(self.work, item)

    def next_outcome(self) -> Outcome:
        """The oldest item's outcome (waiting for it)."""
        _, entry = self.pending.popleft()
        if not isinstance(entry, Future):
            return entry
        try:
            return entry.result()
        except BrokenProcessPool:
            self._restart()
            return None, [], "worker_died"

    def _restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()
        for index, (item, entry) in enumerate(self.pending):
            if isinstance(entry, Future) and isinstance(item, bytes) and _unfinished(entry):
                self.pending[index] = (item, self.executor.submit(self.work, item))

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _unfinished(future: Future[Outcome]) -> bool:
    """Whether the future holds no result: cancelled, failed with the pool, or still running."""
    return not future.done() or future.cancelled() or future.exception() is not None


def _start_method() -> str:
    """fork where there is one: this command runs no threads, and workers start without re-importing."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def extract_warcs(
    streams: Iterable[BinaryIO], out: BinaryIO, workers: int, tally: Tally, quiet: bool = True
) -> None:
    """Write one JSON line to `out` per article in the WARC streams, counting everything in `tally`.

    An article already written (same canonical URL or fingerprint) is dropped as a duplicate."""
    seen = CompactSet()
    items = (item for stream in streams for item in raw_responses(stream))
    results = ordered_results(items, extract_response, workers)
    for line, keys, reason in progress(results, desc="WARC records", unit="record", quiet=quiet):
        tally.records += 1
        if line is not None and any(key in seen for key in keys):
            reason = "duplicate"
        if reason is not None or line is None:
            tally.skipped[reason or "unknown"] += 1
            continue
        seen.update(keys)
        out.write(line)
        tally.articles += 1


def default_workers() -> int:
    """All cores (the command's default for --workers)."""
    return os.cpu_count() or 1
