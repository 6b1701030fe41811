"""Author names: structured data first, then meta tags, then the visible byline.

Sources, first that yields a person wins: the JSON-LD article's `author` (Person names, lists,
nested objects, `byline`), author-ish meta tags (author, article:author, dc.creator "Last, First",
citation_author, parsely/sailthru author...; URLs are ignored), then byline markup (rel=author,
itemprop=author, class byline/author). Byline text is cleaned ("By", roles, e-mails, handles) and
split on "and", "&" and commas; a wire glued to a name ("MARCUS ELLERY Associated Press") is cut
off, and a visible byline in capitals is written in normal case (structured data is kept as given).
Organizations and wire names ("Reuters", "The Associated Press") are returned only when no person is
named anywhere; a newsroom credit ("<Station> Staff", "Our Foreign Staff") is never an author, while a
person whose surname is Staff ("Jonathan Staff") is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lxml import etree, html

from scraper.extract.metadata import PageMeta, jsonld_text, jsonld_types
from scraper.extract.site import KNOWN_SITES
from scraper.extract.text import clean_text, normalize_key

_META_KEYS = (
    "author", "article:author", "dc.creator", "dcterms.creator", "citation_author", "parsely-author",
    "sailthru.author", "byl", "dc.contributor", "og:article:author", "cxenseparse:author",
)
_BYLINE_NODES = etree.XPath(
    "//*[@rel='author' or @itemprop='author' or contains(@class, 'byline') or contains(@class, 'Byline')"
    " or contains(@class, 'author') or contains(@class, 'Author')]"
    "[not(ancestor::*[self::aside or self::nav or self::footer or self::header[not(ancestor::article)]])]"
)
_PROFILE_LINKS = etree.XPath(
    "//a[contains(@href, '/profiles/') or contains(@href, '/author/') or contains(@href, '/authors/')"
    " or contains(@href, '/people/')][not(ancestor::*[self::nav or self::footer or self::aside])]"
)
_ITEMPROP_NAME = etree.XPath(".//*[@itemprop='name']")
_LINKS = etree.XPath(".//a")
_BY = re.compile(r"^(?:by|von|par|por|di|da|door|av|af|written by|words by|reporting by)\b[:\s]*", re.I)
_SPLIT = re.compile(r"\s*(?:[,;&|]|\b(?:and|und|et|y|e|en|og|with|avec|mit|con|com)\b)\s*", re.I)
_EMAIL = re.compile(r"\S+@\S+\.\w+|@\w+")
# Dates and separators end a byline; a number inside a staff credit ("K123 7 News Staff") does not.
_CUT = re.compile(
    r"\s*(?:\d(?![^\d•·—–]*\bstaff\b)|•|·|—|–|\bupdated\b|\bpublished\b|\bposted\b).*$", re.I | re.S
)
_ROLE = re.compile(
    r"^(?:(?:senior|chief|staff|deputy|associate|contributing|special|political|business|"
    r"foreign|news|sports?|science|health|tech(?:nology)?|economics?|markets?|managing|executive)\s+)*"
    r"(?:reporter|writer|correspondent|editor|columnist|contributor|journalist|producer|"
    r"photographer|analyst|staff|team|desk|for\b.*|in\b.*|at\b.*)s?$",
    re.I,
)
_LINK_LABEL = re.compile(r"^(?:more|all|view|see|read|follow|contact|about|meet|latest)\b", re.I)
_JUNK = frozenset({"twitter", "x", "facebook", "linkedin", "instagram", "email", "follow", "more",
                   "show authors", "today", "and", "view all", "author", "authors"})
WIRES = frozenset(
    normalize_key(n)
    for n in ("Reuters", "AP", "Associated Press", "The Associated Press", "AFP", "Agence France-Presse",
              "Bloomberg", "dpa", "PA", "PA Media", "Press Association", "Canadian Press",
              "The Canadian Press", "ANSA", "EFE", "Xinhua", "Kyodo", "Yonhap", "Reuters Staff")
)
_MAX_NAMES = 12
# "<Outlet> Staff" credits an outlet's newsroom, "Jonathan Staff" is a person: the words before
# "Staff" tell them apart (a call sign, a number, a word that names outlets, an outlet's name).
_STAFF = re.compile(r"^(?P<org>.+?)\s+staff(?:\s+(?:reports?|writers?))?$", re.I)
_OUTLET_WORDS = frozenset({
    "news", "media", "times", "post", "press", "herald", "tribune", "journal", "gazette", "courier",
    "chronicle", "observer", "register", "sentinel", "star", "daily", "weekly", "radio", "tv",
    "television", "channel", "network", "report", "reports", "wire", "desk", "team", "magazine",
    "review", "bulletin", "dispatch", "examiner", "inquirer", "record", "standard", "telegraph",
    "mirror", "express", "independent", "guardian", "citizen", "leader", "ledger", "online", "digital",
    "foreign", "editorial", "newsroom", "our",
})
_MAX_CALL_SIGN = 5  # broadcasters' call signs are short capitals


def extract_authors(tree: html.HtmlElement, meta: PageMeta) -> list[str]:
    """Author names in page order; organizations and wires only when no person is named."""
    outlets = WIRES | KNOWN_SITES | _outlet_names(meta)
    people, organizations = _from_jsonld(meta.article.get("author"))
    sources: tuple[Callable[[], list[str]], ...] = (
        lambda: people, lambda: _from_meta(meta), lambda: _from_byline(tree), lambda: _from_profiles(tree),
    )
    named: list[str] = []
    for source in sources:
        names = source()
        persons = [n for n in names if normalize_key(n) not in outlets and staff_outlet(n, outlets) is None]
        if persons:
            return persons
        named.extend(n for n in names if staff_outlet(n, outlets) is None)  # a newsroom is no author
    # No person anywhere: a wire credit ("dpa", "AFP") names the author, else the outlet does.
    fallback = _dedupe(named + organizations)
    wires = [n for n in fallback if normalize_key(n) in WIRES]
    return wires or fallback


def _outlet_names(meta: PageMeta) -> set[str]:
    """Keys of outlets the page names (site, publisher, provider): "Jane Doe, USA TODAY" is one person."""
    values = [meta.article.get(k) for k in ("publisher", "provider", "sourceOrganization")]
    names = [jsonld_text(v) for v in values] + [meta.first("og:site_name", "application-name")]
    return {normalize_key(n) for n in names if n}


def _from_jsonld(value: Any) -> tuple[list[str], list[str]]:
    """(person names, organization names) from a JSON-LD author value of any shape."""
    people: list[str] = []
    organizations: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            people.extend(split_names(item))
        elif isinstance(item, dict):
            name = item.get("name") or item.get("byline")
            name = name or _joined(item.get("givenName"), item.get("familyName"))
            if isinstance(name, list):
                name = name[0] if name else None
            if not isinstance(name, str) or not name:
                continue
            organization = bool(jsonld_types(item) - {"person"}) and "person" not in jsonld_types(item)
            (organizations if organization else people).extend(split_names(name))
    return _dedupe(people), _dedupe(organizations)


def _joined(*parts: Any) -> str | None:
    words = [p for p in parts if isinstance(p, str) and p]
    return " ".join(words) or None


def _from_meta(meta: PageMeta) -> list[str]:
    keys = [k for k in _META_KEYS if k in meta.meta_all]
    keys += [k for k in meta.meta_all if k not in keys and ("author" in k or "creator" in k)
             and not k.startswith("twitter:")]
    for key in keys:
        names: list[str] = []
        for value in meta.meta_all[key]:
            if "creator" in key or key == "citation_author":
                value = _flip_last_first(value)
            names.extend(split_names(value))
        if names:
            return _dedupe(names)
    return []


def _flip_last_first(value: str) -> str:
    """ "You, Xiaoying" -> "Xiaoying You" (library-style creator fields)."""
    parts = [p.strip() for p in value.split(",")]
    if len(parts) == 2 and all(0 < len(p.split()) <= 2 for p in parts):
        return f"{parts[1]} {parts[0]}"
    return value


def _from_byline(tree: html.HtmlElement) -> list[str]:
    """Names from the first byline element that yields any."""
    for node in _BYLINE_NODES(tree):
        names = _names_in_node(node)
        if names:
            return [normal_case(n) for n in names]
    return []


def _from_profiles(tree: html.HtmlElement) -> list[str]:
    """Names linked to author profile pages ("Priya Natarajan, University of ..." on a republished piece)."""
    names = [n for link in _PROFILE_LINKS(tree) for n in split_names(link.text_content())]
    return _dedupe([normal_case(n) for n in names])


def normal_case(name: str) -> str:
    """A visible byline set in capitals ("MARCUS ELLERY") as the name is written ("Marcus Ellery").

    Only visible bylines: capitals there are typography, while structured data is kept as the
    publisher wrote it.
    """
    if not name.isupper() or len(name.split()) < 2:
        return name
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), name)


def staff_outlet(name: str, outlets: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The outlet of a staff credit ("K123 Staff" -> "K123"), None for anything else ("Jonathan Staff")."""
    match = _STAFF.match(name)
    if not match:
        return None
    org = match.group("org")
    if normalize_key(org) in outlets:
        return org
    shouting = name.isupper()  # in an all-capitals credit, capitals say nothing
    for word in org.split():
        call_sign = not shouting and word.isupper() and 2 <= len(word) <= _MAX_CALL_SIGN
        if call_sign or any(c.isdigit() for c in word) or word.casefold() in _OUTLET_WORDS:
            return org
    return None


