"""Train and measure a learned speaker ranker on the annotated quotes (candidates and features:
bench/speaker_candidates.py): an experiment on issue 13 (speaker attribution beyond first-match rules).

For every found quotation matched to an annotated one (matching as bench/quotes.py does), the candidates
and their features come from `speaker_candidates`; the label is the candidate whose words equal the
annotated speaker's (None for a quotation annotated with no speaker). The model is a conditional logit
(softmax over a quotation's candidates, one weight per feature, L2), fitted by full-batch gradient descent
with numpy; the ranker re-picks only the quotations the rules attributed in the ways given (`--applies`:
direct, narrated, carried, none; see quote_runs), the others keep the rules' pick.

Sets: patterns, golden and dev (in the repository's annotations; dev needs `../shared/data/dev`), and the
check sets given with `--heldout PATH` (repeatable, named A, B, C in order; kept outside the repository,
their pages' text is never shipped). Reports: per set, the rules' speaker accuracy, the candidates'
ceiling (the share of named quotations whose annotated speaker is a candidate) and both by rule origin;
page-grouped k-fold cross-validation (fixed seed) over the `--cv` sets, each fold also trained on
`--base`; then a model fitted on the `--train` sets scored on every set. `--write` prints its weights.
Weights fitted with a check set in `--train` can only be reproduced with that file.

Result (December 2026; nothing shipped): cross-validated over the pages of dev+A+B (711 named quotations),
the ranker scores 0.848-0.857 against the rules' 0.850 for every origin subset and L2 tried (differences of
-2 to +7 quotations: noise), and it gives speakers to quotations annotated with none (null kept falls).
Fitted on patterns+golden+dev: dev 0.895 -> 0.900, A 0.789 -> 0.809, B 0.769 -> 0.777; the held-out
set C 0.565 -> 0.587 (+2 of 92). The rules already use the evidence these features carry; what they miss
is mostly not a wrong choice among candidates: on C a third of the named quotations get no attribution at
all, and for 30% the speaker is no name the narration writes (the ceiling is 0.70 even with every name
of the article a candidate). bench/train_speaker_gate.py tries the second design (a gate for quotations
the rules leave without a speaker) with the same outcome.

Usage: python bench/train_speaker_ranker.py [--heldout PATH ...] [--applies direct,narrated,carried,none]
       [--cv dev,A,B] [--base patterns,golden] [--train patterns,golden,dev] [--folds 5] [--l2 0.03]
       [--drop PREFIXES] [--margin M] [--window N] [--write]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quotes import (  # noqa: E402, I001  (bench/ is not a package)
    DEFAULT_DATA,
    HELDOUT_DATA,
    Case,
    dev_cases,
    golden_cases,
    heldout_cases,
    pattern_cases,
    same_quote,
    words,
)

import speaker_candidates as speaker_candidates_module  # noqa: E402
from speaker_candidates import speaker_candidates  # noqa: E402

SEED = 13


@dataclass
class Item:
    """One matched quotation: its page, the rules' origin, candidates and the annotated speaker."""

    page: str
    origin: str
    names: list[str | None]
    features: list[dict[str, float]]
    rule: int  # index of the rules' pick among the candidates
    label: int  # index of the annotated speaker among the candidates, -1 when absent
    named: bool  # annotated with a speaker named in the text


def items_of(cases: Sequence[Case], tag: str) -> list[Item]:
    """The matched quotations of `cases` with their candidates (pages named `tag`/case name)."""
    items = []
    for case in cases:
        left = speaker_candidates(case.paragraphs)
        for gold in case.quotes:
            match = next((entry for entry in left if same_quote(gold["text"], entry[0]["text"])), None)
            if match is None:
                continue
            left.remove(match)
            found, origin, options = match
            keys = [words(name) if name is not None else None for name, _ in options]
            want = words(gold["speaker"]) if gold["speaker"] is not None else None
            rule_key = words(found["speaker"]) if found["speaker"] is not None else None
            label = keys.index(want) if want in keys else -1
            rule = keys.index(rule_key)
            items.append(
                Item(
                    f"{tag}/{case.name}",
                    origin,
                    [n for n, _ in options],
                    [f for _, f in options],
                    rule,
                    label,
                    gold["speaker"] is not None,
                )
            )
    return items


