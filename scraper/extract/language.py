"""The article's language as an ISO 639-1 code.

Declared first: JSON-LD inLanguage, <html lang>, og:locale, content-language / language / dc.language
meta. When nothing is declared (or the declaration is not a language code), the body's language is
identified by py3langid (any of 97 languages, any script); too little text or a low confidence
gives None.
"""

from __future__ import annotations

import re
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from scraper.extract.metadata import PageMeta, jsonld_text

_CODE = re.compile(r"^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$")
_SAMPLE_CHARS = 3000  # the opening of the body is evidence enough, and keeps the guess cheap
_MIN_LETTERS = 20  # below this a guess is noise
MIN_CONFIDENCE = 0.9  # normalized probability the guess must reach


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
    """The body's language by a character n-gram model of 97 languages (py3langid), when confident."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return None
    code, confidence = _identifier().classify(sample)
    return str(code) if confidence >= MIN_CONFIDENCE else None


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """The model, loaded once per process on first use (about half a second)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
