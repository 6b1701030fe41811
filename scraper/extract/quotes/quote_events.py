"""Speaker phrases in reading order: where each quotation's speaker phrase is (after its closing mark, a
transcript label or a dash credit below it, else before its opening mark, else a speech verb's subject
in the paragraph above ending with a colon), and the people and organizations narration names, with
the role each plays for speaker_history (speaker, source, intro, mention, named, asked)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate

from scraper.extract.quotes.narration_titles import introductions
from scraper.extract.quotes.quote_after import after_quote
from scraper.extract.quotes.quote_asked import (
    PASSIVE_NEXT,
    QUESTIONED,
    WAS_ASKED,
    asks_about_other,
    goes_on_asking,
)
from scraper.extract.quotes.quote_attribution import VERB, before_quote
from scraper.extract.quotes.quote_intros import intro_speaker, reaction_above
from scraper.extract.quotes.quote_judging import continues_across, opening_subject, relative_judge
from scraper.extract.quotes.quote_kin import kin_clauses
from scraper.extract.quotes.quote_labels import label_speaker
from scraper.extract.quotes.quote_named_leads import naming_clauses
from scraper.extract.quotes.quote_narration import (
    descriptor_subjects,
    name_mentions,
    narration_mentions,
)
from scraper.extract.quotes.quote_runs import SENTENCE_WORDS, Neighbours
from scraper.extract.quotes.quote_runs import Quote as _Quote
from scraper.extract.quotes.quote_sentences import after_last, sentence_start
from scraper.extract.quotes.speaker_mentions import classify_mention
from scraper.extract.quotes.speaker_vocabulary import Vocabulary

# (an adverb may stand between the verb and the colon: 'said simply: "We'll see."'; not an object: in
# 'called me "fucko"' the quoted word is a name given, not words said to the reader)
_DIRECT_BEFORE = re.compile(rf"(?:{VERB.pattern})(?:\s+(?:[a-z]+ly|only))?\s*(?:that\s*)?[:,]?\s*$")
_DASH_LINE = re.compile(r"^\s*[―—–\-]{1,2}\s*\S")
CREDIT_MAX_WORDS = 12  # a credit line: a name, perhaps with a title or place after a comma


# (paragraph, offset), raw phrase, role for SpeakerHistory.resolve, quotes it attributes
Event = tuple[tuple[int, int], str, str, list[_Quote]]


def speaker_events(paragraphs: list[str], masked: list[str], quotes: list[_Quote]) -> list[Event]:
    """Speaker phrases in reading order: each quote's attribution plus speakers named in narration."""
    events: dict[tuple[int, int], Event] = {}
    vocabulary = Vocabulary(paragraphs)
    neighbours = Neighbours(quotes)
    for i, quote in enumerate(quotes):
        found = _attribution(paragraphs, quotes, i, neighbours)
        # (a common word opening a sentence: "Players need ...", "Play, says X,"; '"...," said Young' is not)
        if found is not None and vocabulary.opening_noun(*found[:2], quote.narrated):
            found = None
        if found is not None:
            key, raw, source = found
            quote.phrase_at = key
            events.setdefault(key, (key, raw, _role(source), []))[3].append(quote)
    by_paragraph: dict[int, dict[tuple[int, int], Event]] = {}  # phrases only overlap in their paragraph
    for key, event in events.items():
        by_paragraph.setdefault(key[0], {})[key] = event
    # Speakers are resolved in reading order, so narration after the last attributed quote's paragraph
    # could change no quote's speaker: it is not read, but for the paragraphs of unattributed sentences,
    # where it may report their speaker (see continue_reported).
    last = max(by_paragraph, default=-1)
    # (the paragraphs whose quotes a he or she attributes: only a subject in them or just before counts)
    pronouns = {key[0] for key, event in events.items() if event[1].strip().lower() in _HE_SHE}
    bare = {q.span.paragraph for q in quotes if q.phrase_at is None and len(q.text.split()) >= SENTENCE_WORDS}
    # (a quotation opening its paragraph may be the speaker's whom the narration up to it reports:
    # continue_reported; that narration is read through, for the full names it gives)
    last = max([last, *(q.span.paragraph - 1 for q in quotes if q.phrase_at is None and not q.span.start)])
    after_quotes = _after_quotes(masked, quotes)
    for index in [*range(last + 1), *sorted(i for i in bare if i > last)]:
        narration = masked[index]
        local = by_paragraph.setdefault(index, {})
        size = len(local)
        taken, spanned = _local_tests(local)
        for raw, offset, found_as in narration_mentions(narration, spanned):
            if not taken(offset, len(raw)) and not vocabulary.opening_noun((index, offset), raw, False):
                part = "named" if asks_about_other(narration, offset + len(raw)) else found_as
                local[(index, offset)] = ((index, offset), raw, part, [])
        for raw, offset in introductions(narration):
            local.setdefault((index, offset), ((index, offset), raw, "intro", []))
        # ('the waitress, a woman named Trish, ...', 'Her husband, Gerrit, was less sure')
        for raw, offset, part in naming_clauses(narration) + kin_clauses(narration):
            local.setdefault((index, offset), ((index, offset), raw, part, []))
        # (rebuilt only when narration added a phrase: it only adds keys, a subject touching a phrase being
        # left out and an introduction never replacing one, so an unchanged count is an unchanged list)
        phrases = taken if len(local) == size else _local_tests(local)[0]
        for raw, offset, leads in name_mentions(narration, after_quotes.get(index, _NONE)):
            # a name leading a sentence makes a known speaker the latest; elsewhere it only introduces
            # (a run inside a longer speaker phrase, "Selon la Fédération des ...", is that phrase's)
            if not phrases(offset, len(raw)):
                if classify_mention(raw) is None:
                    continue  # (a run that names no one, "But", "In May": attribute would resolve nothing)
                reach = max(0, offset - 28)  # (its verbs end in "ed": most names skip the search)
                questioned = "ed" in narration[reach:offset] and QUESTIONED.search(narration, reach, offset)
                end = offset + len(raw)
                passive = narration.startswith(PASSIVE_NEXT, end) and WAS_ASKED.match(narration, end)
                # (not when the asker goes on asking: 'Tapper pressed Sanders on X. "...?" he asked')
                tags = ((key[1], event[1], event[3]) for key, event in local.items())
                asked = (questioned and not goes_on_asking(tags, narration)) or passive
                role = "asked" if asked else None
                local[(index, offset)] = ((index, offset), raw, role or ("mention" if leads else "named"), [])
            elif leads:
                # (a titled name leading its sentence is its subject: "Indiana Gov. Mike Pence joined", "le
                # président Alain Rouquette ne cachait pas": the introduction holding the name)
                holder = (index, offset) if (index, offset) in local else _holding(local, index, offset)
                if holder is not None and local[holder][2] == "intro":
                    local[holder] = (holder, local[holder][1], "mention", [])
        for raw, offset in descriptor_subjects(narration) if {index, index + 1} & pronouns else ():
            # (a person's descriptor leading a sentence is its subject: "the senator mocked the president")
            if not phrases(offset, len(raw)):
                local[(index, offset)] = ((index, offset), raw, "mention", [])
    return [event for local in by_paragraph.values() for event in local.values()]


