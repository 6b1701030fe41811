"""Who a speaker phrase names: classify it, split a person's name from their title, resolve references.

A phrase is what stands in the speech-verb's subject slot ("he", "the former NATO commander",
"Former NATO Supreme Allied Commander Admiral James Stavridis", "a source in North Korea").
Resolution keeps the article's speakers in order: pronouns take the most recent speaker (he/she skip
publications named by "according to"/"reported"), a definite descriptor ("the former NATO commander")
takes the most recent *named* person introduced with matching title words, else the earlier
descriptor with the same head noun ("The source" -> "a source in North Korea", "la fédération" -> "la
Fédération des artisans boulangers du Centre"), and a bare surname takes the person with that surname.
Anything else is kept as the article words it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_Trie = dict[str, Any]


def trie_pattern(words: list[str] | frozenset[str]) -> str:
    """A regex alternation of `words` shaped as a trie: one branch test per position, not one per word."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: _Trie) -> str:
    ends = "" in node
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def word_set(text: str) -> frozenset[str]:
    """The set of space-separated words in `text` (keeps long word lists readable)."""
    return frozenset(text.split())


PRONOUNS = word_set("he she they it him her er sie es il elle ils elles él ella ellos")
# He/she-type pronouns refer to people, never to a publication cited as a source.
_PERSONAL = word_set("he she him her er il elle él ella")
_DEFINITE = word_set(
    "the this that these those his her their its our der die das den dem le la les l' el los las"
)
_INDEFINITE = word_set(
    "a an one another some several many two three four five six seven eight nine ten each both other "
    "most ein eine einer un une unos unas des"
)
# Words that cannot be inside a subject phrase: verbs, relatives, conjunctions opening a clause.
_STOP = word_set(
    "is was are were be been being has have had will would could should may might can must do does did "
    "that which who whom whose because if when while as but not it's than then there here so also said "
    "says told to ist war sind hat wird que qui est était ha es fue"
)
# French clitics that make a clause of a phrase ("La hausse s’explique", "ce qu’il", "n’a").
_CLITICS = tuple(f"{c}{mark}" for c in ("s", "n", "qu", "j", "m", "t") for mark in "’'")
# Sentence openers to strip before a subject ("But Smith said").
_OPENERS = word_set(
    "but and yet so still meanwhile now then also however instead later earlier aber und mais et pero y"
)
# Capitalized words that start an adverbial phrase, not a name.
_NOT_SUBJECT = word_set(
    "in on at during after before with for from under over since by speaking asked writing like unlike "
    "despite although though while when if as according last next this that these those there here it "
    "im am bei nach dans en pendant après avant selon durante tras según near beyond above below across "
    "through toward towards into within without between among around about against along amid inside "
    "outside onto upon via per pour par sur avec chez contre sans vers für mit über gegen ohne"
)
HONORIFICS = word_set(
    "mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady admiral adm. general gen. "
    "colonel col. lt. lieutenant major maj. captain capt. sgt. sergeant rev. reverend father rabbi imam "
    "sen. senator rep. representative gov. governor judge justice president chancellor king queen prince "
    "princess pope sheikh herr frau monsieur madame señor señora don doña mayor"
)
ROLE_WORDS = word_set(
    "commander minister secretary chairman chairwoman chair director chief officer ceo cfo coo cto "
    "spokesman spokeswoman spokesperson leader head founder co-founder analyst economist editor "
    "correspondent reporter ambassador adviser advisor executive manager member strategist researcher "
    "scientist expert lawyer attorney mayor commissioner inspector premier envoy official vice deputy "
    "former acting interim senior chief commentator author owner partner president general superintendent "
    "coordinator supervisor administrator treasurer"
)
# "General" after a role word is part of the role: Secretary General, Attorney General.
_ROLE_SUFFIX = frozenset({"general"})
_NAME_PARTICLES = word_set("de da di del della van von der den du le la bin al ibn ben dos das y")
_TRIM_TAIL = re.compile(
    r"\s+(?:on|in|at|during|last|this|earlier|later|am|im|lors|en|el|le)\s+"
    r"(?:(?:a|an|the|his|her|their|its|einem|einer|der|dem|une?|el|la)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|statement|interview|speech|email|e-mail|post|"
    r"video|podcast|briefing|conference|press|news|note|letter|report|week|month|year|day|morning|"
    r"afternoon|evening|night|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b.*$",
    re.IGNORECASE,
)
_ADVERBS = word_set(
    "previously also later earlier then again reportedly recently repeatedly publicly privately once still "
    "already separately initially originally similarly likewise further finally subsequently firmly bluntly "
    "openly flatly strongly simply just now"
)
_GERMAN_ROLE_ENDINGS = tuple(
    f"{stem}{ending}"
    for stem in ("leiter", "sprecher", "chef", "minister", "präsident", "direktor", "vorsitzende", "experte")
    for ending in ("", "in", "r")
)
# Articles that end a name ("Katrin Albers der Deutschen Presse-Agentur") unless a particle precedes them.
_ARTICLES = word_set("der dem den des la le du")
_PREPOSITIONS = word_set("of in at for with from on to by de du des von vom del")


