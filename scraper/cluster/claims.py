"""Article claims of a distributed crawl: who writes an article, safe against a worker killed mid-write.

Each article has digests (its canonical URL and content fingerprint, scraper.record.dedupe_keys).
Before writing, a worker claims them in the hash `<spider>:claims` as *pending*, with where its line
will go: `<worker>\\t<part file>\\t<offset>`. It writes the line, then marks the claim `=<worker>`
(written). Another worker meeting a claim:

- written, or pending by a live worker (heartbeat key present): the article is someone else's, drop it;
- pending by a dead worker (its heartbeat expired, so its leased requests were requeued and this is
  one of them being refetched): read the dead worker's part at the offset. A complete line with one
  of the digests means it was written: mark it so and drop. Anything else (nothing, or a line cut by
  the kill, which is removed) means it was not: take the claim over and write the article.

So a kill at any point loses nothing and writes nothing twice, provided the resolving worker can read
the dead worker's part (same host, or parts on a shared disk). When it cannot, the page is dropped as
`claimed_by_dead_worker` and reported. Plain redis-py and files; no Scrapy here.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scraper.runs.output import PART_SUFFIX

logger = logging.getLogger(__name__)

CLAIMS_KEY = "%(spider)s:claims"
WRITTEN = b"="  # prefix of a written claim's value, followed by the writer's id
KeysOf = Callable[[dict[str, Any]], list[bytes]]
MAX_ROUNDS = 8  # stale claims settled per article before giving up (each digest can have one)

# KEYS: claims hash. ARGV: heartbeat key prefix, heartbeat key suffix, my pending value, n, then n
# values found stale and unwritten (a takeover may replace them), then the digests. Returns {1} when
# claimed now, {0} when taken (written, or pending by a live worker), {2, value} for a claim pending by
# a dead worker that the caller has not checked yet.
_CLAIM = """
local stale = {}
local first = 5 + tonumber(ARGV[4])
for i = 5, first - 1 do stale[ARGV[i]] = true end
for i = first, #ARGV do
  local value = redis.call('HGET', KEYS[1], ARGV[i])
  if value and not stale[value] then
    if string.sub(value, 1, 1) == '=' then return {0} end
    local owner = string.match(value, '^[^\\t]*')
    if redis.call('EXISTS', ARGV[1] .. owner .. ARGV[2]) == 1 then return {0} end
    return {2, value}
  end
end
for i = first, #ARGV do redis.call('HSET', KEYS[1], ARGV[i], ARGV[3]) end
return {1}
"""

# KEYS: claims hash. ARGV: the expected value, the new value, then digests. Compare and set each.
_SETTLE = """
local changed = 0
for i = 3, #ARGV do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[1] then
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[2])
    changed = changed + 1
  end
end
return changed
"""


@dataclass(frozen=True)
class Pending:
    """A pending claim's value: the worker that holds it and where its line goes."""

    worker: str
    path: str
    offset: int

    def encode(self) -> bytes:
        return f"{self.worker}\t{self.path}\t{self.offset}".encode()

    @classmethod
    def decode(cls, value: bytes) -> Pending | None:
        parts = value.decode("utf-8", "replace").split("\t")
        if len(parts) != 3 or not parts[2].isdigit():
            return None
        return cls(parts[0], parts[1], int(parts[2]))


class Outcome:
    CLAIMED = "claimed"  # write the article now, then call `written`
    TAKEN = "taken"  # written, or being written, by another worker
    UNVERIFIABLE = "claimed_by_dead_worker"  # a dead worker's claim whose part cannot be read here


class Claims:
    """One worker's side of the claims of one spider's crawl."""

    def __init__(self, server: Any, spider: str, worker: str, keys_of: KeysOf) -> None:
        self.server = server
        self.keys_of = keys_of  # a record's digests, as claimed (scraper.record.dedupe_keys)
        self.worker = worker
        self.key = CLAIMS_KEY % {"spider": spider}
        # Heartbeat keys are `<spider>:worker:<worker>:alive` (scraper/cluster/leases.py).
        self.heartbeat = (f"{spider}:worker:", ":alive")
        self._claim = server.register_script(_CLAIM)
        self._settle = server.register_script(_SETTLE)
        self.settled_written = 0  # dead workers' claims found written in their parts
        self.taken_over = 0  # dead workers' claims found unwritten, taken over

    def claim(self, digests: list[bytes], path: str | Path | None, offset: int) -> str:
        """Claim an article whose line goes to `path` at `offset`; an Outcome value.

        Without a path (a writer that writes later, like Scrapy's feed exporter) the claim is marked
        written at once: a kill before that write then loses the article.
        """
        if not digests:
            return Outcome.CLAIMED
        if path is None:
            mine = WRITTEN + self.worker.encode()
        else:
            mine = Pending(self.worker, str(Path(path).resolve()), offset).encode()
        unwritten: list[bytes] = []  # dead workers' claims checked and found not written
        for _ in range(MAX_ROUNDS):
            args = [*self.heartbeat, mine, len(unwritten), *unwritten, *digests]
            reply = self._claim(keys=[self.key], args=args)
            if int(reply[0]) == 1:
                self.taken_over += len(unwritten)
                return Outcome.CLAIMED
            if int(reply[0]) == 0:
                return Outcome.TAKEN
            stale = bytes(reply[1])
            verdict = self._check(stale, digests)
            if verdict is None:
                return Outcome.UNVERIFIABLE
            if verdict:
                self._settle(keys=[self.key], args=[stale, WRITTEN + stale.split(b"\t", 1)[0], *digests])
                self.settled_written += 1
                return Outcome.TAKEN
            unwritten.append(stale)
        logger.warning("Gave up settling claims for %d digests after %d rounds", len(digests), MAX_ROUNDS)
        return Outcome.UNVERIFIABLE

    def written(self, digests: list[bytes]) -> None:
        """The line is in the part: mark the claim written (a kill before this is settled by `claim`)."""
        if digests:
            self.server.hset(self.key, mapping=dict.fromkeys(digests, WRITTEN + self.worker.encode()))

    def _check(self, stale: bytes, digests: list[bytes]) -> bool | None:
        """Did the dead worker write its line? None when its part cannot be read here."""
        pending = Pending.decode(stale)
        if pending is None:
            return None
        return line_written(pending, set(digests), self.keys_of)


def line_written(pending: Pending, digests: set[bytes], keys_of: KeysOf) -> bool | None:
    """True when the part holds a complete line with one of `digests` at the pending offset.

    A cut line there (the kill came mid-write) is removed: its writer is dead and nobody else appends to
    that part. None when neither the part nor its final name (a finished `.part`) can be read.
    """
    for candidate in (pending.path, pending.path.removesuffix(PART_SUFFIX)):
        try:
            with open(candidate, "rb") as handle:
                handle.seek(pending.offset)
                line = handle.readline()
        except OSError:
            continue
        if line.endswith(b"\n"):
            try:
                record = json.loads(line)
            except ValueError:
                return False
            return isinstance(record, dict) and bool(digests & set(keys_of(record)))
        if line and candidate == pending.path:
            _cut(candidate, pending.offset, len(line))
        return False
    return None


def _cut(path: str, offset: int, tail: int) -> None:
    """Remove a dead worker's cut last line, if the file still ends with it."""
    try:
        if os.path.getsize(path) == offset + tail:
            os.truncate(path, offset)
            logger.warning("Removed a line cut by a kill at the end of %s (%d bytes)", path, tail)
    except OSError as exc:
        logger.warning("Could not remove the cut line at the end of %s: %s", path, exc)
