"""Quote detection and speaker attribution against hand-annotated quotes, and the quote stage's speed.

Sets (plain text in, as a user feeds copied text: the quote stage alone, on the paragraphs given):
- patterns: short paragraphs written for each attribution pattern, `tests/fixtures/quotes/patterns.json`;
- golden: the bodies of `tests/fixtures/golden/*.expected.json` with their hand-written quotes, the
  speaker decisions that differ from them in `tests/fixtures/quotes/golden_speakers.json`;
- dev (only when `../shared/data/dev` exists, relative to the repository root): the ground-truth
  paragraphs of the dev pages, with the quotes annotated in `tests/fixtures/quotes/dev_quotes.json`
  (the opening words of each quote and its speaker; the pages themselves are not shipped).

- heldout (only with `--heldout PATH`): a check set kept outside the repository (its pages' text may not
  be shipped), never used to write rules: JSON {"pages": {page id: [{"paragraph", "text", "speaker"}]}}
  over the pages of `--heldout-data` (default `../shared/data/dragnet`), each page's gold `body` split on
  blank lines; every page listed is scored, those with no quotation too (what is found there is extra).

Scores: a found quote matches an annotated one when their words are equal (case, punctuation and
mark styles ignored), or, for an annotation ending in "…", when the found quote starts with its words.
Precision and recall count quotes; speaker accuracy is over matched quotes whose annotated speaker is
named in the text (not null); `null kept` is how many matched quotes annotated null were left null.

Speed: best-of-N passes of `extract_quotes` over the paragraphs of every set; `--against REV` also
times the quote modules of git revision REV (exported to a temporary folder, run in a child process)
and prints the cost ratio. `--unseen` times what a crawl sees instead: one pass over pages met once
(the dev pages and 80 `readability/` bodies) after a warm-up pass over 80 other bodies; repeated passes
over the same pages flatter code whose caches hold whole phrases.

Usage: python bench/quotes.py [--data DIR] [--heldout PATH [--heldout-data DIR]] [--misses] [--passes N]
       [--against REV] [--rounds N] [--unseen] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
QUOTE_FIXTURES = REPO_ROOT / "tests" / "fixtures" / "quotes"
GOLDEN = REPO_ROOT / "tests" / "fixtures" / "golden"
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "dev"
HELDOUT_DATA = REPO_ROOT.parent / "shared" / "data" / "dragnet"
_WORD = re.compile(r"\w+")
PREFIX_MARK = "…"


@dataclass
class Case:
    """Paragraphs and the quotes annotated in them ({"text", "speaker"}, in reading order)."""

    name: str
    paragraphs: list[str]
    quotes: list[dict[str, Any]]


@dataclass
class Score:
    """Counts over one set of cases, and the misses for review."""

    found: int = 0
    annotated: int = 0
    matched: int = 0
    named: int = 0
    speaker_right: int = 0
    null_annotated: int = 0
    null_kept: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.annotated if self.annotated else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.named if self.named else 1.0


def words(text: str | None) -> list[str]:
    """Lower-case words of a quote or speaker: marks, punctuation and accents' forms ignored."""
    return _WORD.findall(unicodedata.normalize("NFKC", text or "").lower().replace("’", "'"))


def same_quote(annotated: str, found: str) -> bool:
    """Whether a found quote is the annotated one (prefix annotations end in PREFIX_MARK)."""
    want, got = words(annotated), words(found)
    if annotated.rstrip().endswith(PREFIX_MARK):
        return bool(want) and got[: len(want)] == want
    return want == got


def score_case(case: Case, found: list[dict[str, Any]], score: Score) -> None:
    """Match found quotes to annotated ones in order and add the counts to `score`."""
    score.found += len(found)
    score.annotated += len(case.quotes)
    left = list(found)
    for gold in case.quotes:
        match = next((q for q in left if same_quote(gold["text"], q["text"])), None)
        if match is None:
            score.misses.append(f"{case.name}: MISSED {gold['text'][:60]!r} ({gold['speaker']})")
            continue
        left.remove(match)
        score.matched += 1
        if gold["speaker"] is None:
            score.null_annotated += 1
            score.null_kept += match["speaker"] is None
        else:
            score.named += 1
            if words(match["speaker"]) == words(gold["speaker"]):
                score.speaker_right += 1
            else:
                score.misses.append(
                    f"{case.name}: SPEAKER {match['speaker']!r} want {gold['speaker']!r}: "
                    f"{gold['text'][:50]!r}"
                )
    for extra in left:
        score.misses.append(f"{case.name}: EXTRA {extra['text'][:60]!r} ({extra['speaker']})")


def pattern_cases(folder: Path = QUOTE_FIXTURES) -> list[Case]:
    """The synthetic paragraphs, one case per pattern example."""
    data = json.loads((folder / "patterns.json").read_text(encoding="utf-8"))
    return [Case(c["id"], c["paragraphs"], c["quotes"]) for c in data["cases"]]


