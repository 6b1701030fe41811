"""Turn raw input (HTML bytes or str, or a page's copied plain text) into one parsed Document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from lxml import etree, html
from w3lib.encoding import html_to_unicode, read_bom

from scraper.extract.charset import choose_encoding, declared_encoding
from scraper.extract.images.images import split_caption_credit
from scraper.extract.text import clean_text
from scraper.extract.text_wrap import INDENTED, unwrap_lines

# Deeper trees than this are cut: lxml and recursive walks both suffer on pathological nesting.
MAX_DEPTH = 400
_HTML_SNIFF = re.compile(
    rb"<\s*(?:!doctype|html|head|body|meta|div|p|article|title|script|span|a|section|main)\b", re.I
)
_BULLET = re.compile(r"^\s*[•·▪●◦‣∙*\-–]\s+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
# Whether any element sits MAX_DEPTH levels below the root: one C-level pass over the levels, so the
# common shallow page costs no Python walk at all.
_TOO_DEEP = etree.XPath("boolean(/*" + "/*" * MAX_DEPTH + ")")
# lxml.html's element lookup runs Python code for every element object lxml creates (it picks form
# classes by tag); a C-level lookup giving every element HtmlElement keeps text_content(), drop_tree()
# and friends and makes each tree walk, ours and trafilatura's, markedly cheaper.
_ELEMENT_LOOKUP = etree.ElementDefaultClassLookup(
    element=html.HtmlElement, comment=html.HtmlComment, pi=html.HtmlProcessingInstruction,
    entity=html.HtmlEntity,
)


@dataclass
class Document:
    """A parsed page: the lxml tree plus what was learned while reading it."""

    tree: html.HtmlElement
    url: str | None = None
    from_text: bool = False
    ticker: list[str] = field(default_factory=list)


def parse_document(
    data: bytes | str, url: str | None = None, content_type: str | None = None
) -> Document:
    """Parse HTML or plain text (bytes in any encoding, or str) into a Document."""
    if isinstance(data, bytes):
        if looks_like_html(data[:4096]):
            return Document(tree=parse_html(data, content_type), url=url)
        text = decode_text(data, content_type)
    else:
        text = data
        if looks_like_html(text[:4096].encode("utf-8", "replace")):
            return Document(tree=parse_html(text, content_type), url=url)
    return Document(tree=text_to_tree(text), url=url, from_text=True)


def looks_like_html(head: bytes) -> bool:
    """True when the first bytes look like markup rather than copied text."""
    return bool(_HTML_SNIFF.search(head))


def decode_text(data: bytes, content_type: str | None = None) -> str:
    """Decode bytes: a BOM wins, else the encoding the bytes fit (declarations can lie; see charset)."""
    return _decode(data, content_type)[0]


def _decode(data: bytes, content_type: str | None) -> tuple[str, bool]:
    """decode_text's text, and whether it is the bytes read as UTF-8 as they stand (no BOM, nothing
    replaced): then the parser can read the bytes themselves."""
    if read_bom(data)[0]:
        return html_to_unicode(content_type, data)[1], False
    if not data.isascii():
        # Valid UTF-8 beyond ASCII is UTF-8 whatever the page declares (choose_encoding says so after
        # decoding it to check): decoded once, not once to check and once to use.
        try:
            return data.decode("utf-8"), True
        except UnicodeDecodeError:
            pass
    encoding = choose_encoding(data, declared_encoding(data, content_type))
    if encoding == "utf-8":
        try:
            # (what html_to_unicode gives for valid UTF-8, minus its overhead)
            return data.decode("utf-8"), True
        except UnicodeDecodeError:
            pass  # mostly UTF-8: html_to_unicode replaces the damaged bytes
    return html_to_unicode(f"text/html; charset={encoding}", data)[1], False


def parse_html(data: bytes | str, content_type: str | None = None) -> html.HtmlElement:
    """Parse HTML leniently; always returns an <html> root, even for empty or broken input."""
    text, as_utf8 = _decode(data, content_type) if isinstance(data, bytes) else (data, False)
    # lxml refuses str input that carries an XML encoding declaration.
    declared = _XML_DECLARATION.match(text)
    if declared is not None:
        text, as_utf8 = text[declared.end() :], False
    # Bytes that are the text in UTF-8 are parsed as they are: the same tree, without lxml passing a
    # str to libxml2 in another encoding for it to convert back (a sixth of the parse).
    source: bytes | str = data if as_utf8 else text
    parser = new_parser(encoding="utf-8" if as_utf8 else None)
    try:
        root = html.document_fromstring(source, parser=parser) if text.strip() else None
    except (etree.ParserError, ValueError):
        root = None
    if root is None:
        root = html.document_fromstring("<html><head></head><body></body></html>", parser=new_parser())
    if not _PARSER_LIMITS_DEPTH and _TOO_DEEP(root):
        limit_depth(root)
    return root


def new_parser(encoding: str | None = None) -> etree.HTMLParser:
    """A lenient HTML parser producing HtmlElement trees (one per parse: parsers are not shared);
    `encoding` for bytes input."""
    parser = etree.HTMLParser(
        remove_comments=True, remove_pis=True, huge_tree=False, recover=True, encoding=encoding
    )
    parser.set_element_class_lookup(_ELEMENT_LOOKUP)
    return parser


def _parser_limits_depth() -> bool:
    """Whether the parser itself never nests elements MAX_DEPTH deep (libxml2 2.14 stops at 256 without
    its huge-tree option): then no parsed tree needs _TOO_DEEP's walk, a tenth of a millisecond a page."""
    nested = "<div>" * (MAX_DEPTH + 10)
    probe = html.document_fromstring(f"<html><body>{nested}x</body></html>", parser=new_parser())
    return not _TOO_DEEP(probe)


