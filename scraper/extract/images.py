"""Images with their captions and credits: figures first, the page's declared lead image as fallback."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree, html

from scraper.extract.metadata import PageMeta
from scraper.extract.text import clean_text
from scraper.extract.urls import join_url

# Caption classes are reached through the class attributes and a plain 'caption' substring test first
# (every rule needs it): normalize-space on every element's class cost more than the rest of this field.
_FIGURES = etree.XPath(
    "//figure|//@class[contains(., 'caption')][contains(concat(' ', normalize-space(.), ' '), ' caption ')"
    " or contains(., 'image-caption') or contains(., 'photo-caption')]/parent::*/parent::*[.//img]"
)
_CHROME = frozenset({"nav", "footer", "aside", "menu", "form"})
_NOT_TEXT = frozenset({"svg", "button", "script", "style", "noscript", "title"})
_CHROME_ATTR = re.compile(r"\b(?:nav|menu|related|recommend|promo|teaser|sidebar|footer|logo|avatar)", re.I)
_CREDIT_ATTR = re.compile(r"credit|copyright|byline|photographer|source|attribution|distributor|agency", re.I)
_MAX_CREDIT_CHARS = 160
_CAPTION_ATTR = re.compile(r"caption|description|summary", re.I)
_JUNK_SRC = re.compile(
    r"logo|icon|sprite|pixel|spacer|blank\.gif|1x1|avatar|badge|placeholder|tracking|/ads?/|\.svg(?:$|\?)",
    re.I,
)
# Lazy-loading attributes first: with them, src is often a blurred placeholder.
_SRC_ATTRS = ("data-src", "data-original", "data-lazy-src", "data-lazy", "data-srcset", "srcset", "src")
_LAZY_ATTR = re.compile(r"^data-.*(?:src|lazy)", re.I)
_MIN_SIDE = 60

# Credits in captions. Prefixes: "Photo: X", "(Photo by X)", "Credit: X", "Image credit: X".
_PREFIX = (
    r"(?:(?:photo(?:graph)?|image|picture|pic|foto|bild|illustration|video)s?(?:\s+credit)?\s*(?::|by\b)"
    r"|credits?\s*:)"
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
_MIN_CAPTION_CHARS, _MAX_CAPTION_CHARS = 20, 300  # text beside a picture that can be its caption
_ONE_SIDED_SLASH = re.compile(r"(?<=\S)/\s+|\s+/(?=\S)")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)\s*", re.I)


def split_caption_credit(text: str | None) -> tuple[str | None, str | None]:
    """Split caption text into (caption, credit); either may be None."""
    text = clean_text(text)
    if not text:
        return None, None
    for split in (_split_parenthesized, _split_prefixed, _split_glued, _split_last_sentence):
        result = split(text)
        if result is not None:
            caption, credit = result
            return clean_text(caption) or None, _clean_credit(credit)
    if _is_credit(text) and (_AGENCY.search(text) and len(text.split()) <= 6):
        return None, _clean_credit(text)
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
    if not words or len(words) > _MAX_CREDIT_WORDS or re.search(r"[.!?]\s+[a-z]", text):
        return False
    if text.endswith((".", "!", "?")) and not re.search(r"\b[A-Z][a-z]?\.$", text):
        return False
    return bool(_AGENCY.search(text)) and _name_like(text)


def _name_like(text: str) -> bool:
    """Mostly capitalized words, as names and agencies are ('A picture by the river' is not)."""
    words = text.split()
    capitalized = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit() or "/" in w)
    return capitalized >= max(1, len(words) - 2) and not words[0][:1].islower()


def _clean_credit(credit: str | None) -> str | None:
    credit = clean_text(credit).strip(" ()[]|-–—:")
    credit = re.sub(rf"^{_PREFIX}\s*", "", credit, flags=re.I).strip()
    credit = _COPYRIGHT.sub("", credit).strip()
    return credit or None


def extract_images(tree: html.HtmlElement, meta: PageMeta, url: str | None) -> list[dict[str, Any]]:
    """Images of the article as {url, caption, credit}: figures, else the declared lead image."""
    images: list[dict[str, Any]] = []
    seen: set[str] = set()
    figures = [(fig, None) for fig in _FIGURES(tree)]
    for fig, cap in figures + captioned_cells(tree, {fig for fig, _ in figures}):
        if _in_chrome(fig):
            continue
        image = figure_image(fig, url, cap)
        if image is None or (image["url"] and image["url"] in seen):
            continue
        if image["url"]:
            seen.add(image["url"])
        images.append(image)
    if not any(image["url"] for image in images):
        lead = lead_image(meta, url)
        if lead is not None and lead["url"] not in seen:
            images.insert(0, lead)
    return images


def captioned_cells(
    tree: html.HtmlElement, figures: set[html.HtmlElement]
) -> list[tuple[html.HtmlElement, html.HtmlElement]]:
    """Figures without <figure> markup (old table layouts): a table cell holding one picture and one short
    text block that is no link (a teaser), its caption ("<td><img><div>Parents fill ... (Name)</div>")."""
    found = []
    for img in tree.iter("img"):
        holder = img.getparent()
        if holder is not None and holder.tag == "a":
            holder = holder.getparent()
        if holder is None or holder.tag != "td" or _is_junk(img) or holder in figures:
            continue
        if any(ancestor in figures for ancestor in holder.iterancestors()):
            continue
        cap = _caption_block(holder)
        if cap is not None and sum(1 for _ in holder.iter("img")) == 1:
            found.append((holder, cap))
    return found


def _caption_block(holder: html.HtmlElement) -> html.HtmlElement | None:
    """The holder's only text: one child block after the picture, short enough to be a caption."""
    text = visible_text(holder)
    blocks = [child for child in holder if isinstance(child.tag, str) and visible_text(child)]
    if len(blocks) != 1 or not _MIN_CAPTION_CHARS <= len(text) <= _MAX_CAPTION_CHARS:
        return None
    if visible_text(blocks[0]) != text or any(True for _ in blocks[0].iter("a")):
        return None
    return blocks[0]