@dataclass
class Phrase:
    """A classified speaker phrase: kind is pronoun, name, definite, indefinite or group."""

    kind: str
    text: str
    name: str = ""
    roles: frozenset[str] = frozenset()
    head: str = ""


@dataclass
class Speaker:
    """One entry of the article's speaker history."""

    display: str
    kind: str
    roles: set[str] = field(default_factory=set)
    role: str = "speaker"  # speaker, source (a cited publication) or intro (named in narration only)
    head: str = ""  # a descriptor's head noun, for later definite references


def classify_phrase(raw: str) -> Phrase | None:
    """What kind of speaker phrase `raw` is, or None when it is not a plausible subject."""
    text = raw.strip(" ,;:—–-()[]\u00a0")
    if "," in text:
        return _with_appositive(text)
    if text.count(" ") >= 2:  # a time/medium tail needs at least "X on Monday"
        text = _TRIM_TAIL.sub("", text).strip()
    words = text.split()
    while words and words[0].lower() in _OPENERS and len(words) > 1:
        words = words[1:]
    if not words or len(words) > 14 or (len(words) == 1 and words[0].lower() in _OPENERS):
        return None
    first = words[0].lower()
    if len(words) == 1 and first in PRONOUNS:
        return Phrase("pronoun", first)
    lowered = [w.lower().strip(",.") for w in words]
    if any(w in _STOP or w.startswith(_CLITICS) for w in lowered) or first in _NOT_SUBJECT:
        return None
    if not words[-1][:1].isalnum():
        return None
    while len(words) > 1 and words[-1] in _ADVERBS:  # "The alliance previously described"
        words = words[:-1]
    text = " ".join(words)
    if first in _DEFINITE or first in _INDEFINITE or first[:1].isdigit():
        return _descriptor(text, words, first in _DEFINITE)
    if words[0][:1].isupper() or _titled_name_ends(words):  # also "union president Denise Okafor"
        return _named(text, words)
    if len(words) <= 3 and not any(part in PRONOUNS for w in lowered for part in w.split("-")):
        # "police", "state media", "local officials" (but not French "a-t-il")
        return Phrase("group", text, roles=frozenset(lowered))
    return None


def _with_appositive(text: str) -> Phrase | None:
    """A name followed by its appositive ("Renata Ilves, the company's chief executive"): the person,
    with the appositive's words as roles so a later "the chief executive" finds them."""
    name, appositive = text.split(",", 1)
    person = classify_phrase(name)
    if person is None or person.kind != "name":
        return None
    words = appositive.replace(",", " ").split()
    roles = frozenset(_content(words))
    return Phrase("name", text, name=person.name, roles=person.roles | roles, head=_head_noun(words))


def classify_mention(raw: str) -> Phrase | None:
    """A capitalized run in narration ("When Glenn Odegaard", "the Platte Basin Water Council") as a
    name or named organization, after the words that open a clause or adverbial ("When", "For")."""
    words = raw.split()
    while len(words) > 1 and (words[0].lower() in _NOT_SUBJECT or words[0].lower() in _OPENERS):
        words = words[1:]
    phrase = classify_phrase(" ".join(words))
    return phrase if phrase is not None and phrase.kind in {"name", "definite"} else None


