"""A body speaking through an impersonal subject: French "on", German "es heißt" or "man".

French and German news give a body's word without naming who said it: "À la SNCF, on assure que
« ... »", "Chez Renault, on estime : « ... »", "Du côté de la mairie, on indique ...", "Bei der Bahn
heißt es: „...“", "Im Kanzleramt hieß es, „...“", and after the quotation "« ... », assure-t-on à la
SNCF", "„...“, hieß es im Rathaus". The body after the preposition speaks. Only a body is one: a name
after "chez" or "bei", initials ("la CGT"), or a body's noun ("la mairie", "das Kanzleramt", "der
Verband"); "À Paris, on" and "Bei der Sitzung hieß es" name a place and an occasion, no speaker.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_words import word_set

# Body nouns, French and German (German compounds end in one: "Kanzleramt", "Innenministerium").
_FR_BODIES = word_set(
    "ministère mairie préfecture rectorat gouvernement direction syndicat parti entreprise groupe société "
    "compagnie fédération club présidence état-major siège élysée matignon commission conseil région "
    "département tribunal parquet police gendarmerie hôpital université municipalité agence banque"
)
_DE_BODY_ENDS = (
    "amt", "ministerium", "rathaus", "kanzlei", "verband", "konzern", "partei", "regierung", "behörde",
    "polizei", "gericht", "verwaltung", "bahn", "gewerkschaft", "unternehmen", "firma", "klinik",
    "klinikum", "verein", "kammer", "agentur", "bank", "fraktion", "senat", "präsidium", "gemeinde",
    "staatsanwaltschaft", "leitung", "vorstand",
)
# A body: a French article or none, then its capitalized name or its noun and what it is of
# ("la SNCF", "Renault", "ministère de l'Intérieur", "la mairie de Lyon"); German with an article
# ("der Bahn", "dem Verband") or none ("Siemens").
_FR_BODY = (
    r"(?:(?:la|le|les|l[’'])\s*)?(?P<body>[\w’'\-]+(?:\s+(?:de\s+la|de\s+l[’']|du|des|de|d[’'])\s*[\w’'\-]+"
    r"|\s+[A-ZÀ-ÖØ-Þ][\w’'\-]*){0,3})"
)
_DE_BODY = r"(?:(?:der|dem|den|des)\s+)?(?P<body>[A-ZÄÖÜ][\w\-]*(?:\s+[A-ZÄÖÜ][\w\-]*){0,2})"
_FR_AT = (
    r"(?P<at>[ÀàAa]\s+(?=la\s|l[’'])|[Aa]ux?\s+|[Cc]hez\s+|[Dd]u\s+côté\s+(?:de\s+(?=la\s|l[’'])|du\s+|des\s+))"
)
_DE_AT = (
    r"(?P<at>[Bb]ei\s+|[Bb]eim\s+|[Ii]m\s+|[Ii]n\s+der\s+|[Aa]us\s+dem\s+|[Aa]us\s+der\s+|[Vv]on\s+der\s+|"
    r"[Vv]om\s+)"
)
# Before the quotation: the body fronted, then "on" and its verb, or "heißt es", "hieß es", "sagt man".
BEFORE_FR = re.compile(rf"[\s\"“”'‘’(«]*{_FR_AT}{_FR_BODY}\s*,\s+on\s+[a-zéèêâîôû]")
BEFORE_DE = re.compile(
    rf"[\s\"“”'‘’(„»]*{_DE_AT}{_DE_BODY}\s+(?:(?:heißt|hieß|heisst)\s+es|(?:sagt|sagte|meint|meinte)\s+man)\b"
)
# After the quotation: "assure-t-on à la SNCF", "dit-on chez Renault"; "hieß es im Kanzleramt".
AFTER_FR = re.compile(
    rf"^[\s,]*(?P<verb>[a-zéèêâîôû]+-t-on|dit-on)\s+{_FR_AT}{_FR_BODY}(?=\s*(?:[,.;:!?]|$))"
)
AFTER_DE = re.compile(
    rf"^[\s,]*(?P<verb>hieß|heißt|heisst)\s+es\s+(?:[a-zäöüß]+\s+)?{_DE_AT}{_DE_BODY}(?=\s*(?:[,.;:!?]|$))"
)


def is_body(words: str, german: bool, named_after: bool) -> bool:
    """Whether `words` after a preposition name a body: initials, a body's noun, or a name after "chez"
    or "bei" (`named_after`), where a place or an occasion does not stand."""
    first = words.split()[0]
    if len(first) > 1 and first.isupper():
        return True  # (initials: "la SNCF", "bei der BVG")
    if german:
        return first.lower().endswith(_DE_BODY_ENDS) or (named_after and " " not in words)
    return first.lower() in _FR_BODIES or (named_after and first[:1].isupper())


def body_speaking(sentence: str) -> tuple[str, int] | None:
    """The body a sentence opening with it and an impersonal subject credits ("À la SNCF, on assure",
    "Bei der Bahn heißt es"), and its offset; None for other sentences."""
    if ", on " not in sentence and " es" not in sentence and " man" not in sentence:
        return None  # (most sentences: one test skips them)
    for pattern, german in ((BEFORE_FR, False), (BEFORE_DE, True)):
        found = pattern.match(sentence)
        if found is not None and _body_fits(found, german):
            return _with_article(found), found.start("body")
    return None


def body_after(text: str) -> tuple[str, int] | None:
    """The body an impersonal tag after a quotation names ("assure-t-on à la SNCF", "hieß es im
    Kanzleramt") and its offset; None otherwise."""
    for pattern, german in ((AFTER_FR, False), (AFTER_DE, True)):
        found = pattern.match(text)
        if found is not None and _body_fits(found, german):
            return _with_article(found), found.start("body")
    return None


# The nominative article of a body's noun after a preposition or a dative one ("au ministère" -> "le
# ministère", "der Bahn" -> "die Bahn", "im Rathaus" -> "der Rathaus": German gender does not matter to
# a body), so the noun is a descriptor the organization lookups resolve to the body named before.
_ARTICLE_OF = {
    "au": "le", "aux": "les", "du": "le", "des": "les", "der": "die", "dem": "der", "den": "die",
    "im": "der", "beim": "der", "vom": "der",
}


def _with_article(found: re.Match[str]) -> str:
    """The body's name as written, or its noun with its nominative article ("la mairie", "der Verband")."""
    body = found.group("body")
    first = body.split()[0]
    if first[:1].isupper() and (first.isupper() or not first.lower().endswith(_DE_BODY_ENDS)):
        return body  # (a name or initials: "SNCF", "Renault", "Siemens")
    article = found.group()[found.end("at") : found.start("body")].strip() or found.group("at").split()[-1]
    article = _ARTICLE_OF.get(article.lower(), article.lower())
    return f"{article} {body}" if article[-1:].isalpha() else f"{article}{body}"


def _body_fits(found: re.Match[str], german: bool) -> bool:
    """Whether the matched preposition and body are a body's, not a place's or an occasion's."""
    at = found.group("at").lower().split()[0]
    article = found.group()[found.end("at") : found.start("body")].strip()
    # (an article-less name after "bei" or "chez" is a body: "Bei Siemens", "Chez Renault")
    return is_body(found.group("body"), german, at in {"chez", "bei"} and not article)