_NONE: frozenset[int] = frozenset()


def _holding(local: dict[tuple[int, int], Event], index: int, offset: int) -> tuple[int, int] | None:
    """The key of the phrase found in paragraph `index` that holds the name at `offset`, if any."""
    return next((k for k, event in local.items() if k[1] < offset < k[1] + len(event[1])), None)
_Test = Callable[[int, int], bool]
_NARRATION = re.compile(r"\S")


def _after_quotes(masked: list[str], quotes: list[_Quote]) -> dict[int, frozenset[int]]:
    """Per paragraph, where the narration resumes after each quotation that ends a sentence (its marks
    and words blanked): a name there opens the next sentence ('"... behind." Mr. Mook disagreed')."""
    found: dict[int, set[int]] = {}
    for quote in quotes:
        if quote.text.endswith((".", "!", "?")):
            resumes = _NARRATION.search(masked[quote.span.end_paragraph], quote.span.end)
            if resumes is not None:
                found.setdefault(quote.span.end_paragraph, set()).add(resumes.start())
    return {index: frozenset(offsets) for index, offsets in found.items()}


_HE_SHE = frozenset({"he", "she"})


def _local_tests(local: dict[tuple[int, int], Event]) -> tuple[_Test, _Test]:
    """_phrase_tests over the phrases found in a paragraph so far."""
    return _phrase_tests([(key[1], len(event[1])) for key, event in local.items()])


