"""What a French or German article tells about the person a phrase names: their gender, and that a
definite descriptor refers back to someone already named.

French and German mark a person noun's gender with its article ("la glaciologue", "le magistrat", "die
61-Jährige", "der Filmemacher"), so a name introduced with one ("la bourgmestre Christine Defraigne",
"Der Landrat Andreas Siebert") has a gender by the article's own evidence, as "Ms Defraigne" would.
A definite descriptor in a speaker slot ("explique la glaciologue", "sagte die CDU-Politikerin") refers
to someone the article has introduced: French and German news reintroduce a named person by another
role noun (a descriptor chain), so it is the latest full name of that gender in this or the previous
paragraph, though introduced in narration; a body's noun ("la société", "der Konzern") is left to the
organization lookups, and a plural ("les élus", "die Anwohner") is no one person.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_entries import Speaker, compatible, not_a_person
from scraper.extract.quotes.speaker_gender import FEMALE, MALE
from scraper.extract.quotes.speaker_german import abstract_noun_tail, noun_before_name
from scraper.extract.quotes.speaker_words import (
    DOCUMENTS,
    GERMAN_ROLE_ENDINGS,
    ROLE_WORDS,
    is_person_noun,
    word_set,
)
from scraper.extract.quotes.speakers import Phrase

_FRENCH = {"la": FEMALE, "le": MALE, "l’": "", "l'": ""}
_GERMAN = {"die": FEMALE, "der": MALE}
# Nouns for a body, not a person, in French and German (the organization lookups resolve them).
_BODIES = word_set(
    "société entreprise groupe compagnie syndicat parti association fédération banque quotidien journal "
    "régie ministère direction mairie préfecture police gendarmerie justice commission agence chaîne "
    "konzern unternehmen gewerkschaft behörde ministerium verband firma gesellschaft partei polizei "
    "staatsanwaltschaft regierung stadt gemeinde bahn leitung zeitung"
)
# (German feminine singular nouns end so: "die Ministerin", "die 61-Jährige", "die Vorsitzende"; after
# "die", any other ending is a plural: "die Anwohner", "die Demonstranten")
_GERMAN_SINGULAR_FEMININE = ("in", "e", "frau")


def _article_noun(words: list[str]) -> tuple[str, str, bool] | None:
    """The article, the noun it leads (past lower-case adjectives in German) and whether it is French."""
    article = words[0].lower()
    if article[:2] in {"l’", "l'"} and len(article) > 3 and article[2:3].islower():
        return article[:2], article[2:], True  # ("l’élu", "L’actrice")
    if len(words) < 2:
        return None
    if article in _FRENCH and words[1][:1].islower():
        return article, words[1].lower(), True
    if article in _GERMAN:
        at = 1
        while at < len(words) - 1 and words[at].islower():
            at += 1
        noun = words[at].lower().rstrip(",.:")
        # (a person's noun, ending as one does, then a name or nothing: "die 61-Jährige", "der
        # Filmemacher"; not a body's name, "der Deutschlandfunk", "die Deutsche Bahn")
        after = words[at + 1 : at + 2]
        # (a hyphenated compound by its last part: "der Bayern-Star", "die SPD-Chefin")
        person = is_person_noun(noun) or is_person_noun(noun.rsplit("-", 1)[-1])
        person = person or (noun.endswith(_GERMAN_SINGULAR_FEMININE) and not after)
        if (words[at][:1].isupper() or words[at][:1].isdigit()) and person:
            return article, noun, False
    return None


def article_gender(text: str) -> str:
    """FEMALE, MALE or "" by a French or German article leading a person's phrase ("la juge Nathalie
    Berthier", "der Landrat Andreas Siebert"); German "der" before an "-in" noun is another case of a
    feminine one ("der Ministerin"), no evidence."""
    if text[:1] not in "lLdD":  # (or a German title compound leads it: "Ministerpräsident Markus Söder")
        title = text.split(None, 1)[0]
        return _german_title_gender(title.lower()) if len(title) > 8 and " " in text else ""
    found = _article_noun(text.split())
    if found is None:
        return ""
    article, noun, french = found
    if noun in _BODIES or noun in DOCUMENTS:
        return ""  # (a body's gender is grammar only: "elle" is never "la régie" a speaker)
    if french:
        return _FRENCH[article] or _elided_noun_gender(noun)
    if article == "der":
        return "" if noun.endswith("in") else MALE
    return FEMALE if noun.endswith(_GERMAN_SINGULAR_FEMININE) else ""


# An elided "l’" hides the noun's gender, which its ending shows: "l’élue", "l’avocate", "l’actrice",
# "l’enseignante", "l’infirmière" are a woman; "l’élu", "l’avocat", "l’agriculteur", "l’ouvrier" a man;
# a noun in -e of both genders ("l’élève", "l’architecte", "l’édile", "l’acrobate") says nothing; of the
# -ate nouns, only those whose masculine is in -at ("l’avocate", "l’ex-candidate", "l’ancienne magistrate").
_ELIDED_FEMININE = (
    "ée", "ue", "trice", "euse", "enne", "ante", "ente", "ointe", "ière", "esse", "ocate", "idate", "istrate",
    "aise", "oise", "ole", "ande", "aine",  # (a nationality: "l’Espagnole", "l’Allemande", "l’Américaine")
)
_ELIDED_MASCULINE = (
    "é", "u", "eur", "ier", "ien", "ant", "ent", "oint", "at", "ot", "ard", "ais", "ois", "ol", "and", "ain",
)


def _elided_noun_gender(noun: str) -> str:
    """FEMALE, MALE or "" by the ending of a French person noun after an elided article."""
    if noun.endswith(_ELIDED_FEMININE):
        return FEMALE
    return MALE if noun.endswith(_ELIDED_MASCULINE) else ""


def named_before(entries: list[Speaker], phrase: Phrase, gender: str, paragraph: int) -> Speaker | None:
    """The person a French or German definite descriptor of one person refers to: the latest full name,
    of its gender, named in this or the previous paragraph; None for an English phrase, a body's noun, a
    plural, or with no one."""
    if phrase.text[:1] not in "lLdD":
        return None
    words = phrase.text.split()
    found = _article_noun(words)
    if found is None or found[1] in _BODIES or found[1] in DOCUMENTS:
        return None
    article, noun, french = found
    if not french and article == "die" and not noun.endswith(_GERMAN_SINGULAR_FEMININE):
        return None  # a plural
    wanted = gender or article_gender(phrase.text)
    people = [
        e
        for e in reversed(entries)
        if e.seen >= paragraph - 1 and e.kind == "name" and " " in e.display and compatible(e, wanted)
        and not not_a_person(e)
    ]
    if not people:
        return None
    # (one known to be of that gender before one of unknown gender introduced in the same paragraph:
    # "la bourgmestre X et l'échevin Y"; not one introduced earlier)
    latest = people[0].first
    return next((e for e in people if wanted and e.gender == wanted and e.first == latest), people[0])


# A French or German article and its noun phrase right before a name in narration ("la bourgmestre ",
# "Die Bürgermeisterin von Kassel, ", "der Landrat "), not governed by a preposition ("le mari de la
# ministre, Jean X" is the husband).
_ARTICLE_BEFORE = re.compile(
    r"(?<![\w’'])(?<!de )(?<!du )(?<!von )(?<!des )"
    # (French: lower-case words only; German: lower-case adjectives, its noun, the place of an office)
    r"(?:([Ll]a|[Ll]e)(?:\s+[a-zà-öø-ÿ][\w’'-]*){1,3}|([Dd]ie|[Dd]er)(?:\s+[a-zäöüß]+){0,2}\s+[A-ZÄÖÜ][\w-]+"
    r"(?:\s+von\s+[A-ZÄÖÜ][\w-]+)?,?)"
    # (the body or place the office is of, before a comma: "La ministre de la Santé, ", "Le président de
    # la Fédération hospitalière, ", "Der Trainer des FC Bayern, ")
    r"(?:\s+(?:de\s+la|de\s+l['’]|du|des|de|der)\s*[A-ZÀ-ÖØ-Þ][\w’'-]*(?:\s+[\w’'-]+){0,2},)?\s+$"
)


def gender_before(text: str, start: int) -> str:
    """FEMALE, MALE or "" by the article of the descriptor just before the name at text[start:]."""
    if not text[start : start + 1].isupper():
        return ""  # (a name's gender: not a descriptor's, "a défendu un tournage")
    window = text[max(0, start - 45) : start]
    # (most names have no French or German article before them: substring tests skip the pattern)
    if any(article in window for article in _ARTICLE_WORDS):
        found = _ARTICLE_BEFORE.search(window)
        # (not a preposition's object: "tend la main à Réjean X" says nothing of Réjean)
        if found is not None and window.split()[-1] not in _GOVERNING:
            return article_gender(window[found.start() :].lstrip())
    if any(word in window for word in _POSSESSIVE_WORDS):
        owned = _POSSESSIVE_BEFORE.search(window)
        if owned is not None:
            return _possessive_gender(owned.group(1), owned.group(2))
    last = window.rsplit(None, 1) if window.endswith(" ") else None  # (the word right before the name)
    before = last[-1] if last else ""
    return _german_title_gender(before.lower()) if len(before) > 8 and before[:1].isupper() else ""


_ARTICLE_WORDS = ("la ", "La ", "le ", "Le ", "die ", "Die ", "der ", "Der ")
_GOVERNING = word_set("à de pour avec par chez sans contre vers sur mit für von bei zu gegen")
# A possessive and its person noun right before the name ("Ihr Vater, Wolfgang X", "Son voisin, Y", "sa
# sœur Z"): the possessive agrees with the noun, so it gives the person's gender.
_POSSESSIVE_WORDS = ("Ihr", "Sein", "Mein", "sa ", "Sa ", "son ", "Son ")
_POSSESSIVE_BEFORE = re.compile(
    r"(?<![\w’'])(Ihre?|Seine?|Meine?|[Ss]a|[Ss]on)\s+((?:[a-zà-öø-ÿ]+\s+)?[\wÀ-ÿ’'\-]+),?\s+$"
)


def _possessive_gender(possessive: str, noun: str) -> str:
    """FEMALE or MALE by a German or French possessive agreeing with its person noun; "" where it does not
    tell: French "son" before a vowel ("son amie"), a German plural ("Ihre Eltern")."""
    low, last = possessive.lower(), noun.split()[-1]
    if low in {"sa", "son"}:
        if not last[:1].islower():
            return ""
        return FEMALE if low == "sa" else ("" if last[:1] in "aeiouhéèêâîôû" else MALE)
    if not last[:1].isupper():
        return ""
    if low.endswith("e"):  # (Ihre, Seine, Meine: a feminine noun or a plural one, "-en" mostly)
        return FEMALE if last.endswith(("in", "frau")) or not last.endswith("n") else ""
    return MALE




def _german_title_gender(title: str) -> str:
    """MALE or FEMALE for a German office or occupation compound ("Ministerpräsident", "Bundesministerin"):
    German marks a woman's with "-in"; "" for an English title ("Minister", "President") or a short word
    either language has."""
    if title in ROLE_WORDS or not title.endswith(GERMAN_ROLE_ENDINGS):
        return ""
    if len(title) <= 8 and not any(c in "äöüß" for c in title):
        return ""
    return FEMALE if title.endswith("in") else MALE


_ELISIONS = ("l’", "l'", "d’", "d'")


def elided_noun(sentence: str, at: int, run: str) -> int:
    """How many characters of the capitalized run at `at` are a noun after a French elided article or
    "de" before the full name it ends with ("la ministre de l’Agriculture Annie Genevard", "le conseiller
    d’État Mauro Poggia": the noun and its space; 0 when none): of three words or more."""
    if run.count(" ") < 2 or sentence[at - 2 : at] not in _ELISIONS:
        return 0
    noun = run.split(None, 1)[0]
    return len(run) - len(run[len(noun) :].lstrip())


# A full name in apposition right after a cited source's descriptor, then a comma or the quotation.
_APPOSITIVE_NAME = re.compile(
    r",\s+(?P<spk>[A-ZÀ-ÖØ-Þ][\w’'\-]+(?:\s+(?:de|du|von|van|der)?\s*[A-ZÀ-ÖØ-Þ][\w’'\-]+){1,3}),?\s*(?:[«„“\"]|$)"
)


def source_appositive(sentence: str, end: int) -> tuple[str, int] | None:
    """The full name set in apposition after a source's descriptor that ends at `end`, right before the
    quotation ("Selon le procureur de Lyon, Thierry Marchal, « ... »", "D'après le directeur de l'ARS,
    Pierre Ricordeau, « ... »"), with its offset; None when none follows."""
    found = _APPOSITIVE_NAME.match(sentence, end)
    return (found.group("spk"), found.start("spk")) if found else None


def name_in_run(sentence: str, at: int, run: str) -> tuple[int, int]:
    """Where the name starts and ends in a capitalized run of two words or more at `at`: after a German
    article's noun ("des britischen Schauspielers Jeremy Irons") or a French elided article's ("de
    l’Agriculture Annie Genevard"), before a German abstract noun ("Markus Söder Untätigkeit")."""
    noun = noun_before_name(sentence, at, run) or elided_noun(sentence, at, run)
    return noun, abstract_noun_tail(run)
