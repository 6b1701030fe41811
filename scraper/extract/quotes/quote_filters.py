"""Which quoted spans are quotations: scare quotes, terms, titles of works, headlines and nicknames
are not (rules in quotes.py's module doc and README: quotes)."""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_attribution import VERB, sentence_start
from scraper.extract.quotes.quote_fragments import is_running_term
from scraper.extract.quotes.quote_runs import SENTENCE_WORDS, is_own_sentence
from scraper.extract.quotes.quote_runs import Quote as _Quote
from scraper.extract.quotes.quote_titles import (
    NOUN_MARKERS,
    is_authored_work,
    is_cross_reference,
    is_headline,
    is_nickname,
    is_search_term,
    is_title,
    named_term,
    names_a_work,
)
from scraper.extract.quotes.speaker_words import word_set

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SCARE_WORDS = SENTENCE_WORDS
# A noun phrase after a determiner or possessive may be a word longer ('Thursday's "show trial without the
# show"', 'without triggering the "third party addon install doorhanger"').
_NOUN_PHRASE_WORDS = SENTENCE_WORDS + 1
# Words opening a quoted predicate (a partial quote of someone's words, not a term).
_PREDICATE_OPENERS = word_set(
    "may might will would can could should must shall is are was were has have had not never still always"
)
# Verbs that quote a promise or a written text without being speech verbs ("vowed to “...”", 'read: “...”'),
# speech verbs' -ing forms ('by saying that she is “...”') and nouns of insisting and claiming ('his
# insistence that “...”', 'the claim that “...”').
_PLEDGE = re.compile(
    r"\b(?:vow|pledg|promis|urg|saying|telling|calling|writing|describing|insist|warning|claim)\w*|\bread:",
    re.IGNORECASE,
)
# Where the sentence after a span ends: a period, "!" or "?", closing marks, then a space (a period inside
# a later span's closing mark ends it too: 'open your "Spend (weekly)." This tells ...').
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)]*\s")
_HEADLINE_COLON = re.compile(r"\s*:\s+[A-Z]")  # ('‘It is misery’: A video of ...': a headline's quotation)
_CONTRACTED = word_set("he she it that there what who where here how")  # ("she's": she is)
# Words only a speaker uses of themselves or to the one spoken to: first-person pronouns and "n't"
# (terms, labels and idioms are third-person phrases: "jobs machine", "sell it properly").
_HAN = re.compile(r"[\u3400-\u9fff]")
_CJK_PUNCTUATION = re.compile(r"[，。！？；：、,.!?;:]")
_CJK_CLAUSE = re.compile(r"[，。！？；：,.!?;:]")
# Chinese verbs of saying and writing (a partial quotation after one is someone's words).
_CJK_SPEECH = re.compile(
    r"说|称|表示|指出|强调|认为|告诉|问|答|写道|透露|宣布|回应|警告|呼吁|坦言|直言|提到|声明|留言|感叹"
)
_FIRST_PERSON = re.compile(r"\b(?:I|[Mm][ey]|[Ww]e|us|[Oo]ur)\b")
# (an apostrophe inside a word ends no span; a quotation left open runs to the paragraph's end)
_QUOTED = re.compile(r"[\"“][^\"“”]*(?:[\"”]|$)|‘.*?’(?!\w)")
_SPEAKER_VOICE = re.compile(r"\b(?:I(?:[’'](?:m|ll|ve|d))?|[Mm][ey]|[Ww]e(?:[’']re)?|us|[Oo]ur)\b|n[’']t\b")


