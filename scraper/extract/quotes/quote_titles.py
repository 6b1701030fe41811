"""Quoted spans that name something rather than quote anyone: titles of works in Title Case, headlines,
works named by a noun or an owner before them, terms a sentence names, cross-references and nicknames."""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_attribution import VERB
from scraper.extract.quotes.quote_runs import Quote as _Quote
from scraper.extract.quotes.quote_spans import QuoteSpan
from scraper.extract.quotes.speaker_words import word_set

_SMALL_WORDS = word_set("a an and & the of in on at to for with from or by vs de la le du des der die das")
_NAME_BEFORE = re.compile(r"\b[A-Z][\w’'.\-]*\s*$")
_NAME_AFTER = re.compile(r"^\s*[A-Z]")
# Words before a quoted term that make it a noun in the sentence, not someone's words.
# Words after which a Title Case term in quotes is a work's title: prepositions and verbs of showing,
# naming and appearing ("on", "told", "titled", "dubbed", "hosted", "starred in").
_WORK_LEADS = word_set(
    "on in at to from of told titled entitled called named dubbed hosted host starring starred read "
    "wrote sang played watched film book show song album series novel documentary podcast programme "
    "program campaign slogan movie"
)
# Words that name what follows as a title or headline, whatever its case.
_TITLE_NOUNS = word_set("headline headlined titled entitled title subtitled caption intitulé intitulée titre")
_LIST_OF = re.compile(r"\b[Ll]ist of\s*$")
NOUN_MARKERS = word_set("the a an their its his her our your my these those this no so-called")
_BACKLINK = re.compile(r"\s*\^(?:\s+[a-z]{1,2}\b)*\s*")  # (a reference list's entry opens with it)

_DASHES = frozenset({"—", "–", "-"})


def is_title(words: list[str]) -> bool:
    """Title Case words with no sentence punctuation: a name of a work, event or campaign ("Best of
    the Bench."; the period or comma of American style may sit inside the closing mark). A longer
    title may have a subtitle after a colon and commas between Title Case parts ("Far From the Tree:
    Parents, Children and the Search for Identity"); a year or number counts as capitalized."""
    # (most spans have a lower-case word that is no small word: they fail the last test below at once; a
    # title opens with a capital, a phrase quoted from its article on does not: „das Buch der Stunde“)
    if not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    if not all(_title_word(w) or w in _DASHES for w in words[:-1]):
        return False
    words = [*words[:-1], words[-1].rstrip(".,:;\"'“”‘’")]
    words = [w for w in words if w not in _DASHES]  # (a dash before a part: "Hallows — Part 2")
    inner = ".!?;:" if len(words) < 4 else ".!?;"
    if not words[-1] or words[-1][-1:] in ".!?,;:…" or any(w[-1:] in inner for w in words[:-1]):
        return False
    if sum(w.endswith(":") for w in words) > 1:
        return False
    capitalized = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    limit = 10 if len(words) < 4 else 16
    return (
        len(words) <= limit and len(capitalized) >= min(2, len(words)) and all(_title_word(w) for w in words)
    )


