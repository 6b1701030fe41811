"""The article's language as an ISO 639-1 code.

Declared first: JSON-LD inLanguage, <html lang>, og:locale, content-language / language / dc.language
meta. When nothing is declared (or the declaration is not a language code), a cheap guess counts
stopwords of en/de/fr/es/it/pt/nl in the first words of the body; too little evidence gives None.
"""

from __future__ import annotations

import re

from scraper.extract.metadata import PageMeta, jsonld_text

_CODE = re.compile(r"^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$")
_WORD = re.compile(r"[^\W\d_]+")
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Short, frequent function words that are distinctive for each language (shared ones left out).
STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words("the and of to is that for with was on are by this from have has it as at be"),
    "de": _words("der die und das ist nicht mit sich den dem ein eine auch auf für von zu im"),
    "fr": _words("le les et est des une dans pour que qui pas sur au du avec ce il elle sont"),
    "es": _words("el los las y es una por para con que del se al lo como pero más su sus"),
    "it": _words("il di che è per una sono con non gli della del nel alla anche come le"),
    "pt": _words("o os e é uma para com não que do da dos das no na em ao mais como"),
    "nl": _words("de het een en van is dat op niet met voor zijn ook aan bij er naar"),
}
_SAMPLE_WORDS = 400
_MIN_HITS = 5


def detect_language(meta: PageMeta, body: str) -> str | None:
    """Declared language reduced to its primary subtag, else a stopword guess from the body."""
    return declared_language(meta) or guess_language(body)


def declared_language(meta: PageMeta) -> str | None:
    """The first well-formed declaration (JSON-LD, html lang, meta tags), as a lowercase code."""
    for value in (
        jsonld_text(meta.article.get("inLanguage")),
        meta.html_lang,
        meta.first("og:locale", "content-language", "language", "dc.language", "dcterms.language"),
    ):
        code = _primary_subtag(value)
        if code:
            return code
    return None


def _primary_subtag(value: str | None) -> str | None:
    value = (value or "").strip().split(",")[0].strip()
    if not _CODE.match(value):
        return None
    primary = value.replace("_", "-").split("-")[0].lower()
    return primary if len(primary) == 2 else None


def guess_language(text: str) -> str | None:
    """The language whose stopwords are most frequent in the first words, when clear enough."""
    words = [w.casefold() for w in _WORD.findall(text[: _SAMPLE_WORDS * 12])][:_SAMPLE_WORDS]
    if not words:
        return None
    scores = {lang: sum(w in stops for w in words) for lang, stops in STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    runner_up = max(score for lang, score in scores.items() if lang != best)
    if scores[best] < _MIN_HITS or scores[best] < 1.5 * runner_up:
        return None
    return best