def golden_cases(
    folder: Path = GOLDEN, decisions: Path = QUOTE_FIXTURES / "golden_speakers.json"
) -> list[Case]:
    """Golden bodies with their quotes; a speaker decision in `decisions` overrides the golden one."""
    overrides = json.loads(decisions.read_text(encoding="utf-8"))["decisions"]
    cases = []
    for path in sorted(folder.glob("*.expected.json")):
        name = path.name.removesuffix(".expected.json")
        record = json.loads(path.read_text(encoding="utf-8"))
        quotes = [{"text": q["text"], "speaker": q["speaker"]} for q in record["quotes"]]
        for decision in overrides.get(name, []):
            for quote in quotes:
                if same_quote(decision["text"], quote["text"]):
                    quote["speaker"] = decision["speaker"]
        cases.append(Case(name, record["body"].split("\n\n"), quotes))
    return cases


def dev_cases(data: Path, annotations: Path = QUOTE_FIXTURES / "dev_quotes.json") -> list[Case]:
    """Dev pages' ground-truth paragraphs with the quotes annotated for them (none if data is absent)."""
    if not data.is_dir():
        return []
    pages = json.loads(annotations.read_text(encoding="utf-8"))["pages"]
    cases = []
    for name, quotes in sorted(pages.items()):
        truth = data / f"{name}.json"
        if truth.exists():
            paragraphs = json.loads(truth.read_text(encoding="utf-8"))["paragraphs"]
            cases.append(Case(name, paragraphs, quotes))
    return cases


def heldout_cases(annotations: Path | None, data: Path = HELDOUT_DATA) -> list[Case]:
    """The held-out pages (gold `body` split on blank lines) with their annotations; none, with a message,
    when the annotation file or the data folder is absent."""
    if annotations is None:
        return []
    if not annotations.is_file() or not data.is_dir():
        absent = data if annotations.is_file() else annotations
        print(f"heldout: skipped ({absent} not found)", file=sys.stderr)
        return []
    pages = json.loads(annotations.read_text(encoding="utf-8"))["pages"]
    cases = []
    for name, quotes in pages.items():
        truth = data / f"{name}.json"
        if not truth.exists():
            print(f"heldout: page {name} not in {data}, left out", file=sys.stderr)
            continue
        body = json.loads(truth.read_text(encoding="utf-8"))["body"]
        cases.append(Case(name, body.split("\n\n"), quotes))
    return cases


def dev_paragraphs(data: Path) -> list[list[str]]:
    """Every dev page's ground-truth paragraphs, annotated or not (for timing)."""
    if not data.is_dir():
        return []
    return [json.loads(p.read_text(encoding="utf-8"))["paragraphs"] for p in sorted(data.glob("*.json"))]


def evaluate(cases: Sequence[Case]) -> Score:
    from scraper.extract.quotes.quotes import extract_quotes

    score = Score()
    for case in cases:
        score_case(case, extract_quotes(case.paragraphs), score)
    return score


def time_stage(paragraph_sets: Sequence[list[str]], passes: int) -> float:
    """Best-of-N seconds per page of `extract_quotes` (the one importable now) after a warm-up pass."""
    try:
        from scraper.extract.quotes.quotes import extract_quotes
    except ImportError:  # a revision from before the quote modules became a package
        from scraper.extract.quotes import extract_quotes  # type: ignore[attr-defined,no-redef]

    best = float("inf")
    for number in range(passes + 1):
        start = time.perf_counter()
        for paragraphs in paragraph_sets:
            extract_quotes(paragraphs)
        if number:  # the first pass fills caches and is not timed
            best = min(best, time.perf_counter() - start)
    return best / max(1, len(paragraph_sets))


def time_unseen(warm: Sequence[list[str]], pages: Sequence[list[str]]) -> float:
    """Seconds of CPU per page of one pass of `extract_quotes` over `pages`, each met once, after a pass
    over other pages (`warm`) fills what any crawl fills: compiled patterns and caches of common phrases.
    A crawl meets most pages once, so repeated passes over the same pages (time_stage) flatter code whose
    caches hold whole phrases."""
    try:
        from scraper.extract.quotes.quotes import extract_quotes
    except ImportError:  # a revision from before the quote modules became a package
        from scraper.extract.quotes import extract_quotes  # type: ignore[attr-defined,no-redef]

    for paragraphs in warm:
        extract_quotes(paragraphs)
    start = time.process_time()
    for paragraphs in pages:
        extract_quotes(paragraphs)
    return (time.process_time() - start) / max(1, len(pages))


