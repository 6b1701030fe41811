"""The seen-article store of incremental crawls: one SQLite file under STATE_DIR.

What it remembers: every article written (canonical URL, content fingerprint, modified date, version,
the sitemap/feed date it was listed with), the URLs that led to it, HTTP validators (ETag,
Last-Modified) per URL, and each run (its output file and how far that output is committed).
WAL mode and a busy timeout make it safe for several processes at once; every write is one short
transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

STATE_FILE = "state.sqlite3"
BUSY_TIMEOUT_MS = 30_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    canonical_url TEXT PRIMARY KEY,
    url TEXT,
    fingerprint TEXT,
    modified TEXT,
    version INTEGER NOT NULL,
    source_date TEXT,
    written_at TEXT NOT NULL,
    run_id INTEGER
);
CREATE TABLE IF NOT EXISTS fingerprints (fingerprint TEXT PRIMARY KEY, canonical_url TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS urls (url TEXT PRIMARY KEY, canonical_url TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS validators (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, run_id INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    spider TEXT NOT NULL,
    target TEXT NOT NULL,
    output TEXT NOT NULL,
    started_at TEXT NOT NULL,
    committed_offset INTEGER NOT NULL,
    status TEXT NOT NULL,
    finished_at TEXT,
    exit_status INTEGER
);
"""

# Run statuses: 'running' (or a process that died), 'interrupted' (graceful stop, resumable), 'finished'.
RESUMABLE = ("running", "interrupted")


@dataclass(frozen=True)
class SeenArticle:
    canonical_url: str
    fingerprint: str | None
    modified: str | None
    version: int
    source_date: str | None


@dataclass(frozen=True)
class Decision:
    """What to do with a freshly extracted article: action is new, changed, unchanged or republished."""

    action: str
    version: int
    known_as: str | None = None

    @property
    def write(self) -> bool:
        return self.action in ("new", "changed")