def _phrase_tests(phrases: list[tuple[int, int]]) -> tuple[_Test, _Test]:
    """Two tests over the phrases found in a paragraph (offset, length): whether text at (offset, length)
    overlaps one, touching included, and whether one spans (start, end), starting at or before `start`
    and ending at or after `end`. Both bisect the phrases by offset, with the furthest end reached so
    far, as a long paragraph may hold hundreds of names (testing each against each was quadratic)."""
    if not phrases:  # (most paragraphs of narration hold no phrase yet)
        return _overlaps_none, _overlaps_none
    phrases = sorted(phrases)
    starts = [o for o, _ in phrases]
    reach = list(accumulate((o + n for o, n in phrases), max))

    def overlaps(offset: int, length: int) -> bool:
        before = bisect_right(starts, offset + length)  # (the phrases starting before its end)
        return before > 0 and reach[before - 1] >= offset

    def spans(start: int, end: int) -> bool:
        before = bisect_right(starts, start)  # (the phrases starting at or before it)
        return before > 0 and reach[before - 1] >= end

    return overlaps, spans


def _overlaps_none(offset: int, length: int) -> bool:
    return False


def _role(source: bool) -> str:
    return "source" if source else "speaker"


def _attribution(
    paragraphs: list[str], quotes: list[_Quote], i: int, neighbours: Neighbours
) -> tuple[tuple[int, int], str, bool] | None:
    """Where the speaker phrase of quote i is: after its closing mark, else before its opening mark."""
    span = quotes[i].span
    start = neighbours.previous_end(i)
    before = paragraphs[span.paragraph][start : span.start]
    label = label_speaker(before, paragraphs, span.paragraph) if not start and ":" in before else None
    if label is not None:  # a transcript's or interview's label ('WHITCOMB: "..."', 'Q: "..."')
        quotes[i].direct = True
        return (span.paragraph, before.index(before.lstrip()[:1])), label, False
    judge = relative_judge(before)  # ('X, whom Democrats called "...," said': Democrats, not X)
    if judge is not None:
        return (span.paragraph, start + judge[1]), judge[0], False
    reported = None  # (the subject before the quote, when its sentence reports it: read once, kept)
    if span.closed:
        end_text = paragraphs[span.end_paragraph]
        following = neighbours.next_start(i)
        after = end_text[span.end : following if following is not None else len(end_text)]
        found = after_quote(after, quotes[i].text)
        # (the next sentence is no tag: 'China said it was "a mistake." Beijing vowed ...'; the quote
        # stays directly attributed, to the verb before it)
        reported = _reported_within(before, quotes[i].text) if found is not None else None
        if found is not None and reported is None:
            quotes[i].direct = True
            return (span.end_paragraph, span.end + found[1]), found[0], found[2]
        alone = not paragraphs[span.paragraph][: span.start].strip(" \u00a0")
        credit = _credit_below(paragraphs, span.end_paragraph, after) if alone else None
        if credit is not None:
            quotes[i].direct = True
            return credit
    found = reported or before_quote(before, bool(start))
    if found is None and start and continues_across(before):  # ('X, on "Meet the Press," saying only: "')
        across = _subject_across(paragraphs[span.paragraph], neighbours.previous_start(i))
        if across is not None:  # (its offset is the paragraph's, before the earlier quote)
            return (span.paragraph, across[1]), across[0], across[2]
    if found is None:
        if before.strip(" \u00a0"):
            return None
        return _introduced_above(paragraphs, quotes[i]) or _reaction_above(paragraphs, span.paragraph)
    direct = _DIRECT_BEFORE.search(before, after_last(before, ".;!?"))  # (none holds a stop)
    quotes[i].direct = reported is not None or bool(direct)
    quotes[i].narrated = VERB.search(before, found[1]) is None
    return (span.paragraph, start + found[1]), found[0], found[2]


