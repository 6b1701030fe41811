"""Speed, memory and accuracy of `scraper cluster` on synthetic corpora built from the real dev pages.

Reads the bodies of `../shared/data/dev/*.json` relative to the repository root (as bench/accuracy.py
does) and generates, with a fixed seed, corpora of N records:
- distinct stories: the first ones are the dev bodies as they are; the rest are dev bodies with 30% of
  their words replaced by words drawn from the dev pages and some paragraphs dropped, so they keep
  real sentence shapes and lengths but are separate articles (two of them share ~1% of shingles);
- copies of a story (0 to 10 of them): the same text under another site with other boilerplate (an
  attribution line), an edited copy (3% of words replaced, one paragraph cut, one sentence added, the
  headline reworded), or a truncated teaser (the first 25-60% of the paragraphs and a "continue
  reading" line, same headline);
- every record of a site carries that site's newsletter line: a template shared by unrelated stories.
Records are shuffled, so a copy often comes before its original.

Each corpus is clustered by `scraper cluster` in a fresh process: wall time, records/s and that
process's peak RSS. Then pairwise precision and recall of the stories against the synthetic truth
(a pair = two records put in one story), and recall per copy kind.

Usage: python -m bench.cluster [--data DIR] [--sizes 10000,50000,200000] [--seed 7] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "dev"
DEFAULT_SIZES = (10_000, 50_000, 200_000)
SITES = [
    f"Syndicate {name}"
    for name in ["Alder", "Birch", "Cedar", "Dune", "Elm", "Fern", "Grove", "Heath", "Iris", "Juniper"]
]
COPY_COUNTS = [0] * 4 + [1, 1, 2, 2, 3, 3] + [4, 6, 8, 10]
KINDS = ("boilerplate", "edited", "truncated")


@dataclass
class Base:
    headline: str
    paragraphs: list[str]


@dataclass
class Run:
    size: int
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    stories: int
    precision: float
    recall: float
    kind_recall: dict[str, float]


def load_bases(folder: Path) -> list[Base]:
    bases = []
    for path in sorted(folder.glob("*.json")):
        truth = json.loads(path.read_text("utf-8"))
        paragraphs = [p for p in (truth.get("body") or "").split("\n\n") if p.strip()]
        if len(paragraphs) >= 3:
            bases.append(Base(truth.get("headline") or path.stem, paragraphs))
    return bases


class CorpusMaker:
    """Generates records and their truth (story number per record URL), deterministically.

    Every record is generated from its own seed (story number, copy number), so the corpus is written
    in shuffled order without holding it in memory.
    """

    def __init__(self, bases: list[Base], seed: int) -> None:
        self.bases = bases
        self.seed = seed
        self.vocabulary = [w for base in bases for p in base.paragraphs for w in p.split()]

    def plan(self, size: int) -> list[tuple[int, int]]:
        """(story number, copy number or -1 for the original) of every record, shuffled."""
        rng = random.Random(self.seed)
        entries: list[tuple[int, int]] = []
        number = 0
        while len(entries) < size:
            entries.append((number, -1))
            entries += [(number, c) for c in range(rng.choice(COPY_COUNTS))]
            number += 1
        del entries[size:]
        rng.shuffle(entries)
        return entries

    def _replace_words(self, rng: random.Random, text: str, share: float) -> str:
        words = text.split()
        for i in range(len(words)):
            if rng.random() < share:
                words[i] = rng.choice(self.vocabulary)
        return " ".join(words)

    def story(self, number: int) -> tuple[Base, str, str]:
        """The story, its home site and URL."""
        rng = random.Random(f"{self.seed}-{number}")
        home = rng.choice(SITES)
        url = f"https://{home.split()[1].lower()}.example/story/{number}"
        base = self.bases[number % len(self.bases)]
        if number < len(self.bases):
            return base, home, url
        kept = [p for i, p in enumerate(base.paragraphs) if i < 2 or rng.random() < 0.8]
        headline = self._replace_words(rng, base.headline, 0.5)
        return Base(headline, [self._replace_words(rng, p, 0.3) for p in kept]), home, url

    def record(self, number: int, copy_number: int) -> tuple[dict[str, Any], str]:
        """One record and its kind ("original" or a copy kind)."""
        story, home, url = self.story(number)
        if copy_number < 0:
            return _record(url, home, story.headline, story.paragraphs, None), "original"
        rng = random.Random(f"{self.seed}-{number}-{copy_number}")
        kind = rng.choice(KINDS)
        site = rng.choice([s for s in SITES if s != home])
        headline, paragraphs = self.copy(rng, story, kind, home)
        copy_url = f"https://{site.split()[1].lower()}.example/copy/{number}-{copy_number}"
        attribution = {"publisher": home, "url": url, "text": f"Read the original article on {home}"}
        return _record(copy_url, site, headline, paragraphs, attribution), kind

    def copy(self, rng: random.Random, story: Base, kind: str, publisher: str) -> tuple[str, list[str]]:
        paragraphs = list(story.paragraphs)
        if kind == "edited":
            paragraphs = [self._replace_words(rng, p, 0.03) for p in paragraphs]
            del paragraphs[rng.randrange(1, len(paragraphs))]
            other = rng.choice(self.bases).paragraphs[0]
            paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), other.split(". ")[0] + ".")
            return self._replace_words(rng, story.headline, 0.2), paragraphs
        if kind == "truncated":
            cut = max(1, round(len(paragraphs) * rng.uniform(0.25, 0.6)))
            return story.headline, [*paragraphs[:cut], f"Continue reading on {publisher}."]
        return story.headline, [*paragraphs, f"Read the original article on {publisher}."]


def _record(url: str, site: str, headline: str, paragraphs: list[str], attribution: Any) -> dict[str, Any]:
    newsletter = f"Sign up for the {site} newsletter to get the day's top stories in your inbox."
    body = "\n\n".join([*paragraphs, newsletter])
    return {
        "schema_version": "1.0",
        "url": url,
        "canonical_url": url,
        "site": site,
        "headline": headline,
        "published": None,
        "attribution": attribution,
        "body": body,
        "word_count": len(body.split()),
    }


def write_corpus(maker: CorpusMaker, size: int, path: Path) -> tuple[dict[str, int], dict[str, str]]:
    truth, kinds = {}, {}
    with path.open("w", encoding="utf-8") as out:
        for number, copy_number in maker.plan(size):
            record, kind = maker.record(number, copy_number)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            truth[record["url"]], kinds[record["url"]] = number, kind
    return truth, kinds


def run_cluster(corpus: Path, output: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one `scraper cluster` process.

    CPU time is reported beside wall time because on a shared machine the wall time also measures
    the other processes.
    """
    command = [sys.executable, "-m", "scraper.cli", "cluster", str(corpus), "-o", str(output)]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO_ROOT, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    stderr = process.stderr.read() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"scraper cluster failed: {stderr}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # ru_maxrss: KiB on Linux


