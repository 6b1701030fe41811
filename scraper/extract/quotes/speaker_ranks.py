"""Titles and occupations of people that the speaker vocabulary (speaker_words) merges into its lists: the
police, court and council titles of British, Irish and Commonwealth news, the letters after a name, and the
positions and occupations news style puts before a name.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """The set of space-separated words in `text` (speaker_words.word_set, which imports this module)."""
    return frozenset(text.split())


# Police, court and council titles of British, Irish and Commonwealth news, written without a period
# ("PC Amir Hussain", "Det Supt Anna Reid", "Garda Eoin Fitzgerald", "Cllr Jo Lane", "Coroner Ann Hale"):
# titles like "Sgt." (speaker_words.HONORIFICS, which takes them in), no part of the name.
SERVICE_TITLES = _words(
    "pc dc ds di dci dcs det detective gda garda constable const insp supt sgt ch cllr coroner "
    "recorder magistrate"
)
# Service titles that are also common initialisms ("DC United", "PC World"): a title only before a
# given name or a lone surname.
INITIAL_TITLES = _words("pc dc ds di dci dcs")
# Letters after a name for an office, a barrister's rank, an honour or a degree ("Andrew Menary KC",
# "Ray Boland SC", "Jo Lane MP", "Ann Hale OBE", "Ada Li PhD"): no part of the name. (Case-sensitive:
# written so, they cannot be a surname.)
POST_NOMINALS = _words("KC QC SC BL MP MLA MSP MEP MPP MHA MHK TD AO AC OBE MBE CBE KBE DBE GBE PhD MD FRS")


# Players by their position or part in a team, as sports reports call them ("the captain", "the lock",
# "the Swedish winger", "Canucks goaltender Mia Kerr").
POSITIONS = _words(
    "captain skipper vice-captain co-captain goalkeeper goaltender goalie keeper wicketkeeper striker "
    "forward defender defenceman defenseman midfielder winger centre center lock prop hooker flanker "
    "fly-half scrum-half scrumhalf fullback halfback quarterback pitcher catcher shortstop batter batsman "
    "bowler opener all-rounder jockey golfer sprinter swimmer cyclist rookie teammate"
)
# Positions that also name a body ("the centre said" of a research centre): a player's only after a
# capitalized modifier, a nationality or a team ("the German centre", "the Oilers centre").
BODY_POSITIONS = _words("centre center")
# Occupations news style puts before a name with or without the article ("the cellist Ana Ruiz",
# "Senior coroner Kevin Hale"): the phrase names the person, and a later "the cellist" means them.
OCCUPATIONS = _words(
    "coroner pianist cellist violinist guitarist bassist drummer trumpeter saxophonist singer songwriter "
    "composer conductor novelist poet playwright actor actress artist painter sculptor photographer "
    "historian physician surgeon barrister solicitor prosecutor architect designer"
)
