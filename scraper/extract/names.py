"""Person names from byline text, and whether a string looks like a person's name.

`split_names` cleans a byline ("By", roles, e-mails, handles, a trailing date or "Last Updated",
a later "Edited by" credit, credentials such as "MA" or "PhD" after a comma) and splits it on
"and", "&" and commas; "&" between single words ("Mac & i", "Simon & Schuster") joins one name.
`name_like` tells a person's name from list items, codes and sentence fragments; visible byline
sources use it to reject navigation boxes and prose that carry an "author" class.
"""

from __future__ import annotations

import re

from scraper.extract.text import clean_text, normalize_key

_BY = re.compile(r"^(?:by|von|par|por|di|da|door|av|af|written by|words by|reporting by)\b[:\s]*", re.I)
_SPLIT = re.compile(r"\s*(?:[,;|]|\b(?:and|und|et|y|e|en|og|with|avec|mit|con|com)\b)\s*", re.I)
_AMPERSAND = re.compile(r"\s*&\s*")
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_EMAIL = re.compile(r"\S+@\S+\.\w+|@\w+")
# Dates and separators end a byline; a number inside a staff credit ("K123 7 News Staff") does not.
# A month before a number starts the date ("Jane Doe March 25, 2015"); "Last Updated: ..." is a
# date label; a later credit ("Edited by", "Photos by") names no author.
_CUT = re.compile(
    rf"\s*(?:\b(?:{_MONTHS})\.?\s+\d|\d(?![^\d•·—–]*\bstaff\b)|•|·|—|–|\b(?:last\s+)?updated\b|\bpublished\b"
    r"|\bposted\b|\b(?:edited|illustrated|photos?|photographs?|translated)\s+by\b).*$",
    re.I | re.S,
)
# Degrees and licences written after a name ("Brenda Goodman, MA") are no second author.
_CREDENTIAL = re.compile(
    r"^(?:(?:ma|ms|msc|mph|mba|md|do|phd|dphil|rn|np|pa-c|bsn|msn|dds|dmd|dvm|pharmd|jd|esq|cpa|cfa|"
    r"lcsw|rd|ld|fnp|facp|facc|mrcp|frcp|frcs|bsc|ba|bs)\.?\s*)+$",
    re.I,
)
_SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv)\.?$", re.I)
# Lower-case words a surname may carry ("Ursula von der Leyen", "Vincent van Gogh").
_PARTICLES = frozenset({
    "van", "von", "der", "den", "de", "del", "della", "des", "di", "da", "du", "la", "le", "dos", "das",
    "do", "bin", "ibn", "al", "el", "ter", "ten", "zu", "y", "e", "st.",
})
_NOT_IN_NAMES = re.compile(r"[?!:;=\"“”«»<>{}\[\]#*+/\\]")
_ROLE = re.compile(
    r"^(?:(?:senior|chief|staff|deputy|associate|contributing|special|political|business|"
    r"foreign|news|sports?|science|health|tech(?:nology)?|economics?|markets?|managing|executive)\s+)*"
    r"(?:reporter|writer|correspondent|editor|columnist|contributor|journalist|producer|"
    r"photographer|analyst|staff|team|desk|for\b.*|in\b.*|at\b.*)s?$",
    re.I,
)
_LINK_LABEL = re.compile(r"^(?:more|all|view|see|read|follow|contact|about|meet|latest)\b", re.I)
_JUNK = frozenset({"twitter", "x", "facebook", "linkedin", "instagram", "email", "follow", "more",
                   "show authors", "today", "and", "view all", "author", "authors", "reddit", "digg",
                   "stumbleupon", "del.icio.us", "pinterest", "tumblr", "whatsapp", "youtube", "google plus",
                   "google+", "aim"})
WIRES = frozenset(
    normalize_key(n)
    for n in ("Reuters", "AP", "Associated Press", "The Associated Press", "AFP", "Agence France-Presse",
              "Bloomberg", "dpa", "PA", "PA Media", "Press Association", "Canadian Press",
              "The Canadian Press", "ANSA", "EFE", "Xinhua", "Kyodo", "Yonhap", "Reuters Staff")
)
_MAX_NAMES = 12
# Page furniture that byline and profile markup also holds ("Permalink", "Reply", "Name (required)"
# of a comment form, "Authors List"): a string with one of these words is no person's name.
_FURNITURE = frozenset({
    "permalink", "reply", "tweet", "print", "share", "comment", "comments", "website", "archive",
    "profile", "profiles", "list", "name", "required", "authors", "people", "rss", "subscribe",
})


def normal_case(name: str) -> str:
    """A visible byline set in capitals ("MARCUS ELLERY") as the name is written ("Marcus Ellery").

    Only visible bylines: capitals there are typography, while structured data is kept as the
    publisher wrote it.
    """
    if not name.isupper() or len(name.split()) < 2:
        return name
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), name)


def split_names(text: str) -> list[str]:
    """Person names from byline text: "By Jane Doe and John Roe, Staff Writers" -> two names."""
    text = _EMAIL.sub(" ", clean_text(text))
    if text.startswith(("http://", "https://", "/")):
        return []
    text = _CUT.sub("", _BY.sub("", text))
    names: list[str] = []
    for part in (p for chunk in _SPLIT.split(text) for p in _split_ampersand(chunk)):
        name = _without_agency(clean_text(_BY.sub("", part)).strip(" .:-"))
        if names and _SUFFIX.match(name):
            names[-1] = f"{names[-1]}, {name}"  # "Martin Luther King, Jr." is one name
        elif _is_name(name) and not _CREDENTIAL.match(name):
            names.append(name)
    return names[:_MAX_NAMES]


def _split_ampersand(text: str) -> list[str]:
    """ "Jane Doe & John Roe" is two people; "Mac & i" or "Simon & Schuster" (single words) is one name."""
    parts = _AMPERSAND.split(text)
    if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts):
        return parts
    return [text]


def name_like(name: str) -> bool:
    """Whether a string reads as a person's name, not a list item, code or sentence fragment.

    Names start with a capital (or a letter of a script without case) and their words are
    capitalized, save surname particles ("de", "van"); they carry no question marks, colons,
    quotes or brackets, and parentheses only inside ("Richard (R.J.) Roe").
    """
    if _NOT_IN_NAMES.search(name) or name.startswith("(") or name.count("(") != name.count(")"):
        return False
    words = name.split()
    if len(words) > 5:
        return False
    for word in words:
        first = next((c for c in word if c.isalpha()), "")
        if first.islower() and word.casefold() not in _PARTICLES:
            return False
    return True


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
    if any(w.strip("().,:*[]").casefold() in _FURNITURE for w in words):
        return False
    return 1 <= len(words) <= 6 and len(name) <= 60 and any(c.isalpha() for c in name)


