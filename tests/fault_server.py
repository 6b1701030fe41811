"""A fault-injecting HTTP server on 127.0.0.1 for crawl tests: every way the web goes wrong.

`FAULTS` maps a path to (expected outcome, handler). The outcome is "good" (the page must be
written once) or the failure reason the crawl must record for it. Counters are per server, so a
"fail N times then succeed" page recovers on a retry.
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "hostile"
SLOW_SECONDS = 4.0  # tests set DOWNLOAD_TIMEOUT below this
MAXSIZE = 1024 * 1024  # tests set DOWNLOAD_MAXSIZE to this
TOPICS = [
    "port strike", "dividend funds", "grain prices", "rail safety", "housing starts", "bank earnings",
    "wildfire season", "chip exports", "airline fares", "copper mines", "wind farms", "tax reform",
    "ferry service", "water rates", "film festival", "hospital wait times",
]


def article(n: int, text_extra: str = "", charset: str | None = "utf-8", title: str = "") -> str:
    """A distinct news article page (n selects the topic), long enough to count as an article."""
    topic = TOPICS[n % len(TOPICS)]
    meta = f'<meta charset="{charset}">' if charset else ""
    paragraphs = "".join(
        f"<p>Paragraph {i} of the report on {topic} ({n}): officials said the situation kept changing "
        f"through the week, and residents and businesses told reporters they were watching closely.</p>"
        for i in range(5)
    )
    return (
        f"<!DOCTYPE html><html lang=\"en\"><head>{meta}<title>Story {n} about {topic}{title}</title>"
        f'<meta property="og:type" content="article"></head><body><article>'
        f"<h1>Story {n} about {topic}{title}</h1>{paragraphs}{text_extra}</article></body></html>"
    )


def _lol(root: str, inner: str) -> bytes:
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    decls = '<!ENTITY l0 "lol">' + levels
    return f'<?xml version="1.0"?><!DOCTYPE {root} [{decls}]>{inner}'.encode()


def _xxe(root: str, inner: str) -> bytes:
    return f'<?xml version="1.0"?><!DOCTYPE {root} [<!ENTITY x SYSTEM "file:///etc/passwd">]>{inner}'.encode()


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "text/html; charset=utf-8"),)


class FaultHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FaultHTTPServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        path = self.path.split("?", 1)[0]
        self.server.hits[path] += 1
        self.server.times.setdefault(path, []).append(time.monotonic())
        route = self.server.routes.get(path)
        if route is None:
            self.send_reply(Reply(404, b"<html><body>not found</body></html>"))
            return
        result = route(self)
        if isinstance(result, Reply):
            self.send_reply(result)

    def send_reply(self, reply: Reply) -> None:
        self.send_response(reply.status)
        for name, value in reply.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    def hit(self) -> int:
        return self.server.hits[self.path.split("?", 1)[0]]

    def reset(self) -> None:
        """Abort the connection with a TCP RST, mid-response."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()


class FaultHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, routes: dict[str, Callable[[FaultHandler], Reply | None]]) -> None:
        super().__init__(("127.0.0.1", 0), FaultHandler)
        self.routes = routes
        self.hits: Counter[str] = Counter()
        self.times: dict[str, list[float]] = {}

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # resets and hang-ups are the point of this server

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


def html(body: str | bytes, content_type: str = "text/html; charset=utf-8") -> Reply:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return Reply(200, data, (("Content-Type", content_type),))


Headers = tuple[tuple[str, str], ...]
Handler = Callable[["FaultHandler"], "Reply | None"]


def fail_then(times: int, status: int, n: int, extra: Headers = ()) -> Callable[..., Reply]:
    def handler(h: FaultHandler) -> Reply:
        if h.hit() <= times:
            headers = (("Content-Type", "text/html"), *extra)
            return Reply(status, b"<html><body>try again</body></html>", headers)
        return html(article(n))

    return handler


