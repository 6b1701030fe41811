"""Crawl throughput and memory: the `sitemap` spider over a generated local site, end to end into JSONL.

1. Starts bench/crawl_site.py (N generated article pages on 127.0.0.1) in its own process.
2. Server: raw pages/s of the site under a concurrent keep-alive client (it must not be the limit),
   and the CPU seconds the server spends during each crawl.
3. Extraction only: scraper.page_record.page_record (what the pipeline stages run) over the same
   pages in this one process (the first --extract-pages of them; the rate is per page).
4. Crawls, `scrapy crawl sitemap -O out.jsonl` in a subprocess with local-site settings (no delays,
   32 concurrent requests), once per mode:
   - inproc: EXTRACT_WORKERS=0, extraction on the reactor thread (the TickerPipeline/FieldsPipeline stages);
   - pool-K: EXTRACT_WORKERS=K worker processes behind ExtractPoolPipeline;
   - shards-2: two crawl processes, each given every other sitemap, extraction in-process;
   - a mode + "+stories" (e.g. pool-2+stories): the same with STORIES_ENABLED (the stories stage).
   Reported: wall time, pages/s, time relative to extraction-only time for the same number of pages,
   and RSS (the crawl process, and the sum with its workers) sampled every 0.25 s against the number
   of records written so far.

Usage: python bench/crawl.py [--pages 5000] [--modes inproc,pool-2,shards-2] [--extract-pages 2000] [--jobdir]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "bench"))

from crawl_site import article_page  # noqa: E402

LOCAL_SITE_SETTINGS = {
    "SSRF_ALLOW_HOSTS": "127.0.0.1",
    "AUTOTHROTTLE_ENABLED": "False",
    "DOWNLOAD_DELAY": "0",
    "CONCURRENT_REQUESTS": "32",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "32",
    "LOG_LEVEL": "INFO",
    "PROGRESS_INTERVAL": "30",
}


@dataclass
class CrawlRun:
    """What one crawl mode measured."""

    mode: str
    seconds: float = 0.0
    records: int = 0
    unique_urls: int = 0
    server_cpu: float = 0.0
    samples: list[tuple[float, int, int, int]] = field(default_factory=list)  # (t, records, main, total) KB
    exit_codes: list[int] = field(default_factory=list)


def start_server(pages: int) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, str(REPO_ROOT / "bench" / "crawl_site.py"), "--pages", str(pages)],
        stdout=subprocess.PIPE, text=True,
    )
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a live process."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def fetch_all(base: str, paths: list[str], connections: int) -> int:
    """GET every path over `connections` keep-alive connections; the bytes received."""
    queue: asyncio.Queue[str] = asyncio.Queue()
    for path in paths:
        queue.put_nowait(path)
    received = 0

    async def client() -> None:
        nonlocal received
        host, port = base.removeprefix("http://").split(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        while not queue.empty():
            writer.write(f"GET {queue.get_nowait()} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            received += len(await reader.readexactly(length))
        writer.close()

    await asyncio.gather(*(client() for _ in range(connections)))
    return received


def server_rate(base: str, pages: int, connections: int = 16) -> tuple[float, float]:
    """(pages/s, MB/s) the server delivers to a concurrent client."""
    paths = [f"/news/{n}.html" for n in range(pages)]
    start = time.perf_counter()
    received = asyncio.run(fetch_all(base, paths, connections))
    seconds = time.perf_counter() - start
    return pages / seconds, received / seconds / 1e6


def extraction_rate(base: str, pages: int) -> float:
    """Pages/s of page_record in this process over the first `pages` pages (generation not timed)."""
    from scraper.page_record import page_record

    spent = 0.0
    for number in range(pages):
        body = article_page(number)
        start = time.perf_counter()
        page_record(body, f"{base}/news/{number}.html", "text/html; charset=utf-8")
        spent += time.perf_counter() - start
    return pages / spent


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def descendants(pid: int) -> list[int]:
    """Every live descendant process (the extraction workers and their helpers)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, stack = [], [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def count_lines(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        try:
            with path.open("rb") as handle:
                total += sum(chunk.count(b"\n") for chunk in iter(lambda h=handle: h.read(1 << 20), b""))
        except OSError:
            pass
    return total


def crawl_command(sitemap: str, output: Path, settings: dict[str, str]) -> list[str]:
    command = [sys.executable, "-m", "scrapy", "crawl", "sitemap", "-a", f"sitemap={sitemap}"]
    command += ["-O", str(output)]
    for key, value in {**LOCAL_SITE_SETTINGS, **settings}.items():
        command += ["-s", f"{key}={value}"]
    return command


def mode_jobs(mode: str, base: str) -> list[tuple[str, dict[str, str]]]:
    """(sitemap URL, settings) of each crawl process of a mode."""
    if mode.startswith("shards-"):
        shards = int(mode.split("-")[1])
        return [(f"{base}/shard-{i}-of-{shards}.xml", {"EXTRACT_WORKERS": "0"}) for i in range(shards)]
    if mode.startswith("pool-"):
        return [(f"{base}/sitemap.xml", {"EXTRACT_WORKERS": mode.split("-")[1]})]
    return [(f"{base}/sitemap.xml", {"EXTRACT_WORKERS": "0"})]


def run_crawl(mode: str, base: str, server_pid: int, workdir: Path, jobdir: bool = False) -> CrawlRun:
    """Run one crawl mode to the end, sampling RSS and records written (JOBDIR: disk request queue)."""
    name, stories, _ = mode.partition("+stories")
    jobs = mode_jobs(name, base)
    if stories:
        jobs = [(url, {**settings, "STORIES_ENABLED": "1"}) for url, settings in jobs]
    outputs = [workdir / f"{mode}-{i}.jsonl" for i in range(len(jobs))]
    if jobdir:
        jobs = [(url, {**settings, "JOBDIR": str(workdir / f"{mode}-{i}.job")}) for i, (url, settings) in
                enumerate(jobs)]
    run = CrawlRun(mode)
    server_cpu = cpu_seconds(server_pid)
    start = time.perf_counter()
    logs = [(workdir / f"{mode}-{i}.log").open("w") for i in range(len(jobs))]
    processes = [
        subprocess.Popen(crawl_command(url, out, settings), cwd=REPO_ROOT, stdout=log, stderr=log)
        for (url, settings), out, log in zip(jobs, outputs, logs, strict=True)
    ]
    while any(p.poll() is None for p in processes):
        main = sum(rss_kb(p.pid) for p in processes)
        total = main + sum(rss_kb(c) for p in processes for c in descendants(p.pid))
        run.samples.append((time.perf_counter() - start, count_lines(outputs), main, total))
        time.sleep(0.25)
    run.seconds = time.perf_counter() - start
    run.server_cpu = cpu_seconds(server_pid) - server_cpu
    run.exit_codes = [p.returncode for p in processes]
    for log in logs:
        log.close()
    urls = [json.loads(line)["url"] for out in outputs if out.exists() for line in out.open(encoding="utf-8")]
    run.records, run.unique_urls = len(urls), len(set(urls))
    return run


def rss_at(run: CrawlRun, records: int) -> tuple[int, int]:
    """(peak main RSS, peak total RSS) in KB over the samples taken before `records` were written."""
    upto = [s for s in run.samples if s[1] <= records] or run.samples
    return max(s[2] for s in upto), max(s[3] for s in upto)


def machine() -> str:
    load = os.getloadavg()[0]
    return (f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, load average {load:.1f} at start")


def print_report(pages: int, server: tuple[float, float], extract_rate: float, runs: list[CrawlRun]) -> None:
    print(machine())
    print(f"site: {pages} generated article pages; server alone: {server[0]:.0f} pages/s "
          f"({server[1]:.1f} MB/s) to 16 keep-alive connections")
    print(f"extraction only (page_record, one process): {extract_rate:.1f} pages/s "
          f"-> {pages / extract_rate:.1f} s for {pages} pages")
    head = (f"{'mode':10} {'seconds':>8} {'pages/s':>8} {'vs extract':>10} {'records':>8} {'unique':>7} "
            f"{'server cpu s':>12} {'RSS@5k MB':>10} {'RSS@end MB':>10} {'+workers MB':>11}")
    print(head)
    print("-" * len(head))
    for run in runs:
        at5k, end = rss_at(run, 5000), rss_at(run, run.records)
        ratio = run.seconds / (run.records / extract_rate) if run.records else float("nan")
        print(f"{run.mode:10} {run.seconds:8.1f} {run.records / run.seconds:8.1f} {ratio:9.2f}x "
              f"{run.records:8d} {run.unique_urls:7d} {run.server_cpu:12.1f} {at5k[0] / 1024:10.0f} "
              f"{end[0] / 1024:10.0f} {end[1] / 1024:11.0f}" + _exit_note(run))
    print("vs extract: crawl time / extraction-only time for the records written (floor: <= 1.25x)")


def _exit_note(run: CrawlRun) -> str:
    return "" if set(run.exit_codes) == {0} else f"  exit {run.exit_codes}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--modes", default="inproc,pool-2,shards-2")
    parser.add_argument("--extract-pages", type=int, default=2000, help="pages timed for extraction only")
    parser.add_argument("--keep", action="store_true", help="keep the output folder (printed)")
    parser.add_argument("--jobdir", action="store_true", help="crawl with JOBDIR (pending requests on disk)")
    args = parser.parse_args(argv)
    server, base = start_server(args.pages)
    workdir = Path(tempfile.mkdtemp(prefix="crawl-bench-"))
    try:
        served = server_rate(base, min(args.pages, 5000))
        extract = extraction_rate(base, min(args.pages, args.extract_pages))
        runs = [run_crawl(mode, base, server.pid, workdir, args.jobdir) for mode in args.modes.split(",")]
        print_report(args.pages, served, extract, runs)
        (workdir / "samples.json").write_text(json.dumps({r.mode: r.samples for r in runs}))
    finally:
        server.terminate()
        server.wait()
    if args.keep:
        print(f"outputs and logs in {workdir}")
    else:
        shutil.rmtree(workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
