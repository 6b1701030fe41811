"""Author names: structured data first, then meta tags, then the visible byline.

Sources, first that yields a person wins: the JSON-LD article's `author` (Person names, lists,
nested objects, `byline`), author-ish meta tags (author, article:author, dc.creator "Last, First",
citation_author, parsely/sailthru author...; URLs are ignored), then byline markup (rel=author,
itemprop=author, class byline/author) that reads as a byline (no list, prose or teaser bylines), then
links to author profiles. Byline text is cleaned and split by scraper/extract/names.py; a visible
byline in capitals is written in normal case (structured data is kept as given).
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
from scraper.extract.names import WIRES, name_like, normal_case, split_names
from scraper.extract.text import normalize_key

_META_KEYS = (
    "author", "article:author", "dc.creator", "dcterms.creator", "citation_author", "parsely-author",
    "sailthru.author", "byl", "dc.contributor", "og:article:author", "cxenseparse:author",
)
_BYLINE_CHROME = frozenset({"aside", "nav", "footer"})  # (and a <header> outside any <article>)
_PROFILE_PATHS = ("/profiles/", "/author/", "/authors/", "/people/")
_PROFILE_CHROME = ("nav", "footer", "aside")
_MAX_BYLINE_NAMES = 8  # more names in one visible element make a list, not a byline
_LIST_PEOPLE = 3  # elements of one kind naming this many different people are a list's bylines
_MAX_PROFILE_NAMES = 5
_NEAR_HEADLINE = 600  # characters of text between a headline and its byline, at most
_H1 = etree.XPath("/descendant::h1")  # (libxml2 runs `/descendant::` faster than `//`)
_ITEMPROP_NAME = etree.XPath(".//*[@itemprop='name']")
_LINKS = etree.XPath(".//a")
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
    outlets = WIRES | _outlet_names(meta)
    people, organizations = _from_jsonld(meta.article.get("author"))
    sources: tuple[Callable[[], list[str]], ...] = (
        lambda: people, lambda: _from_meta(meta), lambda: _from_byline(tree), lambda: _from_profiles(tree),
    )
    named: list[str] = []
    for source in sources:
        names = source()
        persons = [n for n in names if not _organization(n, outlets)]
        if persons:
            return persons
        named.extend(n for n in names if staff_outlet(n, outlets) is None)  # a newsroom is no author
    # No person anywhere: a wire credit ("dpa", "AFP") names the author, else the outlet does.
    fallback = _dedupe(named + organizations)
    wires = [n for n in fallback if normalize_key(n) in WIRES]
    return wires or fallback


def _organization(name: str, outlets: set[str] | frozenset[str]) -> bool:
    """An outlet the page names, a newsroom ("<Outlet> Staff"), or a name led by "The": people's names
    never start with the article, bodies' do ("The Conversation", "The Editorial Board")."""
    key = normalize_key(name)
    return key in outlets or key.startswith("the ") or staff_outlet(name, outlets) is not None


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
    """Names from the first byline element that reads as one; lists and teaser bylines are skipped.

    An element whose items are many or not name-like is a navigation box, a note or prose that
    carries an "author" class. Elements of one kind (tag and class) naming several different
    people are the bylines of a list (related stories, comments); the article's own byline may
    share their style, so of them only the one just after a headline (h1) is taken.
    """
    found = [(node, _names_in_node(node)) for node in _byline_nodes(tree)]
    found = [(node, names) for node, names in found if names]
    people_per_kind: dict[tuple[str, str], set[str]] = {}
    for node, names in found:
        people_per_kind.setdefault(_kind(node), set()).add(normalize_key(" ".join(names)))
    listed = {kind for kind, people in people_per_kind.items() if len(people) >= _LIST_PEOPLE}
    near = _near_headline(tree, [node for node, _ in found if _kind(node) in listed])
    for node, names in found:
        if _kind(node) in listed and node is not near:
            continue
        if len(names) <= _MAX_BYLINE_NAMES and all(name_like(n) for n in names):
            return [normal_case(n) for n in names]
    return []


def _byline_nodes(tree: html.HtmlElement) -> list[html.HtmlElement]:
    """Elements marked as a byline (rel or itemprop "author", a byline or author class), in document
    order, outside page chrome. (A loop over the elements: an XPath testing each one's attributes
    cost twice as much.)"""
    root = tree.getroottree().getroot()
    return [el for el in root.iter(etree.Element) if _byline_marked(el) and not _in_chrome(el)]


def _byline_marked(el: html.HtmlElement) -> bool:
    """rel or itemprop "author", or a class holding "byline", "Byline" or "author" in any case of its
    "a" ("authority", an authority-control box or an "authoritative" badge, is no author class)."""
    classes = el.get("class") or ""
    if "byline" in classes or "Byline" in classes:
        return True
    if el.get("rel") == "author" or el.get("itemprop") == "author":
        return True
    folded = classes.replace("A", "a")
    return "author" in folded and "authorit" not in folded


def _in_chrome(el: html.HtmlElement) -> bool:
    """Inside an aside, a nav, a footer or a page header (a <header> not inside an <article>)."""
    above = [ancestor.tag for ancestor in el.iterancestors()]
    for index, tag in enumerate(above):
        if tag in _BYLINE_CHROME or (tag == "header" and "article" not in above[index + 1:]):
            return True
    return False


def _kind(node: html.HtmlElement) -> tuple[str, str]:
    return str(node.tag), " ".join(sorted((node.get("class") or "").split()))


def _near_headline(tree: html.HtmlElement, nodes: list[html.HtmlElement]) -> html.HtmlElement | None:
    """Of a list's bylines, the first within a short stretch of text after an h1 (the first without h1).

    Only after: teasers that share the byline's style often sit right above the headline.
    """
    if not nodes:
        return None
    headlines = _H1(tree)
    if not headlines:
        return nodes[0]  # no headline to measure from: the page's first byline, as for any other
    offsets = _text_offsets(tree, {*nodes, *headlines})
    for node in nodes:
        if any(0 <= offsets[node] - offsets[h] <= _NEAR_HEADLINE for h in headlines):
            return node
    return None


def _text_offsets(tree: html.HtmlElement, wanted: set[html.HtmlElement]) -> dict[Any, int]:
    """Each wanted element's position as the length of visible text before it (the walk stops at the
    last of them)."""
    offsets: dict[Any, int] = {}
    count = 0
    for el in tree.iter():
        if el in wanted:
            offsets[el] = count
            if len(offsets) == len(wanted):
                break
        if isinstance(el.tag, str) and el.tag not in ("script", "style"):
            count += len((el.text or "").strip())
        count += len((el.tail or "").strip())
    return offsets


def _from_profiles(tree: html.HtmlElement) -> list[str]:
    """Names linked to author profile pages ("Priya Natarajan, University of ..." on a republished piece)."""
    linked = [n for link in _profile_links(tree) for n in split_names(link.text_content())]
    names = _dedupe([n for n in linked if name_like(n)])
    if len(names) > _MAX_PROFILE_NAMES:
        return []  # many people linked: a staff list or a tag cloud, not a byline
    return [normal_case(n) for n in names]


def _profile_links(tree: html.HtmlElement) -> list[html.HtmlElement]:
    """Links to an author profile page, outside nav, footer and aside, in document order."""
    return [
        link for link in tree.getroottree().getroot().iter("a")
        if any(path in (link.get("href") or "") for path in _PROFILE_PATHS)
        and next(link.iterancestors(*_PROFILE_CHROME), None) is None
    ]


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


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        key = normalize_key(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out
