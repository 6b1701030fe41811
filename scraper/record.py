"""The article record: field order, JSON Schema, validation. The contract with users."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from w3lib.url import canonicalize_url

SCHEMA_VERSION = "1.0"

# Stable output order for JSON lines: identity first, then text, then the long fields.
FIELDS: tuple[str, ...] = (
    "schema_version",
    "url",
    "canonical_url",
    "site",
    "language",
    "headline",
    "bullets",
    "authors",
    "published",
    "modified",
    "attribution",
    "body",
    "quotes",
    "images",
    "ticker",
    "word_count",
    "fingerprint",
    "crawled_at",
    "version",
    "story_id",
    "is_original",
)
# Fields a record has only in some runs: incremental crawls (version), stories (story_id, is_original).
OPTIONAL_FIELDS = frozenset({"version", "story_id", "is_original"})


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The JSON Schema shipped inside the package."""
    text = resources.files("scraper").joinpath("schema/article.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def validation_errors(record: dict[str, Any]) -> list[str]:
    """Every way the record breaks the schema, as readable messages (empty when valid)."""
    errors = sorted(_validator().iter_errors(record), key=lambda e: list(e.path))
    return [f"{'/'.join(map(str, e.path)) or '<record>'}: {e.message}" for e in errors]


def only_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record's documented fields only (an item may carry working fields besides them)."""
    return {key: value for key, value in record.items() if key in FIELDS}


def ordered(record: dict[str, Any]) -> dict[str, Any]:
    """The record with keys in the documented order (unknown keys last, sorted)."""
    out = {key: record[key] for key in FIELDS if key in record}
    for key in sorted(set(record) - set(out)):
        out[key] = record[key]
    return out


def dedupe_keys(record: dict[str, Any]) -> list[bytes]:
    """Digests of the record's canonical URL (normalized) and of its content fingerprint."""
    keys = []
    url = record.get("canonical_url") or record.get("url")
    if url:
        keys.append(_digest("url:" + canonicalize_url(url)))
    if record.get("fingerprint"):
        keys.append(_digest("fp:" + record["fingerprint"]))
    return keys


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).digest()
