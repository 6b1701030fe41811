"""Push start URLs for a distributed crawl into Redis (REDIS_URL from the environment).

Workers are ordinary `scrapy crawl SPIDER` (or `scraper crawl SPIDER`) runs with REDIS_URL set; they
take the URLs pushed here from `<SPIDER>:start_urls` (a sitemap or robots.txt URL for `sitemap`,
feed URLs for `feed`, article pages for `urls`, pages of the site for `site`).

--new-round forgets which pages this spider's crawl has already requested and written (the
dupefilter and the article claims), so a scheduled crawl fetches its pages again; the incremental
state, if workers run `scraper crawl`, still keeps unchanged articles out of the output.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from scraper.cluster.leases import cluster_keys, worker_keys
from spiders.arguments import SpiderArgumentError, check_url, read_url_file

EXIT_OK = 0
EXIT_FAILED = 1  # Redis unreachable, or --new-round while the previous round is still running
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("spider", metavar="SPIDER", help="spider name: urls, sitemap, feed, site")
    parser.add_argument("urls", nargs="*", metavar="URL", help="absolute http(s) URLs to start from")
    parser.add_argument("--file", action="append", default=[], metavar="PATH",
                        help="read URLs from PATH, one a line (# comments and blank lines ignored)")
    parser.add_argument("--new-round", action="store_true",
                        help="first forget the pages already requested and written (refused while "
                             "requests are queued or held by workers)")
    parser.add_argument("--status", action="store_true", help="print the spider's queue counts and exit")
    # argparse leaves URLs after an option (`SPIDER --new-round URL`, as cron lines read) unparsed: take them.
    parser.set_defaults(accepts_extra=True)


def run(args: argparse.Namespace) -> int:
    url = os.environ.get("REDIS_URL", "").strip()
    if not url:
        return fail(EXIT_USAGE, "set REDIS_URL, e.g. REDIS_URL=redis://HOST:6379/0 scraper enqueue ...")
    from scraper.commands.crawl import UsageError, check_spider

    extra = list(getattr(args, "extra", None) or [])
    options = [value for value in extra if value.startswith("-")]
    if options:
        return fail(EXIT_USAGE, f"unrecognized arguments: {' '.join(options)}")
    try:
        check_spider(args.spider, {})  # a typo would push URLs no worker ever reads
        urls = collect_urls([*args.urls, *extra], args.file)
    except (SpiderArgumentError, UsageError) as exc:
        return fail(EXIT_USAGE, str(exc))
    if not urls and not args.status and not args.new_round:
        return fail(EXIT_USAGE, "give URLs to push (URL... or --file PATH)")
    try:
        import redis
    except ImportError:
        return fail(EXIT_USAGE, "the redis package is missing: pip install 'syndiscrape[redis]'")
    try:
        server = redis.Redis.from_url(url, socket_timeout=30)
        return act(server, args, urls)
    except redis.RedisError as exc:
        return fail(EXIT_FAILED, f"Redis at {redacted(url)}: {exc}")


def act(server: Any, args: argparse.Namespace, urls: list[str]) -> int:
    keys = cluster_keys(args.spider)
    if args.status:
        print(json.dumps(queue_status(server, args.spider), indent=2))
        return EXIT_OK
    if args.new_round:
        busy = round_in_progress(server, args.spider)
        if busy:
            return fail(EXIT_FAILED, f"the previous round of {args.spider!r} is still running ({busy})")
        server.delete(keys["dupefilter"], keys["claims"])
        print(f"scraper enqueue: {args.spider}: new round, seen pages forgotten", file=sys.stderr)
    if urls:
        total = push(server, keys["start_urls"], urls)
        print(f"scraper enqueue: pushed {len(urls)} URLs to {keys['start_urls']} ({total} waiting)",
              file=sys.stderr)
    return EXIT_OK


def collect_urls(urls: list[str], files: list[str]) -> list[str]:
    """Command-line URLs then each file's, checked, duplicates removed (first kept)."""
    found = [check_url(value.strip(), "URL") for value in urls if value.strip()]
    for path in files:
        found += read_url_file(path)
    return list(dict.fromkeys(found))


def push(server: Any, key: str, urls: list[str], batch: int = 1000) -> int:
    """Append URLs as scrapy-redis JSON messages ({"url": ...}); the list's length afterwards."""
    total = 0
    for start in range(0, len(urls), batch):
        messages = [json.dumps({"url": url}) for url in urls[start:start + batch]]
        total = int(server.rpush(key, *messages))
    return total


def queue_status(server: Any, spider: str) -> dict[str, int]:
    keys = cluster_keys(spider)
    workers = [worker_keys(spider, raw.decode()) for raw in server.smembers(keys["workers"])]
    return {
        "start_urls_waiting": int(server.llen(keys["start_urls"])),
        "requests_queued": int(server.zcard(keys["requests"])),
        "requests_leased": sum(int(server.hlen(leases)) + int(server.llen(starts))
                               for leases, starts, _ in workers),
        "pages_seen": int(server.scard(keys["dupefilter"])),
        "article_claims": int(server.hlen(keys["claims"])),  # URL and fingerprint digests
        "workers_alive": sum(int(server.exists(alive)) for _, _, alive in workers),
    }


def round_in_progress(server: Any, spider: str) -> str:
    """Why the spider's crawl is still running ('' when it is not): queued or leased work."""
    status = queue_status(server, spider)
    busy = [f"{status[name]} {name.replace('_', ' ')}" for name in
            ("start_urls_waiting", "requests_queued", "requests_leased") if status[name]]
    return ", ".join(busy)


def redacted(url: str) -> str:
    """The Redis URL without its password, for messages."""
    if "@" not in url:
        return url
    scheme, _, rest = url.partition("://")
    return f"{scheme}://***@{rest.rsplit('@', 1)[1]}"


def fail(status: int, message: str) -> int:
    print(f"scraper enqueue: {message}", file=sys.stderr, flush=True)
    return status
