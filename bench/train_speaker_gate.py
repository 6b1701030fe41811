"""The second variant of the learned-speaker experiment (issue 13): the rules keep every speaker they give,
and a quotation they leave without one takes a ranker's best name when a gate says it was said by someone.

The ranker is bench/train_speaker_ranker.py's conditional logit over the named candidates only, with no
feature of the rules' pick, fitted on the quotations of every origin (their annotated speakers teach it
what a speaker looks like); the gate is a logistic regression over the quotation's own features (length,
sentence shape, first person, colon, dialogue, speech verb and names nearby) and the ranker's confidence
(its best score and the gap to the next), fitted on the quotations the rules leave without a speaker:
positive when the ranker's best name is the annotated speaker. Reports page-grouped cross-validation over
the `--cv` sets for each gate threshold given, with the named-speaker accuracy and how many quotations
annotated with no speaker keep none; then a model fitted on `--train` (first threshold) scored per set.
Check sets (`--heldout`) are read from outside the repository and never shipped.

Result (December 2026; nothing shipped): cross-validated over dev+A+B, gate thresholds 0.05-0.3 give
0.851-0.861 named-speaker accuracy against the rules' 0.850, paid for in quotations annotated with no
speaker that get one (null kept 53/84 -> 14-49/84): each quotation won costs two to four wrong speakers.
Fitted on patterns+golden+dev (threshold 0.1): dev 0.895 -> 0.909 (null kept 11/23 -> 4/23), A 0.789 ->
0.809 (25/41 -> 12/41), B 0.769 -> 0.785 (17/20 -> 12/20), held-out C 0.565 -> 0.587 (87/96 -> 59/96).

Usage: python bench/train_speaker_gate.py [--heldout PATH ...] [--cv dev,A,B] [--train patterns,golden,dev]
       [--l2 0.001] [--thresholds 0.1 0.2]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_speaker_ranker import (  # noqa: E402  (bench/ is not a package)
    SEED,
    Item,
    accuracy,
    fit,
    load_sets,
    matrix,
    null_kept,
    vocabulary,
)


def named_only(item: Item) -> Item:
    """The item without its null candidate (label -1 when the annotated speaker is null or absent)."""
    keep = [i for i, name in enumerate(item.names) if name is not None]
    label = keep.index(item.label) if item.label in keep else -1
    rule = keep.index(item.rule) if item.rule in keep else -1
    return Item(
        item.page,
        item.origin,
        [item.names[i] for i in keep],
        [item.features[i] for i in keep],
        rule,
        label,
        item.named,
    )


def gate_features(item: Item, scores: np.ndarray) -> dict[str, float]:
    """The quotation's own features (the null candidate's) and how strongly the ranker prefers its best
    name."""
    null = item.features[item.names.index(None)]
    top = sorted(scores, reverse=True) + [0.0, 0.0]
    quote = {k: v for k, v in null.items() if k not in {"null"} and not k.startswith("null_" + item.origin)}
    return {**quote, "bias": 1.0, "best_score": float(top[0]), "score_gap": float(top[0] - top[1])}


def fit_binary(rows: list[dict[str, float]], labels: list[int], names: list[str], l2: float) -> np.ndarray:
    """Logistic regression (full-batch gradient descent, mean log loss plus l2/2 |w|^2)."""
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, row in enumerate(rows):
        for name, value in row.items():
            if name in index:
                x[r, index[name]] = value
    y = np.array(labels, dtype=float)
    w = np.zeros(len(names))
    for _ in range(3000):
        p = 1 / (1 + np.exp(-(x @ w)))
        w -= 1.0 * (x.T @ (p - y) / max(1, len(y)) + l2 * w)
    return w


@dataclass
class TwoStage:
    """A ranker over named candidates (no rule features) and a gate saying when a quotation the rules
    left without a speaker takes the ranker's best name."""

    names: list[str]
    ranker: np.ndarray
    gate_names: list[str]
    gate: np.ndarray
    threshold: float

    def scores(self, item: Item) -> np.ndarray:
        return matrix(item, {n: i for i, n in enumerate(self.names)}) @ self.ranker

    def pick(self, item: Item) -> int:
        """Index into item's candidates (the rules' pick unless the rules gave nobody)."""
        if item.origin != "none":
            return item.rule
        named = named_only(item)
        if not named.names:
            return item.rule
        scores = self.scores(named)
        row = gate_features(item, scores)
        p = 1 / (1 + np.exp(-sum(self.gate[i] * row.get(n, 0.0) for i, n in enumerate(self.gate_names))))
        if p <= self.threshold:
            return item.rule
        return item.names.index(named.names[int(np.argmax(scores))])