DROP: tuple[str, ...] = ()  # feature-name prefixes left out (--drop), to measure what they bring


def vocabulary(items: Sequence[Item]) -> list[str]:
    return sorted({name for item in items for f in item.features for name in f if not name.startswith(DROP)})


def matrix(item: Item, index: dict[str, int]) -> np.ndarray:
    rows = np.zeros((len(item.features), len(index)))
    for r, features in enumerate(item.features):
        for name, value in features.items():
            if name in index:
                rows[r, index[name]] = value
    return rows


def fit(
    items: Sequence[Item], names: list[str], l2: float, steps: int = 3000, rate: float = 1.0
) -> np.ndarray:
    """Weights of the conditional logit over the items with their annotated speaker among the candidates
    (full-batch gradient descent on the mean log loss plus l2/2 |w|^2)."""
    index = {n: i for i, n in enumerate(names)}
    data = [item for item in items if item.label >= 0]
    if not data:
        return np.zeros(len(names))
    x = np.vstack([matrix(item, index) for item in data])
    sizes = np.array([len(item.features) for item in data])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    group = np.repeat(np.arange(len(data)), sizes)
    gold = np.zeros(len(x))
    gold[starts + np.array([item.label for item in data])] = 1.0
    w = np.zeros(len(names))
    for _ in range(steps):
        s = x @ w
        s -= np.maximum.reduceat(s, starts)[group]
        e = np.exp(s)
        p = e / np.add.reduceat(e, starts)[group]
        w -= rate * (x.T @ (p - gold) / len(data) + l2 * w)
    return w


MARGIN = 0.0  # the best candidate replaces the rules' pick only when its score is higher by this (--margin)


def choose(item: Item, w: np.ndarray, index: dict[str, int], applies: set[str]) -> int:
    if item.origin not in applies:
        return item.rule
    scores = matrix(item, index) @ w
    best = int(np.argmax(scores))
    return best if scores[best] - scores[item.rule] > MARGIN else item.rule


def accuracy(items: Sequence[Item], picks: Sequence[int]) -> tuple[int, int]:
    named = [(item, pick) for item, pick in zip(items, picks, strict=True) if item.named]
    return sum(item.label >= 0 and pick == item.label for item, pick in named), len(named)


def null_kept(items: Sequence[Item], picks: Sequence[int]) -> str:
    nulls = [(item, pick) for item, pick in zip(items, picks, strict=True) if not item.named]
    return f"{sum(item.names[pick] is None for item, pick in nulls)}/{len(nulls)}"


def cross_validate(
    items: list[Item], applies: set[str], folds: int, l2: float, base: list[Item]
) -> tuple[int, int]:
    """Page-grouped k-fold accuracy over `items`; each fold's model also learns from `base` (always-train)."""
    pages = sorted({item.page for item in items})
    random.Random(SEED).shuffle(pages)
    fold_of = {page: i % folds for i, page in enumerate(pages)}
    right = total = 0
    for fold in range(folds):
        train = base + [item for item in items if fold_of[item.page] != fold]
        test = [item for item in items if fold_of[item.page] == fold]
        train = [item for item in train if item.origin in applies]
        names = vocabulary(train)
        w = fit(train, names, l2)
        index = {n: i for i, n in enumerate(names)}
        picks = [choose(item, w, index, applies) for item in test]
        r, t = accuracy(test, picks)
        right, total = right + r, total + t
        for item, pick in zip(test, picks, strict=True):
            if item.named:
                n, a, c = BY_ORIGIN.get(item.origin, (0, 0, 0))
                BY_ORIGIN[item.origin] = (n + 1, a + (pick == item.label), c + (item.label >= 0))
    return right, total


BY_ORIGIN: dict[str, tuple[int, int, int]] = {}


