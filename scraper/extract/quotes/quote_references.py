"""Quoted spans that are entries of a reference list: an article's or chapter's title after its author
and year or its authors, or before the rest of its citation (kinds in quote_kinds' module doc)."""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_words import word_set

# An author's year in parentheses, or the full date of an article ("(2010)", "(November 15, 2012)", "(31
# March 2014)", "(March 2014)").
_AUTHOR_YEAR = re.compile(
    r"\(\s*(?:[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+)?(?:1[5-9]|20)\d\d[a-z]?\s*\)"
    r"\s*[.,:]?\s*$"
)
_CITATION_AFTER = re.compile(
    r"[^\"“”]{0,100}?(?:\b(?:Retrieved|Archived|Accessed|ISBN|ISSN)\b|\bdoi:|\barXiv:|\bpp?\.\s*\d"
    r"|\b[Vv]ol\.\s*\d|\b\d+\s*\(\d+\)\s*:\s*\d|\bIn:\s"
    r"|\b(?:consulté le|abgerufen am|consultado el|acesso em)\b)"
)
_AUTHOR_ENDS = word_set("al (ed) (eds) (ed.) (eds.)")
# The authors of a reference before its title: "Surname, I.", "et al.", an editor's "(ed)".
_AUTHORS = re.compile(r"(?:\bet\s+al\.|\(eds?\.?\)|\b[A-Z][\w’'\-]+,\s+(?:[A-Z]\.\s*){1,3})\s*[,:]?\s*$")
_CITED_REACH = 100
_INNER_END = re.compile(r"[.!?;]\s+\S")
_PASSAGE_WORDS = 15
# (_CITATION_AFTER's markers, loosely: most text after a span holds none)
_CITATION_GATE = re.compile(r"Ret|Arc|Acc|IS[BS]N|doi:|arXiv:|p\.|ol\.|\):|In:|onsult|rufen|cesso")


def reference_title(lead: str, last: str, text: str) -> bool:
    """Whether the text before a span (`lead`, its last word `last`) ends with a reference's author and
    year ('Smith, J. (2010). "..."') or its authors ('Bradner, S., "..."', 'Fielding et al., "..."',
    '(ed), "..."'). A passage of several sentences after an author and year is that author's words
    quoted, not a title ('Rees and Shultz (1970) "find a ... premium. Employees ..."')."""
    if last[-1:] == ")" and _AUTHOR_YEAR.search(lead):
        return not _passage(text)
    return (last in _AUTHOR_ENDS or len(last) == 1 and last.isalpha()) and _AUTHORS.search(lead) is not None


def cited_after(after: str) -> bool:
    """Whether the rest of a citation follows the span before any other quoted span."""
    head = after[:_CITED_REACH]
    if _CITATION_GATE.search(head) is None or head.lstrip().startswith("(p"):
        return False  # (a page in parentheses cites where quoted words are: '"..." (p. 12)')
    return _CITATION_AFTER.match(head) is not None


def _passage(text: str) -> bool:
    """Words quoted at length: a sentence ends inside and goes on, 15 words or more (a title with a
    subtitle after a question is shorter: 'Why cities sprawl? Evidence from ...')."""
    return _INNER_END.search(text) is not None and len(text.split()) >= _PASSAGE_WORDS