def _names_in_node(node: html.HtmlElement) -> list[str]:
    named = _ITEMPROP_NAME(node)
    if named:
        return _dedupe([n for el in named for n in split_names(el.text_content())])
    links = [n for a in _LINKS(node) for n in split_names(a.text_content())]
    if links:
        return _dedupe(links)
    return split_names(" ".join(node.itertext()))


def split_names(text: str) -> list[str]:
    """Person names from byline text: "By Jane Doe and John Roe, Staff Writers" -> two names."""
    text = _EMAIL.sub(" ", clean_text(text))
    if text.startswith(("http://", "https://", "/")):
        return []
    text = _CUT.sub("", _BY.sub("", text))
    names = []
    for part in _SPLIT.split(text):
        name = _without_agency(clean_text(_BY.sub("", part)).strip(" .:-"))
        if _is_name(name):
            names.append(name)
    return names[:_MAX_NAMES]


def _without_agency(name: str) -> str:
    """ "MARCUS ELLERY Associated Press" -> "MARCUS ELLERY": a wire glued after a name is no part of it.

    Taken off only where the join shows: a name in capitals before a wire that is not, or a wire
    of several words ("Jane Doe Associated Press"); "Tom Reuters" may be a person and stays.
    """
    words = name.split()
    for size in (3, 2, 1):
        rest, wire = " ".join(words[:-size]), " ".join(words[-size:])
        if len(words) - size < 2 or normalize_key(wire) not in WIRES:
            continue
        if size > 1 or (rest.isupper() and not wire.isupper()):
            return rest
    return name


def _is_name(name: str) -> bool:
    if not name or name.casefold() in _JUNK or _ROLE.match(name) or _LINK_LABEL.match(name):
        return False
    words = name.split()
    return 1 <= len(words) <= 6 and len(name) <= 60 and any(c.isalpha() for c in name)


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        key = normalize_key(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out
