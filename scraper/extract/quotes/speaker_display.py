"""How a resolved speaker is written out: an organization's name without the article before it.

"the Democratic National Committee", "The Conservatives" and "the IDF" are the organizations
"Democratic National Committee", "Conservatives" and "IDF": a speaker is never a determiner. An article
the text capitalizes in mid-sentence is part of a title ("said The New York Times") and stays; a
descriptor ("the ministry", "The Indian army", "The Embassy") is not a name and keeps its article, but a
body named after the person it serves ("the Clinton campaign", "the Biden administration") is that
body's name: "Clinton campaign". The French form is the same ("le ministère des Affaires étrangères" ->
"ministère des Affaires étrangères").
Pure functions over the speaker string and the article's paragraphs.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_words import is_person_noun, word_set

# An article before capitalized words, with lower-case joiners only between them ("of", "and", "for").
_ARTICLE_NAME = re.compile(
    r"(?:the|The)\s+((?:[A-Z0-9][\w.&’'-]*)(?:\s+(?:(?:of|and|for|on|in|to|the|&)\s+)*[A-Z0-9][\w.&’'-]*)*)"
)
# A French institution named by its noun and what it is of ("le ministère des Affaires étrangères").
_FRENCH_ARTICLE_NAME = re.compile(
    r"(?:[Ll]e|[Ll]a|[Ll]es|[Ll][’'])\s*"
    r"([a-zà-ÿ]+\s+(?:de la|de l[’']|des|du|de|d[’'])\s*[A-ZÀ-Þ][\w’'-]*(?:\s+[\w’'-]+)*)"
)
# A French or German article before a name ("la SNCF", "le PLR", "Le Syndicat des services publics", "die
# Deutsche Bahn", "der Deutschlandfunk", "der Bund für Umwelt und Naturschutz", "l’ONU"); German
# capitalizes every noun, and a person's descriptor ("der Sprecher") is no organization's name.
_FOREIGN_ARTICLE_NAME = re.compile(
    r"(?:[Ll][ea]s?\s+|[Ll][’']\s*)([A-ZÀ-Þ][\w’'&.-]*(?:\s+[\w’'&.-]+)*)"
    r"|(?:[Dd](?:ie|er|as|em))\s+([A-ZÄÖÜ][\w-]+(?:\s+(?:(?:für|und|der|des|zur|zum)\s+)*[A-ZÄÖÜ][\w-]+)*)"
)
# A body's management speaking for it ("la direction d'Air France", "die Leitung der Charité"): the body.
_GOVERNING = re.compile(
    r"(?:[Ll]a\s+|[Dd]ie\s+)(?:direction|présidence|Leitung|Führung|Spitze|Geschäftsführung)\s+"
    r"(?:de\s+la\s+|de\s+l[’']\s*|du\s+|des\s+|de\s+|d[’']\s*|der\s+)([A-ZÀ-Þ][\w’'&.-]*(?:\s+[\w’'&.-]+)*)"
)
_GOVERNING_STARTS = frozenset({"La", "la", "Di", "di"})
# A body named by the person it serves: "the Clinton campaign", "The Biden administration", "the Trump team".
_PERSONS_BODY = re.compile(r"(?:the|The)\s+((?:[A-Z][\w’'-]*\s+){1,2}(?:campaign|administration|team|camp))")
# One capitalized common noun after "The" is a descriptor capitalized by house style ("The Embassy said"),
# not the name of one body.
_DESCRIPTOR_NOUNS = word_set(
    "embassy agency department ministry bureau committee council government court company firm party "
    "center centre commission office administration campaign police military army navy union group "
    "board authority service organization organisation institute foundation team club city county state "
    "prosecutor prosecutors family families company's report statement letter study survey"
)


def organization_name(speaker: str, text: str) -> str:
    """`speaker` without the article before an organization's name; `text` is the article's paragraphs
    joined, for whether it writes a capitalized "The" of the name in mid-sentence (a title's)."""
    if speaker[:2] in _GOVERNING_STARTS and (governing := _GOVERNING.fullmatch(speaker)) is not None:
        return governing.group(1)
    persons_body = _PERSONS_BODY.fullmatch(speaker)
    if persons_body is not None:
        return persons_body.group(1)
    match = _ARTICLE_NAME.fullmatch(speaker)
    if match is None:
        french = _FRENCH_ARTICLE_NAME.fullmatch(speaker) or _FOREIGN_ARTICLE_NAME.fullmatch(speaker)
        if french is None or (speaker[0] in "LD" and _capitalized_inside(text, speaker)):
            return speaker  # ("selon Le Monde", "schreibt Die Zeit": the article is part of the title)
        name = french.group(french.lastindex or 1)
        if speaker[0] in "dD" and " " not in name and is_person_noun(name.lower()):
            return speaker  # ("der SPD-Politiker", "die Sprecherin": a person's descriptor keeps its article)
        return name
    name = match.group(1)
    if " " not in name and name.lower() in _DESCRIPTOR_NOUNS:
        return speaker
    if speaker[0] == "T" and _capitalized_inside(text, speaker):
        return speaker  # ("said The New York Times": the article is part of the title)
    return name


def _capitalized_inside(text: str, speaker: str) -> bool:
    """Whether `text` writes `speaker` ("The ...") after a lower-case letter or comma: mid-sentence."""
    at = text.find(speaker, 2)
    while at > 1:
        if text[at - 1] == " " and (text[at - 2].islower() or text[at - 2] == ","):
            return True
        at = text.find(speaker, at + 1)
    return False
