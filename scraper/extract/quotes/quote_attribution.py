"""Find the speaker phrase before a quotation (after it: quote_after; in narration: quote_narration).

'X said: "..."' and partial quotes 'X told MSNBC that Putin is "..."', where X is the subject of the
sentence's first speech verb that has one, or the subject of its main clause ('X reaffirmed ... but
acknowledged the "..."'); an inverted tag opening the sentence ('Says Bourdain: "..."'); with no speech
verb, the person the narration is about (quote_subjects: 'X attacked "..."').
Each function returns the raw phrase and its offset in the given text; speakers.classify_phrase judges it.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_after import AFTER_ACCORDING, plausible_subject
from scraper.extract.quotes.quote_bodies import body_speaking
from scraper.extract.quotes.quote_chunks import appositive_owner, clause_chunks
from scraper.extract.quotes.quote_conjunctions import without_conjunction
from scraper.extract.quotes.quote_joined import coordinated_lead
from scraper.extract.quotes.quote_judging import joined_judge, judging_subject
from scraper.extract.quotes.quote_relatives import (
    antecedent_speaker,
    in_own_clause,
    own_clause_subject,
    relative_subject,
)
from scraper.extract.quotes.quote_reported import reported_back, reported_tag
from scraper.extract.quotes.quote_reporting import (
    as_by_opening,
    claim_owner,
    document_reads,
    in_words_of,
    main_clause_verb,
    study_source,
    what_it_calls,
)
from scraper.extract.quotes.quote_sentences import after_last, sentence_start
from scraper.extract.quotes.quote_subjects import (
    PARTICIPLE,
    clause_name,
    infinitive_subject,
    name_saying,
    narrating_subject,
    participle_subject,
    previous_subject,
    without_auxiliaries,
)
from scraper.extract.quotes.quote_views import view_holder
from scraper.extract.quotes.speaker_articles import source_appositive
from scraper.extract.quotes.speaker_german import (
    before_auxiliary,
    coordinated_subject,
    inverted_subject,
    subordinate_clause,
    subordinate_subject,
)
from scraper.extract.quotes.speaker_mentions import matched_speaker
from scraper.extract.quotes.speaker_places import region_of_place
from scraper.extract.quotes.speaker_words import word_set
from scraper.extract.quotes.speakers import classify_phrase
from scraper.extract.quotes.speech_verbs import AFTER_DETERMINER, SOURCE_VERBS, VERB

# A main-clause subject followed by its (non-speech) verb: 'Xi Jinping reaffirmed his support ...'.
# (a determiner or pronoun ending in s is no verb: in "Considering this stated ..." nothing has a subject)
_CLAUSE_SUBJECT = re.compile(
    r"(?P<spk>(?:[A-Z][\w’'.\-]*\s+){0,6}?[A-Z][\w’'.\-]*|[Hh]e|[Ss]he|[Tt]hey)\s+(?:[a-z]\w*ly\s+)?"
    r"(?!(?:this|his|its|us|as|thus|plus|less|unless|yes)\b)[a-z]\w*(?:ed|s)\b"
)
# A subject that ends in a name, then its past-tense verb: 'Council member Walter Grant voted against it'.
_NAME_THEN_VERB = re.compile(r"^(?:[\w’'.\-]+\s+){0,6}?[A-Z][\w.\-]*(?=\s+(?:[a-z]\w*ly\s+)?[a-z]\w*ed\b)")
# "As" opening the clause of a speech verb: "As one principal in our study put it, ...".
# Words opening a relative clause after a subject ("X, who ..., said"), and object relatives whose
# clause has its own subject ("a practice that the council calls ...").
_RELATIVES = word_set("who whose whom which where qui dont où")
_DETERMINERS = word_set("the a an one this that these those le la les un une der die das ein eine el los las")
_STOP_MARK = re.compile(r"[.!?]\s")
_LEADING_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'\-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w’'\-]*){0,3}")
def before_quote(text: str, after_quotation: bool = False) -> tuple[str, int, bool] | None:
    """The subject of the sentence leading up to an opening mark, if that sentence has a speech verb;
    `after_quotation`: `text` follows another quotation of the paragraph."""
    start = sentence_start(text)
    sentence = text[start:]
    # ('X seien ..., sagte ein Sprecher. „...“': quote_reported; not the tag of the quotation just before,
    # '"...," Dr. X, the health officer, told reporters. "..."', whose speaker the next one goes on with)
    tag = reported_tag(sentence) if start or not after_quotation else None
    if tag is not None:
        return tag[0], start + tag[1], False
    back = reported_back(text, start) if start else None  # ('... sagte sie. Man werde handeln. „...“')
    if back is not None:
        return back[0], back[1], False
    # (only the few characters before each verb are read for a determiner)
    verbs = [v for v in VERB.finditer(sentence) if not _after_determiner(sentence, v.start())]
    opening = _opening_verb_subject(sentence) if len(sentence) < 80 else None
    if opening is None and sentence[:8].lstrip(" \"“”'‘’(").startswith("In "):
        opening = in_words_of(sentence)
    elif opening is None and sentence[:8].lstrip(" \"“”'‘’(").startswith("As "):
        opening = as_by_opening(sentence)
    elif opening is None:
        opening = what_it_calls(sentence)  # ('X has condemned what it calls "..."')
    # ("À la SNCF, on assure que", "Bei der Bahn heißt es": the body speaks, quote_bodies)
    opening = opening or body_speaking(sentence)
    if opening is not None:
        return opening[0], start + opening[1], False
    if not verbs:
        # ('..., and Y thanked him for his "..."': the judging clause's own subject, quote_judging)
        found = joined_judge(sentence, 0) or participle_subject(sentence) or infinitive_subject(sentence)
        found = found or narrating_subject(sentence)
        found = found or judging_subject(sentence)  # ('X went further, calling it "..."': quote_judging)
        found = found or study_source(sentence) or claim_owner(sentence)  # ('One Gallup poll found "..."')
        found = found or document_reads(sentence) or view_holder(sentence)  # ('... read: "..."', 'Pour X, «')
        if found is None and text.rstrip().endswith((".", "!", "?")):  # the quote opens a sentence
            found = previous_subject(text, sentence_start(text.rstrip()[:-1]), len(text))
            return (found[0], found[1], False) if found else None
        return (found[0], start + found[1], False) if found else None
    judged = joined_judge(sentence, verbs[0].end())  # (a later clause's verb of judging: quote_judging)
    if judged is not None:
        return judged[0], start + judged[1], False
    embedded = name_saying(sentence) or _embedded_speaker(sentence, verbs)
    if embedded is not None:
        return embedded[0], start + embedded[1], False
    # "According to the expert, ..., which Tessa says: "..."": the speech verb, not the cited source
    speech = [v for v in verbs if v.group("verb").lower() not in SOURCE_VERBS]
    verb = speech[-1] if speech and verbs[0].group("verb").lower() in SOURCE_VERBS else verbs[0]
    verb = main_clause_verb(sentence, verbs, verb, subject_before)
    # (an inverted tag between commas names the speaker after the verb: 'Play, says Cleese, "..."')
    parenthetical = sentence[: verb.start()].rstrip().endswith(",")
    inverted = _INVERTED_BEFORE.match(sentence, verb.end()) if parenthetical else None
    if inverted is not None and classify_phrase(inverted.group("spk")) is not None:
        return inverted.group("spk"), start + inverted.start("spk"), False
    # (a verb with no subject of its own, "When asked about it, X said", gives way to the next one)
    for candidate in [verb, *(v for v in verbs if v.start() > verb.start())]:
        found = subject_before(sentence, candidate.start(), quoting=True)
        # (German puts the subject after the verb when a phrase opens the sentence: "Dann sagt er:")
        found = found or inverted_subject(sentence, candidate.group("verb"), candidate.end())
        if found is not None:
            phrase, offset = found
            return phrase, start + offset, candidate.group("verb").lower() in SOURCE_VERBS
    # (a verb inside a speech participle's clause: 'X threw cold water on it, saying he thinks "..."')
    participle = PARTICIPLE.search(sentence)
    found = participle_subject(sentence) if participle and participle.end() <= verbs[0].start() else None
    found = found or infinitive_subject(sentence)  # ('X went so far as to say, "..."')
    return (found[0], start + found[1], False) if found else None


# An inverted tag opening the sentence right before the quote: 'Says Bourdain: "..."', 'Added Cruz, "..."'.
_OPENING_VERB = re.compile(
    r"[\s\"“”'‘’(]*(?:Says|Said|Adds|Added|Asks|Asked|Writes|Wrote|Tweeted|Explains|Explained|Recalls|"
    r"Recalled|Notes|Noted|Continues|Continued|Insists|Insisted|Countered|Replied|Quipped|Declared|Warns|"
    r"Warned|Concludes|Concluded)\s+(?P<spk>[^\s,.;:!?\"“”]+(?:\s+[^\s,;:!?\"“”]+){0,7}?)\s*[:,]?\s*$"
)


def _opening_verb_subject(sentence: str) -> tuple[str, int] | None:
    """The subject of an inverted tag opening the sentence right before the quote ('Says Bourdain: "..."',
    'Said Sen. Tom Cotton: "..."'): the name or descriptor after the capitalized verb."""
    match = _OPENING_VERB.match(sentence) if sentence[:12].lstrip(" \"“”'‘’(")[:1] in "SACWTERNIDQ" else None
    return matched_speaker(match, {"name", "definite", "indefinite"})


# A parenthetical inverted tag before the quote: 'Play, says Cleese, "..."', 'Humor, wrote Li, "..."'.
_INVERTED_BEFORE = re.compile(r"\s+(?P<spk>(?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'\-]*)\s*,\s*$")


def _after_determiner(sentence: str, at: int) -> bool:
    """Whether the verb at `at` follows a determiner: an adjective or noun ("this stated animosity")."""
    return AFTER_DETERMINER.search(sentence, max(0, at - 8), at) is not None


_QUOTE_FOLLOWS = re.compile(r"\s*[:,]?\s*$")


def _embedded_speaker(sentence: str, verbs: list[re.Match[str]]) -> tuple[str, int] | None:
    """In a chain of reports ending at the quote ('moviegoers said 52-year-old Clark Tabor shouted: "..."'),
    the subject of the last verb, which the quote follows: whose words they are, as the first verb's
    subject only witnessed them. A pronoun there is someone else only after a group or "they"
    ('They said he then asked: "..."'; in 'Smith said he asked' he is Smith, found by the first verb)."""
    if len(verbs) < 2 or not _QUOTE_FOLLOWS.match(sentence, verbs[-1].end()):
        return None
    if verbs[-1].group("verb").lower() in SOURCE_VERBS or verbs[-2].group("verb").lower() in SOURCE_VERBS:
        return None
    prior = verbs[-2].end()
    found = subject_before(sentence[prior:], verbs[-1].start() - prior)
    if found is None:
        return None
    inner = classify_phrase(found[0])
    if inner is None or inner.kind in {"group", "definite", "indefinite"}:
        return None
    if inner.kind == "pronoun":
        outer = subject_before(sentence, verbs[-2].start())
        kind = classify_phrase(outer[0]) if outer else None
        if kind is None or not (kind.kind == "group" or kind.text == "they"):
            return None
    return found[0], prior + found[1]


# A speech verb in the passive, an adverb or two perhaps before it ("was also asked"): its grammatical
# subject is what was said or who was told.
_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:(?:[a-z]+ly|also|later|then)\s+){0,2}$")
# A question's verb in the passive and who put it: 'asked this question by Trent Franks (R-AZ), a ...'.
_ASKED_BY = re.compile(
    r"(?:asked|questioned|pressed)\s+(?:[a-z]+\s+){0,3}?by\s+(?P<spk>[A-Z][^,:;()]*?)(?=\s*[,:;(]|\s*$)"
)


# A French object pronoun right before a verb in the third person singular ("nous a dit la gérante").
_OBJECT_ENDS = ("nous ", "vous ", "leur ", "lui ", "me ", "m'", "m’")
_OBJECT_BEFORE_HAS = re.compile(r"(?:^|[\s,])(?:nous|vous|leur|lui|me)\s$|\bm[’']$")


def subject_before(sentence: str, verb_at: int, quoting: bool = False) -> tuple[str, int] | None:
    """The subject of the verb at `verb_at`: the last comma chunk fit to be one, else a clause subject;
    `quoting` when the verb introduces a quotation, whose subject may stand before an auxiliary."""
    head = sentence[:verb_at]
    if head.endswith(_OBJECT_ENDS) and _OBJECT_BEFORE_HAS.search(head) and sentence.startswith("a ", verb_at):
        return None  # (French "nous a dit X": the pronoun is the object, the subject follows the verb)
    according = AFTER_ACCORDING.match(sentence[verb_at:])
    if according and according.group("verb") != "so":
        source = according.group("spk")
        if not plausible_subject(source):
            # (German puts the verb right after the source: "Laut Petra Vogt ist die Lage ...")
            named = _LEADING_NAME.match(source)
            if named is None or not plausible_subject(named.group()):
                return None
            # (a possessive's owner is the source: "according to Mozilla's manifesto" cites Mozilla)
            source = named.group().removesuffix("'s").removesuffix("’s")
        # (a descriptor's full name in apposition: "Selon le procureur de Lyon, Thierry Marchal, « »")
        appositive = source_appositive(sentence, verb_at + according.end("spk"))
        return appositive or (source, verb_at + according.start("spk"))
    if _PASSIVE.search(head, after_last(head, ",.;:")):  # (its words and spaces only)
        # ('six cities to be added', 'he was told'): the subject did not say anything; a questioner
        # named with "by" did ('X was asked by Rep. Jo Li: "...?"')
        asker = _ASKED_BY.match(sentence, verb_at)
        return (asker.group("spk"), asker.start("spk")) if asker and plausible_subject(asker["spk"]) else None
    if head.endswith("und "):  # (a German verb coordinated with the first: speaker_german)
        coordinated = coordinated_subject(head)
        if coordinated is not None and plausible_subject(coordinated[0]):
            return coordinated
    pieces = clause_chunks(head)
    if pieces and in_own_clause(pieces[-1][0]):  # ("... Republicans who have vowed": quote_relatives)
        return own_clause_subject(*pieces[-1])
    if pieces and head.endswith(" and "):  # ('Lena Marsh met farmers and said': the first verb's subject)
        lead = coordinated_lead(pieces[-1][0])
        if lead is not None and plausible_subject(lead["spk"]):
            return lead["spk"], pieces[-1][1] + lead.start("spk")
    joined = clause_name(*pieces[-1]) if pieces and not head.rstrip().endswith(",") else None
    if joined is not None:  # ("Apple shipped its display and Steve Jobs said")
        return joined
    if antecedent := antecedent_speaker(pieces):  # ("... comments from Micah Richards, who said")
        return antecedent
    chunks = _main_clause([(_stop_at_verb(chunk), offset) for chunk, offset in pieces])
    if chunks and not head.rstrip().endswith(","):
        # (only before a quotation: in narration "the bank has posted profits" is no speech)
        chunks[-1] = without_conjunction(*(without_auxiliaries(*chunks[-1]) if quoting else chunks[-1]))
    for i in reversed(range(len(chunks))):
        after_comma = i and head[: chunks[i][1]].rstrip().endswith(",")
        if after_comma and i == len(chunks) - 1 and subordinate_clause(chunks[i][0]):
            return subordinate_subject(*chunks[i])  # (a German verb ending its clause: speaker_german)
        if plausible_subject(chunks[i][0]) and not region_of_place(head, chunks[i][1]):
            return appositive_owner(head, chunks, i)  # (not a city's state: "in Raleigh, N.C., told")
        if i == len(chunks) - 1 and (tail := relative_subject(*chunks[i])):
            return tail
    for chunk, offset in chunks:
        match = _CLAUSE_SUBJECT.match(chunk)
        if match:
            return match.group("spk"), offset
    return None


def _stop_at_verb(chunk: str) -> str:
    """The subject of a chunk that runs past its verb ("Walter Grant voted against it": "Walter Grant")."""
    chunk = before_auxiliary(chunk)  # (a German perfect: "Nancy Faeser hat am Montag betont")
    if "ed" not in chunk:
        return chunk  # (the verb looked for ends in -ed: most chunks hold none, and the pattern backtracks)
    match = _NAME_THEN_VERB.match(chunk)
    return match.group() if match else chunk


def _main_clause(chunks: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The chunks before a relative clause: in "X, who works in Joliet, Illinois, said" the subject is X."""
    if len(chunks) > 1 and chunks[-1][0].startswith(("which ", "whom ")) and relative_subject(*chunks[-1]):
        return chunks  # (a relative with its own subject ends the head: ", which she describes as": hers)
    for i, (chunk, _) in enumerate(chunks):
        # (a chunk that runs past a sentence end, across a blanked-out quote, is no relative clause)
        if i and chunk.split(None, 1)[0].lower() in _RELATIVES and not _STOP_MARK.search(chunk):
            return chunks[:i] if _is_subject(chunks[i - 1][0]) else chunks
    return chunks


def _is_subject(chunk: str) -> bool:
    """Whether a chunk is a person's name or a determiner phrase, which a relative clause can describe."""
    phrase = classify_phrase(chunk)
    return phrase is not None and (phrase.kind == "name" or chunk.split(None, 1)[0].lower() in _DETERMINERS)
