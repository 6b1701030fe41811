"""Direct quotations in the body and who said them.

Pipeline: quote_spans normalizes old-style marks and finds the quoted spans (all mark styles, quotes
spanning paragraphs); speaker_titles masks what surrounds a name (titles' periods, party-state tags,
ages, asides) in an attribution view of each paragraph; quote_events collects, in reading order, each
span's speaker phrase in that view (quote_after: after it, quote_attribution: before it, else the person
the narration is about: quote_subjects) and the speakers named in narration (quote_narration); speakers
classifies each phrase and speaker_history resolves it to a name in reading order (pronouns, "the former
NATO commander", surnames). Then:

- Scare quotes, titles and nicknames are dropped: a span is kept when it has 3+ words (4+ characters
  in CJK text), or when it is directly attributed ('"Yes," he said', 'said: "No."'), however short.
  A 3+ word span is still dropped when it is Title Cased with no sentence punctuation and no direct
  attribution (a title: "The Lord of the Rings"), or when it sits between two capitalized words (a
  nickname: Dwayne "The Rock Star" Johnson). Titles of works are never quotations, attributed or not:
  a Title Case span after a preposition or a verb like "told" ('told "Fox and Friends" on Monday'),
  and a title pointed to with "see". A one-word lower-case span that its sentence runs on past with no
  punctuation ('against "criminals" in his entourage, a source said'), or a two-word one after a
  determiner ('not the "jobs machine" it thinks'), is a term even when attributed (quote_fragments).
- A quotation ending a sentence that reports it with a speech verb before the opening mark ('China
  said the tariffs were "a mistake."', 'X asked Y, "...?"') is that verb's subject's: a subject and
  speech verb after the closing mark start the next sentence ('Beijing vowed to respond').
- A quotation opening a paragraph after one that ends with a colon after a speech verb ('Gov. Ada Li
  told reporters:') is that verb's subject's; without a speech verb, so is one after a lead-in naming
  whose words follow ('From Parker's farewell letter:', 'the final words to the poet, X:': quote_intros).
- Reporting clauses outside the subject slot name the speaker ('As X reports, ...', 'as stated by X',
  'One Gallup poll found "..."', 'X's claim that "..."': quote_reporting); "it said" after a sentence led
  by an organization is that organization's (speaker_it); a descriptor the article has not used that
  "added" right after a named person's quotation is that person going on (speaker_continuation).
- An unattributed span takes the speaker of the nearest attributed span in its paragraph
  ('"A," he said. "B."'); a paragraph that opens with a quotation (narration may follow it) continues
  the speaker of a quotation at most two paragraphs back (interviews put a narration paragraph or two
  between).
- A whole-paragraph quotation with no attribution after the narration names a work with its author ('the
  chapter by X titled ...', 'the ILO carried out its first global study') is the author's, until someone
  else is credited with a quotation (a blog's passages from a book it reviews: quote_cited_works).
- A quotation tagged with "I" and a speech verb ('"...," I say', 'I asked him: "..."') is the writer's
  when the body holds exactly one byline naming a person in full ("By Ada Quinn // her blog"); a page of
  several bylines (a comment thread) has no single writer (speaker_writer).
- A quotation in Chinese takes the subject of the speech verb before it in its sentence, named as the
  Latin letters name them: a transliteration's parenthesis ('霍特(Daniel Huot)表示：'), a Latin name
  ('Nasa表示：'), a surname so introduced ('汉森指出：'), or for 他/她 the person last introduced or
  reported speaking (speaker_chinese).
- A quotation still unattributed after indirect speech in its paragraph ('Chen responded that he enjoys
  it. In CoD "you get rewards for mechanics."'), or opening the paragraph after such a report ('Li said
  she would run. ' then '"I am not done."'), is the reported speaker's, unless someone else is named
  between (quote_runs.continue_reported).
- A one-word sentence subject taken as a speaker without a speech verb is dropped when the article writes
  the word in lower case and never capitalizes it inside a sentence ("Players need ...": a common noun).
- A quotation still unattributed that is a whole paragraph (or a sentence after a colon), right after a
  paragraph with no quoted line, is the article's subject's when one speaker holds at least 3 and 60% of
  the attributed quotations (an interview's bare answers after the interviewer's questions); a line after
  another quoted line is dialogue and keeps none, as does any such quotation with no dominant speaker.
  So is a first-person sentence of its own set in narration ('Martin grew up an athlete. "I played ..."').
- A quotation in the headline (a short first paragraph with no sentence end) that a later quotation
  holds takes that quotation's speaker: the body credits the words the headline lifts (quote_headlines).
- Quote text is stripped of the comma that joins it to its attribution ('"...," he said').
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import Any, NamedTuple

from scraper.extract.quotes.mention_context import context_gender, how_named, quoted_surnames
from scraper.extract.quotes.quote_cited_works import cited_work_passages
from scraper.extract.quotes.quote_dialogue import alternate_turns, dialogue_spans, dialogue_turns
from scraper.extract.quotes.quote_events import speaker_events
from scraper.extract.quotes.quote_filters import is_quotation, is_scare_quote, is_unspoken_term
from scraper.extract.quotes.quote_headlines import headline_echoes, repeated_quotes, subhead_echoes
from scraper.extract.quotes.quote_incises import split_incises
from scraper.extract.quotes.quote_kin import kin_entry
from scraper.extract.quotes.quote_qa import qa_answers
from scraper.extract.quotes.quote_runs import (
    CARRIED,
    DIRECT,
    NARRATED,
    NONE,
    continue_reported,
    inherit_speakers,
    interview_subject,
)
from scraper.extract.quotes.quote_runs import Quote as _Quote
from scraper.extract.quotes.quote_spans import find_spans, normalize_marks
from scraper.extract.quotes.quote_terms import drop_split_openers, is_unspoken
from scraper.extract.quotes.speaker_chinese import chinese_speakers
from scraper.extract.quotes.speaker_continuation import continues_speaker
from scraper.extract.quotes.speaker_display import organization_name
from scraper.extract.quotes.speaker_document_owner import document_author
from scraper.extract.quotes.speaker_full_names import full_names, longer_names, named_in_text
from scraper.extract.quotes.speaker_german import she_by_verb
from scraper.extract.quotes.speaker_history import SpeakerHistory
from scraper.extract.quotes.speaker_it import it_antecedent
from scraper.extract.quotes.speaker_lede import lede_holder
from scraper.extract.quotes.speaker_mentions import classify_mention
from scraper.extract.quotes.speaker_titles import attribution_view
from scraper.extract.quotes.speaker_writer import writer_quotes
from scraper.extract.quotes.speakers import Phrase, classify_phrase


def extract_quotes(paragraphs: list[str]) -> list[dict[str, Any]]:
    """Every direct quotation with its resolved speaker (or None) and the paragraph where it starts."""
    found = attribute(paragraphs)
    if found is None:
        return []
    return [{"text": q.text, "speaker": q.speaker, "paragraph": q.span.paragraph} for q in found.quotes]


class Attributed(NamedTuple):
    """The quotations kept with the rules' speakers, and what a measurement of other speaker choices needs:
    how the rules gave each its speaker (quote_runs.DIRECT, NARRATED, CARRIED or NONE), the paragraphs
    (marks normalized), their narration (attribution view, quotes blanked) and the people resolved there
    ((paragraph, offset, speaker, reported by a speech verb with no quotation of its own))."""

    quotes: list[_Quote]
    origins: list[str]
    paragraphs: list[str]
    narration: list[str]
    named: list[tuple[int, int, str, bool]]


def attribute(paragraphs: list[str]) -> Attributed | None:
    """The quotations and their speakers by the rules (None when there is no quoted span)."""
    paragraphs = [normalize_marks(p) for p in paragraphs]
    spans = split_incises(find_spans(paragraphs), paragraphs)  # (« ..., dit-il. ... »: quote_incises)
    if any(p[:1] in "—–" for p in paragraphs):  # (lines of dash-led dialogue: quote_dialogue)
        spans = sorted(spans + dialogue_spans(paragraphs), key=lambda s: (s.paragraph, s.start))
    if not spans:
        return None
    quotes = [_Quote(span, _clean(span.text)) for span in spans]
    views = [attribution_view(p) for p in paragraphs]  # (titles and asides around names blanked)
    masked = _narration(views, quotes)
    events = speaker_events(views, masked, quotes)
    credits = [(raw, len(owners)) for _, raw, role, owners in events if owners and role == "speaker"]
    history = SpeakerHistory(quoted_surnames(credits))
    events = sorted(events, key=itemgetter(0))
    reported: list[tuple[int, int, str, bool]] = []
    turns = dialogue_turns(paragraphs)  # (a dialogue's lines count as one paragraph: quote_dialogue)
    for (index, offset), raw, role, owners in events:
        at = turns[index]
        if role == "kin":  # ('Her husband, Gerrit, was less sure': quote_kin)
            kin = kin_entry(history.entries, raw, at)
            kin_phrase = classify_mention(kin[0]) if kin is not None else None
            if kin is not None and kin_phrase is not None:  # (as a full name leading its sentence)
                history.resolve(kin_phrase, "mention", kin[1], at, True)  # (the owner's namesake)
            continue
        classify = classify_mention if role in {"mention", "named", "asked"} else classify_phrase
        phrase = classify(raw) if raw else classify_phrase("he")
        if phrase is not None and role == "speaker" and phrase.kind == "pronoun":  # ("it said": speaker_it)
            phrase = it_antecedent(phrase, masked, index, offset) or phrase
        if phrase is not None and phrase.text == "sie" and she_by_verb(masked[index], offset, raw):
            phrase = _SHE  # (German "sie" with a singular verb: speaker_german)
        speaker = None
        if phrase is not None and not history.forgets(phrase, role):  # (a lone word no one is called by)
            gender = _context_gender(phrase, role, masked[index], offset, raw)
            how = _NOT_NAMED  # (how_named reads full names only: most phrases skip the call)
            if phrase.kind == "name" and " " in phrase.name:
                how = how_named(phrase, masked[index], offset, offset + len(raw))
                if _AGED.match(paragraphs[index], offset + len(raw)):  # (the view blanks the age)
                    how = (*how[:3], "age")
                    role = "mention" if role == "named" else role  # ("Ann Orr, 52, who ...": a he or she)
            speaker = None
            if continues_speaker(phrase, role, masked[index], offset + len(raw)):
                speaker = history.continued(phrase, at)  # ('The former astronaut ... added:')
            speaker = speaker or history.resolve(phrase, role, gender, at, *how)
        for quote in owners:
            quote.speaker = speaker
        if speaker and phrase is not None and phrase.kind in {"name", "pronoun"}:
            # people named in narration, and whether a speech verb reports them ("Chen responded that")
            reported.append((index, offset, speaker, role in {"speaker", "source"} and not owners))
    for quote in quotes:  # ("A coroner has called for ..." in the lede: the coroner named later)
        if quote.speaker and quote.span.paragraph == 0 and quote.speaker[:2] in ("A ", "An"):
            quote.speaker = lede_holder(quote.speaker, history.entries) or quote.speaker
    short = {q.speaker for q in quotes if q.speaker and " " not in q.speaker}
    short.update(name for _, _, name, _ in reported if " " not in name)
    if short:  # (a one-word speaker the article names in full elsewhere: speaker_full_names)
        full = full_names(history.entries, short)
        if len(full) < len(short):  # (a full name only inside a longer phrase: "Gov. Ada Li's office")
            full.update(named_in_text(paragraphs, short - full.keys()))
        for quote in quotes:
            quote.speaker = full.get(quote.speaker, quote.speaker) if quote.speaker else None
        reported = [(i, at, full.get(name, name), by_verb) for i, at, name, by_verb in reported]
    pairs = {q.speaker for q in quotes if q.speaker and q.speaker.count(" ") == 1}
    if pairs:  # (a two-word start of a longer name given first: "says Te Kaurinui")
        longer = longer_names(history.entries, pairs)
        for quote in quotes:
            quote.speaker = longer.get(quote.speaker, quote.speaker) if quote.speaker else None
    for quote in quotes:  # ("The letter also said": its author, as introduced before; speaker_document_owner)
        if quote.speaker and quote.speaker.startswith(("the ", "The ")):
            where = quote.span
            before = "\n".join(paragraphs[: where.paragraph] + [paragraphs[where.paragraph][: where.start]])
            quote.speaker = document_author(quote.speaker, before) or quote.speaker
    alternate_turns(quotes, paragraphs)  # (a dialogue line without an incise: quote_dialogue)
    writer_quotes(quotes, paragraphs)  # ('"...," I say' on a page with one byline: speaker_writer)
    chinese_speakers(quotes, paragraphs, masked)  # ('霍特(Daniel Huot)表示：“...”': speaker_chinese)
    spoken = {q.span.paragraph for q in quotes if q.direct}
    kept = [q for q in quotes if is_quotation(q, paragraphs, spoken)]
    attributed = {id(q): NARRATED if q.narrated else DIRECT for q in kept if q.speaker is not None}
    inherit_speakers(kept, paragraphs, quotes)
    cited_work_passages(kept, masked)  # (a reviewed book's passages set apart: quote_cited_works)
    continue_reported(kept, reported, paragraphs)
    interview_subject(kept, paragraphs)
    qa_answers(kept, paragraphs)  # (a question-and-answer interview's answers: its interviewee's)
    kept = [q for q in kept if not (is_scare_quote(q, paragraphs) or is_unspoken_term(q, paragraphs))]
    kept = [q for q in kept if not is_unspoken(q, paragraphs)]  # (terms named as such: quote_terms)
    kept = drop_split_openers(kept, paragraphs)
    headline_echoes(kept, paragraphs)  # (a headline's phrase the body quotes with its speaker)
    kept = subhead_echoes(kept, paragraphs)  # (a subheading lifting a quotation's words: not a quote)
    repeated_quotes(kept)  # (a passage quoted again without its speaker: quote_headlines)
    origins = [attributed.get(id(q), CARRIED if q.speaker is not None else NONE) for q in kept]
    _without_articles(kept, paragraphs)
    return Attributed(kept, origins, paragraphs, masked, reported)


def _without_articles(quotes: list[_Quote], paragraphs: list[str]) -> None:
    """Organizations' names without the article before them ("the IDF" -> "IDF": speaker_display)."""
    text = ""
    for quote in quotes:
        speaker = quote.speaker
        if speaker and speaker[:1] in _ARTICLE_STARTS:
            text = text or "\n".join(paragraphs)
            quote.speaker = organization_name(speaker, text)


