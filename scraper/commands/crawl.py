"""Run a spider as cron should: incremental, resumable after a kill, one run at a time, honest exit status.

Takes the options of `scrapy crawl` (-a, -s, -o, -O, -L). Everything a job remembers lives under
STATE_DIR (default .state/<spider>): the seen-article database, the lock, and the JOBDIR of an
interrupted run. Run the same command line again and it continues or increments.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from scraper.runs.files import RunFiles, close_run, open_run
from scraper.runs.lock import LockHeld, RunLock
from scraper.runs.state import StateStore

EXIT_OK = 0
EXIT_CRASHED = 1
EXIT_USAGE = 2
EXIT_NOTHING_CRAWLED = 3
EXIT_TOO_MANY_ERRORS = 4
EXIT_INTERRUPTED = 5
EXIT_LOCKED = 75  # EX_TEMPFAIL of sysexits.h: "try again later", which is exactly the case

# The exit statuses, documented here once (the README and `scraper crawl --help` show this table).
EXIT_STATUSES: dict[int, str] = {
    EXIT_OK: "finished: the crawl ran to its end (new articles or none; with REDIS_URL, also a worker that "
             "found no work in the shared queue)",
    EXIT_CRASHED: "crashed: the spider failed to start its requests, or an unexpected error",
    EXIT_USAGE: "bad arguments: unknown spider, malformed -a/-s/-o/-O, or the spider rejected its arguments",
    EXIT_NOTHING_CRAWLED: "nothing crawled: every request failed or robots.txt disallowed everything",
    EXIT_TOO_MANY_ERRORS: "too many errors: failed pages over MAX_ERROR_RATIO (default 0.5) of all pages",
    EXIT_INTERRUPTED: "interrupted by SIGINT/SIGTERM: the same command resumes the crawl",
    EXIT_LOCKED: "locked: another run with the same STATE_DIR is in progress; nothing was done",
}
DEFAULT_MAX_ERROR_RATIO = 0.5
JSONL_SUFFIXES = (".jsonl", ".jl", ".ndjson")
# Our components, added to the project's own settings for every `scraper crawl`.
COMPONENTS = {
    "DOWNLOADER_MIDDLEWARES": {
        "scraper.runs.middlewares.OutcomeMiddleware": 50,  # outermost: sees final outcomes only
        "scraper.runs.middlewares.ConditionalRequestMiddleware": 575,
    },
    "SPIDER_MIDDLEWARES": {"scraper.runs.middlewares.KnownEntryMiddleware": 950},
    "ITEM_PIPELINES": {"scraper.runs.incremental.IncrementalPipeline": 1000},
    "EXTENSIONS": {"scraper.runs.incremental.ArticleWriter": 100},
}


class UsageError(Exception):
    """A bad command line: exit EXIT_USAGE before touching any state."""


@dataclass(frozen=True)
class Job:
    """A parsed `scraper crawl` command line."""

    spider: str
    spider_args: dict[str, str]
    settings: dict[str, str]
    state_dir: Path
    mode: str  # "dated", "append" (-o) or "overwrite" (-O)
    path: Path  # the output directory (dated) or file
    max_error_ratio: float

    @property
    def target(self) -> str:
        """Where the output goes, as remembered with a run: a resumed run must write to the same place."""
        return f"{self.mode}:{self.path.resolve()}"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    table = "\n".join(f"  {code:>3}  {text}" for code, text in EXIT_STATUSES.items())
    parser.epilog = f"exit statuses:\n{table}"
    parser.add_argument("spider", metavar="SPIDER", help="spider name: urls, sitemap, feed, site")
    parser.add_argument("-a", dest="spargs", action="append", default=[], metavar="NAME=VALUE",
                        help="spider argument (repeatable)")
    parser.add_argument("-s", "--set", dest="set", action="append", default=[], metavar="NAME=VALUE",
                        help="Scrapy or job setting, e.g. STATE_DIR=PATH, MAX_ERROR_RATIO=0.2 (repeatable)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("-o", "--output", action="append", default=[], metavar="FILE",
                        help="append articles to FILE (JSON lines) instead of a dated file per run")
    output.add_argument("-O", "--overwrite-output", action="append", default=[], metavar="FILE",
                        help="replace FILE when the run completes")
    parser.add_argument("-L", "--loglevel", metavar="LEVEL", help="log level (default: INFO)")


def run(args: argparse.Namespace) -> int:
    try:
        job = plan_job(args)
    except UsageError as exc:
        return report(EXIT_USAGE, str(exc))
    lock = RunLock(job.state_dir)
    try:
        lock.acquire()
    except LockHeld as exc:
        return report(EXIT_LOCKED, f"{exc}; exiting without crawling")
    try:
        check_spider(job.spider, job.settings)  # after the lock: a second run must exit at once
        return crawl_locked(job)
    except UsageError as exc:
        return report(EXIT_USAGE, str(exc))
    finally:
        lock.release()


def report(status: int, reason: str) -> int:
    """Print the outcome line on stderr and return the status."""
    label = EXIT_STATUSES[status].split(":", 1)[0]
    print(f"scraper crawl: exit {status} ({label}): {reason}", file=sys.stderr, flush=True)
    return status


def plan_job(args: argparse.Namespace) -> Job:
    spider_args = parse_pairs(args.spargs, "-a")
    settings = parse_pairs(args.set, "-s")
    if args.loglevel:
        settings["LOG_LEVEL"] = args.loglevel.upper()
    mode, path = output_choice(args.output, args.overwrite_output, settings.get("OUTPUT_DIR", "output"))
    ratio_text = settings.get("MAX_ERROR_RATIO", str(DEFAULT_MAX_ERROR_RATIO))
    try:
        ratio = float(ratio_text)
    except ValueError:
        raise UsageError(f"-s MAX_ERROR_RATIO={ratio_text!r}: not a number") from None
    if not 0 <= ratio <= 1:
        raise UsageError(f"-s MAX_ERROR_RATIO={ratio_text}: must be between 0 and 1")
    state_dir = Path(settings.get("STATE_DIR") or Path(".state") / args.spider)
    return Job(args.spider, spider_args, settings, state_dir, mode, Path(path), ratio)


def parse_pairs(pairs: list[str], option: str) -> dict[str, str]:
    """NAME=VALUE strings as a dict; a pair without '=' is a usage error."""
    parsed = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"{option} {pair!r}: expected NAME=VALUE")
        parsed[name.strip()] = value
    return parsed


def output_choice(append: list[str], overwrite: list[str], output_dir: str) -> tuple[str, str]:
    """('dated', dir), ('append', file) or ('overwrite', file); JSON lines files only."""
    files = append or overwrite
    if not files:
        return "dated", output_dir
    if len(files) > 1:
        raise UsageError("give one output file (-o or -O once)")
    path, fmt = files[0], ""
    if path.endswith((":jsonlines", ":jsonl")):
        path, _, fmt = path.rpartition(":")
    if path in ("", "-") or "://" in path:
        raise UsageError(f"{files[0]!r}: give a local file path (output must be safe to resume)")
    if not fmt and not path.endswith(JSONL_SUFFIXES):
        raise UsageError(f"{path!r}: scraper crawl writes JSON lines; name it *.jsonl (or add :jsonlines)")
    return ("append" if append else "overwrite"), path


def crawl_locked(job: Job) -> int:
    """The run proper, under the lock: open or resume the run, crawl, settle output and status."""
    redis_url = cluster_url(job)
    store = open_store(job, redis_url)
    try:
        tag = worker_id_if(redis_url)
        files = open_run(store, job.spider, job.mode, job.path, job.target, datetime.now(timezone.utc), tag)
        if files.resumed:
            print(f"scraper crawl: resuming run {files.run.id} ({files.note})", file=sys.stderr, flush=True)
        jobdir = job.state_dir / "job"
        if not files.jobdir_usable:
            shutil.rmtree(jobdir, ignore_errors=True)
        result = run_spider(job.spider, job.spider_args, crawl_settings(job, files, jobdir))
        status, reason = judge(result.stats, result.finish_reason, result.error, job.max_error_ratio,
                               files.resumed, distributed=bool(tag))
        final = settle(store, files, jobdir, status)
    finally:
        store.close()
    written = int(result.stats.get("incremental/written", 0))
    where = f"; output {final}" if final else ""
    return report(status, f"{reason}; {written} articles written{where}")


def cluster_url(job: Job) -> str | None:
    """REDIS_URL of a distributed worker (from -s or the environment); None for a local crawl."""
    from scraper.cluster.addon import redis_url_of

    settings = project_settings()
    settings.setdict(job.settings, priority="cmdline")
    return redis_url_of(settings)


def open_store(job: Job, redis_url: str | None) -> StateStore:
    """The state the run is opened with: a resumed run's recovered lines are remembered where the
    crawl itself remembers articles (Redis for a distributed worker, else the local SQLite file)."""
    if redis_url is None:
        return StateStore(job.state_dir)
    from scraper.cluster.state_redis import RedisStateStore

    return RedisStateStore(job.state_dir, redis_url, job.spider)


def worker_id_if(redis_url: str | None) -> str:
    """A distributed worker's id (host-pid) for its dated output's name; '' without REDIS_URL."""
    from scraper.cluster.leases import worker_id

    return worker_id() if redis_url else ""


def crawl_settings(job: Job, files: RunFiles, jobdir: Path) -> dict[str, Any]:
    """The -s settings plus what the run needs: state, run id, output file, JOBDIR, no Scrapy feeds."""
    return {
        **job.settings,
        "STATE_DIR": str(job.state_dir),
        "STATE_RUN_ID": files.run.id,
        "STATE_OUTPUT": str(files.output),
        "JOBDIR": str(jobdir),
        "FEEDS": {},  # articles go out through the kill-safe writer, not the buffered feed exporter
        # Lost pages are listed beside the run's output, where a cron user looks (unless -s says otherwise).
        "FAILURES_FILE": job.settings.get("FAILURES_FILE") or str(failures_path(files)),
    }


def failures_path(files: RunFiles) -> Path:
    """`<output>.failures.jsonl` beside the run's output file (its final name for dated runs)."""
    output = files.final or files.output
    return output.with_name(output.name.removesuffix(".jsonl") + ".failures.jsonl")


