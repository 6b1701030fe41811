"""Candidate speakers of each quotation with general features, for the learned-ranker experiment on
issue 13 (bench/train_speaker_ranker.py). Not part of the extraction: the experiment did not beat the rules.

For a quotation, the candidates are: the rules' pick (and, for a one-word pick, the longest form the
article writes it in: "Jim" -> "Jim Stewart"), every name run in narration of its paragraph, the two
paragraphs before it and the one after it (each stretched the same way), the people the speaker history
resolved there (pronouns included), every speaker the rules attribute a quotation to with a speech verb,
the previous and next quotations' speakers, and nobody (None, whose features are the quotation's own:
length, sentence shape, first person, colon, dialogue, ...). Named candidates' features: paragraph
distance, side and closeness in the quotation's paragraph, speech-verb subject, leading a sentence,
mentions in the article, share of the article's attributed quotations, title, words written in lower
case elsewhere, the rules' pick and how the rules found it.
"""

from __future__ import annotations

import math
import re
from typing import Any

from scraper.extract.quotes.narration_titles import introductions
from scraper.extract.quotes.quote_narration import name_mentions, narration_mentions
from scraper.extract.quotes.quote_runs import DIRECT, Quote
from scraper.extract.quotes.quotes import attribute
from scraper.extract.quotes.speech_verbs import VERB

Features = dict[str, float]
Candidate = tuple[str | None, Features]

_WINDOW_BEFORE = 2  # paragraphs before the quotation's whose names are candidates
_WINDOW_AFTER = 1
# Capitalized words that open a sentence and are captured with the name after them ("But Smith").
_STARTER_WORDS = (
    "A An And As At But By For From He Her His However If In It Its Me My No Not Now Of On One Or Our "
    "She So That The Their Then There These They This Those To We What When Where While Who Why With "
    "Yet You Your After Before Also Still Even Just Here"
)
_STARTERS = frozenset(_STARTER_WORDS.split())
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|my|me|we|our)\b")
_WORDS = re.compile(r"\w+")


def _key(name: str | None) -> str:
    return " ".join(_WORDS.findall((name or "").lower()))


def _trim(run: str) -> str:
    """A name run without the sentence-opening function words captured with it ("But Smith")."""
    words = run.split()
    while len(words) > 1 and words[0] in _STARTERS:
        words = words[1:]
    return " ".join(words)


class _Article:
    """The article's narration read once per paragraph: name runs, speech-verb subjects, forms."""

    def __init__(self, masked: list[str], reported: list[tuple[int, int, str, bool]]) -> None:
        self.masked = masked
        self.reported = reported
        self._mentions: dict[int, list[tuple[str, int, bool, bool]]] = {}
        self._all: list[str] | None = None
        self._lower: str | None = None
        self._titled: set[str] | None = None

    def mentions(self, index: int) -> list[tuple[str, int, bool, bool]]:
        """(name, offset, leads a sentence, is a speech verb's subject) in paragraph `index`."""
        if index not in self._mentions:
            text = self.masked[index]
            subjects = [(off, off + len(raw)) for raw, off, _ in narration_mentions(text)]
            found = []
            for raw, off, leads in name_mentions(text):
                name = _trim(raw)
                if name in _STARTERS or not name[:1].isupper():
                    continue
                subject = any(s <= off + len(raw) and off <= e for s, e in subjects)
                found.append((name, off, leads, subject))
            for para, off, speaker, verb in self.reported:
                if para == index:
                    found.append((speaker, off, False, verb))
            self._mentions[index] = found
        return self._mentions[index]

    def names(self) -> list[str]:
        """Every name run of the article, in reading order."""
        if self._all is None:
            self._all = [m[0] for i in range(len(self.masked)) for m in self.mentions(i)]
        return self._all

    def longest(self, name: str) -> str:
        """The longest form of `name` the article writes ("Stewart", "Jim" -> "Jim Stewart")."""
        words = name.split()
        best = name
        for other in self.names():
            longer = other.split()
            if len(longer) > len(best.split()) and _contains(longer, words):
                best = other
        return best

    def subjects(self) -> set[str]:
        """Keys of every name the article makes a speech verb's subject, anywhere."""
        self.names()
        return {_key(m[0]) for found in self._mentions.values() for m in found if m[3]}

    def titled(self) -> set[str]:
        """Last words of the people the article names with a title ("Defense Minister Khawaja Asif")."""
        if self._titled is None:
            self._titled = {raw.split()[-1].lower() for text in self.masked for raw, _ in introductions(text)}
        return self._titled

    def count(self, name: str) -> int:
        last = name.split()[-1]
        return sum(1 for other in self.names() if last in other.split())

    def written_lower(self, word: str) -> bool:
        if self._lower is None:
            self._lower = " ".join(self.masked)
        return re.search(rf"\b{re.escape(word.lower())}\b", self._lower) is not None


def _contains(longer: list[str], words: list[str]) -> bool:
    n = len(words)
    return any(longer[i : i + n] == words for i in range(len(longer) - n + 1))


def _same_person(a: str, b: str) -> bool:
    """Whether two speaker keys name the same person: equal, or one's words run inside the other's
    ("jim" and "jim stewart")."""
    if a == b:
        return True
    short, long = sorted((a.split(), b.split()), key=len)
    return bool(short) and _contains(long, short)