def _descriptor(text: str, words: list[str], definite: bool) -> Phrase:
    """A descriptor that ends in a name ("the company's CEO Tim Cook") names that person."""
    name, roles = split_name(words[1:])
    # "the company's CEO Tim Cook" names a person; "a source in North Korea", "die Ministerin" and an
    # organization named right after its article ("the Platte Basin Water Council") do not.
    if len(name.split()) > 1 and _titles_name(words[len(words) - len(name.split()) - 1], name):
        return Phrase("name", text, name=name, roles=roles | frozenset(_content(words[:1])))
    kind = "definite" if definite else "indefinite"
    return Phrase(kind, text, roles=frozenset(_content(words)), head=_head_noun(words))


def _titled_name_ends(words: list[str]) -> bool:
    """Whether the phrase ends in a person's name right after their title ("union president Jo Li")."""
    name = split_name(words)[0].split()
    if len(name) < 2 or len(name) >= len(words):
        return False
    title = [w.lower() for w in words[: -len(name)]]
    if any(w in _PREPOSITIONS or w in _NOT_SUBJECT for w in title):  # "chaired by Prime Minister X"
        return False
    return _titles_name(words[-len(name) - 1], name[0])


def _titles_name(before: str, name: str) -> bool:
    """Whether the word before `name` in a descriptor makes it a person's title (role, possessive, CEO)."""
    low = before.lower()
    return _is_role(low) or _possessive(low) or _acronym(before) or name.split()[0].lower() in HONORIFICS


def _named(text: str, words: list[str]) -> Phrase:
    at = next((i for i, w in enumerate(words) if i and _ends_name(words, i)), 0)
    if at and all(w[:1].isupper() for w in words[:at]) and not ROLE_WORDS & set(_content(words[:at])):
        # "Rebecca English of the Daily Mail": the name is before the preposition.
        name, roles = split_name(words[:at])
        if name:
            return Phrase("name", text, name=name, roles=roles | frozenset(_content(words[at:])))
    name, roles = split_name(words)
    if not name:
        return Phrase("definite", text, roles=roles, head=_head_noun(words))
    return Phrase("name", text, name=name, roles=roles)


def _ends_name(words: list[str], i: int) -> bool:
    """Whether words[i] starts a phrase after the name: a preposition, or an article not after a particle."""
    if words[i] in _PREPOSITIONS:
        return True
    return words[i] in _ARTICLES and words[i - 1] not in _NAME_PARTICLES


def _head_noun(words: list[str]) -> str:
    """The head of a descriptor: its last word before any prepositional phrase ("head of the agency"),
    or a role word ending it ("the Ministry of Foreign Affairs spokesperson")."""
    if words and _is_role(words[-1].lower()):
        return words[-1].lower()
    head = ""
    for word in words[1:] if words[0].lower() in _DEFINITE | _INDEFINITE else words:
        low = word.lower().strip(",.")
        if low in _PREPOSITIONS and head:
            break
        head = low
    return head


def split_name(words: list[str]) -> tuple[str, frozenset[str]]:
    """Split "Former NATO Supreme Allied Commander Admiral James Stavridis" into name and title words.

    The name starts after the last role word, lowercase word or possessive, or at the last honorific
    (kept: "Admiral James Stavridis", "President Vladimir Putin"); it needs a word that is neither.
    """
    start = 0
    for i, word in enumerate(words):
        low = word.lower().rstrip(",")
        if low in HONORIFICS and word[:1].isupper() and not _after_role(words, i):
            start = i
        elif _is_role(low) or (word[:1].islower() and low not in _NAME_PARTICLES) or _possessive(low):
            start = i + 1
        elif i > 1 and words[i - 1] == "of" and _is_role(words[i - 2].lower()):
            start = i + 1  # "Secretary of State", "Chief of Staff"
    while start < len(words) - 2 and _acronym(words[start]) and len(words[start]) > 2:
        start += 1  # an agency or outlet before the name: "l’AFP Hélène Marchand", not "JD Vance"
    name_words = words[start:]
    proper = [w for w in name_words if w.lower() not in HONORIFICS and not _acronym(w)]
    if not proper or not all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in name_words):
        return "", frozenset(_content(words))
    return " ".join(name_words), frozenset(_content(words[: start + 1]))


def _is_role(word: str) -> bool:
    """An English role word, or a German compound ending in one (Institutsleiterin, Regierungssprecher)."""
    return word in ROLE_WORDS or word.endswith(_GERMAN_ROLE_ENDINGS)


def _possessive(word: str) -> bool:
    return word.endswith(("’s", "'s"))