@dataclass(frozen=True)
class Run:
    id: int
    spider: str
    target: str
    output: str
    started_at: str
    committed_offset: int
    status: str


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_date(value: str | None) -> datetime | None:
    """An ISO 8601 date as an aware datetime (naive means UTC); None when absent or unreadable."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def is_newer(candidate: str | None, known: str | None) -> bool:
    """True when candidate is a date later than known (or known is missing and candidate is not)."""
    new, old = parse_date(candidate), parse_date(known)
    if new is None:
        return False
    return old is None or new > old


def decide(
    record: dict[str, Any], by_url: SeenArticle | None, by_fingerprint: SeenArticle | None
) -> Decision:
    """Compare an article with what the store knows: write it (new/changed, with its version) or not."""
    fingerprint = record.get("fingerprint")
    if by_url is not None:
        changed_body = fingerprint is not None and fingerprint != by_url.fingerprint
        if changed_body or is_newer(record.get("modified"), by_url.modified):
            return Decision("changed", by_url.version + 1)
        return Decision("unchanged", by_url.version, by_url.canonical_url)
    if by_fingerprint is not None:
        return Decision("republished", by_fingerprint.version, by_fingerprint.canonical_url)
    return Decision("new", 1)


def article_key(record: dict[str, Any]) -> str | None:
    """The identity of an article in the store: its canonical URL, else the URL it was fetched from."""
    key = record.get("canonical_url") or record.get("url")
    return str(key) if key else None


class StateStore:
    """One connection to the state database; cheap to open, safe to use from several processes."""

    def __init__(self, state_dir: str | Path) -> None:
        self.path = Path(state_dir) / STATE_FILE
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        with self._transaction():
            self._create_tables()

    def _create_tables(self) -> None:
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                self._db.execute(statement)

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE takes the write lock up front, so two writers queue instead of failing mid-way.
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- articles --------------------------------------------------------------------------------

    def article(self, canonical_url: str) -> SeenArticle | None:
        row = self._db.execute(
            "SELECT canonical_url, fingerprint, modified, version, source_date FROM articles "
            "WHERE canonical_url = ?",
            (canonical_url,),
        ).fetchone()
        return SeenArticle(*row) if row else None

    def article_for_url(self, url: str) -> SeenArticle | None:
        """The article a fetched or listed URL led to before (by URL alias or canonical URL)."""
        row = self._db.execute("SELECT canonical_url FROM urls WHERE url = ?", (url,)).fetchone()
        return self.article(row[0] if row else url)

    def article_for_fingerprint(self, fingerprint: str | None) -> SeenArticle | None:
        if not fingerprint:
            return None
        row = self._db.execute(
            "SELECT canonical_url FROM fingerprints WHERE fingerprint = ?", (fingerprint,)
        ).fetchone()
        return self.article(row[0]) if row else None

    def decide(self, record: dict[str, Any]) -> Decision:
        key = article_key(record)
        by_url = self.article(key) if key else None
        return decide(record, by_url, self.article_for_fingerprint(record.get("fingerprint")))

    def remember(
        self,
        record: dict[str, Any],
        run_id: int | None = None,
        source_date: str | None = None,
        aliases: Iterable[str] = (),
        committed_offset: int | None = None,
    ) -> None:
        """Record a written article (and, in the same transaction, how far its run's output is committed)."""
        key = article_key(record)
        if key is None:
            return
        with self._transaction() as db:
            db.execute(
                "INSERT INTO articles (canonical_url, url, fingerprint, modified, version, source_date, "
                "written_at, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(canonical_url) DO UPDATE SET url = excluded.url, "
                "fingerprint = excluded.fingerprint, modified = excluded.modified, "
                "version = excluded.version, source_date = COALESCE(excluded.source_date, source_date), "
                "written_at = excluded.written_at, run_id = excluded.run_id",
                (key, record.get("url"), record.get("fingerprint"), record.get("modified"),
                 int(record.get("version") or 1), source_date, utc_now(), run_id),
            )
            if record.get("fingerprint"):
                db.execute(
                    "INSERT OR IGNORE INTO fingerprints (fingerprint, canonical_url) VALUES (?, ?)",
                    (record["fingerprint"], key),
                )
            self._alias(db, key, {record.get("url"), key, *aliases})
            if run_id is not None and committed_offset is not None:
                db.execute("UPDATE runs SET committed_offset = ? WHERE id = ?", (committed_offset, run_id))

    def alias(self, canonical_url: str, urls: Iterable[str | None]) -> None:
        """Remember that these URLs lead to an article already known (a republished copy, a redirect)."""
        with self._transaction() as db:
            self._alias(db, canonical_url, set(urls))

    @staticmethod
    def _alias(db: sqlite3.Connection, canonical_url: str, urls: Iterable[str | None]) -> None:
        db.executemany(
            "INSERT INTO urls (url, canonical_url) VALUES (?, ?) "
            "ON CONFLICT(url) DO UPDATE SET canonical_url = excluded.canonical_url",
            [(url, canonical_url) for url in urls if url],
        )

    def note_source_date(self, canonical_url: str, source_date: str | None) -> None:
        """The sitemap/feed date an unchanged article was listed with this time."""
        if source_date:
            with self._transaction() as db:
                db.execute(
                    "UPDATE articles SET source_date = ? WHERE canonical_url = ?",
                    (source_date, canonical_url),
                )

    def count_articles(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # -- HTTP validators -------------------------------------------------------------------------

    def validators(self, url: str) -> tuple[str | None, str | None] | None:
        """(ETag, Last-Modified) to send for url: only for URLs that led to a written article.

        Listing pages (robots.txt, sitemap indexes, feeds, site sections) never get a conditional
        request: an unchanged index can point to changed children, and a 304 for a sitemap that a
        killed run never finished reading would lose the articles it lists.
        """
        row = self._db.execute(
            "SELECT v.etag, v.last_modified FROM validators v JOIN urls u ON u.url = v.url WHERE v.url = ?",
            (url,),
        ).fetchone()
        return (row[0], row[1]) if row else None

    def save_validators(self, url: str, etag: str | None, last_modified: str | None, run_id: int) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT INTO validators (url, etag, last_modified, run_id) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, "
                "last_modified = excluded.last_modified, run_id = excluded.run_id",
                (url, etag, last_modified, run_id),
            )

    # -- runs ------------------------------------------------------------------------------------

    def unfinished_run(self, spider: str) -> Run | None:
        row = self._db.execute(
            "SELECT id, spider, target, output, started_at, committed_offset, status FROM runs "
            f"WHERE spider = ? AND status IN {RESUMABLE!r} ORDER BY id DESC LIMIT 1",
            (spider,),
        ).fetchone()
        return Run(*row) if row else None

    def start_run(self, spider: str, target: str, output: str, started_at: str, offset: int) -> Run:
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO runs (spider, target, output, started_at, committed_offset, status) "
                "VALUES (?, ?, ?, ?, ?, 'running')",
                (spider, target, output, started_at, offset),
            )
            run_id = int(cursor.lastrowid or 0)
        return Run(run_id, spider, target, output, started_at, offset, "running")

    def set_run_status(self, run_id: int, status: str, exit_status: int | None = None) -> None:
        finished_at = utc_now() if status not in RESUMABLE else None
        with self._transaction() as db:
            db.execute(
                "UPDATE runs SET status = ?, finished_at = ?, exit_status = ? WHERE id = ?",
                (status, finished_at, exit_status, run_id),
            )

    def set_committed_offset(self, run_id: int, offset: int) -> None:
        with self._transaction() as db:
            db.execute("UPDATE runs SET committed_offset = ? WHERE id = ?", (offset, run_id))
