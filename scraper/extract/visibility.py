"""What a reader never reads as the story: elements the page hides (the `hidden` attribute, inline
`display: none` or `visibility: hidden`), the way reader views drop them before scoring, and controls.

Menus, modal dialogs, templates for widgets and duplicated mobile/desktop variants hide this way;
their text is no part of the story. (`aria-hidden="true"` alone does not hide: sighted readers see
it, and metered paywalls mark story paragraphs with it.) Controls are the elements a page marks
with an ARIA widget role (menus and their items, toolbars, tooltips, sliders, list boxes, a closed
dialog): a media player's settings menus ("subtitles off, selected", "Chapters") and a form's
pickers, labels for a user's hands, not prose. Tabs and buttons are not counted: accordions and
tabbed boxes label the story's own sections with them. A hidden element or control holding most of
the page's text is the story itself (waiting for a script to show it) and stays.
"""

from __future__ import annotations

import re

from lxml import etree, html

_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)
# Attribute values, not elements: an element proxy is made only for the few that hide.
_HIDING_ATTRIBUTES = etree.XPath("//@style | //@hidden | //@role")
CONTROL_ROLES = frozenset({
    "menu", "menubar", "menuitem", "menuitemcheckbox", "menuitemradio", "toolbar", "tooltip",
    "slider", "spinbutton", "progressbar", "scrollbar", "switch", "listbox", "combobox", "searchbox",
})
_DIALOG_ROLES = frozenset({"dialog", "alertdialog"})  # ... a control when closed (aria-hidden)
MAX_HIDDEN_SHARE = 0.5  # a hidden element with more of the page's text than this is kept
MIN_STORY_CHARS = 1000  # ... which only an element with this much text can hold: a story's length


def is_hidden(element: html.HtmlElement) -> bool:
    """Whether the element's own attributes hide it from readers (drop_hidden's test, per element)."""
    return element.get("hidden") is not None or hides_by_style(element.get("style", ""))


def hides_by_style(style: str) -> bool:
    return bool(_HIDDEN_STYLE.search(style))


def _hides(value: etree._ElementUnicodeResult) -> bool:
    if value.attrname == "role":
        return is_control(value.getparent())
    return value.attrname == "hidden" or hides_by_style(value)


def is_control(element: html.HtmlElement) -> bool:
    """Whether the element's ARIA role makes it a control (see the module docstring)."""
    role = (element.get("role") or "").strip().lower()
    if role in CONTROL_ROLES:
        return True
    return role in _DIALOG_ROLES and element.get("aria-hidden") == "true"


def drop_hidden(tree: html.HtmlElement) -> int:
    """Remove hidden elements and controls (tails kept) unless one holds most of the page's text; the
    number removed."""
    hidden = [value.getparent() for value in _HIDING_ATTRIBUTES(tree) if _hides(value)]
    hidden = [el for el in hidden if el.tag not in ("html", "body")]
    if not hidden:
        return 0
    total: int | None = None  # the page's text length, read only for a hidden element with much text
    removed = 0
    for element in hidden:
        if not _attached(element, tree):
            continue
        length = len(element.text_content() or "")
        if length > MIN_STORY_CHARS:
            total = len(tree.text_content() or "") if total is None else total
            if length > MAX_HIDDEN_SHARE * total:
                continue
        element.drop_tree()
        removed += 1
    return removed


def _attached(element: html.HtmlElement, tree: html.HtmlElement) -> bool:
    """Still in the page (not inside a hidden element removed before it)."""
    top = next(reversed(list(element.iterancestors())), element)
    return top.tag == "html" or top is tree
