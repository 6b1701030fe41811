"""Places, dates and occasions around a speaker phrase, which are never who speaks: the tail that ends a
subject phrase ("X on Monday", "X at a rally in Harlem", "sagte X nach der Sitzung") and the words of
places and dates that are no one's name ("Sokoine Street", "lands Tuesday", "Jackson County, Arkansas")."""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_words import word_set

# A time, medium or occasion ending a subject phrase ("X on Monday", "X in a statement", "X at a
# rally in Harlem"). It starts where a run of white space starts: the same leftmost match, but a long
# blanked-out quotation in a narration phrase is scanned once, not once per space (quadratic). (That
# run's first space is matched first, then looked behind: a pattern that opens with a character class is
# scanned for in one loop, one that opens with a lookbehind is tried at every position.)
TRIM_TAIL = re.compile(
    # (French and German prepositions of place, time and occasion end a subject phrase whatever follows
    # them: "sagte Hertel nach der Sitzung", "sagte Jana Koch am Berliner Hauptbahnhof", "Gertraud Hofer
    # aus Linz", "a déclaré le ministre à l'issue d'une réunion"; no name has them in lower case)
    # (also "vor Ort", "gegenüber der APA", "dans un communiqué", "sur France Inter", and "an", "auf"
    # or "in" before a German article: "an einer Medienkonferenz", "in einer Stellungnahme"; French "en",
    # "en conférence de presse", "en marge du sommet"; "auf Anfrage": "schreibt das Unternehmen auf Anfrage")
    r"\s(?<!\s\s)\s*(?:(?-i:nach|bei|zum|zur|aus|am|im|vor|gegenüber|während|à|au|aux|après|devant|lors|"
    r"dans|sur|en|gleich|zunächst|bereits|erneut|später|zuvor|zuletzt)\s|"
    r"(?-i:an|auf|in)\s+(?-i:einer|einem|der|dem|den)\s|(?-i:auf\s+(?:Anfrage|Nachfrage))\b|"
    r"(?:on|in|at|during|last|this|earlier|later|am|im|lors|en|el|le)\s+"
    r"(?:(?:a|an|the|his|her|their|its|einem|einer|der|dem|une?|el|la)\s+)?"
    # (a medium's or an occasion's modifier: "in a telephone interview", "at a campaign rally")
    r"(?:(?:telephone|phone|televised|radio|written|joint|separate|brief|campaign|news|press)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|statement|interview|speech|email|e-mail|post|"
    r"video|podcast|briefing|conference|press|news|note|letter|report|week|month|year|day|morning|"
    r"afternoon|evening|night|tweet|Twitter|Facebook|op-ed|memo|"
    # (online and written media: "said X in an SMS response to the paper", "X wrote in a blog post")
    r"SMS|text message|message|blog|forum|comment|reply|response|column|essay|article|chat|Instagram|"
    r"YouTube|LinkedIn|Reddit|"
    # (occasions: "said the Rev. Al Sharpton at a rally in Harlem", "during a town hall in Nashua")
    r"rally|town hall|debate|hearing|fundraiser|gathering|ceremony|convention|summit|luncheon|event|stop|"
    r"Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b)"
    r".*$",
    re.IGNORECASE,
)
# Last words of place names ("Sokoine Street", "Lindi Bus Terminal"): never the he or she of a quote.
# Days and months that are no one's name ("lands Tuesday": not "Theresa May" or "April Ryan").
DATES = word_set(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow january "
    "february september october november december"
)
# German and French months, which end a time phrase ("Ende Januar", "début juillet"), never a name (not
# those that are given names too: "Avril", "August").
MONTHS = word_set(
    "januar februar märz juni juli oktober dezember janvier février juin juillet août septembre octobre "
    "novembre décembre"
)
# U.S. states by name or AP abbreviation, which follow a city between commas ("in La Jolla, Calif., her
# foundation said", "Jackson County, Arkansas, insisted"): a place, never who speaks (not the states that
# are also names: Georgia, Virginia, Washington, Dakota, Indiana, Nevada, Montana).
STATES = word_set(
    "alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho "
    "illinois iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi "
    "missouri nebraska ohio oklahoma oregon pennsylvania tennessee texas utah vermont wisconsin wyoming "
    "ala. ariz. ark. calif. colo. conn. del. fla. ill. kan. ky. md. mass. mich. minn. neb. nev. "
    "okla. ore. pa. tenn. vt. wis. wyo."
)
# The states named in two words ("win New York, win California"): a place, never a person, as one-word
# states are.
STATE_PAIRS = frozenset(
    {
        "new york", "new jersey", "new hampshire", "new mexico", "north carolina", "south carolina",
        "north dakota", "south dakota", "west virginia", "rhode island",
    }
)  # fmt: skip
PLACE_NOUNS = word_set(
    "street road avenue lane boulevard square station terminal airport park bridge river lake mountain "
    "island county province district city town village hospital school college stadium market harbour "
    "harbor port valley bay coast highway"
)
# Places that are land or water only, never a body that speaks as a hospital, a school or a city does
# ("Tokomaru Bay", "Kirkstall Road", "Lake Taupo" is no organization an "it" or "the agency" means).
GEOGRAPHIC_NOUNS = word_set(
    "street road avenue lane boulevard square bridge river lake mountain island harbour harbor valley bay "
    "coast highway beach creek peninsula"
)
# What names a storm ("Hurricane Mara", "Cyclone Alfred", "Tropical Storm Ana", "Storm Ciarán"): never a
# person or a body, whatever is said after it.
STORM_WORDS = word_set("hurricane cyclone typhoon storm tropical")
