"""The seen-article store of a distributed crawl: the articles in Redis, shared by every worker.

Same interface as scraper.runs.state.StateStore (a subclass of it): what the incremental pipeline, the
article writer and the scheduled-crawl middlewares ask about articles, URLs and HTTP validators is
answered from Redis, so a distributed cron crawl is incremental across all its workers. The runs
table (this worker's output file and how far it is committed) is about one process's own file, so
it stays in the worker's local SQLite file under STATE_DIR.

Keys, under a prefix (default `<spider>:state`): `:article:<canonical URL>` (a hash per article),
`:articles` (the set of canonical URLs), `:fingerprints` and `:urls` (hashes to the canonical
URL), `:validators` (hash url -> [ETag, Last-Modified]). Each write is one MULTI/EXEC transaction.
redis-py is imported here only, so the core does not need it unless REDIS_URL is set.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from scraper.runs.state import SeenArticle, StateStore, article_key, utc_now

DEFAULT_PREFIX = "%(spider)s:state"
_NULLABLE = ("url", "fingerprint", "modified", "run_id")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


class RedisStateStore(StateStore):
    """Articles, URL aliases and validators in Redis; this worker's runs in local SQLite."""

    def __init__(self, state_dir: str | Path, redis_url: str, spider: str, prefix: str = DEFAULT_PREFIX,
                 server: Any = None) -> None:
        super().__init__(state_dir)
        if server is None:
            import redis

            server = redis.Redis.from_url(redis_url, socket_timeout=30)
        self.server = server
        self.prefix = prefix % {"spider": spider}

    def _key(self, name: str) -> str:
        return f"{self.prefix}:{name}"

    def close(self) -> None:
        super().close()
        self.server.close()

    # -- articles --------------------------------------------------------------------------------

    def article(self, canonical_url: str) -> SeenArticle | None:
        fields = self.server.hgetall(self._key("article:" + canonical_url))
        if not fields:
            return None
        get = {_text(name): _text(value) for name, value in fields.items()}.get
        return SeenArticle(canonical_url, get("fingerprint"), get("modified"), int(get("version") or 1),
                           get("source_date"))

    def article_for_url(self, url: str) -> SeenArticle | None:
        canonical = _text(self.server.hget(self._key("urls"), url))
        return self.article(canonical or url)

    def article_for_fingerprint(self, fingerprint: str | None) -> SeenArticle | None:
        if not fingerprint:
            return None
        canonical = _text(self.server.hget(self._key("fingerprints"), fingerprint))
        return self.article(canonical) if canonical else None

    def remember(
        self,
        record: dict[str, Any],
        run_id: int | None = None,
        source_date: str | None = None,
        aliases: Iterable[str] = (),
        committed_offset: int | None = None,
    ) -> None:
        """Record a written article in Redis, then this worker's committed output offset locally."""
        key = article_key(record)
        if key is None:
            return
        values = {"url": record.get("url"), "fingerprint": record.get("fingerprint"),
                  "modified": record.get("modified"), "run_id": run_id}
        fields = {name: str(value) for name, value in values.items() if value is not None}
        fields.update(version=str(int(record.get("version") or 1)), written_at=utc_now())
        if source_date:  # like the SQLite store: keep the previous listing date when there is none
            fields["source_date"] = source_date
        with self.server.pipeline(transaction=True) as pipe:
            pipe.hset(self._key("article:" + key), mapping=fields)
            nulls = [name for name in _NULLABLE if values[name] is None]
            if nulls:
                pipe.hdel(self._key("article:" + key), *nulls)
            pipe.sadd(self._key("articles"), key)
            if record.get("fingerprint"):
                pipe.hsetnx(self._key("fingerprints"), record["fingerprint"], key)
            self._alias_in(pipe, key, {record.get("url"), key, *aliases})
            pipe.execute()
        if run_id is not None and committed_offset is not None:
            self.set_committed_offset(run_id, committed_offset)

    def alias(self, canonical_url: str, urls: Iterable[str | None]) -> None:
        with self.server.pipeline(transaction=True) as pipe:
            self._alias_in(pipe, canonical_url, set(urls))
            pipe.execute()

    def _alias_in(self, pipe: Any, canonical_url: str, urls: Iterable[str | None]) -> None:
        mapping = {url: canonical_url for url in urls if url}
        if mapping:
            pipe.hset(self._key("urls"), mapping=mapping)

    def note_source_date(self, canonical_url: str, source_date: str | None) -> None:
        key = self._key("article:" + canonical_url)
        if source_date and self.server.exists(key):
            self.server.hset(key, "source_date", source_date)

    def count_articles(self) -> int:
        return int(self.server.scard(self._key("articles")))

    # -- HTTP validators -------------------------------------------------------------------------

    def validators(self, url: str) -> tuple[str | None, str | None] | None:
        """(ETag, Last-Modified) for URLs that led to a written article only (see StateStore)."""
        with self.server.pipeline(transaction=False) as pipe:
            pipe.hexists(self._key("urls"), url)
            pipe.hget(self._key("validators"), url)
            known, saved = pipe.execute()
        if not known or saved is None:
            return None
        etag, last_modified = json.loads(saved)
        return etag, last_modified

    def save_validators(self, url: str, etag: str | None, last_modified: str | None, run_id: int) -> None:
        self.server.hset(self._key("validators"), url, json.dumps([etag, last_modified]))