def figure_image(
    fig: html.HtmlElement, url: str | None, cap: html.HtmlElement | None = None
) -> dict[str, Any] | None:
    """One figure's image, or None for figures without a usable image or caption (embeds, icons)."""
    img = next((i for i in fig.iter("img") if not _is_junk(i)), None)
    src = image_source(img) if img is not None else None
    if img is None and any(True for _ in fig.iter("img", "iframe", "video", "blockquote")):
        return None
    caption, credit = figure_caption(fig, cap)
    if not src and not caption and not credit:
        return None
    return {"url": join_url(url, src), "caption": caption, "credit": credit}


def figure_caption(
    fig: html.HtmlElement, cap: html.HtmlElement | None = None
) -> tuple[str | None, str | None]:
    """Caption and credit from the figure's caption and credit elements, split where glued."""
    if cap is None:
        cap = next(fig.iter("figcaption"), None)
    if cap is None:
        cap = next((el for el in fig.iter() if _CAPTION_ATTR.search(_attrs(el))), None)
    credit_el = _credit_element(fig, cap)
    credit_text = _credit_text(credit_el) if credit_el is not None else ""
    text = visible_text(cap) if cap is not None else ""
    for shown in (credit_text, visible_text(credit_el) if credit_el is not None else ""):
        if shown and text.endswith(shown):  # the credit element sits at the end of the caption
            text = text[: -len(shown)]
            break
    caption, split_credit = split_caption_credit(text)
    return caption, _clean_credit(credit_text) or split_credit


