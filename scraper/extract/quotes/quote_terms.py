"""Quoted spans that are not quotations, read once speakers are known.

Spans that nobody says: what the sentence itself names as a term, phrase or nickname, definitions or
glosses ('defined by the agency as "..."', '(that is, "...")'), spans that modify a noun ('the "film is
dead" years', a Title Case slogan or product's name before its noun: 'created "I Love Rivers!"
bracelets') and examples alone in a parenthesis, of one sentence ('to like a post ("like if you
agree!")'). Each of these rules needs the span to have no speaker, so a phrase someone is reported to
have said stays a quotation however it is introduced ('Lee called the plan "a disaster"', 'Lee defined
it as "..."'); a span modifying a noun is a label too when its speaker is only the sentence's subject,
with no speech verb ('Ruiz praised the "we never quit" spirit').

A poll's options and statements are not quotations either, whatever speaker was found: a share of people
reports them ('4 in 10 voters say that "strong leader" describes her', 'two-thirds of members believe the
board is "..."', '40% expect to "..."').

Nor is a one-word span before its own attribution when the same speaker's quotation goes on after it
('"Honestly," Li said, "we were lucky ..."', '"Yes!" Li replied. "It worked ..."'): a reply word or the
first word of a split quotation, which alone is a fragment; inside a sentence too when a comma joins it
to the attribution ('a flag – “igniting,” as Reuters reported, “fears of ...”').
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_kinds import marked_not_said
from scraper.extract.quotes.quote_runs import Quote as _Quote
from scraper.extract.quotes.quote_sentences import SENTENCE_END, after_last, last_words_at
from scraper.extract.quotes.speaker_words import word_set
from scraper.extract.quotes.speech_verbs import VERB

# Nouns that name a quoted span as a term, not as words someone said ('the phrase "..."', 'such
# nicknames as "..."'). ("words" is left out: 'a note with the words "..."' is a written text; "saying" is
# more often the verb: 'quotes him as saying "..."'.)
_TERM_NOUNS = word_set(
    "phrase phrases term terms expression expressions idiom idioms slogan slogans motto "
    "mottos nickname nicknames moniker monikers label labels tagline taglines catchphrase catchphrases "
    "buzzword buzzwords hashtag hashtags acronym acronyms abbreviation euphemism euphemisms neologism "
    "catchword catchwords"
)
# Terms that name something whoever owns them (not a person's words, as 'his phrase "..."' is).
_NAMES_WHOEVER_OWNS = word_set(
    "slogan slogans tagline taglines hashtag hashtags nickname nicknames moniker monikers acronym label "
    "labels"
)
# Quoted spans listed before this one ('as "A," "B" and "C"'): they share its lead.
_LISTED_BEFORE = re.compile(r"""["“”'‘’][^"“”]{0,80}["”'’]\s*,?\s*(?:(?:and|or)\s+)?$""")
_AFTER_LISTED = ('"', "”", "'", "’", ",", " and", " or")  # how a listed span and this one are joined
# Between the noun and the opening mark: nothing, "as", "such as", "of", "is", "that" ('the slogan that
# "..."'), a colon or a comma (not "like": 'a phrase like "..."' gives an example of someone's words). The
# word before the noun is kept: a person's phrase is their words ('the mayor's phrase "..."', 'his motto').
_TERM_LEAD = re.compile(
    r"(?P<owner>[\w’']+\s+)?(?P<noun>[^\W\d_]+)\s*(?:(?:such\s+as|as|of|is|was|that)\s*)?[:,]?\s*$"
)
# What introduces a definition or gloss: "defined (by the agency) as", "definition is", "that is",
# "i.e.", "meaning", "stands for", "short for", "known as", "also called", "a.k.a.", and a term whose
# being is denied or asked ("there is no such thing as", "is there such a thing as"), a writer's gloss
# ("by which I mean") and a reading of something ("could be interpreted as": no one said it).
_DEFINED = re.compile(
    r"(?:\bdefin(?:ed|es|e|ition)\b[^.;:!?\"“”]{0,60}?\b(?:as|is|was)"
    r"|\b(?:that is|i\.e\.|meaning|stands for|short for|known as|also called|a\.k\.a\.|aka|"
    r"such (?:a )?thing as|by which (?:I|we) mean|(?:interpreted|understood|construed|misread) as))"
    r"\s*[:,]?\s*$",
    re.IGNORECASE,
)
# Where _DEFINED and _TERM_LEAD may match. Neither starts with white space. A match of _TERM_LEAD holds at
# most five runs of it (owner, noun, "such as", a colon), so it starts in the last six words. So does a
# match of _DEFINED's fixed phrases ("by which I mean", then a colon); one of "define" may hold any number,
# but holds "defin": in ASCII text without it (where case is ASCII case), only the last six words are
# searched. The leftmost match is the same, searched for from fewer positions.
_LEAD_WORDS = 6
# Determiners before a span used as a modifier of the noun after it ('the "..." period').
_DETERMINERS = word_set("the a an this that these those their its our your")
# Words after a span that are no noun it could modify: function words, auxiliaries, pronouns.
_NOT_NOUNS = word_set(
    "and or but nor to of in on at for with from by as than then so yet if when where while because after "
    "before since until unless though although that which who whom whose what is are was were be been being "
    "has have had do does did will would can could shall should may might must not no it he she they we "
    "you i his her their its our there here also even just still only"
)
# Nouns of speech: a span modifying one is someone's words, said or imagined ('a "win or go home"
# ultimatum', 'his "very fine people" remark').
_SPEECH_NOUNS = word_set(
    "ultimatum ultimatums remark remarks comment comments statement statements message messages speech "
    "warning warnings threat threats promise promises pledge pledges demand demands plea pleas claim claims "
    "question questions answer answers reply replies response line lines quote quotes tweet tweets post "
    "posts order orders command request call calls cry cries chant chants refrain mantra argument joke "
    "jokes quip retort boast vow vows insult insults slur taunt taunts"
)
_SMALL_WORDS = word_set("a an and the of in on at to for with from or by")
_NEXT_WORD = re.compile(r"[ \u00a0]+([a-z][a-z\-]*)\b")
_INNER_END = re.compile(r"[.!?;:]\s")
# A share of people ("31%", "45 percent", "3 in 10", "four in ten", "two-thirds of", "most of") and, with
# no punctuation between, a verb reporting what they answered; then the span in the same clause.
_POLL = re.compile(
    r"(?:\d\s*%|\d\s+(?:percent|per\s+cent)\b|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+in\s+(?:\d+|ten)\b"
    r"|\b(?:one|two|three)[\s-](?:thirds?|quarters?|fifths?)\b"
    r"|\b(?:half|majority|plurality|most|third|quarter|fifth)\s+of\b)"
    r"[^,.;:!?()\"“”]{0,60}?\b(?:say|says|said|believe|believes|believed|think|thinks|thought|agree|agrees|"
    r"agreed|disagree|disagreed|described|describe|describes|call|called|rate|rated|chose|choose|picked|"
    r"pick|feel|felt|consider|considered|view|viewed|see|saw|are not sure|were not sure|expect|expected)\b"
    r"[^.;!?()\"“”]{0,100}$",
    re.IGNORECASE,
)
_CLAUSE_ENDS = '.;!?()"“”'
_SHARE = re.compile(
    r"\d|\b(?:half|majority|plurality|most|thirds?|quarters?|fifths?|in\s+ten)\b", re.IGNORECASE
)
_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")
_OPENS_SENTENCE = set('.!?:…"”’')  # before a span that opens its sentence
_JOINED = re.compile(r",\W*$")  # a span's comma before its closing mark: joined to the attribution after it
_SPLIT_GAP = 60  # characters of attribution between the pieces of a split quotation
_OWNERS = word_set("his her their my our your whose")  # ("its": a thing's tagline or name)