def _subject_across(paragraph: str, head_end: int | None) -> tuple[str, int, bool] | None:
    """The speaker of the sentence an earlier quote of the paragraph opens in, paragraph[:head_end]: a
    speech verb's subject there, else the person opening it ("The Speaker did take a swipe at ...")."""
    if head_end is None:
        return None
    start = sentence_start(paragraph[:head_end])
    head = paragraph[start:head_end]
    found = before_quote(head)
    if found is None:
        opening = opening_subject(head, descriptors=True)
        found = (opening[0], opening[1], False) if opening is not None else None
    return (found[0], start + found[1], found[2]) if found is not None else None


def _reaction_above(paragraphs: list[str], index: int) -> tuple[tuple[int, int], str, bool] | None:
    """A quotation opening its paragraph after one that ends with a short sentence led by a person
    ("Tyler doesn't hesitate."): theirs (quote_intros)."""
    found = reaction_above(paragraphs[index - 1]) if index else None
    return ((index - 1, found[1]), found[0], False) if found is not None else None


def _introduced_above(paragraphs: list[str], quote: _Quote) -> tuple[tuple[int, int], str, bool] | None:
    """A quotation opening its paragraph after a paragraph that ends with a colon after a speech verb ('In
    a speech, Gov. Ada Li said:', 'Li told reporters on Monday:', then the quoted words as a block):
    that verb's subject's."""
    index = quote.span.paragraph
    above = paragraphs[index - 1] if index else ""
    if not above.rstrip().endswith(":"):
        return None
    found = before_quote(above)
    # (the subject of a speech verb in that sentence: 'X told reporters on Monday:', not a list's lead-in;
    # else a lead-in naming whose words follow, 'From Parker's farewell letter:': quote_intros)
    if found is None or VERB.search(above, found[1]) is None:
        named = intro_speaker(above)
        found = (named[0], named[1], False) if named is not None else None
    if found is None:
        return None
    quote.direct = True
    return (index - 1, found[1]), found[0], found[2]


def _reported_within(before: str, quote: str) -> tuple[str, int, bool] | None:
    """When a quotation that ends its sentence ends a sentence that reports it with a speech verb before
    the opening mark ('X said the tariffs were "..."', 'X asked Y, "...?"'), that verb's subject
    (before_quote's phrase; else None): a subject and verb after the closing mark start a sentence of
    their own. (The caller keeps the phrase, so the sentence before the quote is read once.)"""
    if not quote.rstrip("\"'”’ ").endswith((".", "!", "?")):
        return None
    # (a sentence that ends right before the opening mark is not the quote's: 'Unions said X. "...?" said
    # Dan Gross'; the stand-in capital lets the sentence splitter see the next sentence start there)
    head = before[sentence_start(before + "A") :]
    # (or with a colon: 'X tried to calm them, telling them bluntly: "..." The crowd responded with boos.'
    # is X's, the next sentence the crowd's own; before_quote takes only a person leading such a colon)
    introduced = VERB.search(head) is not None or head.rstrip().endswith(":")
    return before_quote(before) if head.strip() and introduced else None


def _credit_below(paragraphs: list[str], index: int, after: str) -> tuple[tuple[int, int], str, bool] | None:
    """A dash credit alone in the paragraph after a quote that is a paragraph of its own: testimonials,
    pull quotes and epigraphs set the name on its own line ('"..."' then '- Hans M.', '— Ada Li, nurse')."""
    if after.strip(" .,;\u00a0") or index + 1 >= len(paragraphs):
        return None
    below = paragraphs[index + 1]
    if not _DASH_LINE.match(below) or len(below.split()) > CREDIT_MAX_WORDS:
        return None
    found = after_quote(below, "")
    return ((index + 1, found[1]), found[0], found[2]) if found is not None else None
