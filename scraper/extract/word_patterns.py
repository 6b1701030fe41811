"""Regex builders for word lists (speech verbs, titles, notice cues): fast alternations."""

from __future__ import annotations

import re
from typing import Any

_Trie = dict[str, Any]


def trie_pattern(words: list[str] | frozenset[str]) -> str:
    """A regex alternation of `words` shaped as a trie: one branch test per position, not one per word."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: _Trie) -> str:
    ends = "" in node
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def first_chars(words: list[str] | frozenset[str]) -> str:
    """A character class of the words' first characters. As a lookahead before an alternation of the
    words it rejects most positions in one test, where the engine would try every branch in turn."""
    return "[" + "".join(sorted({re.escape(word[0]) for word in words})) + "]"
