"""The speaker phrase right after a quotation's closing mark, and the patterns other attribution reads.

Patterns, in the order tried for each quotation: a dash credit ending the paragraph ('"..." ― Name',
'"..." — Name, Title'), a French inverted pronoun ('« ... », a-t-il dit') or a bare Spanish or German
verb ('"...", dijo.'), a cited source ('"...," according to X'), an inverted tag ('"...," said X'), a
subject and its verb ('"...," X said', '"...," X, a spokesman, told Y', '"...," X has said'), "as"
('"...," as one analyst put it'), what someone called it ('"..." is how X described it') and a reply
('"...," was X’s reply'). Each returns the raw phrase and its offset; speakers.classify_phrase judges it.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_bodies import body_after
from scraper.extract.quotes.quote_credits import AFTER_CREDIT, AFTER_SO, AFTER_WORDS_OF
from scraper.extract.quotes.quote_subjects import is_person
from scraper.extract.quotes.speaker_documents import name_list
from scraper.extract.quotes.speaker_objects import without_object
from scraper.extract.quotes.speaker_words import word_set
from scraper.extract.quotes.speakers import classify_phrase
from scraper.extract.quotes.speech_verbs import (
    AUXILIARY,
    DE_VERBS,
    EN_VERBS,
    ES_VERBS,
    FR_INCISE_VERBS,
    NAMING_VERBS,
    RESPONSE_NOUNS,
    SOURCE_VERBS,
    VERBS,
)

_PHRASE = r"[^\s,.;:!?\"“”„«»()]+(?:\s+[^\s,.;:!?\"“”„«»()]+){0,13}?"
# (a German auxiliary may close the reported clause after the closing mark: '„...“ gewesen, befand X')
_LEAD = r"^(?:\s*(?:gewesen|worden|sein|werden|haben)(?=\s*,))?[\s,;:—–\-)\]]*"
# (not a noun in -ly: in "a Clinton ally said" the ally speaks)
_ADVERB = r"(?:(?!(?:ally|rally|family|bully)\s)[a-z]\w*ly\s+)?"
# A subject phrase ends at punctuation, or where a clause about the speaker starts without a comma
# ('says Jonas Eke who runs the office', 'says Amina Sefu as she closes her stall').
# (a German pronoun after its verb is the whole subject: what follows is the verb's object or a clause of
# its own, '„...“, sagte sie der APA', '»...«, sagt sie und gießt Tee ein')
# (a second verb coordinated after the subject ends it too: '"...", sagt Gerhard Wagner und lacht', 'a
# déclaré Anne Roy et a quitté la salle', 'said Jo Li and laughed'; "und Ingrid Wagner" goes on a name)
_END = (
    r"(?=\s*(?:[,.;:!?)—–\"”»]|$)|\s+(?:who|whose|as|while)\s|(?<=\bsie)\s|(?<=\ber)\s"
    # (a lower-case word, a past verb in English, and no capitalized word to the sentence end: "der
    # Gründer und langjährige Chef Hans X", "le président et fondateur, Jean X" go on to the name)
    r"|\s+(?:(?:und|et)\s+[a-zäöüßéèàâ]|and\s+[a-z]+ed\b)(?![^.;!?]*\s[A-ZÄÖÜÀ-Þ]))"
)
# (also "began" opening what someone says: '"When I was young," Carson began, "I was angry"'; only after
# a quote, where the quote is what began: in narration "the hearing began" says nothing)
AFTER_SUBJECT_VERB = re.compile(
    rf"{_LEAD}(?P<spk>{_PHRASE})(?:\s*,(?P<app>[^\"“”„«».;!?]{{1,160}}?),?|\s+,)?\s+{AUXILIARY}{_ADVERB}"
    rf"(?P<verb>{VERBS}|began)\b"
)
# A French indirect object between the verb and its subject: "a déclaré à l’AFP Hélène Marchand".
# (also Portuguese "ao", Czech "na": '"...," píše na Twitteru Gary Lineker')
_TO_WHOM = r"(?:(?:à|au|aux|ao|na)\s+(?:l[’']|la\s+|les?\s+)?[^\s,.;:!?]+\s+)?"
# A French day or time between the verb and its subject: "a déclaré mardi le ministre X".
_WHEN = (
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd[’']hui)(?:\s+soir|\s+matin)?\s+)?"
)
# The name may follow the descriptor as an appositive: "explique la directrice artistique, Mathilde Roux".
_NAME_APPOSITIVE = r"(?:,(?P<app>\s*[A-ZÀ-ÖØ-Þ][^\"“”„«».,;:!?()]{0,60}?))?"
# A French object pronoun before the verb ('« ... », nous a dit la metteuse en scène', 'leur a-t-il lancé').
_FR_OBJECT = r"(?:(?:nous|vous|leur|lui|me)\s+|m[’'])?"
AFTER_VERB_SUBJECT = re.compile(
    rf"{_LEAD}{_FR_OBJECT}{_ADVERB}(?P<verb>{VERBS}|{FR_INCISE_VERBS})\s+{_WHEN}{_TO_WHOM}(?P<spk>{_PHRASE}){_NAME_APPOSITIVE}{_END}"
)
# "as" before the subject: '"...," as one analyst put it' / '"...," as Smith told Reuters'. The clause
# ends at the verb or a named or pronoun object, so a time clause ('"...," as the crowd said goodbye
# to him') is not taken for an attribution.
_AS_OBJECT = r"(?:\s+(?:[A-Z][\w’'.\-]*|me|us|him|her|them|reporters|journalists)){0,4}"
AFTER_AS_SUBJECT = re.compile(
    rf"{_LEAD}(?i:as)\s+(?P<spk>{_PHRASE})\s+{_ADVERB}(?P<verb>{VERBS})\b{_AS_OBJECT}{_END}"
)
# A passive report with its speaker after "by": '"...," as stated by CEO, Jo Li, in a video', 'as noted by X'.
AFTER_AS_BY = re.compile(
    rf"{_LEAD}(?i:as)\s+(?P<verb>stated|noted|said|written|explained|observed|argued|put|described|"
    rf"pointed\s+out|tweeted|posted)\s+by\s+(?P<spk>{_PHRASE}){_NAME_APPOSITIVE}{_END}"
)
AFTER_ACCORDING = re.compile(
    rf"{_LEAD}(?P<verb>(?i:according to|selon|según|laut|d[’']après)|so)\s+(?P<spk>{_PHRASE}){_END}"
)
# French inverted pronoun ("a-t-il dit", "dit-elle") and a Spanish verb without subject ('", dijo.').
AFTER_FRENCH_INVERSION = re.compile(
    rf"{_LEAD}{_FR_OBJECT}(?:(?:a|ont)-t?-?|\w+-(?:t-)?)(?P<spk>il|elle|ils|elles)\b(?P<verb>)"
)
# A credit after a dash, with no verb, ending the paragraph: pull quotes, posts and reader comments
# ('"..." ― Lena Ortiz', '"..." — Omar Haddad, chief executive of Brightwater', '"..." –Priya N., Leeds'),
# also with its occasion or medium and no comma ('"..." — Donald Trump at Thursday's debate', '— Ada Li
# in a speech Monday', '— Jo Li on Twitter').
AFTER_DASH = re.compile(
    r"^\s*[―—–\-]{1,2}\s*(?P<verb>)(?P<spk>[A-ZÀ-ÖØ-Þ][\w’'\-\u2024]*\.?(?:\s+[A-ZÀ-ÖØ-Þ][\w’'\-\u2024]*\.?){0,4})"
    r"(?=\s*(?:,[^\"“”„«»]{0,120}|\s(?:[A-Z][a-z]{2,8}\.?\s\d{1,2},\s\d{4})"  # (a post's date)
    r"|\s(?:at|on|in|during|to|via)\s[^\"“”„«»]{1,80})?\s*$)"
)
# The quotation as what someone called a thing, after a dash or a sentence end: '"..." — that was how
# Sen. X described the deal', '"..." is how the bureau characterized it', '"...," was X’s reply'.
_DESCRIBED = (
    r"described|describes|characteri[sz]ed|characteri[sz]es|summed\s+up|sums\s+up|summari[sz]ed|puts?\s+it|"
    r"called|calls|labell?ed|branded|framed|explained|explains|views|viewed|sees|saw"
)
AFTER_HOW = re.compile(
    rf"{_LEAD}(?:(?i:that|this)(?:[’']s|\s+(?:is|was))|is|was|are|were)\s+how\s+(?P<spk>{_PHRASE})\s+{_ADVERB}"
    rf"(?P<verb>{_DESCRIBED})\b"
)
AFTER_RESPONSE = re.compile(
    rf"{_LEAD}(?:(?i:that|this)\s+)?(?:is|was|came)\s+(?P<spk>{_PHRASE})[’']s\s+(?:[a-z]+\s+)?(?P<verb>{RESPONSE_NOUNS})\b"
)
# A German separable verb around its subject: '„...“, teilte die Bahn mit', '„...“, fügte Weber hinzu',
# '„...“, räumte die Ministerin ein': the particle ends the tag.
AFTER_SEPARABLE = re.compile(
    rf"{_LEAD}(?P<verb>teilte|teilt|teilten|fügte|fügt|räumte|räumt|gab|gibt|merkte|merkt|stellte|stellt|"
    rf"kündigte|kündigt|hielt|hält|wies|weist)\s+"
    rf"(?P<spk>{_PHRASE})\s+(?:mit|hinzu|ein|zu|an|klar|fest|hin|entgegen)(?=\s*(?:[,.;:!?)—–]|$))"
)
# A German impersonal report with its source after a preposition: '„...“, hieß es aus dem Konzern', 'heißt
# es bei der Polizei', 'hieß es von der Gewerkschaft', or the body whose document it is, in the genitive:
# 'hieß es in einer Erklärung der Staatsanwaltschaft', 'heisst es in einer Mitteilung des Verbands' (Swiss
# spelling without ß).
AFTER_IMPERSONAL = re.compile(
    rf"{_LEAD}(?P<verb>hieß|heißt|heisst)\s+es\s+(?:[a-zäöüß]+\s+)?"
    r"(?:aus|von|bei|vom|beim|in\s+(?:einer|einem|der|dem)\s+[A-ZÄÖÜ][a-zäöüß]+\s+(?:der|des))"
    rf"\s+(?P<spk>{_PHRASE}){_END}"
)
AFTER_BARE_VERB = re.compile(rf"{_LEAD}(?P<verb>{ES_VERBS}|{DE_VERBS})(?P<spk>)\s*(?:[.,;]|$)")
_AFTER_PATTERNS = (
    AFTER_DASH,
    AFTER_FRENCH_INVERSION,
    AFTER_BARE_VERB,
    AFTER_ACCORDING,
    AFTER_VERB_SUBJECT,
    AFTER_SEPARABLE,
    AFTER_IMPERSONAL,
    AFTER_SUBJECT_VERB,
    AFTER_AS_SUBJECT,
    AFTER_AS_BY,
    AFTER_HOW,
    AFTER_RESPONSE,
    AFTER_CREDIT,  # (credits with no speech verb: quote_credits)
    AFTER_WORDS_OF,
    AFTER_SO,
)
# A conjunction after the closing mark opens a clause of its own, and when that clause runs on into the
# next quotation with no sentence end ('called the bill "...," and the agency said that it was "..."'),
# its speech verb introduces that quotation, not the one before it ('"..." and the crowd went home,
# Ortega said.' still credits Ortega).
_NEW_CLAUSE = re.compile(r"[\s,;]*(?:and|but)\s", re.IGNORECASE)
# What a new clause's speech verb reports of its own: three or more words to the sentence end with no
# quotation ('called the plan "...," but Mayor X said it would create jobs': the quote is not X's).
_OWN_REPORT = re.compile(r"\s+[^\s,.;:!?]+\s+[^\s,.;:!?]+\s+[^\s.;:!?\"“”‘’«»„]+[^.!?\"“”‘’«»„]*(?:[.!?]|$)")


def after_quote(text: str, quote: str) -> tuple[str, int, bool] | None:
    """The speaker phrase right after a closing mark: (phrase, offset, cites a source) or None."""
    if _NEW_CLAUSE.match(text) and not re.search(r"[.!?]", text):
        return None
    body = body_after(text) if "-on" in text[:30] or " es " in text[:20] else None
    if body is not None:  # (an impersonal tag naming its body: "assure-t-on à la SNCF", quote_bodies)
        return body[0], body[1], False
    for pattern in _AFTER_PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        verb = match.group("verb")
        if not _fits_sentence(text, match, quote):
            continue
        if match.re is AFTER_VERB_SUBJECT and verb.lower() in NAMING_VERBS:
            continue  # ('"honest" describes Harris better': the quotation is the subject)
        if verb == "began" and not is_person(classify_phrase(match.group("spk"))):
            continue  # (what began is no speaker: '"peculiar" and the speculation of doping began')
        new_clause = match.re is AFTER_SUBJECT_VERB and _NEW_CLAUSE.match(text) is not None
        if new_clause and _OWN_REPORT.match(text, match.end()):  # (it reports words of its own)
            return None
        if plausible_subject(match.group("spk"), verb):
            phrase, offset = _with_appositive(text, match)
            return without_object(phrase), offset, verb.lower() in SOURCE_VERBS
        tail = _clause_tail(match)
        if tail is not None:
            return tail[0], tail[1], verb.lower() in SOURCE_VERBS
    return _according_after(text, quote)


# Words finishing the quote's sentence before ", according to X" ('"..." are thought to contribute,
# according to the department').
_FINISHING = re.compile(r"\s+[a-z][^,.;:!?\"“”„«»()]{0,80}?,(?=\s+according\s+to\s)")


def _according_after(text: str, quote: str) -> tuple[str, int, bool] | None:
    """The source cited at the end of the quote's sentence, after a few words that finish it."""
    if quote.rstrip("\"'”’ ").endswith((".", "!", "?")) or "according" not in text[:100]:
        return None
    if len(quote.split()) < 4:  # (a term in quotes stays a term: 'its "jobs machine" label, according to X')
        return None
    finish = _FINISHING.match(text)
    if finish is None:
        return None
    match = AFTER_ACCORDING.match(text[finish.end() :])
    if match is None or not plausible_subject(match.group("spk")):
        return None
    return match.group("spk"), finish.end() + match.start("spk"), True


