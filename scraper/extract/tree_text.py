"""The text nodes of a parsed subtree in document order, read by one iterative walk.

A walk that skips unread subtrees whole (scripts, styles, a footer) costs less than an XPath testing
every text node's ancestors, and a generator lets a reader stop at the first text it wants.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from lxml import html


def subtree_texts(top: html.HtmlElement, skip: Collection[str]) -> Iterator[str]:
    """Every non-empty text and tail inside top (not top's own tail), skipping the contents of
    elements whose tag is in skip (their tails are still read); iterative, as trees may be deep."""
    if top.text:
        yield top.text
    stack = [(top, iter(top))]
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if stack and node.tail:
                yield node.tail
            continue
        is_element = isinstance(child.tag, str)  # a comment's or entity's .text is no text node
        if is_element and child.tag in skip:
            if child.tail:
                yield child.tail
            continue
        if is_element and child.text:
            yield child.text
        stack.append((child, iter(child)))
