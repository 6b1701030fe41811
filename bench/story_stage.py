"""Per-article cost of the crawl's stories stage (StoryTracker.add), and how often its ids differ offline.

Uses the synthetic corpora of bench/cluster.py (same generator, same seed: copies, edits, teasers,
shuffled). Each size runs in a fresh process: records are parsed first (a crawl hands the stage a
record, not a line), then added one by one to a StoryTracker, each add timed; then `build_stories`
runs over the same file and every record's id is compared with the stage's. Prints per size: mean,
median, 99th percentile and maximum time per record, CPU time, the process's peak RSS (the parsed
records included), and records whose id differs from `scraper cluster --annotate` (members of a story
written before a later record merged it with another: see scraper/stories/online.py).

Usage: python -m bench.story_stage [--data DIR] [--sizes 2000,10000] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.cluster import DEFAULT_DATA, REPO_ROOT, CorpusMaker, load_bases, write_corpus

DEFAULT_SIZES = (2_000, 10_000)


def worker(corpus: Path) -> dict[str, float]:
    """Time the stage over the corpus in this process; compare with build_stories."""
    from scraper.stories import build_stories
    from scraper.stories.online import StoryTracker
    from scraper.stories.reader import RecordSource

    records = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    tracker = StoryTracker()
    times, ids, merges, merged_ids = [], [], 0, set()
    cpu = time.process_time()
    for record in records:
        start = time.perf_counter()
        assignment = tracker.add(record)
        times.append(time.perf_counter() - start)
        assert assignment is not None
        ids.append(assignment.story_id)
        merges += bool(assignment.merged)
        merged_ids.update(assignment.merged)
    cpu = time.process_time() - cpu
    stories = tracker.stories
    tracker.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with RecordSource([str(corpus)]) as source:
        offline = build_stories(source).annotations()
    differ = [n for n in range(len(records)) if ids[n] != offline[n][0]]
    # A difference is explained when the record's id is one a later merge stopped using.
    unexplained = sum(ids[n] not in merged_ids for n in differ)
    ordered = sorted(times)
    return {
        "records": len(records), "stories": stories, "mean_ms": 1000 * statistics.fmean(times),
        "p50_ms": 1000 * ordered[len(ordered) // 2], "p99_ms": 1000 * ordered[int(len(ordered) * 0.99)],
        "max_ms": 1000 * ordered[-1], "cpu_s": cpu, "peak_mb": peak, "merges": merges, "differ": len(differ),
        "unexplained": unexplained,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker)))
        return 0
    if not args.data.is_dir():
        print(f"dev pages not found at {args.data}: nothing to benchmark (pass --data DIR)")
        return 0
    maker = CorpusMaker(load_bases(args.data), args.seed)
    print(f"{'records':>8} {'stories':>8} {'mean ms':>8} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} "
          f"{'CPU s':>6} {'peak RSS MB':>11} {'merges':>6} {'ids differ':>10} {'not by a merge':>14}")
    with tempfile.TemporaryDirectory(prefix="bench-story-stage-") as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            corpus = Path(folder) / f"corpus-{size}.jsonl"
            write_corpus(maker, size, corpus)
            command = [sys.executable, "-m", "bench.story_stage", "--worker", str(corpus)]
            out = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=True).stdout
            r = json.loads(out)
            print(f"{r['records']:>8} {r['stories']:>8} {r['mean_ms']:>8.2f} {r['p50_ms']:>7.2f} "
                  f"{r['p99_ms']:>7.2f} {r['max_ms']:>7.1f} {r['cpu_s']:>6.1f} {r['peak_mb']:>11.0f} "
                  f"{r['merges']:>6} {r['differ']:>10} {r['unexplained']:>14}")
            corpus.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
