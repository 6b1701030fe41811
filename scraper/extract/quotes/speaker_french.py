"""French descriptor phrases: an elided article split off its noun, a common noun in apposition to a name.

French writes the article into its noun ("L’actrice Anna Lefort", "l’entreprise Virevolt") and puts a
common noun, lower case, right before the name it describes ("la société Eolia Sud-Ouest", "le conseiller
fédéral Alain Berset", "la climatologue Agnès Duval"): the phrase names that person or body. Pure
functions over a phrase's words.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_words import NAME_PARTICLES, PRONOUNS, word_set

_ELIDED = ("l’", "l'", "L’", "L'")
_ARTICLES = frozenset({"le", "la", "les", "l’", "l'"})
# Nouns for a body or a publication, whose name may be one word ("l’entreprise Virevolt", "le quotidien
# Libération"); a person's one-word name after a job noun is as often a place or a club ("le maire de X").
_BODY_NOUNS = word_set(
    "société entreprise groupe compagnie syndicat parti association fédération banque quotidien journal "
    "hebdomadaire magazine chaîne radio opérateur constructeur start-up"
)


# Endings of French nouns of nationality or origin, capitalized ("l’Espagnol", "l’Américaine", "le
# Portugais", "l’Italien", "l’Allemande"): after an article alone they describe a person, as any
# descriptor does ("L’Espagnol a reconnu ..." after "l’entraîneur Luis Enrique").
_DEMONYM_ENDS = ("ais", "aise", "ois", "oise", "ol", "ole", "and", "ande", "ain", "aine", "ien", "ienne")


def split_elided(words: list[str]) -> list[str]:
    """The words with an elided article opening the phrase split off ("L’actrice" -> "L’", "actrice"),
    and a nationality after an article alone in lower case, as a descriptor ("L’Espagnol" -> "L’",
    "espagnol"; "le Portugais" -> "le", "portugais")."""
    first = words[0]
    if len(first) > 3 and first.startswith(_ELIDED) and first[2:3].islower():  # (not "L’Oréal")
        return [first[:2], first[2:], *words[1:]]
    if len(words) == 1 and len(first) > 5 and first.startswith(_ELIDED) and _demonym(first[2:]):
        return [first[:2], first[2:].lower()]
    if len(words) == 2 and first in ("le", "la") and _demonym(words[1]):  # (not "Le Parisien", a daily)
        return [first, words[1].lower()]
    return words


def _demonym(word: str) -> bool:
    """Whether a capitalized word ends as a French nationality or origin does ("Espagnol", "Portugaise")."""
    return word[:1].isupper() and word[1:].isalpha() and word[1:].islower() and word.endswith(_DEMONYM_ENDS)


def _french_apposition(words: list[str], at: int) -> bool:
    """Whether a French article and lower-case words up to `at` describe the name after them ("la
    société Eolia Sud-Ouest"): French capitalizes no common noun, so they are one apposition; "Premier"
    and "Première" of a head of government are the one title word it capitalizes ("le Premier ministre")."""
    if words[0].lower() not in _ARTICLES or at < 1:
        return False
    return all(w.islower() or w in _CAPITAL_TITLES for w in words[1 : at + 1])


_CAPITAL_TITLES = frozenset({"Premier", "Première"})
# What a title is of before the full name: "de", "du", "de la", "des" or an elided "d’" and one place
# or body ("le député de la Somme Jean-Philippe Tanguy", "le maire d’Orléans Serge Grouard", "le président
# du Sénat Gérard Larcher").
_OF_PLACE = re.compile(
    r"(?:le|la|les|l[’'])\s*[a-zéèêàâîôûç][\w’'\-]*(?:\s+[a-zéèêàâîôûç][\w’'\-]*){0,3}?"
    r"\s+(?:de\s+la\s+|de\s+l[’']|du\s+|des\s+|de\s+|d[’'])[A-ZÀ-ÖØ-Þ][\w\-]*\s+"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w\-]+(?:\s+(?:de|du|von|van|le|la|De|Le|La|Van)?\s*[A-ZÀ-ÖØ-Þ][\w\-]+){1,2})"
)


def name_after_place(text: str) -> str:
    """The full name after a French title and what it is of ("le député de la Somme Jean-Philippe
    Tanguy" -> "Jean-Philippe Tanguy"): one word of place or body, then two or three name words; "" if
    the phrase is not so written."""
    found = _OF_PLACE.fullmatch(text)
    return found.group("name") if found else ""


def french_named(words: list[str], at: int, name: str) -> bool:
    """Whether a French descriptor names what follows it: a full name, or one word after a body's noun."""
    if not name or not _french_apposition(words, at):
        return False
    return " " in name or words[at].lower() in _BODY_NOUNS


# French puts an occasion or a medium between the verb and its inverted subject ("a déclaré lors d'une
# conférence de presse le directeur général de Nissan, X", "a indiqué à l'AFP la directrice"): after such
# a preposition, the subject is the first article that follows a noun, not a preposition or an article.
_OCCASION = re.compile(r"(?:lors|devant|dans|sur|après|pendant|à|au|aux|depuis)\s")
_OPENER_FIRSTS = frozenset("ldsàap")
_ARTICLE_AT = re.compile(r"\s(?:le\s|la\s|l[’'](?=\w))")
_LINKS = word_set("de à au aux en sur dans devant lors du des pour par avec")


def after_occasion(text: str) -> str:
    """The subject after a French occasion opening the phrase ("lors d'une conférence de presse le
    directeur ..." -> "le directeur ..."); `text` itself when it opens with none or names no subject."""
    if text[:1] not in _OPENER_FIRSTS or _OCCASION.match(text) is None:
        return text  # (most phrases open with a capital: one test skips them)
    for found in _ARTICLE_AT.finditer(text):
        before = text[: found.start()].rsplit(None, 1)[-1].lower()
        if before not in _LINKS and not before.endswith(("’", "'")):
            return text[found.start() + 1 :]
    return text


def fronted_phrase(text: str, after: str) -> bool:
    """Whether `text` before a comma is a fronted phrase and `after` the subject: a pronoun follows it
    ("Interrogée sur la réforme, elle"), or a French past participle and its complement open it
    ("Questionnée à ce sujet, la mairesse": a long capitalized word ending in -é, -ée, -és, -ées)."""
    if after.strip().lower() in PRONOUNS:
        # (not a full name, restated by a stressed pronoun for contrast: "Marine Le Pen, elle, a jugé")
        names = text.split()
        return len(names) < 2 or not all(w[:1].isupper() or w in NAME_PARTICLES for w in names)
    words = text.split(None, 2)
    participle = len(words[0]) >= 8 and words[0].endswith(("é", "ée", "és", "ées"))
    return participle and len(words) > 1 and words[1].islower()


# French subject pronouns and the object pronouns written between them and the verb ("elle le résume",
# "il leur explique", "elle en parle").
_SUBJECT_PRONOUNS = ("il ", "elle ", "ils ", "on ")
_OBJECT_PRONOUNS = word_set("le la les lui leur y en nous vous")


def before_object_pronouns(chunk: str, end: int) -> int:
    """Where a French subject pronoun's chunk[:end] ends before the object pronouns after it ("Elle le"
    -> "Elle"): they are no part of who speaks."""
    if chunk[:5].lower().startswith(_SUBJECT_PRONOUNS):
        while (cut := chunk.rfind(" ", 0, end)) > 0 and chunk[cut + 1 : end] in _OBJECT_PRONOUNS:
            end = cut
    return end


# A French personal pronoun and its verb after a fronted phrase ("Interrogée mardi, elle s'est contentée").
_PRONOUN_THEN_VERB = re.compile(r"(?P<spk>il|elle)\s+(?:s[’']|a\s|n[’'])?\w")


def fronted_pronoun(sentence: str, at: int) -> re.Match[str] | None:
    """The pronoun subject ("spk") at `at`, after a fronted phrase, of a sentence that ends with a colon
    before a quotation and has no speech verb ("Interrogée mardi, elle s'est contentée d'une formule :"):
    she says the words that follow."""
    return _PRONOUN_THEN_VERB.match(sentence, at)
