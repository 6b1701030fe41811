"""A small static web server for the demo site and the tests: stdlib only, on 127.0.0.1, any free port.

Files may contain the placeholder `{{BASE}}` (also inside .gz files); it is replaced at serve time by
the server's own base URL, so sitemaps and feeds hold absolute URLs whatever the port.
Serves ETag / Last-Modified and answers conditional requests with 304, like a real site.

    python -m scraper.demo_server [--port 8000] [DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import threading
from collections import deque
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlsplit

PLACEHOLDER = b"{{BASE}}"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
    ".gz": "application/gzip",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}
NOT_FOUND = (
    b"<!doctype html><html><head><title>404 Not Found</title></head>"
    b"<body><h1>Not Found</h1></body></html>"
)


def demo_site_root() -> Path:
    """The bundled demo site's directory."""
    return Path(str(resources.files("scraper").joinpath("demo_site")))


class SiteServer:
    """Serve a directory over HTTP in a background thread; use as a context manager."""

    def __init__(
        self, root: Path | str, host: str = "127.0.0.1", port: int = 0, rewrite: bool = True
    ) -> None:
        self.root = Path(root).resolve()
        self.rewrite = rewrite
        self.requests: list[str] = []  # request paths in arrival order (with query)
        self.lock = threading.Lock()
        self.scripted: dict[str, deque[int]] = {}  # path -> statuses to answer first
        self.httpd = ThreadingHTTPServer((host, port), _handler_class(self))
        self.httpd.daemon_threads = True
        self.thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + "/" + path.lstrip("/")

    def start(self) -> SiteServer:
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="site-server", daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        if self.thread is not None:
            self.thread.join(timeout=5)

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def script(self, path: str, *statuses: int) -> None:
        """Answer the next requests for `path` with these statuses (e.g. 503, 429) before the file."""
        with self.lock:
            self.scripted.setdefault(path, deque()).extend(statuses)

    def next_scripted(self, path: str) -> int | None:
        with self.lock:
            queue = self.scripted.get(path)
            return queue.popleft() if queue else None

    def record(self, path: str) -> None:
        with self.lock:
            self.requests.append(path)

    def content(self, path: str) -> tuple[bytes, float, str] | None:
        """The file's bytes (placeholder replaced), mtime and content type; None if there is no such file."""
        file = self.resolve(path)
        if file is None:
            return None
        data = file.read_bytes()
        if self.rewrite:
            data = rewrite_base(data, file.suffix, self.base_url.encode("ascii"))
        return data, file.stat().st_mtime, content_type(file.name)

    def resolve(self, path: str) -> Path | None:
        """The file under root for a URL path; None outside root or missing (index.html for dirs)."""
        relative = unquote(path).lstrip("/")
        file = (self.root / relative).resolve()
        if file != self.root and self.root not in file.parents:
            return None
        if file.is_dir():
            file = file / "index.html"
        return file if file.is_file() else None


def rewrite_base(data: bytes, suffix: str, base: bytes) -> bytes:
    """Replace the placeholder by the base URL, inside gzip data too."""
    if suffix == ".gz":
        inner = gzip.decompress(data)
        return gzip.compress(inner.replace(PLACEHOLDER, base), mtime=0) if PLACEHOLDER in inner else data
    return data.replace(PLACEHOLDER, base)


def content_type(path: str) -> str:
    return CONTENT_TYPES.get(Path(path).suffix.lower(), "application/octet-stream")


def _handler_class(server: SiteServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "syndiscrape-demo"

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self.respond(send_body=True)

        def do_HEAD(self) -> None:  # noqa: N802
            self.respond(send_body=False)

        def respond(self, send_body: bool) -> None:
            server.record(self.path)
            path = urlsplit(self.path).path
            status = server.next_scripted(path)
            found = server.content(path) if status is None else None
            if found is None:
                status = status or 404
                self.send(status, NOT_FOUND, "text/html; charset=utf-8", {}, send_body)
                return
            data, mtime, ctype = found
            etag = '"' + hashlib.blake2b(data, digest_size=8).hexdigest() + '"'
            headers = {"ETag": etag, "Last-Modified": formatdate(mtime, usegmt=True)}
            validators = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
            if not_modified(*validators, etag, mtime):
                self.send(304, b"", None, headers, send_body=False)
                return
            self.send(200, data, ctype, headers, send_body)

        def send(
            self, status: int, data: bytes, ctype: str | None, headers: dict[str, str], send_body: bool
        ) -> None:
            self.send_response(status)
            if ctype:
                self.send_header("Content-Type", ctype)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if send_body:
                self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet: tests and demo
            pass

    return Handler


def not_modified(if_none_match: str | None, if_modified_since: str | None, etag: str, mtime: float) -> bool:
    """True when the client's validators match (ETag first, as HTTP says)."""
    if if_none_match:
        return etag in {part.strip() for part in if_none_match.split(",")} or if_none_match.strip() == "*"
    if if_modified_since:
        try:
            return int(mtime) <= parsedate_to_datetime(if_modified_since).timestamp()
        except (TypeError, ValueError):
            return False
    return False


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve a directory (default: the demo site) on 127.0.0.1.")
    parser.add_argument("root", nargs="?", type=Path, default=None)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    with SiteServer(args.root or demo_site_root(), port=args.port) as server:
        print(f"Serving {server.root} at {server.base_url}/ (Ctrl-C to stop)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":  # pragma: no cover
    main()