def settle(store: StateStore, files: RunFiles, jobdir: Path, status: int) -> Path | None:
    """Keep an interrupted run resumable; otherwise give the output its final name and forget JOBDIR."""
    if status == EXIT_INTERRUPTED:
        store.set_run_status(files.run.id, "interrupted", status)
        return files.output
    final = close_run(store, files, status)
    shutil.rmtree(jobdir, ignore_errors=True)
    return final


@dataclass
class CrawlResult:
    stats: dict[str, Any]
    finish_reason: str | None
    error: BaseException | None  # raised before the engine started (e.g. the spider's bad arguments)


def project_settings() -> Any:
    """The project's Scrapy settings, found from any working directory (cron starts in $HOME)."""
    import os

    from scrapy.utils.conf import closest_scrapy_cfg
    from scrapy.utils.project import get_project_settings

    if not closest_scrapy_cfg():
        os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "scraper.settings")
    return get_project_settings()


def check_spider(name: str, overrides: dict[str, str]) -> None:
    from scrapy.spiderloader import get_spider_loader

    settings = project_settings()
    settings.setdict(overrides, priority="cmdline")
    names = get_spider_loader(settings).list()
    if name not in names:
        raise UsageError(f"unknown spider {name!r} (spiders: {', '.join(sorted(names)) or 'none'})")