# Verbs that put a question: after a question mark their subject asked it, however long the clause.
_QUESTION_VERBS = word_set("asked asks wondered wonders demanded demands")
# At most this many words may finish a quote's sentence before its attribution ("over Taiwan").
_FINISH_WORDS = 4
_SUBORDINATORS = word_set("while because when whenever after before since until although though if unless")


def _clause_tail(match: re.Match[str]) -> tuple[str, int] | None:
    """The subject after a comma when the words before it finish the quote's own sentence, not a
    subject ('"We are not exercising to join the fight" over Taiwan, he added'); or the full name after
    a title the vocabulary does not know, set off by a comma ('says Acme graphics architect, Jo Li')."""
    if match.re in _NAME_AFTER_VERB and match.group("app"):
        return _titled_name(match)
    if match.re is not AFTER_SUBJECT_VERB or not match.group("app"):
        return None
    finish = match.group("spk").split()
    # (a subordinate clause finishes the sentence however long: '"..." while they were in power, X said')
    if (len(finish) > _FINISH_WORDS and finish[0] not in _SUBORDINATORS) or not finish[0].islower():
        return None
    tail = match.group("app").strip()
    if not plausible_subject(tail):
        return None
    return tail, match.start("app") + match.group("app").index(tail)


_NAME_AFTER_VERB = (AFTER_VERB_SUBJECT, AFTER_AS_BY)