def _title_word(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() or word.lower() in _SMALL_WORDS


def _in_capitals(text: str) -> bool:
    """Whether every letter of `text` is a capital, with 6 or more letters (the first lower-case letter
    ends the check: most text has one early)."""
    return all(c.isupper() for c in text if c.isalpha()) and sum(c.isalpha() for c in text) >= 6


def is_headline(quote: _Quote, paragraphs: list[str]) -> bool:
    """A headline, title or sign named as such, in any case ('under the headline "Microsoft hit by
    ..."', 'a post titled "..."'), or set in capitals with no attribution ('“WALL ST. LAYS AN EGG.”')."""
    if not quote.direct and len(quote.text.split()) >= 2 and _in_capitals(quote.text):
        return True  # (a post in capitals that someone wrote is attributed: 'posted: "NATO WASN'T ..."')
    text = paragraphs[quote.span.paragraph]
    if _LIST_OF.search(text, max(0, quote.span.start - 12), quote.span.start):
        return True  # a list's title ('their list of "Ten cars to avoid"')
    before = text[: quote.span.start].rsplit(None, 1)  # (its last word)
    word = before[-1].lower().strip(",:") if before else ""
    return word in _TITLE_NOUNS or word.endswith("titel")  # (German compounds: "Arbeitstitel", "Buchtitel")


# A capitalized owner's possessive ("CNN's", "Fox News'", "ABC’s", initials ending in S: "CBS'").
_OWNER = re.compile(r"[A-Z][\w.&\-]*(?:[’']s|[sS][’'])")


def names_a_work(quote: _Quote, paragraphs: list[str]) -> bool:
    """A title of a show, book, film, song or campaign in quotes after a preposition or a verb that
    takes it as object ('told "Fox and Friends" on Monday', 'Speaking on "Meet the Press," X said') or
    after its owner's possessive ('on CNN's "State of the Union," X said'):
    Title Case, no sentence punctuation. Such titles are not quotations (README: quotes)."""
    words = quote.text.split()
    if not words or len(words) > 8 or not is_title(words):
        return False
    text = paragraphs[quote.span.paragraph]
    before = text[: quote.span.start].rsplit(None, 1)  # (only its last word is read)
    if before and before[-1].lower() in NOUN_MARKERS and re.match(r"\s+[a-z]", text[quote.span.end :]):
        return True  # a name used as a modifier: 'an "American Idol" insider tells ...'
    if not before:
        return False
    if before[-1].isalpha() and before[-1].istitle() and VERB.fullmatch(before[-1]) is None:
        return True  # a name's kind before it, no punctuation between: 'Operation "Clean Sweep" led to'
    lead = before[-1].strip(",:")
    if _OWNER.fullmatch(lead):  # a network's or publisher's show: 'on CNN's "State of the Union," X said'
        return True
    # (also after any other lower-case word that is no speech verb, a title being an object: 'a day
    # after watching "The Dark Knight Rises," police said', 'after "The Avengers" and "Harry Potter ..."')
    return lead.lower() in _WORK_LEADS or (
        lead.isalpha() and lead.islower() and before[-1] == lead and VERB.fullmatch(lead) is None
    )


def named_term(quote: _Quote, paragraphs: list[str]) -> bool:
    """A short Title Case name in quotes that the reported clause goes on past ('said that "Rule 1" of
    the project is ...', 'told them "Project Y" would end'): a noun in someone's reported words, not
    their words. (A short quotation that is said stands alone: 'said: "No."', '"Yes," he said'.)"""
    words = quote.text.split()
    before = quote.phrase_at is not None and quote.phrase_at < (quote.span.paragraph, quote.span.start)
    if not before or len(words) >= 3 or not is_title(words):
        return False
    return re.match(r"\s+[a-z]", paragraphs[quote.span.end_paragraph][quote.span.end :]) is not None


def is_cross_reference(span: QuoteSpan, paragraphs: list[str]) -> bool:
    """A title pointed to with "see" ('(see ‘Trump’s climate legacy’)') or opening a reference list's entry
    after its back-link caret ('^ "Mozilla rules out ..."', '^ a b "..."'): an article, not words said."""
    before = paragraphs[span.paragraph][max(0, span.start - 10) : span.start].lower()
    if "^" in before:
        return _BACKLINK.fullmatch(before) is not None
    return before.endswith(("see ", "(see", "see also ", "see: "))


def is_nickname(span: QuoteSpan, paragraphs: list[str]) -> bool:
    if span.paragraph != span.end_paragraph or len(span.text.split()) > 4:
        return False
    text = paragraphs[span.paragraph]
    if not _NAME_AFTER.match(text[span.end :]):
        return False
    # (a name before the mark is the last word's end: searched from that word on, not along the whole
    # paragraph, where a long run of dotted words made the search quadratic)
    head = text[: span.start].rstrip()
    word = len(head) - len(head.rsplit(None, 1)[-1]) if head else 0
    return _NAME_BEFORE.search(text, word, span.start) is not None


# A work's author after its quoted title: '“Quiet Rooms: Why Some of Us Listen” by Ada Li'.
_BY_AUTHOR = re.compile(r"\s+by\s+[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){1,3}")


def is_authored_work(quote: _Quote, paragraphs: list[str]) -> bool:
    """A title with its author after it ('reading “...” by Ada Li'): a capitalized phrase with no
    sentence punctuation at its end, then "by" and a name. Words said are not credited with "by"."""
    text = quote.text.rstrip()
    if not text[:1].isupper() or text.endswith((",", ".", "!", "?", ";", ":", "…")):
        return False
    return _BY_AUTHOR.match(paragraphs[quote.span.end_paragraph], quote.span.end) is not None


# A search's words before the mark: 'searches for “...”', 'searching on "..."', 'googled "..."'.
_SEARCH_BEFORE = re.compile(r"\b(?:[Ss]earch(?:es|ed|ing)?\s+(?:for|on)|[Gg]oogl(?:e|es|ed|ing))\s*$")


def is_search_term(span: QuoteSpan, paragraphs: list[str]) -> bool:
    """Words someone searched for ('searches for “free phone apps” jumped'): a search term, not words said."""
    start = span.start
    return _SEARCH_BEFORE.search(paragraphs[span.paragraph], max(0, start - 20), start) is not None