def reset_then(times: int | None, n: int) -> Callable[[FaultHandler], Reply | None]:
    def handler(h: FaultHandler) -> Reply | None:
        if times is None or h.hit() <= times:
            h.reset()
            return None
        return html(article(n))

    return handler


def slow(h: FaultHandler) -> None:
    time.sleep(SLOW_SECONDS)
    h.close_connection = True


def hang(seconds: float) -> Callable[[FaultHandler], None]:
    """Answer nothing for `seconds`, then hang up: a page that outlasts the crawl's timeout."""

    def handler(h: FaultHandler) -> None:
        time.sleep(seconds)
        h.close_connection = True

    return handler


def truncated(h: FaultHandler) -> None:
    body = article(90).encode()
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", str(len(body) + 5000))
    h.end_headers()
    h.wfile.write(body[: len(body) // 2])
    h.wfile.flush()
    h.close_connection = True
    h.connection.shutdown(socket.SHUT_WR)


def oversize_streamed(h: FaultHandler) -> None:
    """No Content-Length: the size is only known while receiving (close-delimited body)."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Connection", "close")
    h.end_headers()
    chunk = b"<p>" + b"x" * 65536 + b"</p>"
    try:
        for _ in range(MAXSIZE * 2 // len(chunk) + 2):
            h.wfile.write(chunk)
    except OSError:
        pass  # the crawler hung up, as it should
    h.close_connection = True


def encoded(body: bytes, encoding: str) -> Reply:
    return Reply(200, body, (("Content-Type", "text/html"), ("Content-Encoding", encoding)))


def redirect(location: str) -> Callable[[FaultHandler], Reply]:
    def handler(h: FaultHandler) -> Reply:
        target = location.replace("{base}", h.server.base).replace("{port}", str(h.server.server_address[1]))
        return Reply(302, b"", (("Location", target), ("Content-Type", "text/html")))

    return handler


WESTERN = " à Saint-Honoré: « déjà vu »"
JAPANESE = " 日銀、金利据え置きを決定"


def charset_page(
    n: int, title: str, encoding: str, declared: str | None, header: str = "text/html"
) -> Handler:
    """An article whose headline ends with `title`, encoded one way and declared (maybe) another."""
    page = article(n, charset=declared, title=title)
    return lambda h: Reply(200, page.encode(encoding), (("Content-Type", header),))


GOOD_COUNT = 6
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF"
GARBAGE = bytes((i * 7919 + 13) % 256 for i in range(20_000))
DEEP = article(50, "<div>" * 50_000 + "<p>deep</p>" + "</div>" * 50_000)
GZIP_BOMB = gzip.compress(b"\0" * (MAXSIZE * 40))
DEFLATE_BOMB = zlib.compress(b"\0" * (MAXSIZE * 40))
ROBOTS = b"User-agent: *\nDisallow: /private/\n"

# path -> (expected outcome: "good" or the failure reason, handler)
PAGES: dict[str, tuple[str, Callable[[FaultHandler], Reply | None]]] = {
    **{f"/good/{n}.html": ("good", lambda h, n=n: html(article(n))) for n in range(GOOD_COUNT)},
    "/flaky/500.html": ("good", fail_then(2, 500, 20)),
    "/flaky/503.html": ("good", fail_then(1, 503, 21)),
    "/flaky/429.html": ("good", fail_then(1, 429, 22, (("Retry-After", "1"),))),
    "/flaky/reset-once.html": ("good", reset_then(1, 23)),
    "/redirect/ok.html": ("good", redirect("{base}/good/target.html")),
    "/deep.html": ("good", lambda h: html(DEEP)),
    "/charset/cp1252-declared-utf8.html": ("good", charset_page(40, WESTERN, "cp1252", "utf-8")),
    "/charset/latin1-header-utf8.html": (
        "good", charset_page(41, WESTERN, "latin-1", None, "text/html; charset=utf-8")
    ),
    "/charset/utf8-declared-latin1.html": ("good", charset_page(42, WESTERN, "utf-8", "iso-8859-1")),
    "/charset/cp1252-undeclared.html": ("good", charset_page(43, WESTERN, "cp1252", None)),
    "/charset/sjis-declared-utf8.html": ("good", charset_page(44, JAPANESE, "shift_jis", "utf-8")),
    "/charset/utf8-declared-sjis.html": ("good", charset_page(45, JAPANESE, "utf-8", "shift_jis")),
    "/charset/sjis-header-utf8.html": (
        "good", charset_page(46, JAPANESE, "shift_jis", None, "text/html; charset=UTF-8")
    ),
    "/fail/500.html": ("http_500", lambda h: Reply(500, b"<html><body>down</body></html>")),
    "/fail/404.html": ("http_404", lambda h: Reply(404, b"<html><body>gone</body></html>")),
    "/fail/reset.html": ("connection_lost", reset_then(None, 0)),
    "/fail/slow.html": ("timeout", slow),
    "/fail/truncated.html": ("truncated", truncated),
    "/fail/oversize.html": ("too_large", lambda h: html(b"<p>" + b"y" * (MAXSIZE * 2) + b"</p>")),
    "/fail/oversize-streamed.html": ("too_large", oversize_streamed),
    "/fail/gzip-bomb.html": ("decompression_bomb", lambda h: encoded(GZIP_BOMB, "gzip")),
    "/fail/deflate-bomb.html": ("decompression_bomb", lambda h: encoded(DEFLATE_BOMB, "deflate")),
    "/fail/pdf.html": ("not_html", lambda h: html(PDF, "application/pdf")),
    "/fail/image.html": ("not_html", lambda h: html(PNG, "image/png")),
    "/fail/json.html": ("not_html", lambda h: html(b'{"headline": "not a page"}', "application/json")),
    "/fail/pdf-as-html.html": ("not_html", lambda h: html(PDF)),
    "/fail/empty.html": ("not_article/no_headline", lambda h: html(b"")),
    "/fail/garbage.html": ("not_html", lambda h: html(GARBAGE)),
    "/fail/loop-a.html": ("redirect_loop", redirect("{base}/fail/loop-b.html")),
    "/fail/loop-b.html": ("redirect_loop", redirect("{base}/fail/loop-a.html")),
    "/fail/to-file.html": ("redirect_scheme_not_allowed", redirect("file:///etc/passwd")),
    "/fail/to-ftp.html": ("redirect_scheme_not_allowed", redirect("ftp://127.0.0.1:{port}/x")),
    "/fail/to-metadata.html": ("redirect_private_address", redirect("http://169.254.169.254/latest/meta-data/")),
    "/fail/to-private.html": ("redirect_private_address", redirect("http://10.0.0.1/admin")),
    "/fail/to-localhost.html": ("redirect_private_address", redirect("http://localhost:{port}/good/0.html")),
    "/private/disallowed.html": ("robots_txt", lambda h: html(article(60))),
}
# Pages reached only through redirects, served as good articles.
TARGETS = {"/good/target.html": lambda h: html(article(30))}

SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
URLSET_BOMB = _lol("urlset", f"<urlset {SITEMAP_NS}><url><loc>&l9;</loc></url></urlset>")
URLSET_XXE = _xxe("urlset", f"<urlset {SITEMAP_NS}><url><loc>&x;</loc></url></urlset>")
RSS_BOMB = _lol("rss", '<rss version="2.0"><channel><item><link>&l9;</link></item></channel></rss>')
RSS_XXE = _xxe("rss", '<rss version="2.0"><channel><item><link>&x;</link></item></channel></rss>')


def routes() -> dict[str, Callable[[FaultHandler], Reply | None]]:
    table: dict[str, Callable[[FaultHandler], Reply | None]] = {path: h for path, (_, h) in PAGES.items()}
    table.update(TARGETS)
    table["/robots.txt"] = lambda h: html(ROBOTS, "text/plain")
    xml = "application/xml"
    table["/sitemap-bomb.xml"] = lambda h: html(URLSET_BOMB, xml)
    table["/sitemap-xxe.xml"] = lambda h: html(URLSET_XXE, xml)
    table["/sitemap-malformed.xml"] = lambda h: html(b"<html><body><p>Not a sitemap</p>", xml)
    # Cut off mid-document: the lenient parser still finds the complete entries before the cut.
    table["/sitemap-truncated.xml"] = lambda h: html(urlset(h.server.base, TRUNCATED_PAGES)[:-15], xml)
    table["/sitemap-garbage.xml"] = lambda h: html(GARBAGE, xml)
    table["/sitemap-gzip-bomb.xml.gz"] = lambda h: html(GZIP_BOMB, "application/gzip")
    table["/feed-bomb.xml"] = lambda h: html(RSS_BOMB, "application/rss+xml")
    table["/feed-xxe.xml"] = lambda h: html(RSS_XXE, "application/rss+xml")
    table["/feed-malformed.xml"] = lambda h: html(b"<html><body><p>Not a feed</p>", "application/rss+xml")
    rss_type = "application/rss+xml"
    table["/feed-truncated.xml"] = lambda h: html(rss(h.server.base, TRUNCATED_PAGES)[:-25], rss_type)
    table["/feed-garbage.xml"] = lambda h: html(GARBAGE, "application/rss+xml")
    table["/sitemap-index.xml"] = lambda h: html(sitemap_index(h.server.base), xml)
    table["/sitemap-good.xml"] = lambda h: html(urlset(h.server.base, SITEMAP_PAGES), xml)
    table["/feed-good.xml"] = lambda h: html(rss(h.server.base, FEED_PAGES), "application/rss+xml")
    return table


SITEMAP_PAGES = ["/good/0.html", "/good/1.html", "/flaky/503.html", "/private/disallowed.html"]
TRUNCATED_PAGES = ["/good/5.html"]
FEED_PAGES = ["/good/2.html", "/good/3.html", "/fail/to-metadata.html", "/fail/json.html"]
BAD_SITEMAPS = {
    "/sitemap-bomb.xml": "unsafe_xml", "/sitemap-xxe.xml": "unsafe_xml",
    "/sitemap-malformed.xml": "bad_sitemap", "/sitemap-garbage.xml": "bad_sitemap",
    "/sitemap-gzip-bomb.xml.gz": "bad_sitemap",
}
BAD_FEEDS = {
    "/feed-bomb.xml": "unsafe_xml", "/feed-xxe.xml": "unsafe_xml",
    "/feed-malformed.xml": "bad_feed", "/feed-garbage.xml": "bad_feed",
}


def sitemap_index(base: str) -> str:
    maps = ["/sitemap-good.xml", "/sitemap-truncated.xml", *BAD_SITEMAPS]
    entries = "".join(f"<sitemap><loc>{base}{path}</loc></sitemap>" for path in maps)
    return f'<?xml version="1.0"?><sitemapindex {SITEMAP_NS}>{entries}</sitemapindex>'


def urlset(base: str, paths: list[str]) -> str:
    entries = "".join(f"<url><loc>{base}{path}</loc></url>" for path in paths)
    return f'<?xml version="1.0"?><urlset {SITEMAP_NS}>{entries}</urlset>'


def rss(base: str, paths: list[str]) -> str:
    items = "".join(f"<item><title>t</title><link>{base}{path}</link></item>" for path in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>{items}</channel></rss>'


@contextmanager
def fault_server(
    table: dict[str, Callable[[FaultHandler], Reply | None]] | None = None,
) -> Iterator[FaultHTTPServer]:
    """Serve every fault (or the routes of `table`) on 127.0.0.1:<free port> for the block."""
    server = FaultHTTPServer(routes() if table is None else table)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":  # manual poking: python -m tests.fault_server
    with fault_server() as srv:
        print(srv.base, flush=True)
        threading.Event().wait()