_PARSER_LIMITS_DEPTH = _parser_limits_depth()


def limit_depth(root: html.HtmlElement, max_depth: int = MAX_DEPTH) -> None:
    """Drop subtrees nested deeper than max_depth (iteratively: no recursion on deep trees)."""
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        for child in list(node):
            if depth + 1 >= max_depth:
                node.remove(child)
            else:
                stack.append((child, depth + 1))


def text_to_tree(text: str) -> html.HtmlElement:
    """Build a simple HTML tree from copied page text.

    Bullet runs become lists (indented lines under a bullet continue that item, as a ticker's price
    under its name does), an image's alt line followed by its caption-and-credit line becomes a
    <figure>, every other line a paragraph. Text wrapped at a fixed width is rejoined first.
    """
    lines = [raw for raw in unwrap_lines(text) if clean_text(raw)]
    parts: list[str] = []
    in_list = False
    index = 0
    while index < len(lines):
        raw = lines[index]
        bullet = _BULLET.match(raw)
        if bullet or (in_list and INDENTED.match(raw)):
            if bullet:
                parts.append("<li>" if in_list else "<ul><li>")
            else:
                parts.append("<br>\n")
            in_list = True
            parts.append(escape(clean_text(raw[bullet.end():] if bullet else raw)))
            index += 1
            continue
        if in_list:
            parts.append("</ul>")
            in_list = False
        figure = _text_figure(raw, lines[index + 1] if index + 1 < len(lines) else "")
        parts.append(figure or f"<p>{escape(clean_text(raw))}</p>")
        index += 2 if figure else 1
    if in_list:
        parts.append("</ul>")
    body = "".join(parts) or "<p></p>"
    return html.document_fromstring(f"<html><head></head><body>{body}</body></html>", parser=new_parser())


def _text_figure(line: str, following: str) -> str | None:
    """A <figure> when `line` is an image's alt text and `following` its caption ending in a credit."""
    alt, caption = clean_text(line), clean_text(following)
    if len(alt) < 3 or len(caption) <= len(alt) or not caption.startswith(alt):
        return None
    if split_caption_credit(caption)[1] is None:
        return None
    return f"<figure><img alt=\"{escape(alt)}\"><figcaption>{escape(caption)}</figcaption></figure>"