def is_unspoken(quote: _Quote, paragraphs: list[str]) -> bool:
    """Whether a span is a term or a poll's option, not a quotation (rules in the module doc)."""
    span = quote.span
    before = paragraphs[span.paragraph][max(0, span.start - 160) : span.start]
    clause = before[after_last(before, _CLAUSE_ENDS) :]  # (the poll pattern's reach)
    if _SHARE.search(clause) is not None and _POLL.search(clause) is not None:
        return True
    if marked_not_said(quote, paragraphs):  # (titles in lists, software's strings, signs: quote_kinds)
        return True
    if quote.direct:  # (the noun a span modifies is no tag's speaker: 'the "..." theory, a phrase that told')
        text = paragraphs[span.end_paragraph]
        return _tag_is_modified_noun(quote, paragraphs) and _modifies_noun(quote, before, text)
    if quote.speaker is not None:  # (a speaker taken from the narration, no speech verb: a label still)
        return quote.narrated and _modifies_noun(quote, before, paragraphs[span.end_paragraph])
    if _named_as_term(before) or _defined(before):
        return True
    if _title_before_noun(quote, paragraphs[span.end_paragraph]):
        return True
    # (an example alone in a parenthesis is one line; two sentences there are someone's words recalled)
    if before.endswith("(") and paragraphs[span.end_paragraph][span.end : span.end + 1] == ")":
        return SENTENCE_END.search(quote.text) is None
    return _modifies_noun(quote, before, paragraphs[span.end_paragraph])