_ARTICLE_STARTS = frozenset("tTlLdD")  # (the, le, la, les, l’, der, die, das)


def _context_gender(phrase: Phrase, role: str, text: str, offset: int, raw: str) -> str:
    """Gender evidence around a speaker phrase or a full name in narration ("Smith said she",
    "her husband, John Smith"); not around every capitalized word, which would cost more than it finds."""
    if not raw or phrase.kind == "pronoun":
        return ""
    if role in {"named", "mention", "asked"} and (phrase.kind != "name" or " " not in phrase.name):
        return ""
    return context_gender(text, offset, offset + len(raw))


def _clean(text: str) -> str:
    return text.strip().rstrip(",").strip()


_NOT_NAMED = (False, False, False, "")
_SHE = classify_phrase("she")
# An age right after a name in narration ("like Estrella Vega, 52, who was voting"): a person introduced
# to be quoted, whom a following he or she may refer to, as to a sentence's subject.
_AGED = re.compile(r",\s*\d{1,3}\s*[,;)]")


def _narration(paragraphs: list[str], quotes: list[_Quote]) -> list[str]:
    """Each paragraph with quoted text blanked out (same length, so offsets still match)."""
    masked = list(paragraphs)
    for quote in quotes:
        span = quote.span
        for index in range(span.paragraph, span.end_paragraph + 1):
            text = masked[index]
            start = span.start if index == span.paragraph else 0
            end = span.end if index == span.end_paragraph else len(text)
            masked[index] = text[:start] + " " * (end - start) + text[end:]
    return masked
