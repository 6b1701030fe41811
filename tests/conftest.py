"""Shared fixtures: local HTTP servers (see tests/http_server.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from scraper.demo_server import SiteServer
from tests.http_server import serve_demo_site, serve_dir
from tests.redis_server import RedisServer


@pytest.fixture
def serve() -> Iterator[Callable[[Path | str], SiteServer]]:
    """A factory: `server = serve(path)` serves a directory until the test ends."""
    with ExitStack() as stack:
        yield lambda path: stack.enter_context(serve_dir(path))


@pytest.fixture
def demo_site() -> Iterator[SiteServer]:
    """The bundled demo site, served on a fresh port with its own request log."""
    with serve_demo_site() as server:
        yield server


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A real redis-server on 127.0.0.1 and a free port, stopped after the test."""
    with RedisServer(tmp_path / "redis") as server:
        yield server


@pytest.fixture
def redis_client(redis_server: RedisServer) -> Iterator[Any]:
    import redis

    client = redis.Redis.from_url(redis_server.url)
    yield client
    client.close()