def run_spider(spider: str, spider_args: dict[str, str], overrides: dict[str, Any]) -> CrawlResult:
    """Run one spider in this process: project settings, then overrides, plus our components."""
    from scrapy.crawler import CrawlerProcess

    settings = project_settings()
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")
    for name, components in COMPONENTS.items():
        settings.set(name, {**settings.getdict(name), **components}, priority="cmdline")
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider)
    errors: list[BaseException] = []

    def keep_error(failure: Any) -> None:
        errors.append(failure.value)

    process.crawl(crawler, **spider_args).addErrback(keep_error)
    process.start()
    try:
        stats = dict(crawler.stats.get_stats() if crawler.stats is not None else {})
    except RuntimeError:  # the crawl never started (the spider could not be created)
        stats = {}
    return CrawlResult(stats, stats.get("finish_reason"), errors[0] if errors else None)


def judge(stats: dict[str, Any], finish_reason: str | None, error: BaseException | None,
          max_error_ratio: float, resumed: bool = False, distributed: bool = False) -> tuple[int, str]:
    """The exit status and its reason from the crawl's stats and how it ended.

    A distributed worker closes once the whole cluster has been idle: having fetched nothing then
    means the other workers had the round's work, not that the crawl failed.
    """
    if error is not None:
        if isinstance(error, ValueError):  # spiders raise ValueError subclasses for bad -a arguments
            return EXIT_USAGE, f"spider rejected its arguments: {error}"
        return EXIT_CRASHED, f"{type(error).__name__}: {error}"
    if finish_reason == "shutdown":
        return EXIT_INTERRUPTED, "stopped by a signal; run the same command to resume"
    if finish_reason in (None, "start_error", "cancelled"):
        return EXIT_CRASHED, f"the spider crashed (finish reason {finish_reason or 'none'}; see the log)"
    ok = int(stats.get("outcome/ok", 0)) + int(stats.get("incremental/not_modified", 0))
    failed = int(stats.get("outcome/failed", 0))
    refused = int(stats.get("outcome/refused", 0))
    forbidden = int(stats.get("robotstxt/forbidden", 0))
    if ok == failed == refused == 0 and resumed:
        return EXIT_OK, "the interrupted run had nothing left to crawl"
    if ok == failed == refused == 0 and distributed:
        return EXIT_OK, "no work for this worker: the shared queue was empty until the cluster went idle"
    if ok == 0:
        reason = (f"no page fetched: {failed} requests failed, {refused} refused "
                  f"({forbidden} disallowed by robots.txt)")
        return EXIT_NOTHING_CRAWLED, reason
    errors = failed + int(stats.get("spider_exceptions/count", 0)) + int(stats.get("outcome/item_errors", 0))
    ratio = errors / (ok + failed)
    if ratio > max_error_ratio:
        return EXIT_TOO_MANY_ERRORS, f"error ratio {ratio:.2f} over MAX_ERROR_RATIO {max_error_ratio}"
    return EXIT_OK, f"{ok} pages fetched or unchanged, {failed} failed ({finish_reason})"
