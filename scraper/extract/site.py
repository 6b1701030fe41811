"""The name of the site a page is on, and every name it gives itself (to strip from titles)."""

from __future__ import annotations

import re

from scraper.extract.metadata import PageMeta, jsonld_text, jsonld_types
from scraper.extract.names import WIRES
from scraper.extract.text import clean_text, normalize_key
from scraper.extract.urls import url_hostname

MAX_NAME_WORDS = 6  # a "name" as long as a sentence is a headline copied into the wrong field
_HOST_PREFIXES = ("www.", "m.", "amp.", "edition.", "mobile.")
_SLUG = re.compile(r"^[a-z0-9]+$")
# Words after a site's name that only say it is a site ("Nintendo Official Site", "Daily Courier Online").
_SITE_WORDS = frozenset({"official", "site", "website", "web", "online", "home", "homepage", "page"})
_POSSESSIVE_S = re.compile(r"(?<=\w) s\b")  # "coelho s blog" (normalize_key split the apostrophe off)


def site_names(meta: PageMeta, url: str | None = None) -> set[str]:
    """Comparison keys of every name the page gives itself (short ones: a name as long as a sentence
    is a headline copied into the wrong field), its domain's name, plus the wire agencies."""
    names = {
        meta.first("og:site_name"), meta.first("application-name"), meta.first("twitter:site"),
        jsonld_text(meta.article.get("publisher")),
    }
    names.update(jsonld_text(o.get("name")) for o in meta.jsonld if "website" in jsonld_types(o))
    names.add(registered_name(meta.links.get("canonical") or meta.first("og:url")))
    names.add(registered_name(url))
    keys = {normalize_key((n or "").lstrip("@")) for n in names}
    keys = {key for key in keys if len(key.split()) <= MAX_NAME_WORDS}
    keys |= {k.replace(" ", "") for k in keys}
    # Wire agencies end the titles of the copies they feed, which never declare them as their own name.
    return (keys | WIRES) - {""}


def is_site_name(text: str, names: set[str] | frozenset[str]) -> bool:
    """Whether text is one of names (spaces ignored: "Harbor Ledger" is "HarborLedger"; a possessive
    too, as host names drop it: "Paulo Coelho's Blog" is paulocoelhoblog), alone or followed by
    words that only say it is a site ("Nintendo Official Site", "Harbor Ledger Online")."""
    key = normalize_key(text)
    words = key.split()
    while len(words) > 1 and words[-1] in _SITE_WORDS:
        if _is_name(" ".join(words[:-1]), names):
            return True
        words = words[:-1]
    return _is_name(key, names)


def _is_name(key: str, names: set[str] | frozenset[str]) -> bool:
    if key in names or key.replace(" ", "") in names:
        return True
    bare = _POSSESSIVE_S.sub("", key)
    return bare != key and bare.replace(" ", "") in names


def extract_site(meta: PageMeta, url: str | None) -> str | None:
    """The site's name: og:site_name, application-name, the page's JSON-LD publisher, else the host."""
    declared = meta.first("og:site_name", "application-name")
    publisher = _own_publisher(meta, url)
    if declared and _SLUG.match(declared) and publisher:
        return publisher  # "nationalpost" is a slug; the publisher object spells it out.
    if declared:
        return declared
    if publisher:
        return publisher
    return _name_in_title(meta, url) or prettify_host(url)


def _name_in_title(meta: PageMeta, url: str | None) -> str | None:
    """The title segment spelling the host ("... - Clearwater Valley Times" on clearwatervalleytimes.com)."""
    host = registered_name(url)
    if not host or not meta.title:
        return None
    for part in re.split(r"\s+[|｜\-–—:·•»]\s+", meta.title)[1:]:
        if normalize_key(part).replace(" ", "") == host.replace("-", ""):
            return clean_text(part)
    return None


def _own_publisher(meta: PageMeta, url: str | None) -> str | None:
    """The JSON-LD WebSite or publisher name, unless its URL is another site (an original's)."""
    host = registered_name(url)
    candidates = [o for o in meta.jsonld if "website" in jsonld_types(o)]
    publisher = meta.article.get("publisher")
    candidates.extend(p for p in (publisher if isinstance(publisher, list) else [publisher]) if p)
    for obj in candidates:
        name = jsonld_text(obj)
        if not name:
            continue
        other = registered_name(obj.get("url")) if isinstance(obj, dict) else None
        if not (host and other and other != host):
            return name
    return None


def registered_name(url: object) -> str | None:
    """The second-level label of a URL's host ("yahoo" for finance.yahoo.com)."""
    if not isinstance(url, str) or not url:
        return None
    labels = url_hostname(url).split(".")
    if len(labels) < 2:
        return None
    tld_pair = len(labels) > 2 and len(labels[-2]) <= 3 and len(labels[-1]) == 2  # co.uk, com.au
    return labels[-3] if tld_pair else labels[-2]


def prettify_host(url: str | None) -> str | None:
    """A readable name from a host: finance.yahoo.com -> "Yahoo Finance", bbc.co.uk -> "BBC"."""
    if not url:
        return None
    host = url_hostname(url)
    for prefix in _HOST_PREFIXES:
        host = host.removeprefix(prefix)
    name = registered_name(f"//{host}")
    if not name:
        return host or None
    labels = host.split(".")
    before = labels[: labels.index(name)] if name in labels else []
    # The label next to the name says which part of the site it is; country codes ("ca.") do not.
    sub = next((label for label in reversed(before) if len(label) > 2), "")
    return " ".join(w.upper() if len(w) <= 3 else w.capitalize() for w in (name, sub) if w)