def pair_scores(output: Path, truth: dict[str, int]) -> tuple[int, float, float]:
    """Stories, pairwise precision and recall."""
    cells: Counter[tuple[int, int]] = Counter()
    predicted: Counter[int] = Counter()
    stories = 0
    with output.open(encoding="utf-8") as lines:
        for stories, line in enumerate(lines, 1):
            for member in json.loads(line)["members"]:
                cells[(stories, truth[member["url"]])] += 1
                predicted[stories] += 1
    pairs = sum(n * (n - 1) // 2 for n in cells.values())
    predicted_pairs = sum(n * (n - 1) // 2 for n in predicted.values())
    true_pairs = sum(n * (n - 1) // 2 for n in Counter(truth.values()).values())
    precision = pairs / predicted_pairs if predicted_pairs else 1.0
    return stories, precision, pairs / true_pairs if true_pairs else 1.0


def kind_recall(output: Path, truth: dict[str, int], kinds: dict[str, str]) -> dict[str, float]:
    """Per copy kind: the share of copies in the same story as their original."""
    story_of: dict[str, int] = {}
    with output.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            for member in json.loads(line)["members"]:
                story_of[member["url"]] = number
    original = {truth[url]: story_of[url] for url, kind in kinds.items() if kind == "original"}
    joined: dict[str, list[bool]] = defaultdict(list)
    for url, kind in kinds.items():
        if kind != "original":
            joined[kind].append(story_of[url] == original[truth[url]])
    return {kind: sum(found) / len(found) for kind, found in sorted(joined.items())}


def measure(bases: list[Base], size: int, seed: int, folder: Path) -> Run:
    corpus, output = folder / f"corpus-{size}.jsonl", folder / f"stories-{size}.jsonl"
    truth, kinds = write_corpus(CorpusMaker(bases, seed), size, corpus)
    seconds, cpu_seconds, rss = run_cluster(corpus, output)
    stories, precision, recall = pair_scores(output, truth)
    return Run(size, seconds, cpu_seconds, rss, stories, precision, recall, kind_recall(output, truth, kinds))


def print_table(runs: list[Run]) -> None:
    print(f"{'records':>8} {'seconds':>8} {'CPU s':>8} {'records/s':>10} {'peak RSS MB':>12} {'stories':>8} "
          f"{'precision':>9} {'recall':>7}  recall by copy kind")
    for run in runs:
        kinds = ", ".join(f"{kind} {share:.4f}" for kind, share in run.kind_recall.items())
        print(f"{run.size:>8} {run.seconds:>8.1f} {run.cpu_seconds:>8.1f} {run.size / run.seconds:>10.0f} "
              f"{run.peak_rss_mb:>12.0f} "
              f"{run.stories:>8} {run.precision:>9.4f} {run.recall:>7.4f}  {kinds}")
    if len(runs) > 1:
        first, last = runs[0], runs[-1]
        print(f"time ratio {last.size} / {first.size} records: wall {last.seconds / first.seconds:.1f}, "
              f"CPU {last.cpu_seconds / first.cpu_seconds:.1f} "
              f"(records ratio {last.size / first.size:.0f}; target <= 25 for 200k / 10k)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="keep corpora and stories in this folder")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"dev pages not found at {args.data}: nothing to benchmark (pass --data DIR)")
        return 0
    bases = load_bases(args.data)
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"{len(bases)} dev bodies from {args.data}; seed {args.seed}")
    runs = []
    with tempfile.TemporaryDirectory(prefix="bench-cluster-") as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        for size in sizes:
            runs.append(measure(bases, size, args.seed, folder))
            print_table(runs[-1:])
            if args.keep is None:
                (folder / f"corpus-{size}.jsonl").unlink()  # 200k records take over 1 GB of disk
    print()
    print_table(runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
