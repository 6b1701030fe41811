"""A generated news site for crawl benchmarks: N article pages of varied sizes, made on the fly.

Every page is a function of its number (seeded), so the crawl and the extraction-only baseline see
the same bytes. Pages carry what real syndicated pages carry: navigation, a market-ticker strip on
some, key-point bullets on some, a figure with caption and credit, quotes with speakers, a wire
credit or an "originally published" notice, JSON-LD, related links and a footer, and (on some) a
large inline script. Body lengths range from a few paragraphs to very long reads.

Served by a small asyncio HTTP/1.1 server (keep-alive) on 127.0.0.1: /robots.txt, /sitemap.xml (an
index), /sitemaps/<k>.xml (SITEMAP_SIZE pages each), /shard-<i>-of-<n>.xml (an index of every n-th
sitemap, for crawls split across processes) and /news/<number>.html.

Usage: python bench/crawl_site.py --pages N [--port P]   (prints the base URL, serves until killed)
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
from html import escape

SITEMAP_SIZE = 1000
_WORD_LIST = (
    "market council city report government company growth energy water school health price bank "
    "minister plan share workers project budget court police river bridge station airport tram "
    "investors quarter sales forecast data study researchers climate election vote policy rate "
    "inflation housing rent farm harvest storm coast port tourism museum hospital patients nurses"
)
_WORDS = _WORD_LIST.split()
_NAMES = ["Ada Moreno", "Bram Visser", "Chloe Tan", "Dev Patel", "Elif Kaya", "Femi Adeyemi", "Greta Lind"]
_ROLES = ["chief executive", "mayor", "spokeswoman", "analyst", "professor", "union leader"]
_OUTLETS = ["Business Insider", "Reuters", "The Associated Press", "USA TODAY"]
_SCRIPT_DATA = ",".join(str(k * 7919 % 100_003) for k in range(3000))  # a page's bulky inline data
_TICKER = [("S&P 500", "4,512.30", "-61.59", "-1.20"), ("Dow", "35,102.11", "+120.40", "+0.34"),
           ("Nasdaq", "14,003.52", "-80.10", "-0.57"), ("Gold", "1,954.20", "+3.10", "+0.16")]


def sentence(rng: random.Random, number: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(9, 22))]
    words[rng.randrange(len(words))] = f"district-{number}"  # every page's text is its own
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, number: int) -> str:
    text = " ".join(sentence(rng, number) for _ in range(rng.randint(2, 5)))
    if rng.random() < 0.25:
        name, role = rng.choice(_NAMES), rng.choice(_ROLES)
        text += f" “{sentence(rng, number)[:-1]},” said {name}, the {role}."
    return f"<p>{escape(text, quote=False)}</p>"


def paragraph_count(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.2:
        return rng.randint(4, 8)
    if roll < 0.7:
        return rng.randint(10, 25)
    if roll < 0.95:
        return rng.randint(30, 60)
    return rng.randint(80, 150)


def chrome_links(rng: random.Random, count: int, prefix: str) -> str:
    items = "".join(f"<li><a href='/{prefix}/{rng.randint(1, 999)}'>{rng.choice(_WORDS).title()} "
                    f"{rng.choice(_WORDS)}</a></li>" for _ in range(count))
    return f"<ul>{items}</ul>"


def ticker_strip() -> str:
    items = "".join(f"<li><span>{name}</span> <span>{price}</span> <span>{change} ({pct}%)</span></li>"
                    for name, price, change, pct in _TICKER)
    return f"<div class='markets'><ul>{items}</ul></div>"


def article_page(number: int) -> bytes:
    """The HTML of article page `number` (deterministic)."""
    rng = random.Random(number)
    headline = f"{sentence(rng, number)[:-1].title()} ({number})"
    author = rng.choice(_NAMES)
    day = 1 + number % 28
    outlet = rng.choice(_OUTLETS)
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{escape(headline)} | Bench News</title>",
        f"<meta property='og:title' content='{escape(headline)}'><meta property='og:type' content='article'>",
        f"<link rel='canonical' href='/news/{number}.html'>",
        "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
        f"\"headline\":\"{escape(headline)}\",\"datePublished\":\"2025-06-{day:02d}T08:00:00Z\","
        f"\"author\":{{\"@type\":\"Person\",\"name\":\"{author}\"}}}}</script>",
        "</head><body><header><nav>", chrome_links(rng, 30, "section"), "</nav></header>",
    ]
    if rng.random() < 0.3:
        parts.append(ticker_strip())
    parts.append(f"<main><article><h1>{escape(headline)}</h1><p class='byline'>By {author}</p>")
    if rng.random() < 0.4:
        bullets = "".join(f"<li>{escape(sentence(rng, number))}</li>" for _ in range(3))
        parts.append(f"<ul class='key-points'>{bullets}</ul>")
    caption = f"{escape(sentence(rng, number))} Photo: {author}/Bench Images"
    parts.append(f"<figure><img src='/img/{number}.jpg' alt='A {rng.choice(_WORDS)} scene'>"
                 f"<figcaption>{caption}</figcaption></figure>")
    if rng.random() < 0.3:
        parts.append(f"<p>This story was originally published on {outlet}.</p>")
    parts.extend(paragraph(rng, number) for _ in range(paragraph_count(rng)))
    parts.append("</article><aside><h3>Most read</h3>" + chrome_links(rng, 12, "news") + "</aside></main>")
    if rng.random() < 0.3:
        parts.append(f"<script>var config{number} = [{_SCRIPT_DATA}];</script>")
    parts.append(f"<footer>{chrome_links(rng, 20, 'about')}<p>© 2025 Bench News</p></footer></body></html>")
    return "".join(parts).encode("utf-8")


def sitemap_index(base: str, pages: int, shard: int = 0, shards: int = 1) -> bytes:
    parts = range(shard, -(-pages // SITEMAP_SIZE), shards)
    entries = "".join(f"<sitemap><loc>{base}/sitemaps/{k}.xml</loc></sitemap>" for k in parts)
    return ("<?xml version='1.0' encoding='UTF-8'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/"
            f"sitemap/0.9'>{entries}</sitemapindex>").encode()


def sitemap_part(base: str, pages: int, part: int) -> bytes:
    numbers = range(part * SITEMAP_SIZE, min(pages, (part + 1) * SITEMAP_SIZE))
    entries = "".join(f"<url><loc>{base}/news/{n}.html</loc></url>" for n in numbers)
    return ("<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/"
            f"sitemap/0.9'>{entries}</urlset>").encode()


def route(path: str, base: str, pages: int) -> tuple[int, str, bytes]:
    """(status, content type, body) for a path of the site."""
    try:
        if path == "/robots.txt":
            return 200, "text/plain", f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n".encode()
        if path == "/sitemap.xml":
            return 200, "application/xml", sitemap_index(base, pages)
        if path.startswith("/shard-") and path.endswith(".xml"):
            shard, shards = path[len("/shard-"):-len(".xml")].split("-of-")
            return 200, "application/xml", sitemap_index(base, pages, int(shard), int(shards))
        if path.startswith("/sitemaps/") and path.endswith(".xml"):
            return 200, "application/xml", sitemap_part(base, pages, int(path[len("/sitemaps/"):-4]))
        if path.startswith("/news/") and path.endswith(".html"):
            number = int(path[len("/news/"):-5])
            if 0 <= number < pages:
                return 200, "text/html; charset=utf-8", article_page(number)
    except ValueError:
        pass
    return 404, "text/plain", b"not found"


async def serve_connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, base: str,
                           pages: int) -> None:
    """HTTP/1.1 GET with keep-alive: enough for Scrapy and the load client, nothing more."""
    try:
        while request_line := await reader.readline():
            keep_alive = True
            while (header := await reader.readline()) not in (b"\r\n", b"\n", b""):
                if header.lower().startswith(b"connection:") and b"close" in header.lower():
                    keep_alive = False
            path = request_line.split(b" ")[1].decode("latin-1").split("?")[0]
            status, content_type, body = route(path, base, pages)
            writer.write(f"HTTP/1.1 {status} {'OK' if status == 200 else 'Not Found'}\r\nContent-Type: "
                         f"{content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
            await writer.drain()
            if not keep_alive:
                break
    except (ConnectionError, IndexError):
        pass
    finally:
        writer.close()


async def serve(pages: int, port: int) -> None:
    holder: dict[str, str] = {}
    server = await asyncio.start_server(
        lambda r, w: serve_connection(r, w, holder["base"], pages), "127.0.0.1", port, backlog=512
    )
    holder["base"] = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    print(holder["base"], flush=True)
    async with server:
        await server.serve_forever()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    asyncio.run(serve(args.pages, args.port))
    return 0


if __name__ == "__main__":
    sys.exit(main())