def is_quotation(quote: _Quote, paragraphs: list[str], spoken: set[int]) -> bool:
    """Whether a span is a quotation, not a scare quote, title or nickname (rules in the module doc);
    `spoken` are the paragraphs holding a directly attributed quotation."""
    text = quote.text
    if not text.strip(" .,;:!?-—…"):
        return False
    if is_headline(quote, paragraphs) or is_authored_work(quote, paragraphs):
        return False
    if is_search_term(quote.span, paragraphs):  # ('searches for “cheap flights”': quote_titles)
        return False
    # (what someone called a thing in German, after "als" or "von einem": German capitalizes its nouns, so
    # Title Case is no sign of a title there: 'bezeichnete X als „Herrschaft des Unrechts“')
    start, paragraph = quote.span.start, paragraphs[quote.span.paragraph]
    characterized = quote.speaker is not None and _CHARACTERIZED.search(paragraph, max(0, start - 16), start)
    if not quote.direct and _NOMINALIZED.search(paragraph, max(0, start - 6), start):
        return False  # (a saying used as a noun: 'Politisch hat das „Wir schaffen das“ Merkel begleitet')
    if quote.direct:
        named = not characterized and (names_a_work(quote, paragraphs) or named_term(quote, paragraphs))
        return not (named or is_running_term(quote, paragraphs))
    if is_cross_reference(quote.span, paragraphs):
        return False
    if CJK.search(text):
        return (
            len(CJK.findall(text)) >= 4
            and not _han_term(quote, paragraphs)
            and not _han_example(quote, paragraphs)
        )
    words = text.split()
    if len(words) < 3:  # (a short sentence of its own beside someone's words: '"...," X said. "Believe me."')
        return quote.span.paragraph in spoken and is_own_sentence(quote, paragraphs)
    if characterized:
        return not is_nickname(quote.span, paragraphs)
    return not (is_title(words) or is_nickname(quote.span, paragraphs))


# What someone called a thing in German, before the quoted words: 'bezeichnete X als „Herrschaft des
# Unrechts“', 'sprach von einem „Dokument der Mutlosigkeit“'.
# The German neuter article right before a quoted saying makes a noun of it ("das „Wir schaffen das“").
_NOMINALIZED = re.compile(r"(?:^|\s)[Dd]as\s*[„“\"»«]?\s*$")
_CHARACTERIZED = re.compile(r"\s(?:als|von\s+(?:einem|einer|eines))\s*[„“\"»«]?\s*$")


def is_scare_quote(quote: _Quote, paragraphs: list[str]) -> bool:
    """A short term quoted as a noun inside a sentence that has no speech verb and no speaker
    ('their “library of things” collections', 'a "right to work" state', 'the so-called "..."').

    Only after a determiner or possessive: after "that", "to", "is" it may be a partial quote whose
    speaker was missed ('declaring that “our country is finished”').
    """
    span = quote.span
    attributed = quote.phrase_at is not None and not quote.narrated
    if attributed or span.paragraph != span.end_paragraph:
        return False
    # (a period may end the sentence inside the closing mark, American style: 'open your "Spend (weekly)."')
    if len(quote.text.split()) > _NOUN_PHRASE_WORDS or quote.text.rstrip("\"'”’»")[-1:] in "!?…":
        return False
    text = paragraphs[span.paragraph]
    before = text[: span.start]
    words = before.rsplit(None, 1)  # (only its last word is read)
    if not words or not (words[-1].lower() in NOUN_MARKERS or _possessive(words[-1])):
        return False
    if _elided(quote):
        return False
    sentence = _clause(before, _sentence_after(quote, text))
    return VERB.search(sentence) is None


def _elided(quote: _Quote) -> bool:
    """Words left out inside the span ('in an "alert...tense mode."'): someone's words quoted in part."""
    inner = quote.text.strip().rstrip(".…")
    return "..." in inner or "…" in inner


def _possessive(word: str) -> bool:
    """A possessive ("Iowa's"), not a pronoun's contraction ("she's": she is)."""
    return word.endswith(("’s", "'s")) and word[:-2].lower() not in _CONTRACTED


def _clause(before: str, after: str) -> str:
    """The span's sentence around it (`before` its opening mark, `after` its closing mark), or only the
    parenthesis it is in: an aside's speech verb is not the main clause's ('could have said anything (so
    long as it stopped short of "breaching the peace")')."""
    head = before[sentence_start(before) :]
    opened = head.rfind("(")
    if opened > head.rfind(")"):
        closed = after.find(")")
        return head[opened + 1 :] + (after[:closed] if closed >= 0 else after)
    return head + after


