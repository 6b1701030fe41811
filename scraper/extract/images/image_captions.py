"""Caption text of pictures: visible text without icon labels, and its split into caption and credit."""

from __future__ import annotations

import re

from lxml import html

from scraper.extract.text import clean_text

_NOT_TEXT = frozenset({"svg", "button", "script", "style", "noscript", "title"})

# Credits in captions. Prefixes: "Photo: X", "(Photo by X)", "Credit: X", "Image credit: X".
_PREFIX = (
    r"(?:(?:photo(?:graph)?|image|picture|pic|foto|bild|illustration|video)s?(?:\s+credit)?\s*(?::|by\b)"
    r"|(?:credits?|sources?)\s*:)"
)
_PAREN_CREDIT = re.compile(rf"\s*\((?P<prefix>{_PREFIX})?\s*(?P<credit>[^()]{{2,120}})\)\s*$", re.I)
_PREFIXED_CREDIT = re.compile(
    rf"(?:^|(?<=[\s.,;!?”\"’)\]]))(?:{_PREFIX})\s*(?P<credit>[^\n]{{2,140}})$", re.I
)
_AP_PHOTO = re.compile(r"(?:^|(?<=[\s.,;!?”\"’]))(?P<credit>AP\s+Photo/[^()]{2,80})$")
# Sentence end glued to the next word: "...2022.Korean Central News Agency via AP".
_GLUED = re.compile(r"(?<=[a-z0-9)\]”\"’][.!?])(?=[A-Z])|(?<=[a-z0-9][.!?][”\"’])(?=[A-Z])")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_AGENCY = re.compile(
    r"(?:\b(?:AP|AFP|Reuters|REUTERS|Getty|Images|Shutterstock|EPA|Bloomberg|Alamy|iStock|iStockphoto|"
    r"PA|Xinhua|Kyodo|Yonhap|ANSA|dpa|Handout|Supplied|Courtesy|Pool|Photo|Photos|Agency|Press|"
    r"Wire|Service|Newscom|Sipa|Zuma|ZUMA|SOPA|NurPhoto|Anadolu|Bild|Keystone|ABACA|WireImage)\b|/|\bvia\b)"
)
_MAX_CREDIT_WORDS = 14
_ONLY_PARENTHESIZED = re.compile(r"^\([^()]{2,80}\)$")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)\s*", re.I)
_PREFIX_AT_START = re.compile(rf"^{_PREFIX}\s*", re.I)
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+[a-z]")
_INITIAL_AT_END = re.compile(r"\b[A-Z][a-z]?\.$")


def visible_text(el: html.HtmlElement) -> str:
    """Text of an element without icon labels, buttons and scripts ('Camera Icon', 'Expand')."""
    return clean_text(visible_raw(el))


def visible_raw(el: html.HtmlElement) -> str:
    """visible_text before white space is cleaned."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _NOT_TEXT:
            parts.append(visible_raw(child))
        parts.append(child.tail or "")
    return "".join(parts)


def is_text_element(el: html.HtmlElement) -> bool:
    """An element whose text a reader sees (not a script, icon or button)."""
    return isinstance(el.tag, str) and el.tag not in _NOT_TEXT


def split_caption_credit(text: str | None) -> tuple[str | None, str | None]:
    """Split caption text into (caption, credit); either may be None."""
    text = clean_text(text)
    if not text:
        return None, None
    for split in (_split_parenthesized, _split_prefixed, _split_glued, _split_last_sentence):
        result = split(text)
        if result is not None:
            caption, credit = result
            return clean_text(caption) or None, clean_credit(credit)
    if _is_credit(text) and (_AGENCY.search(text) and len(text.split()) <= 6):
        return None, clean_credit(text)
    if _ONLY_PARENTHESIZED.match(text) and _name_like(text[1:]):  # "(The Independent)"
        return None, clean_credit(text)
    return text, None


def _split_parenthesized(text: str) -> tuple[str, str] | None:
    match = _PAREN_CREDIT.search(text)
    if match and (match.group("prefix") or _is_credit(match.group("credit"))):
        return text[:match.start()], match.group("credit")
    return None


def _split_prefixed(text: str) -> tuple[str, str] | None:
    match = _AP_PHOTO.search(text) or _PREFIXED_CREDIT.search(text)
    credit = match.group("credit") if match else ""
    if match and len(credit.split()) <= _MAX_CREDIT_WORDS and _name_like(credit):
        return text[:match.start()], credit
    return None


def _split_glued(text: str) -> tuple[str, str] | None:
    for match in reversed(list(_GLUED.finditer(text))):
        credit = text[match.end():]
        if _is_credit(credit):
            return text[:match.end()], credit
    return None


def _split_last_sentence(text: str) -> tuple[str, str] | None:
    """'Caption sentence. Jane Doe/Reuters': a last short sentence that names an agency."""
    parts = _SENTENCE_END.split(text)
    last = parts[-1]
    if len(parts) > 1 and _is_credit(last) and ("/" in last or " via " in last or len(last.split()) <= 3):
        return text[: len(text) - len(parts[-1])], parts[-1]
    return None


def _is_credit(text: str) -> bool:
    """Short, no sentence inside, and names an agency or photographer-ish source."""
    text = text.strip()
    words = text.split()
    if not words or len(words) > _MAX_CREDIT_WORDS or _SENTENCE_INSIDE.search(text):
        return False
    if text.endswith((".", "!", "?")) and not _INITIAL_AT_END.search(text):
        return False
    return bool(_AGENCY.search(text)) and _name_like(text)


def _name_like(text: str) -> bool:
    """Mostly capitalized words, as names and agencies are ('A picture by the river' is not)."""
    words = text.split()
    capitalized = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit() or "/" in w)
    return capitalized >= max(1, len(words) - 2) and not words[0][:1].islower()


def clean_credit(credit: str | None) -> str | None:
    """A credit without brackets, 'Photo:' prefixes and copyright signs."""
    credit = clean_text(credit).strip(" ()[]|-–—:;,")
    credit = _PREFIX_AT_START.sub("", credit).strip()
    credit = _COPYRIGHT.sub("", credit).strip()
    return credit or None