def _credit_element(fig: html.HtmlElement, cap: html.HtmlElement | None) -> html.HtmlElement | None:
    """The first element marked as a credit that holds a short text and not the caption itself."""
    for el in fig.iter():
        if el is fig or el is cap or not isinstance(el.tag, str):
            continue
        if not (_CREDIT_ATTR.search(_attrs(el)) or el.get("itemprop") in ("creditText", "copyrightHolder")):
            continue
        if cap is not None and cap in el.iterdescendants():
            continue
        if 0 < len(visible_text(el)) <= _MAX_CREDIT_CHARS:
            return el
    return None


def _credit_text(el: html.HtmlElement) -> str:
    """The credit element's text and whatever follows it in its parent ('Photo by X /<span>AFP</span>')."""
    parts = [_visible(el), el.tail or ""]
    for sibling in el.itersiblings():
        if isinstance(sibling.tag, str) and sibling.tag not in _NOT_TEXT:
            parts.append(_visible(sibling))
        parts.append(sibling.tail or "")
    text = clean_text("".join(parts))
    # 'X /<span>AFP</span>' joins as "X /AFP": close a one-sided gap, keep "Marc Delorme / AFP" as printed
    return _ONE_SIDED_SLASH.sub("/", text) if len(text) <= _MAX_CREDIT_CHARS else clean_text(_visible(el))


def visible_text(el: html.HtmlElement) -> str:
    """Text of an element without icon labels, buttons and scripts ('Camera Icon', 'Expand')."""
    return clean_text(_visible(el))


def _visible(el: html.HtmlElement) -> str:
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _NOT_TEXT:
            parts.append(_visible(child))
        parts.append(child.tail or "")
    return "".join(parts)


def image_source(img: html.HtmlElement) -> str | None:
    """The image's URL: src, or a lazy-loading attribute, or the widest srcset candidate."""
    extra = tuple(a for a in img.attrib if _LAZY_ATTR.match(a) and a not in _SRC_ATTRS)
    for attr in (*_SRC_ATTRS[:4], *extra, *_SRC_ATTRS[4:]):
        value = (img.get(attr) or "").strip()
        if not value or value.startswith("data:") or value[:1] in "{[<":
            continue
        if "srcset" in attr or ("," in value and " " in value):
            return _widest(value)
        return value
    return None


def _widest(srcset: str) -> str | None:
    best, best_width = None, -1.0
    for candidate in srcset.split(","):
        parts = candidate.split()
        if not parts:
            continue
        size = parts[1] if len(parts) > 1 else "0w"
        try:
            width = float(size.rstrip("wx"))
        except ValueError:
            width = 0.0
        if width > best_width:
            best, best_width = parts[0], width
    return best


def _is_junk(img: html.HtmlElement) -> bool:
    """Tracking pixels, icons and logos: tiny declared sizes or tell-tale file names."""
    for side in (img.get("width"), img.get("height")):
        if side and side.strip().isdigit() and int(side) < _MIN_SIDE:
            return True
    return bool(_JUNK_SRC.search(image_source(img) or ""))


def _attrs(el: html.HtmlElement) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}" if isinstance(el.tag, str) else ""


def _in_chrome(fig: html.HtmlElement) -> bool:
    for el in fig.iterancestors():
        if el.tag in _CHROME or _CHROME_ATTR.search(_attrs(el)):
            return True
        if el.tag in ("article", "main", "body"):
            return False
    return False


def lead_image(meta: PageMeta, url: str | None) -> dict[str, Any] | None:
    """The page's declared lead image (JSON-LD image, og:image), with its caption when declared."""
    value: Any = meta.article.get("image")
    if isinstance(value, list):
        value = value[0] if value else None
    caption = None
    if isinstance(value, dict):
        caption = value.get("caption") or value.get("description")
        value = value.get("url") or value.get("contentUrl")
    src = value if isinstance(value, str) else meta.first("og:image", "og:image:url", "twitter:image")
    if not src:
        return None
    text, credit = split_caption_credit(caption if isinstance(caption, str) else None)
    return {"url": join_url(url, src.strip()), "caption": text, "credit": credit}