def _sentence_after(quote: _Quote, text: str) -> str:
    """The rest of the span's sentence after its closing mark (none when the span ends it: '"Spend."')."""
    if quote.text.rstrip("\"'”’» ")[-1:] in ".!?":
        return ""
    return _SENTENCE_END.split(text[quote.span.end :], maxsplit=1)[0]


def is_unspoken_term(quote: _Quote, paragraphs: list[str]) -> bool:
    """A short phrase in quotes that nobody is said to have said: no speaker was found, it is not a
    sentence of its own and its sentence has no speech verb ('speak entirely "on the record"', 'not
    feeling "lost in translation."', 'arrested for "disturbing the peace"'): a term, idiom or label,
    not a quotation. (A partial quote keeps its speaker or its verb: 'said she was "not afraid."')"""
    span = quote.span
    if quote.speaker is not None or quote.direct or span.paragraph != span.end_paragraph:
        return False
    if CJK.search(quote.text) or len(quote.text.split()) > _SCARE_WORDS or is_own_sentence(quote, paragraphs):
        return False
    text = paragraphs[span.paragraph]
    if not text[: span.start].strip() and _HEADLINE_COLON.match(text, span.end):
        return False  # a headline's quotation before its colon: '‘It is misery’: A video of ...'
    words = quote.text.split()
    if quote.text.rstrip("\"'”’» ")[-1:] in "?!" or words[0].lower() in _PREDICATE_OPENERS or _elided(quote):
        return (
            False  # a question or exclamation, a predicate someone wrote ('positions "may include ..."'),
            # or words quoted with some left out
        )
    if _SPEAKER_VOICE.search(quote.text) and not _first_person(paragraphs[span.paragraph]):
        return False  # a speaker's own voice: '“I hate Norway” sounds absurd', '“Don’t panic,” urged Li'
    before = text[: span.start]
    lead = before.rsplit(None, 1)[-1:] or [""]
    if lead[0].lower() == "as":
        return False  # 'cast itself as "the underdogs"' (after "to" a phrase is kept by a pledge or speech
        # verb, 'urged him to "be a hero"'; with none it is the writer's: 'we need to "sell it properly"')
    sentence = _clause(before, _sentence_after(quote, text))
    return VERB.search(sentence) is None and _PLEDGE.search(sentence) is None


def _han_term(quote: _Quote, paragraphs: list[str]) -> bool:
    """A Chinese span with no punctuation inside that its clause runs on past, a Han character right after
    the closing mark ('一杯“地球末日”鸡尾酒', '经历了“自认喝醉”效应', '需要“尽早解决”如何协调'): a name,
    label or stock phrase inside the sentence, unless a speech verb opens the clause ('他称这是“...”并').
    (A quotation ends its clause: '说：“...。”', '表示“...”。')"""
    span = quote.span
    text = paragraphs[span.end_paragraph]
    if not _HAN.match(text, span.end) or _CJK_PUNCTUATION.search(quote.text):
        return False
    before = paragraphs[span.paragraph][max(0, span.start - 40) : span.start]
    clause = _CJK_CLAUSE.split(before)[-1]
    return _CJK_SPEECH.search(clause) is None


# A Chinese example's frame: "比如“...”", "例如“...”", or "“...”这样的问题" / "之类的" after it.
_HAN_EXAMPLE_BEFORE = re.compile(r"(?:比如|例如|诸如|譬如)[，,：:]?$")
_HAN_EXAMPLE_AFTER = re.compile(r"(?:这样|这类|那样|之类)的")


def _han_example(quote: _Quote, paragraphs: list[str]) -> bool:
    """A Chinese span given as an example of a kind ('回答“...？”这样的问题', '比如“...？”'): a sample
    question or phrase, no one's words."""
    span = quote.span
    before = paragraphs[span.paragraph][max(0, span.start - 4) : span.start]
    return (
        _HAN_EXAMPLE_BEFORE.search(before) is not None
        or _HAN_EXAMPLE_AFTER.match(paragraphs[span.end_paragraph], span.end) is not None
    )


def _first_person(text: str) -> bool:
    """Whether the narration around the quoted spans speaks in the first person: a writer who says "I"
    quotes their own phrases too ('It was always "on my list"')."""
    return _FIRST_PERSON.search(_QUOTED.sub(" ", text)) is not None