def fit_two_stage(items: Sequence[Item], l2: float, threshold: float) -> TwoStage:
    named = [named_only(item) for item in items]
    names = [n for n in vocabulary(named) if not n.startswith(("rule", "null"))]
    ranker = fit(named, names, l2)
    model = TwoStage(names, ranker, [], np.zeros(0), threshold)
    rows, labels = [], []
    for item, only in zip(items, named, strict=True):
        if item.origin == "none" and only.names:
            scores = model.scores(only)
            rows.append(gate_features(item, scores))
            labels.append(int(only.label >= 0 and int(np.argmax(scores)) == only.label))
    model.gate_names = sorted({n for row in rows for n in row})
    model.gate = fit_binary(rows, labels, model.gate_names, l2)
    return model


def cross_validate_two_stage(
    items: list[Item], folds: int, l2: float, base: list[Item], threshold: float
) -> None:
    pages = sorted({item.page for item in items})
    random.Random(SEED).shuffle(pages)
    fold_of = {page: i % folds for i, page in enumerate(pages)}
    picks: dict[int, int] = {}
    for fold in range(folds):
        model = fit_two_stage(base + [item for item in items if fold_of[item.page] != fold], l2, threshold)
        for n, item in enumerate(items):
            if fold_of[item.page] == fold:
                picks[n] = model.pick(item)
    ordered = [picks[n] for n in range(len(items))]
    right, total = accuracy(items, ordered)
    rules, _ = accuracy(items, [item.rule for item in items])
    print(
        f"two-stage CV (threshold {threshold}, l2 {l2}): {right}/{total} = {right / max(1, total):.3f} "
        f"(rules {rules / max(1, total):.3f}); null kept {null_kept(items, ordered)} "
        f"(rules {null_kept(items, [item.rule for item in items])})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", type=Path, action="append", default=[], help="check set (A, B, ...)")
    parser.add_argument("--cv", default="dev,A,B", help="sets cross-validated over their pages")
    parser.add_argument("--base", default="patterns,golden", help="sets in every fold's training")
    parser.add_argument("--train", default="patterns,golden,dev", help="sets the final model is fitted on")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=0.001)
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.1, 0.2])
    args = parser.parse_args(argv)
    sets = load_sets(args.heldout)
    cv_items = [item for tag in args.cv.split(",") if tag in sets for item in sets[tag]]
    base = [item for tag in args.base.split(",") if tag in sets for item in sets[tag]]
    for threshold in args.thresholds:
        cross_validate_two_stage(cv_items, args.folds, args.l2, base, threshold)
    train = [item for tag in args.train.split(",") for item in sets.get(tag, [])]
    model = fit_two_stage(train, args.l2, args.thresholds[0])
    for tag, items in sets.items():
        picks = [model.pick(item) for item in items]
        rules = [item.rule for item in items]
        right, total = accuracy(items, picks)
        by_rules, _ = accuracy(items, rules)
        print(
            f"fitted on {args.train} (threshold {args.thresholds[0]}): {tag:9} {right}/{total} = "
            f"{right / max(1, total):.3f} null kept {null_kept(items, picks)}; "
            f"rules {by_rules / max(1, total):.3f} null kept {null_kept(items, rules)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