def unseen_sets(data: Path) -> dict[str, list[list[str]]]:
    """Warm-up and timed pages for time_unseen: 80 `readability/` bodies beside the dev data warm up, the
    dev pages and 80 other bodies are timed; without `readability/`, the dev pages' halves."""
    bodies = sorted((data.parent / "readability").glob("*.json"))
    dev = dev_paragraphs(data)
    if not bodies:
        return {"warm": dev[: len(dev) // 2], "pages": dev[len(dev) // 2 :]}
    read = [json.loads(p.read_text(encoding="utf-8"))["body"].split("\n\n") for p in bodies]
    return {"warm": read[80:160], "pages": dev + read[:80]}


def time_in_child(source: Path, sets_file: Path, passes: int) -> float:
    """Seconds per page of the quote stage of the `scraper` package under `source`, in a fresh process
    (both sides of a comparison start alike: no caches warmed by scoring, same interpreter state)."""
    env = {**os.environ, "PYTHONPATH": str(source)}
    code = (
        "import json,sys; sys.path.insert(0, sys.argv[1]); from quotes import time_stage, time_unseen; "
        "import scraper; assert scraper.__file__.startswith(sys.argv[4]), scraper.__file__; "
        "sets = json.load(open(sys.argv[2])); "
        "print(time_unseen(sets['warm'], sets['pages']) if isinstance(sets, dict) "
        "else time_stage(sets, int(sys.argv[3])))"
    )
    args = [sys.executable, "-c", code, str(Path(__file__).parent), str(sets_file), str(passes), str(source)]
    result = subprocess.run(args, env=env, cwd=source, capture_output=True, text=True, check=True)
    return float(result.stdout.strip())


def speed(
    sets: list[list[str]] | dict[str, list[list[str]]], passes: int, against: str | None, rounds: int = 5
) -> dict[str, float]:
    """Per-page cost of this tree's quote stage (and of revision `against`'s, exported to a temporary
    folder): each timed in its own process, `rounds` times, alternating; the best of each kept (the
    best is the run least disturbed by other load on the machine). `sets` as a dict: time_unseen's."""
    if not against:
        if isinstance(sets, dict):
            return {"now_ms": time_unseen(sets["warm"], sets["pages"]) * 1000}
        return {"now_ms": time_stage(sets, passes) * 1000}
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(
            ["git", "archive", against, "scraper"], cwd=REPO_ROOT, capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
        sets_file = Path(folder) / "paragraphs.json"
        sets_file.write_text(json.dumps(sets), encoding="utf-8")
        now = old = float("inf")
        for _ in range(max(1, rounds)):
            now = min(now, time_in_child(REPO_ROOT, sets_file, passes))
            old = min(old, time_in_child(Path(folder), sets_file, passes))
    return {"now_ms": now * 1000, "before_ms": old * 1000, "ratio": now / old}


def row(name: str, score: Score) -> dict[str, Any]:
    return {
        "set": name,
        "annotated": score.annotated,
        "found": score.found,
        "precision": round(score.precision, 3),
        "recall": round(score.recall, 3),
        "f1": round(score.f1, 3),
        "named": score.named,
        "speaker_accuracy": round(score.speaker_accuracy, 3),
        "null_kept": f"{score.null_kept}/{score.null_annotated}",
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of the dev pages")
    parser.add_argument("--heldout", type=Path, help="held-out annotations (kept outside the repo)")
    parser.add_argument("--heldout-data", type=Path, default=HELDOUT_DATA, help="held-out pages' folder")
    parser.add_argument("--misses", action="store_true", help="list every miss, extra and wrong speaker")
    parser.add_argument("--passes", type=int, default=5, help="timed passes (best kept); 0: no timing")
    parser.add_argument("--against", help="git revision whose quote stage to time beside this one")
    parser.add_argument("--rounds", type=int, default=5, help="alternating child processes per side")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--unseen", action="store_true", help="time one pass over pages met once, after a warm-up on others"
    )
    args = parser.parse_args(argv)
    sets = {"patterns": pattern_cases(), "golden": golden_cases(), "dev": dev_cases(args.data)}
    sets["heldout"] = heldout_cases(args.heldout, args.heldout_data)
    sets = {name: cases for name, cases in sets.items() if cases}
    scores = {name: evaluate(cases) for name, cases in sets.items()}
    rows = [row(name, score) for name, score in scores.items()]
    shipped = [c.paragraphs for name in ("patterns", "golden") for c in sets.get(name, [])]
    pages = shipped + dev_paragraphs(args.data)
    timed: list[list[str]] | dict[str, list[list[str]]] = unseen_sets(args.data) if args.unseen else pages
    timing = speed(timed, args.passes, args.against, args.rounds) if args.passes else {}
    if args.json:
        print(
            json.dumps(
                {"rows": rows, "speed": timing, "misses": {k: asdict(v)["misses"] for k, v in scores.items()}}
            )
        )
        return 0
    columns = ("quotes", "found", "P", "R", "F1", "named", "speaker", "null kept")
    head = f"{'set':10} " + " ".join(f"{c:>{max(6, len(c))}}" for c in columns)
    print(head)
    print("-" * len(head))
    for r in rows:
        print(
            f"{r['set']:10} {r['annotated']:6d} {r['found']:6d} {r['precision']:6.3f} {r['recall']:6.3f} "
            f"{r['f1']:6.3f} {r['named']:6d} {r['speaker_accuracy']:7.3f} {r['null_kept']:>9}"
        )
    if timing:
        print("quote stage ms/page: " + ", ".join(f"{k} {v:.3f}" for k, v in timing.items()))
    if args.misses:
        for name, score in scores.items():
            for miss in score.misses:
                print(f"[{name}] {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
