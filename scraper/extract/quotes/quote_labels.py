"""Speaker labels of transcripts and Q&A: a name and a colon opening the paragraph before a quotation.

Transcripts, debate write-ups and interviews set who speaks as a label ('WHITCOMB: "..."', 'Sen. Ward
Ellison: "..."', 'MODERATOR: "..."', 'Q: "..."'). The label is the quotation's speaker: a name as the
article writes it elsewhere (a label in capitals takes the article's casing, so "WHITCOMB" is the
Whitcomb named before), a role alone is that role's holder ("the moderator"), and the interviewer's
Q or A names nobody.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_words import is_person_noun, is_role, word_set
from scraper.extract.quotes.speakers import classify_phrase

# Up to five capitalized words (a title and a name: "GOV. RITA HALVORSEN", "Sen. Ward Ellison"), a colon,
# then the opening mark: all the paragraph holds before the quotation.
_LABEL = re.compile(r"\s*(?P<spk>(?:[A-Z][\w’'\-\u2024]*\.?\s+){0,4}[A-Z][\w’'\-]*\.?)\s*:\s*")
# Labels of an interview's turns, naming nobody.
_TURNS = word_set("q a question answer")
# Capitalized words that head a paragraph before a colon without naming anyone ("UPDATE:", "Watch:").
_NOT_SPEAKERS = word_set(
    "update updated breaking watch read note correction related more photo video source quote transcript "
    "editor's editor’s warning caption credit headline title subject re fact tip disclosure"
)


def label_speaker(before: str, paragraphs: list[str], index: int) -> str | None:
    """The speaker phrase a label before a quotation gives (`before`: paragraph `index` up to the opening
    mark): a name, "the <role>", "Q" for a turn that names nobody, or None when there is no label."""
    match = _LABEL.fullmatch(before)
    if match is None and (" – " in before or " — " in before):
        # (a headline's second half after a dash: "Mitglieder stimmen für X – Kühnert: „...“")
        match = _LABEL.fullmatch(re.split(r"\s[–—]\s", before)[-1])
    if match is None:
        return None
    label = match.group("spk")
    article = "\n".join(p for i, p in enumerate(paragraphs) if i != index)
    words = label.split()
    if words[0].lower().rstrip(".") in _NOT_SPEAKERS:
        return None
    if len(words) == 1 and words[0].lower() in _TURNS:
        return "Q"
    capitals = label.isupper()
    if capitals:
        label = " ".join(_as_written(w, article) for w in words)
    words = label.split()
    low = label.lower()
    # (a last word that only ends like a person noun may be a surname: "Trainer Weber:")
    single = len(words) == 1 or is_role(low.rsplit(None, 1)[-1])
    roles = all(is_role(w.lower()) or is_person_noun(w.lower()) for w in words)
    if single and roles and not _surname(label, article):
        return f"the {low}"  # ("MODERATOR:", "Host:"): the role's holder, if the article names them
    phrase = classify_phrase(label)
    if phrase is None or phrase.kind != "name":
        return None
    # (a Title Case label with no title is a name only if the article names that person elsewhere: "Screen
    # Play:" heads a section; in capitals it is a transcript's)
    last = re.escape(phrase.name.split()[-1])
    named = re.search(rf"(?:[A-Z][\w’'\-.\u2024]*|[A-Z]+)\s+(?i:{last})\b", article)
    if not capitals and phrase.name == label and named is None:
        return None
    return label


def _surname(label: str, article: str) -> bool:
    """Whether a one-word label that ends like a person noun is a surname the article gives a person
    ("Brandauer:" after "Lukas Brandauer"): a capitalized word, no role, before it elsewhere."""
    if " " in label or label.isupper():
        return False
    before = re.findall(rf"([A-Z][\w’'\-]*)\s+{re.escape(label)}\b", article)
    return any(not is_role(word.lower()) for word in before)


def _as_written(word: str, article: str) -> str:
    """A word of a label in capitals as the article writes it in mixed case ("MCCAIN" -> "McCain"), else
    capitalized; a title's period kept ("SEN." -> "Sen.")."""
    bare = word.rstrip(".")
    for match in re.finditer(rf"\b{re.escape(bare)}\b", article, re.IGNORECASE):
        found = match.group()
        if not found.isupper() and found[:1].isupper():
            return found + word[len(bare) :]
    return bare.capitalize() + word[len(bare) :]