def _modifies_noun(quote: _Quote, before: str, text: str) -> bool:
    """A span between a determiner and a lower-case noun that is no function word ('the "film is dead
    and gone" years', 'an "everyone gets a prize" culture', 'the "hey, he earned it!" lot'): a compound
    modifier, a term or an utterance used as a label."""
    lead = before.rsplit(None, 2)[-2:]
    if not lead or not quote.span.closed:
        return False
    if lead[-1].lower() not in _DETERMINERS and not _described(lead):
        return False
    words = quote.text.split()
    if len(words) > 16 or _INNER_END.search(quote.text) or quote.text.rstrip()[-1:] in ".,;:…":
        return False
    after = _NEXT_WORD.match(text, quote.span.end)
    if after is None or after.group(1).endswith("ly"):
        return False
    return after.group(1) not in _NOT_NOUNS and after.group(1) not in _SPEECH_NOUNS


def _tag_is_modified_noun(quote: _Quote, paragraphs: list[str]) -> bool:
    """Whether a direct tag's speaker phrase is the word right after the closing mark, with no comma
    ('came up with the "plausibly live" theory, a phrase that told viewers'): a tag after a span that
    a determiner opens is set off by a comma, so that word is the noun the span modifies."""
    span = quote.span
    if quote.phrase_at is None or quote.phrase_at[0] != span.end_paragraph or _JOINED.search(span.text):
        return False
    after = _NEXT_WORD.match(paragraphs[span.end_paragraph], span.end)
    return after is not None and quote.phrase_at[1] == after.start(1)


def _title_before_noun(quote: _Quote, text: str) -> bool:
    """A Title Case name, a slogan's or product's, right before a lower-case noun that it modifies
    ('created "I Love Recycling!" bracelets', 'wore "Make Ohio Work Again" hats'): a name, not words said
    (a name's own kind before it: quote_filters)."""
    words = quote.text.split()
    if len(words) < 2 or not quote.span.closed or _INNER_END.search(quote.text):
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w in _SMALL_WORDS for w in words):
        return False
    after = _NEXT_WORD.match(text, quote.span.end)
    if after is None or after.group(1).endswith("ly") or VERB.match(after.group(1)):
        return False
    return after.group(1) not in _NOT_NOUNS and after.group(1) not in _SPEECH_NOUNS


def _described(lead: list[str]) -> bool:
    """A determiner and one lower-case word that is no function word before the span ('the classic "..."
    horror trope', 'an old "..." joke')."""
    if len(lead) != 2 or lead[0].lower() not in _DETERMINERS:
        return False
    return lead[1].isalpha() and lead[1].islower() and lead[1] not in _NOT_NOUNS


def _defined(before: str) -> bool:
    """Whether the text before the opening mark ends with what introduces a definition or gloss."""
    start = max(0, len(before) - 100)
    reach = before[start:]
    if reach.isascii() and "defin" not in reach.lower():
        start = max(start, last_words_at(before, _LEAD_WORDS))  # (see _LEAD_WORDS)
    return _DEFINED.search(before, start) is not None


def _named_as_term(before: str) -> bool:
    """The text before the opening mark ends with a noun that names what follows as a term ('the old
    phrase "..."', 'nicknames such as "A" and "B"'): an idiom, label or nickname."""
    for _ in range(4):  # (each quoted span listed before this one is skipped)
        if not before.rstrip().endswith(_AFTER_LISTED):
            break
        listed = _LISTED_BEFORE.search(before)
        if listed is None:
            break
        before = before[: listed.start()]
    lead = _TERM_LEAD.search(before, max(len(before) - 60, last_words_at(before, _LEAD_WORDS)))
    if lead is None or lead.group("noun").lower() not in _TERM_NOUNS:
        return False
    if lead.group("noun").lower() in _NAMES_WHOEVER_OWNS:
        return True  # (a brand's or person's slogan or nickname is still a name: 'The store's slogan, "..."')
    owner = (lead.group("owner") or "").strip().lower()
    return owner not in _OWNERS and not owner.endswith(("’s", "'s", "s’", "s'"))


def drop_split_openers(quotes: list[_Quote], paragraphs: list[str]) -> list[_Quote]:
    """The quotations without one-word spans that open a split quotation (rules in the module doc)."""
    dropped = set()
    for quote, following in zip(quotes, quotes[1:], strict=False):
        span, later = quote.span, following.span
        if not quote.direct or quote.speaker is None or following.speaker != quote.speaker:
            continue
        if len(_WORD.findall(quote.text)) != 1 or later.paragraph != span.end_paragraph:
            continue
        lead = paragraphs[span.paragraph][: span.start].rstrip()
        if lead and lead[-1] not in _OPENS_SENTENCE and not _JOINED.search(span.text):
            continue  # (a word inside a sentence: 'the decision was "disappointing." She added that "..."';
            # one joined to its attribution by a comma is a split quotation's piece: '– “igniting,” as X')
        if len(paragraphs[span.end_paragraph][span.end : later.start]) <= _SPLIT_GAP:
            dropped.add(id(quote))
    return [q for q in quotes if id(q) not in dropped] if dropped else quotes