def _acronym(word: str) -> bool:
    return word.isupper() and len(word) <= 4


def _after_role(words: list[str], i: int) -> bool:
    """Whether words[i] continues a role ("Secretary General") rather than titling a name."""
    return words[i].lower() in _ROLE_SUFFIX and i > 0 and words[i - 1].lower() in ROLE_WORDS


def _content(words: list[str]) -> list[str]:
    determiners = _DEFINITE | _INDEFINITE
    return [w.lower().strip(",.") for w in words if w.lower() not in determiners]


class SpeakerHistory:
    """The speakers met so far in an article, most recent last."""

    def __init__(self) -> None:
        self.entries: list[Speaker] = []

    def resolve(self, phrase: Phrase, role: str = "speaker") -> str | None:
        """The display name `phrase` refers to, remembering it as the most recent speaker.

        role "intro" records a person named with a title in narration, for later descriptors and
        surnames, without making them a pronoun's antecedent; so does "named" (a full name or named
        organization in narration), and "mention" (such a name leading a sentence with no speech verb)
        also makes a known speaker the most recent one.
        """
        found = self._lookup(phrase)
        if role in {"intro", "mention", "named"}:
            return self._note(phrase, found, role)
        if found is None:
            if phrase.kind == "pronoun" or (role == "intro" and phrase.kind != "name"):
                return None
            found = Speaker(phrase.name or phrase.text, phrase.kind, set(phrase.roles), role, phrase.head)
            self.entries.append(found)
            return found.display
        found.roles |= phrase.roles
        if role != "intro":
            found.role = role if found.role == "intro" else found.role
            self.entries.remove(found)
            self.entries.append(found)
        return found.display

    def _note(self, phrase: Phrase, found: Speaker | None, role: str) -> str | None:
        """Remember a person or organization named in narration; a mentioned speaker becomes the latest."""
        if found is None:
            # a full name or a named organization ("the Platte Basin Water Council"), not a lone word
            full_name = phrase.kind == "name" and (role == "intro" or " " in phrase.name)
            if phrase.kind == "definite" or full_name:
                display = phrase.name or phrase.text
                self.entries.append(Speaker(display, phrase.kind, set(phrase.roles), "intro", phrase.head))
            return None
        found.roles |= phrase.roles
        if role == "mention" and found.role == "speaker":
            self.entries.remove(found)
            self.entries.append(found)
        return found.display

    def _lookup(self, phrase: Phrase) -> Speaker | None:
        if phrase.kind == "pronoun":
            personal = phrase.text in _PERSONAL
            skip = {"intro", "source"} if personal else {"intro"}
            return next((e for e in reversed(self.entries) if e.role not in skip), None)
        if phrase.kind == "name":
            return self._by_name(phrase.name)
        if phrase.kind == "definite":
            return self._by_title(phrase.head, phrase.roles) or self._by_head(phrase.head)
        return None

    def _by_name(self, name: str) -> Speaker | None:
        """A known person whose name is `name` or ends with it ("Stavridis", "Mr Stavridis")."""
        words = [w for w in name.split() if w.lower() not in HONORIFICS]
        if not words:
            return None
        key = " ".join(words)
        found = [
            e
            for e in reversed(self.entries)
            if e.kind == "name" and (e.display == name or e.display.endswith(" " + key))
        ]
        speakers = [e for e in found if e.role != "intro"]
        if speakers:
            return speakers[0]
        # people only named in narration: a surname two of them share ("Harris") stays unresolved
        return found[0] if len({e.display for e in found}) == 1 else None

    def _by_title(self, head: str, roles: frozenset[str]) -> Speaker | None:
        """The most recent named person introduced with the descriptor's head noun and most of its words."""
        for entry in reversed(self.entries):
            # a title word, or the head of the appositive they were introduced with ("a farmer near X")
            if entry.kind == "name" and head in entry.roles and (_is_role(head) or head == entry.head):
                others = roles - {head}
                if len(others & entry.roles) * 2 >= len(others):
                    return entry
        return None

    def _by_head(self, head: str) -> Speaker | None:
        """The most recent descriptor with the same head noun ("the source" -> "a source in ...")."""
        return next(
            (e for e in reversed(self.entries) if e.kind in {"definite", "indefinite"} and e.head == head),
            None,
        )
