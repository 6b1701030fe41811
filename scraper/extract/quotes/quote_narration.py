"""Speakers named in narration, outside quotations: for quotes with no attribution of their own.

`narration_mentions` finds subjects of speech verbs and "according to" sources, `name_mentions` the
capitalized runs (names, named organizations); narration_titles finds people named with a title.
Offsets are into the given text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from scraper.extract.quotes.narration_runs import after_openers, attributive, before_blank, is_headline
from scraper.extract.quotes.quote_after import AFTER_ACCORDING, AFTER_VERB_SUBJECT, plausible_subject
from scraper.extract.quotes.quote_asked import asked_opening
from scraper.extract.quotes.quote_attribution import SOURCE_VERBS, VERB, subject_before
from scraper.extract.quotes.quote_judging import OPENING_PHRASES
from scraper.extract.quotes.quote_named_leads import named_lead
from scraper.extract.quotes.quote_sentences import sentence_ends
from scraper.extract.quotes.quote_subjects import descriptor_subject
from scraper.extract.quotes.speaker_articles import name_in_run
from scraper.extract.quotes.speaker_german import no_person_after
from scraper.extract.quotes.speaker_words import (
    HONORIFICS,
)
from scraper.extract.quotes.speakers import classify_phrase

_CAPITALIZED = r"[A-ZÀ-ÖØ-Þ][\w\-]*(?:[’'][A-ZÀ-ÖØ-Þ]\w*)?"  # "O'Brien", not "Iowa's"
# A person's campaign or administration named after them is a body a later "the campaign" refers to.
_BODY_TAIL = r"(?:\s+(?:campaign|administration)\b)?"
# A possessive that opens a company's name goes on with it: "Moody's Investors Service" (speaker_names).
_COMPANY_POSSESSIVE = r"(?:[’']s(?=\s+(?:Investors|Ratings|Corp|Inc|Co|LLC|Ltd|Restaurants|Stores)\b))?"
# A run opens with "the", "la", "le" or a capital. Its first character is matched first, by a plain
# class, which the engine scans for in one tight loop (most positions hold neither a capital, a t nor
# an l); what it opened is then told by looking back at it.
_NAME_RUN = re.compile(
    rf"[tlA-ZÀ-ÖØ-Þ](?:(?<=\b[tl])(?:he|a|e)\s+{_CAPITALIZED}"  # (the \b before "the", "la" or "le")
    r"|(?<=[A-ZÀ-ÖØ-Þ])[\w\-]*(?:[’'][A-ZÀ-ÖØ-Þ]\w*)?)"  # (the rest of _CAPITALIZED)
    rf"{_COMPANY_POSSESSIVE}"
    rf"(?:\s+(?:(?:de|van|von|der|du|da|del|la|le|of)\s+)?{_CAPITALIZED})*{_BODY_TAIL}"
)
# The same with what the attribution view masks the periods of ("Paul D\u2024 Ryan", "Mr\u2024 Mook",
# "Donald Trump Jr\u2024"): for the sentences that hold one (the optional parts cost every other
# sentence time). An honorific makes a lone surname a person, of a gender ("Mr. Mook disagreed").
_NAME_RUN_INITIALS = re.compile(
    r"(?=[tlA-ZÀ-ÖØ-Þ])"
    rf"(?:\b(?:the|la|le)\s+|(?:Mr|Mrs|Ms)\u2024\s?)?{_CAPITALIZED}{_COMPANY_POSSESSIVE}"
    rf"(?:\s+(?:(?:de|van|von|der|du|da|del|la|le|of)\s+)?(?:[A-Z]\u2024\s?)*{_CAPITALIZED})*"
    r"(?:(?<=[JS]r)\u2024|(?<=\s[A-Z])\u2024)?"  # (a suffix, or a surname cut to its initial: "Stefan K.")
    rf"{_BODY_TAIL}"
)


def _spans_none(start: int, end: int) -> bool:
    return False


def narration_mentions(
    text: str, spanned: Callable[[int, int], bool] = _spans_none
) -> list[tuple[str, int, str]]:
    """Speakers named in narration outside quotes: subjects of speech verbs and "according to" sources,
    with their role ("speaker", "source", or "mention": a subject read across a sentence end).
    `spanned(start, end)`: whether a phrase already found reaches from `start` or before to `end` or
    beyond (a quote's speaker phrase); a subject that would be read inside one is left out."""
    found: list[tuple[str, int, str]] = []
    for start, sentence, verbs in _sentences(text):
        for number, verb in enumerate(verbs):
            source = verb.group("verb").lower() in SOURCE_VERBS
            if number and not source or _interjected(sentence, verb):
                continue  # only the main (first) speech verb's subject, plus every cited source
            if not source and _within_phrase(sentence, verb.start(), start, spanned):
                continue
            subject = _inverted(sentence, verb.start()) or subject_before(sentence, verb.start())
            subject = subject or _subject_after(sentence, verb.start())
            if subject is not None and subject[0]:
                role = "source" if source else "speaker"
                if not source and _ended_before(sentence, verb.start(), subject[1]):
                    # (the sentence before a blanked quotation and its tag: its subject, no speaker)
                    role = "mention"
                found.append((subject[0], start + subject[1], role))
    return found


def _ended_before(sentence: str, verb_at: int, subject_at: int) -> bool:
    """Whether the subject read for the verb at `verb_at` stands in a sentence that ends before a blanked
    quotation the verb tags ('For voters like Ada Li, a nurse, the race is long.  [quote]  she said'): the
    splitter sees no sentence end before a blank, so the subject read is the earlier sentence's."""
    if "   " not in sentence or not sentence[:subject_at].strip():
        return False  # (a subject opening the sentence is its own: 'Li weighed in.  [quote]  he wrote')
    ended = _BLANKED_AFTER_END.search(sentence, subject_at, verb_at)
    return ended is not None


def _within_phrase(sentence: str, verb_at: int, start: int, spanned: Callable[[int, int], bool]) -> bool:
    """Whether the verb's subject can only be read inside a phrase found already, which spans all the
    words before the verb ('"...," Mr. Li said', 'Mr. Li said, "..."': the quote's own speaker phrase).
    The caller drops a subject that touches such a phrase, so reading it could change nothing: with no
    comma right before the verb (_inverted and _subject_after need one, to read a subject after it), no
    "according to" at it and no passive before it (subject_before's two subjects after the verb), every
    subject subject_before reads is a piece of the words before the verb, at its offset there, holding
    one of their characters (a stripped comma chunk, or a part of one), so it touches a phrase spanning
    them all."""
    head = sentence[:verb_at]
    words = head.strip()
    if not words or words.endswith(",") or words.endswith(_PASSIVE_ENDS):
        return False
    at = start + head.index(words[0])
    return spanned(at, at + len(words)) and AFTER_ACCORDING.match(sentence[verb_at:]) is None


# How a passive ends before its verb ("be", "was", "is", "been" ..., perhaps with an adverb in -ly):
# a superset of subject_before's test, whose subject, a questioner, stands after the verb.
_PASSIVE_ENDS = ("be", "been", "being", "is", "are", "was", "were", "ly")


def _interjected(sentence: str, verb: re.Match[str]) -> bool:
    """A verb set off by commas on both sides ("made by makers of, say, electric cars"): an aside or
    "for example", not anyone speaking."""
    return sentence[: verb.start()].rstrip().endswith(",") and sentence[verb.end() :].startswith(",")


_Sentence = tuple[int, str, tuple[re.Match[str], ...]]


@lru_cache(maxsize=8)  # narration_mentions and name_mentions read the same paragraph in turn
def _sentences(text: str) -> tuple[_Sentence, ...]:
    """Each sentence of `text`: its offset, its text and its speech verbs."""
    sentences: list[_Sentence] = []
    start = 0
    first, last = unblanked(text)  # (the blanks of a quotation opening or closing the paragraph)
    for end in [*sentence_ends(text), len(text)]:  # ("the U.S. Secret Service" is one sentence)
        sentence = text[start:end]
        verbs = VERB.finditer(sentence, max(0, first - start), min(end, last) - start)
        sentences.append((start, sentence, tuple(verbs)))
        start = end
    return tuple(sentences)


def unblanked(text: str) -> tuple[int, int]:
    """Where the text of a masked paragraph or sentence starts and ends: the blanks of a quotation that
    opens or closes it (a fifth of all narration) are left out of the searches that test every position,
    no match starting there. (The verb and title patterns end with lookaheads that white space up to the
    end satisfies as the end itself does, so their matches are the same.)"""
    if not text.startswith(_BLANK) and not text.endswith(_BLANK):
        return 0, len(text)  # (no quotation at either end: a sentence's own space is not worth a copy)
    return len(text) - len(text.lstrip()), len(text.rstrip())


_BLANK = "   "  # (a blanked quotation: its marks and at least one character)


def _inverted(sentence: str, verb_at: int) -> tuple[str, int] | None:
    """The subject after an incise verb when the clause before its comma is what was said, not a
    subject ("Schools, too, should adapt, said Mr. Schwartz"; but "Jo Li, the chief, told X": Jo Li)."""
    head = sentence[:verb_at].rstrip()
    if not head.endswith(","):
        return None  # (no incise: no subject after the verb, whatever stands before it)
    last = head.rstrip(",").rsplit(",", 1)[-1]
    if _ASIDE.match(last) and plausible_subject(head.split(",", 1)[0].strip()):
        return None  # (an aside between subject and verb: 'Ms. Li, leaving the diner, said she ...')
    if _APPOSITIVE.match(last) and _named(head.split(",", 1)[0]):
        return None  # (a name's appositive: 'Madigan, a Chicago Democrat who has led ..., answered')
    # (a sentence ends before the blanked quotation: in 'X findet das Buch zu düster. "...", sagt er'
    # nothing but the quotation stands before the comma)
    after_stop = last.endswith(_BLANK) and _STOP_BLANK.search(last) is not None
    return None if not after_stop and plausible_subject(last.strip()) else _subject_after(sentence, verb_at)


# A participial phrase, a relative clause or a sentence adverb set off by commas after the subject ("Ms.
# Li, leaving the diner, said", "Turner, who made a century, said", "Ryan, for his part, told"): the
# verb's subject stands before it, not after the verb as in "Schools, too, should adapt, said Mr. X".
_ASIDE = re.compile(
    r"\s*(?:[a-z]+ing\s|for (?:his|her|their|its) part\s*$|(?:meanwhile|however|though|in turn|too)\s*$"
    r"|(?:who|whose|whom)\s)"
)
# An appositive after a name, set off by commas before the verb: "a Chicago Democrat who ...", "the
# speaker since 2011", "who spoke for 40 minutes".
_APPOSITIVE = re.compile(r"\s*(?:an?|the|who|whose)\s")
_STOP_BLANK = re.compile(r"[.!?][\"”’')\]»“]*\s{3,}$")


def _named(chunk: str) -> bool:
    """Whether a sentence's first comma chunk is a person's or body's name ("Madigan", "Sen. Ann Hart")."""
    phrase = classify_phrase(chunk.strip())
    return phrase is not None and phrase.kind == "name"


def _subject_after(sentence: str, verb_at: int) -> tuple[str, int] | None:
    """An inverted subject after an incise verb: "La hausse s’explique par ..., a expliqué X, économiste"."""
    if not sentence[:verb_at].rstrip().endswith(","):
        return None
    match = AFTER_VERB_SUBJECT.match(sentence[verb_at:])
    if match is None or not plausible_subject(match.group("spk")):
        return None
    return match.group("spk"), verb_at + match.start("spk")


def name_mentions(text: str, after_quotes: frozenset[int] = frozenset()) -> list[tuple[str, int, bool]]:
    """Capitalized runs in narration (names, named organizations): (run, offset, leads a sentence
    without a speech verb, as its subject or topic: "For Odegaard, the biggest draw is time.").
    `after_quotes`: offsets right after a blanked quotation, where a name opens a sentence too ('"...
    behind." Mr. Mook disagreed')."""
    found: list[tuple[str, int, bool]] = []
    for start, sentence, verbs in _sentences(text):
        first = len(sentence) - len(sentence.lstrip(" \"“”'«("))
        # (a source cited with "according to" is not the subject's speech: in 'Ryan, for his part, defended
        # the bill, according to two aides' Ryan still leads)
        own = [v for v in verbs if v.group("verb").lower() not in _CITING] if verbs else verbs
        # (nor is a question put to the subject: in "Li was blunt when asked about it" Li still leads)
        own = [v for v in own if not _put_to_subject(sentence, v)] if own else own
        lead = -1 if own and not _verbless_opening(sentence, own[0].start()) else first
        asked = asked_opening(sentence)  # ('Asked ..., Mrs. Clinton smiled': the subject after it leads)
        lead = asked if asked >= 0 else lead
        named = named_lead(sentence, lead)  # ('Afterward, a woman named Ruth Van Wyk holds ...': her name)
        runs = _NAME_RUN_INITIALS if "\u2024" in sentence else _NAME_RUN
        openers = lead >= 0 and "," in sentence
        for m in runs.finditer(sentence) if not is_headline(sentence) else ():  # (narration_runs)
            at = m.start()
            leads = at in (lead, named) or (after_quotes and start + at in after_quotes)
            if openers and not leads and sentence[at - 2 : at] == ", ":  # (after opening phrases)
                leads = after_openers(sentence, at)
            if not leads and lead >= 0 and at > 3 and sentence[at - 2].islower() and sentence[at - 1] == " ":
                leads = _titled_lead(sentence, at, lead, openers)
            if leads and sentence.startswith((".", "\u2024"), m.end()) and m.group().lower() in HONORIFICS:
                # (an honorific's period cuts the run: in "Dr. Marion Tate suspended ..." the name leads)
                lead = len(sentence) - len(sentence[m.end() + 1 :].lstrip())
                leads = False
            # (a possessive opening it is the sentence's topic, "Ortiz’s allies say ...", as a subject is)
            topic = at == first and sentence.startswith(("’s", "'s"), m.end())
            # ("plays a Hank Williams song", "vom Hamburger Verlag X", "von 600 Metern Länge": no one in the
            # scene; speaker_german)
            if attributive(sentence, at, m.end()) or no_person_after(sentence, at):
                continue
            run = before_blank(m.group())
            noun, end = name_in_run(sentence, at, run) if " " in run else (0, len(run))  # (speaker_articles)
            found.append((run[noun:end], start + at + noun, leads or topic))
    return found


# A verb of asking or telling in the passive, its subject the one asked ("when asked", "after being told",
# "was pressed"): the sentence reports no speech of its subject.
_PUT_TO = frozenset({"asked", "told", "pressed", "questioned"})
_PASSIVE_BEFORE = re.compile(r"(?:\b(?:when|if|once|after being|being|was|were|is|are|been))\s+$")


def _put_to_subject(sentence: str, verb: re.Match[str]) -> bool:
    """Whether the speech verb puts a question to the sentence's subject ("when asked about it")."""
    if verb.group("verb").lower() not in _PUT_TO:
        return False
    return _PASSIVE_BEFORE.search(sentence, max(0, verb.start() - 14), verb.start()) is not None


# Sources cited outside the subject slot, whose verb is no one's own speech.
_CITING = frozenset({"according to", "selon", "según", "laut", "d'après", "d’après"})


# A sentence end, then a blanked-out quotation (its marks blanked too): in 'X had a message. "...," the
# former governor told the crowd' the speech verb is the next sentence's, the first has none.
_BLANKED_AFTER_END = re.compile(r"[.!?][\"”’')\]]*\s{3,}")


# An article and a lower-case title before a name ("le président Alain Rouquette", "la climatologue X",
# "der Ortsvorsteher X" is capitalized and read as a run of its own).
_ARTICLE_TITLE = re.compile(r"(?:[Tt]he|[Ll][ea]|[Ll][’']|[Dd]er|[Dd]ie)\s*(?:[a-zà-öø-ÿß\-]+\s+){1,3}$")


def _titled_lead(sentence: str, at: int, lead: int, openers: bool) -> bool:
    """Whether the name at `at` leads its sentence after an article and its lower-case title, at the
    sentence's start or after its opening phrases ("En tribune, le président Alain Rouquette ne cachait
    pas son émotion"): the person is the sentence's subject, whom a later "le dirigeant" may be."""
    title = _ARTICLE_TITLE.search(sentence, max(lead, at - 40), at)
    if title is None:
        return False
    return title.start() == lead or (openers and after_openers(sentence, title.start(), OPENING_PHRASES))


def _verbless_opening(sentence: str, verb_at: int) -> bool:
    """Whether the sentence ends before its first speech verb, where a blanked quotation opened the next
    one (a sentence end before a quote is not found in the blanked text)."""
    return "   " in sentence and _BLANKED_AFTER_END.search(sentence, 0, verb_at) is not None


# "the" and a lower-case word opening a paragraph, a sentence or a clause after a comma.
_THE_LEADS = re.compile(r"(?:^|[.!?,][\"”’)]*\s)\s*[Tt]he\s+[a-z]")


def descriptor_subjects(text: str) -> list[tuple[str, int]]:
    """Person descriptors leading sentences without a speech verb ("the senator mocked the president"),
    with their offsets: the sentence's subject, a following pronoun's antecedent (quote_subjects)."""
    found: list[tuple[str, int]] = []
    if _THE_LEADS.search(text) is None:  # (most paragraphs: no sentence or clause opens with "the")
        return found
    for start, sentence, verbs in _sentences(text):
        verbless = not verbs or _verbless_opening(sentence, verbs[0].start())
        opened = max(0, asked_opening(sentence))  # ('Asked ..., the governor paused': its subject)
        subject = descriptor_subject(sentence[opened:]) if verbless or opened else None
        if subject is not None:
            found.append((subject[0], start + opened + subject[1]))
    return found
