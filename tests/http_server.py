"""Local HTTP servers for tests: any directory on 127.0.0.1, on a free port, in a background thread.

    with serve_dir(path) as server:      # server.base_url, server.url("a.html"), server.requests
        ...

`{{BASE}}` in served files (also inside .gz) becomes the server's base URL; see scraper.demo_server.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scraper.demo_server import SiteServer, demo_site_root


@contextmanager
def serve_dir(path: Path | str, rewrite: bool = True) -> Iterator[SiteServer]:
    """Serve the directory until the block ends."""
    with SiteServer(path, rewrite=rewrite) as server:
        yield server


@contextmanager
def serve_demo_site() -> Iterator[SiteServer]:
    """Serve the bundled demo site."""
    with serve_dir(demo_site_root()) as server:
        yield server