def load_sets(
    heldout: Sequence[Path], data: Path = DEFAULT_DATA, heldout_data: Path = HELDOUT_DATA
) -> dict[str, list[Item]]:
    """The matched quotations of each set: patterns, golden, dev, then the check sets named A, B, ..."""
    sets = {
        "patterns": items_of(pattern_cases(), "patterns"),
        "golden": items_of(golden_cases(), "golden"),
        "dev": items_of(dev_cases(data), "dev"),
    }
    for number, path in enumerate(heldout):
        tag = chr(ord("A") + number)
        sets[tag] = items_of(heldout_cases(path, heldout_data), tag)
    return sets


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--heldout", type=Path, action="append", default=[], help="check set (named A, B, ...)"
    )
    parser.add_argument("--heldout-data", type=Path, default=HELDOUT_DATA)
    parser.add_argument("--applies", default="direct,narrated,carried,none", help="rule origins re-picked")
    parser.add_argument("--cv", default="dev,A,B", help="sets cross-validated over their pages")
    parser.add_argument("--base", default="patterns,golden", help="sets in every fold's training")
    parser.add_argument("--train", default="patterns,golden,dev", help="sets the final model is fitted on")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=0.03)
    parser.add_argument("--drop", default="", help="comma-separated feature-name prefixes to leave out")
    parser.add_argument(
        "--margin", type=float, default=0.0, help="score lead needed to replace the rules' pick"
    )
    parser.add_argument("--window", type=int, help="paragraphs around a quotation whose names are candidates")
    parser.add_argument("--write", action="store_true", help="print the final weights as JSON")
    args = parser.parse_args(argv)
    applies = set(args.applies.split(","))
    if args.window is not None:
        speaker_candidates_module._WINDOW_BEFORE = speaker_candidates_module._WINDOW_AFTER = args.window
    global DROP, MARGIN
    DROP = tuple(p for p in args.drop.split(",") if p)
    MARGIN = args.margin
    sets = load_sets(args.heldout, args.data, args.heldout_data)
    print(f"{'set':9} {'named':>5} {'rules':>6} {'ceiling':>7} {'by origin (named, rules right)'}")
    for tag, items in sets.items():
        right, total = accuracy(items, [item.rule for item in items])
        ceiling = sum(item.named and item.label >= 0 for item in items)
        origins = {}
        for item in items:
            if item.named:
                n, r = origins.get(item.origin, (0, 0))
                origins[item.origin] = (n + 1, r + (item.rule == item.label))
        print(f"{tag:9} {total:5d} {right / max(1, total):6.3f} {ceiling / max(1, total):7.3f} {origins}")
    cv_items = [item for tag in args.cv.split(",") if tag in sets for item in sets[tag]]
    base = [item for tag in args.base.split(",") if tag in sets for item in sets[tag]]
    rules_right, total = accuracy(cv_items, [item.rule for item in cv_items])
    right, total = cross_validate(cv_items, applies, args.folds, args.l2, base)
    print(
        f"CV over {args.cv} ({args.folds} folds by page, applies {sorted(applies)}, l2 {args.l2}): "
        f"{right}/{total} = {right / max(1, total):.3f} (rules {rules_right / max(1, total):.3f}); "
        f"by origin (named, right, ceiling) {BY_ORIGIN}"
    )
    train = [item for tag in args.train.split(",") for item in sets.get(tag, []) if item.origin in applies]
    names = vocabulary(train)
    w = fit(train, names, args.l2)
    index = {n: i for i, n in enumerate(names)}
    for tag, items in sets.items():
        picks = [choose(item, w, index, applies) for item in items]
        r, t = accuracy(items, picks)
        print(
            f"fitted on {args.train}: {tag:9} {r}/{t} = {r / max(1, t):.3f}  "
            f"null kept {null_kept(items, picks)}"
        )
    if args.write:
        print(
            json.dumps(
                {n: round(float(v), 4) for n, v in zip(names, w, strict=True)}, indent=1, sort_keys=True
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
