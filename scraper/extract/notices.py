"""The sentences a copy uses to name its original publisher, and how to read the name out of them.

A notice names the publisher and often goes on: "... republished from The Conversation under a
Creative Commons license", "... sous licence Creative Commons", "... via Climate Desk", "... with
permission". The publisher is the name alone, so every pattern ends where such a tail begins.
The WordPress feed footer ("The post <title> appeared first on <Site>.") is read only when the
whole block is that footer, so a story sentence that merely says something "appeared first" stays.
"""

from __future__ import annotations

import re

# Every notice needs one of these cues; plain substring tests rule out nearly every block.
NOTICE_CUES = ("origin", "republi", "first ", "erschien", "zuerst", "publié", "paru", "publicó", "apareci",
               "publicado", "pubblicato", "verscheen", "oorspronkelijk", "veröffentlicht", "permission",
               "reprinted", "via ")
NOTICE_CUE = re.compile("|".join(map(re.escape, NOTICE_CUES)))
_PUBLISHER = r"(?P<publisher>(?:[^.;:!?\n]|\.(?=\w)){2,80}?)"  # "Fortune.com" keeps its dot
# Where a publisher's name ends: punctuation, or a word that opens a tail (licence, channel,
# permission, date) in any of the languages below.
_TAIL_WORDS = (
    r"and|under|as|with|via|before|after|when|und|unter|mit|et|sous|avec|y|bajo|con|e|sotto|sob|onder"
)
_END = (
    rf"(?=\s*(?:[.;:!?(](?!\w)|,\s|\s+(?:{_TAIL_WORDS}|on \w+ \d+|in \w+ \d+|el \d+|le \d+|am \d+)\b|$))"
)
NOTICES = [
    re.compile(p + _END, re.I)
    for p in (
        rf"read (?:the )?original (?:article|story|post) (?:on|at) {_PUBLISHER}",
        rf"(?:this|the) (?:article|story|post|piece|report|column) (?:was |is )?(?:originally|first) "
        rf"(?:appeared|published|posted|ran|run|appears)(?: online)? (?:on|in|at|by|with) {_PUBLISHER}",
        rf"(?:was |is )?(?:originally|first) (?:appeared|published|posted) (?:on|in|at|by) {_PUBLISHER}",
        rf"(?:is |was )?republished (?:here )?(?:from|with permission from|courtesy of) {_PUBLISHER}",
        rf"(?:republished|reprinted|reproduced|used|published) with (?:the )?(?:kind )?permission "
        rf"(?:of|from) {_PUBLISHER}",
        rf"(?:dieser|der) (?:artikel|beitrag|text) (?:erschien|ist) (?:zuerst|ursprünglich|erstmals) "
        rf"(?:bei|in|auf|im) {_PUBLISHER}",
        rf"zuerst erschienen (?:bei|in|auf|im) {_PUBLISHER}",
        # "Dieser Artikel wurde von X unter einer Creative-Commons-Lizenz (neu) veröffentlicht."
        rf"(?:dieser|der) (?:artikel|beitrag|text) wurde (?:zuerst |ursprünglich )?(?:von|bei|auf|in) "
        rf"{_PUBLISHER}(?=[^.]{{0,80}}veröffentlicht)",
        rf"cet article a (?:été publié|d'abord été publié|paru) (?:initialement|originellement|"
        rf"originalement|d'abord|pour la première fois)? ?(?:sur|par|dans) {_PUBLISHER}",
        rf"cet article est republié (?:à partir )?(?:de|du|depuis) {_PUBLISHER}",
        rf"(?:este|el) artículo (?:se publicó|fue publicado|apareció) (?:originalmente|primero) "
        rf"(?:en|por) {_PUBLISHER}",
        rf"(?:este|el) artículo (?:es|fue) republicado (?:de|desde) {_PUBLISHER}",
        rf"questo articolo è stato (?:originariamente |originalmente )?pubblicato (?:originariamente "
        rf"|originalmente )?(?:su|da|in) {_PUBLISHER}",
        rf"(?:este|o) artigo foi (?:originalmente )?publicado (?:originalmente )?(?:em|no|na|pelo|pela|"
        rf"por) {_PUBLISHER}",
        rf"dit artikel (?:verscheen|is) (?:eerder|oorspronkelijk) (?:op|in|bij) {_PUBLISHER}",
        # A credit line that is only "via <Publisher>" (a whole block, checked by the caller).
        rf"^\(?via {_PUBLISHER}\)?\.?$",
    )
]
_NOTICE_REACH = 200  # a notice opens its block (or follows a short lead-in)
_FEED_FOOTER = re.compile(
    r"^the post (?P<title>.{3,300}?) appeared first on (?P<publisher>[^,;:!?]{2,80}?)\.?$", re.I
)
# "Originally published on Thursday, December 15, 2011:" says when, not where: a day or a month is no
# publisher.
_WHEN = re.compile(
    r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|^(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?\s*\d|^\d",
    re.I,
)
_MAX_FOOTER_NAME_WORDS = 8
_MAX_VIA_WORDS = 8


def notice_publisher(text: str) -> str | None:
    """The publisher a notice sentence names, or None when the text holds no notice."""
    if not NOTICE_CUE.search(text.lower()):
        return None
    for pattern in NOTICES:
        match = pattern.search(text)
        if match and match.start() < _NOTICE_REACH:
            if pattern.pattern.startswith("^\\(?via") and len(text.split()) > _MAX_VIA_WORDS:
                continue
            publisher = match.group("publisher")
            if any(c.isalpha() for c in publisher) and not _WHEN.match(publisher):  # not "in 1966]"
                return publisher
    return None


def feed_footer(text: str) -> tuple[str, str] | None:
    """(post title, publisher) when the whole text is a feed footer "The post X appeared first on Y."."""
    match = _FEED_FOOTER.match(text)
    if not match or len(match.group("publisher").split()) > _MAX_FOOTER_NAME_WORDS:
        return None
    return match.group("title"), match.group("publisher")