def _quote_features(quotes: list[Quote], index: int, paragraphs: list[str], article: _Article) -> Features:
    """What the quotation itself says about whether anyone said it (the null candidate's features)."""
    quote = quotes[index]
    span = quote.span
    text = quote.text.strip("\"'“”‘’«» ")
    before = paragraphs[span.paragraph][: span.start].rstrip()
    after = paragraphs[span.end_paragraph][span.end :].strip(" .,;—–")
    count = len(text.split())
    previous = max(0, span.paragraph - 1)
    quoted_before = any(q.span.end_paragraph == span.paragraph - 1 for q in quotes[:index])
    return {
        "null_short": float(count < 4),
        "null_long": float(count >= 12),
        "null_whole": float(not before and not after),
        "null_sentence": float(text[:1].isupper() and text[-1:] in ".!?"),
        "null_inside": float(bool(before) and before[-1:].isalpha()),
        "null_colon": float(before.endswith(":")),
        "null_question": float("?" in text),
        "null_first_person": float(_FIRST_PERSON.search(text) is not None),
        "null_you": float(re.search(r"\b[Yy]ou\b", text) is not None),
        "null_no_verb": float(
            not any(VERB.search(article.masked[i]) for i in range(previous, span.paragraph + 1))
        ),
        "null_dialogue": float(quoted_before),
        "null_no_name": float(not article.mentions(span.paragraph) and not article.mentions(previous)),
    }


def candidates(
    quotes: list[Quote], index: int, origins: list[str], paragraphs: list[str], article: _Article
) -> list[Candidate]:
    """The candidate speakers of quotes[index] with their features (None: nobody)."""
    quote = quotes[index]
    span = quote.span
    origin = origins[index]
    found: dict[str, tuple[str | None, Features]] = {}

    def add(name: str | None, features: Features) -> None:
        key = _key(name)
        if name is not None and not key:
            return
        held = found.setdefault(key, (name, {}))[1]
        for feature, value in features.items():
            held[feature] = max(held.get(feature, 0.0), value)

    add(None, {"null": 1.0, f"null_{origin}": 1.0, **_quote_features(quotes, index, paragraphs, article)})
    if quote.speaker is not None:
        rule = quote.speaker
        add(rule, {"rule": 1.0, f"rule_{origin}": 1.0, "rule_period": float("." in rule)})
        name = rule.removeprefix("a ").removeprefix("an ")  # ("a Bloomberg" report)
        longer = article.longest(name) if name[:1].isupper() and " " not in name else name
        if _key(longer) != _key(
            rule
        ):  # the article's fuller form of a one-word pick ("Jim" -> "Jim Stewart")
            add(longer, {"rule_longer": 1.0, f"rule_longer_{origin}": 1.0})
    spoken = [q.speaker for q, o in zip(quotes, origins, strict=True) if q.speaker and o == DIRECT]
    before = next((q.speaker for q in reversed(quotes[:index]) if q.speaker), None)
    after = next((q.speaker for q in quotes[index + 1 :] if q.speaker), None)
    for speaker in spoken:  # every speaker the article attributes a quotation to
        add(speaker, {"article_speaker": 1.0})
    if before:
        add(before, {"prev_speaker": 1.0})
    if after:
        add(after, {"next_speaker": 1.0})
    low = max(0, span.paragraph - _WINDOW_BEFORE)
    high = min(len(paragraphs) - 1, span.end_paragraph + _WINDOW_AFTER)
    nearest_before: tuple[int, str] | None = None
    for i in range(low, high + 1):
        for name, offset, leads, subject in article.mentions(i):
            full = article.longest(name)
            features: Features = {"leads": float(leads), "verb_subject": float(subject)}
            if span.paragraph <= i <= span.end_paragraph:
                side = "before" if (i, offset) < (span.paragraph, span.start) else "after"
                distance = span.start - offset if side == "before" else max(0, offset - span.end)
                features[f"same_{side}"] = math.exp(-distance / 120)
                features[f"same_{side}_subject"] = float(subject)
                if side == "before" and (nearest_before is None or distance < nearest_before[0]):
                    nearest_before = (distance, full)
            elif i < span.paragraph:
                features[f"para_minus{span.paragraph - i}"] = 1.0
                features[f"para_minus{span.paragraph - i}_subject"] = float(subject)
            else:
                features["para_plus"] = 1.0
            add(full, features)
    if nearest_before is not None:
        add(nearest_before[1], {"nearest_before": 1.0})
    subjects = article.subjects()
    for key, (candidate, features) in found.items():
        if candidate is None:
            continue
        name = candidate
        parts = name.split()
        features["multiword"] = float(len(parts) > 1)
        features["lower_first"] = float(not name[:1].isupper())
        features["common_word"] = float(len(parts) == 1 and article.written_lower(name))
        features["mentions"] = math.log1p(article.count(name))
        share = sum(1 for s in spoken if _same_person(_key(s), key))
        features["known_speaker"] = float(share > 0)
        features["speaker_share"] = share / len(spoken) if spoken else 0.0
        features["dominant"] = float(share >= 3 and share >= 0.5 * len(spoken))
        features["unnamed"] = float(name[:1].isupper() and article.count(name) == 0)
        features["all_caps"] = float(name.isupper())
        features["lower_elsewhere"] = sum(article.written_lower(p) for p in parts) / len(parts)
        features["subject_anywhere"] = float(key in subjects)
        features["titled"] = float(parts[-1].lower() in article.titled())
        features[f"any_{origin}"] = 1.0
    return list(found.values())


def speaker_candidates(paragraphs: list[str]) -> list[tuple[dict[str, Any], str, list[Candidate]]]:
    """Each quotation the rules keep (as extract_quotes gives it), how they attributed it, and its
    candidate speakers with their features."""
    found = attribute(paragraphs)
    if found is None:
        return []
    article = _Article(found.narration, found.named)
    return [
        (
            {"text": q.text, "speaker": q.speaker, "paragraph": q.span.paragraph},
            found.origins[i],
            candidates(found.quotes, i, found.origins, found.paragraphs, article),
        )
        for i, q in enumerate(found.quotes)
    ]