def _titled_name(match: re.Match[str]) -> tuple[str, int] | None:
    """A full name after a comma following a speech verb and a lower-case title ('says Acme graphics
    architect, Jo Li'): the person, whatever the title's words."""
    title, tail = match.group("spk").split(), match.group("app").strip()
    if not title[-1].isalpha() or not title[-1].islower():
        return None
    named = classify_phrase(tail)
    if named is None or named.kind != "name" or " " not in named.name:
        return None
    return tail, match.start("app") + match.group("app").index(tail)


def _with_appositive(text: str, match: re.Match[str]) -> tuple[str, int]:
    """The speaker phrase with its appositive when it names a person ("Jo Li, the chief executive,");
    the part after the comma alone when only it is a name or a pronoun: the part before ends the
    quote's own clause ('"...," and the jets turned back, Sharif said')."""
    spk, at = match.group("spk"), match.start("spk")
    if "app" not in match.groupdict() or not match.group("app"):
        return spk, at
    if match.re is AFTER_VERB_SUBJECT and (listed := name_list(text[at : at + 200])):
        return listed, at  # ('said A, B, and C': the list, which the appositive pattern cuts at its comma)
    whole = text[at : match.end("app")]
    phrase = classify_phrase(whole)
    if phrase is not None and phrase.kind == "name":
        return whole, at
    tail = match.group("app").strip()
    if match.re is not AFTER_SUBJECT_VERB:  # (after the verb, a name may be a time: "Monday")
        return spk, at
    named, first = classify_phrase(tail), classify_phrase(spk)
    # (no appositive is a pronoun: in '"..." Police arrived soon after, he added' the part before it
    # is what he added)
    only_name = named is not None and named.kind == "name" and (first is None or first.kind != "name")
    if only_name or (named is not None and named.kind == "pronoun"):
        return tail, match.start("app") + match.group("app").index(tail)
    return spk, at


# After a tag, a comma and a participle or a time clause: the tag's sentence goes on about the speaking.
_TAG_THEN_CLAUSE = re.compile(r",\s+(?:[a-z]+ing|as|while|before|after|when)\b")


def _fits_sentence(text: str, match: re.Match[str], quote: str) -> bool:
    """After a quote that ends its own sentence, only a short tag like 'Smith said.' attributes it."""
    if not quote.rstrip("\"'”’ ").endswith((".", "!", "?")) or text[:1] not in " \u00a0":
        return True
    spk = match.group("spk")
    if spk[:1].islower():
        return True
    if quote.rstrip("\"'”’ ").endswith("?") and match.group("verb").lower() in _QUESTION_VERBS:
        return True  # ('"...?" Trump asked black voters at a rally in Dimondale': the question's tag)
    if match.re is AFTER_DASH:
        return True  # (a dash credit, whatever follows the name: '"..." — Ada Li, director of the X')
    if match.re is AFTER_VERB_SUBJECT and text[1:2].islower():
        return True  # (a verb before its subject opens no sentence: '"...?" said Jo Li, who heads ...')
    tail = re.split(r"[.!?]", text[match.end() :], maxsplit=1)[0]
    if _TAG_THEN_CLAUSE.match(tail):
        return True  # ('"...!" Trump said, jerking his arms ...': a participle or time clause after the tag)
    # (a new sentence running on past its tag into a colon introduces the next quote: '"A." They said
    # he asked: "B"'; a bare '"A." She added: "B"' is left as it was, either quote's)
    return len(tail.split()) <= 6 and not (tail.rstrip().endswith(":") and tail.strip(" :"))


def plausible_subject(chunk: str, verb: str = "said") -> bool:
    """Whether `chunk` can be a subject; an empty one only after a verb that drops it ('", dijo.')."""
    if not chunk:
        return bool(verb) and verb.split()[0] not in EN_VERBS.split("|")
    return classify_phrase(chunk) is not None

