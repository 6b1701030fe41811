"""German words that attribution reads differently from their English or French look-alikes.

German "sie" is "she" or "they": the verb beside it tells, singular ("sagte sie", "sie erklärt",
"fragte sie") or plural ("sagten sie", "sie sind"). A singular one makes it a personal pronoun that a
person named just before may be, as "she" is.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.given_names import is_given_name
from scraper.extract.quotes.speaker_words import word_set
from scraper.extract.quotes.speech_verbs import DE_VERBS

_WORD_BEFORE = re.compile(r"([a-zäöüß]+)[\s\u00a0]+$")
_WORD_AFTER = re.compile(r"[\s\u00a0]+([a-zäöüß]+)")
# (a plural verb ends in -en, "sagten", "erklärten"; "sind" is the one common exception)
_PLURAL_ENDS = ("en", "sind")


def she_by_verb(text: str, offset: int, raw: str) -> bool:
    """Whether the German "sie" at `offset` of `text` is "she": the verb before it ("sagte sie") or,
    with none, after it ("sie sagte") is singular."""
    before = _WORD_BEFORE.search(text, max(0, offset - 30), offset)
    verb = before.group(1) if before else None
    if verb is None:
        after = _WORD_AFTER.match(text, offset + len(raw))
        verb = after.group(1) if after else None
    return verb is not None and not verb.endswith(_PLURAL_ENDS)


# Words opening a German subordinate clause, whose verb stands last: ", das sie nie beim Namen nennt",
# ", wie er lachend sagt", ", dass der Minister betonte".
_SUBORDINATORS = word_set("dass wie weil wenn ob obwohl nachdem während wo deren dessen")
# (a relative pronoun is also an article: it opens a clause only before a lower-case word, "das sie nie
# nennt"; before a capital it is an article, "…: der Deutschlandfunk nannte")
_RELATIVE_PRONOUNS = word_set("das der die dem den")
# (a pronoun only: a capitalized word there may as well be the object, "ein Satz, der Geschichte schrieb")
_CLAUSE_SUBJECT = re.compile(r"(?:er|sie|ich|wir)(?=\s|$)")


def subordinate_clause(chunk: str) -> bool:
    """Whether a comma chunk before a verb opens a German subordinate clause (the verb ends it)."""
    first = chunk.split(None, 1)
    if len(first) < 2 or not first[1][:1].isalpha():
        return False
    return first[0] in _SUBORDINATORS or (first[0] in _RELATIVE_PRONOUNS and first[1][:1].islower())


def subordinate_subject(chunk: str, offset: int) -> tuple[str, int] | None:
    """The subject of a German subordinate clause when a pronoun follows its opening word ("wie er
    lachend sagt" -> "er"); else None (the clause's subject is not the sentence's: "Hanna Roth wohnt in
    einem Dorf, das sie nie nennt" has no speaker)."""
    start = len(chunk.split(None, 1)[0])
    start += len(chunk) - start - len(chunk[start:].lstrip())
    found = _CLAUSE_SUBJECT.match(chunk, start)
    return (found.group(), offset + start) if found else None


_PARTICLES = frozenset({"von", "van", "zu", "de", "der", "den"})
_LEGAL_FORMS = frozenset({"AG", "GmbH", "KG", "SE", "SA", "eG", "e.V."})
_POSSESSIVES = word_set("ihr ihre ihrem ihren sein seine seinem seinen")
# German articles, which open a noun phrase whose noun is capitalized like a name.
GERMAN_ARTICLES = word_set("der die das den dem des ein eine einem einen einer eines")


def article_noun_end(words: list[str]) -> int:
    """After a German article and any lower-case adjectives, the index just past the capitalized noun
    they lead ("den Deutschen", "des britischen Schauspielers"); 0 when `words` opens no such phrase."""
    if len(words) < 2 or words[0].lower() not in GERMAN_ARTICLES:
        return 0
    at = 1
    while at < len(words) - 1 and words[at].islower() and words[at].isalpha():
        at += 1
    return at + 1 if words[at][:1].isupper() else 0


def titled_by_noun(words: list[str]) -> str:
    """The full name after a German article's noun, which titles it ("Der Ortsvorsteher Bernd Kluge",
    "die Französin Claire Dumont", "den Deutschen Jonas Wendler"): two or more capitalized words; "" if
    none (a noun alone or with one more word is a descriptor or a body's name: "der Deutsche Bund").
    A possessive leads a relative's or colleague's noun as an article does ("Ihr Bruder Murat Yilmaz")."""
    if words and words[0].lower() in _POSSESSIVES:
        words = ["der", *words[1:]]
    end = article_noun_end(words)
    name = words[end:] if end else []
    # (a surname's particle inside the name: "Ihr Verleger Thedel von Wallmoden")
    if len(name) < 2 or not all(
        (w[:1].isupper() and w[1:].replace("-", "").isalpha()) or (0 < i < len(name) - 1 and w in _PARTICLES)
        for i, w in enumerate(name)
    ):
        return ""
    if name[-1] in _LEGAL_FORMS:  # (a company's whole name: "Die Flughafen Zürich AG")
        return ""
    return " ".join(name)


# A German article and any lower-case adjectives right before a capitalized run: its first word is the
# article's noun ("des britischen Schauspielers Jeremy Irons"), not part of a name.
_ARTICLE_BEFORE = re.compile(
    r"(?:^|\s)(?:[Dd](?:er|ie|as|en|em|es)|[Ee]in(?:e[mnrs]?)?)(?:\s+[a-zäöüß]+){0,3}\s+$"
)


def noun_before_name(sentence: str, at: int, run: str) -> int:
    """How many characters of the capitalized run at `at` are a German article's noun before the name
    it titles (the noun and its space; 0 when none): of three words or more, after an article."""
    if run.count(" ") < 2 or not _ARTICLE_BEFORE.search(sentence, max(0, at - 40), at):
        return 0
    noun = run.split(None, 1)[0]
    return len(run) - len(run[len(noun) :].lstrip())


# A German speech verb coordinated with the sentence's first verb ("... und sagte"): its subject is the
# first clause's, leading it ("Sie dankte ihrer Regisseurin und sagte") or, after a fronted phrase,
# right after its verb ("Am 31. August trat Angela Merkel vor die Presse und sagte").
_AND_BEFORE_VERB = re.compile(r"\sund\s+$")
_FULL_NAME = r"[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+){1,2}"
_LEADING_SUBJECT = re.compile(rf"\s*(?P<spk>Sie|Er|{_FULL_NAME})\s+[a-zäöüß]")
_INVERTED_SUBJECT = re.compile(rf"\s[a-zäöüß]+\s+(?P<spk>{_FULL_NAME})\s+[a-zäöüß]")


def coordinated_subject(head: str) -> tuple[str, int] | None:
    """The subject of a German speech verb after "und" whose clause has none of its own (the head ends
    with "und"): the first clause's leading pronoun or name, else the name right after its verb; the
    caller judges the phrase."""
    if not head.endswith(" ") or _AND_BEFORE_VERB.search(head) is None:
        return None
    found = _LEADING_SUBJECT.match(head) or _INVERTED_SUBJECT.search(head)
    return (found.group("spk"), found.start("spk")) if found else None


# A name leading a German sentence, then its verb (present or past: in -t, -te, or a strong past) and
# a German word after it: 'Roeder nimmt die Kritik gelassen. »...«', 'Heil zeigte sich zuversichtlich'
# (English subjects and verbs are read by the -s and -ed verbs of quote_subjects).
GERMAN_NAME_THEN_VERB = re.compile(
    r"(?P<spk>[A-ZÄÖÜ][\w’'.\-]*(?:\s+[A-ZÄÖÜ][\w’'.\-]*){0,2})\s+"
    # (not an auxiliary: "Politisch hat das ... begleitet" opens with an adverb, its subject further on)
    r"(?!(?:hat|hatte|ist|war|wird|wurde|habe|sei)\b)[a-zäöüß]+\s+"
    r"(?:die|der|das|den|dem|sich|nicht|es|ein|eine|einen|keine|keinen|ihre|ihren|seine|seinen|auch|noch|"
    r"heute|jetzt|dabei|darauf)\b"
)
# Or a pronoun right after the verb, a phrase fronted before it: 'Zum Abschied zeigt sie auf das
# Nachbarhaus. »...«', 'Heute arbeitet er als Elektroniker.'
GERMAN_FRONTED_PRONOUN = re.compile(
    r"[A-ZÄÖÜ][\w-]*(?:\s+[\w-]+){0,3}?\s+[a-zäöüß]+t(?:e|en)?\s+(?P<spk>sie|er)\s+[a-zäöüß]"
)
# Or a full name there, perhaps after a title noun: 'Bei der Eröffnung erinnerte Bundespräsident
# Alexander Van der Bellen an ... „...“' (the first noun phrase after the verb is its subject).
GERMAN_FRONTED_NAME = re.compile(
    r"\s*[A-ZÄÖÜ][\w-]*(?:\s+[\w-]+){0,3}?\s+[a-zäöüß]+t(?:e|en)?\s+"
    r"(?P<spk>[A-ZÄÖÜ][\w-]+(?:\s+(?:von|van|de|der|[A-ZÄÖÜ][\w-]+)){1,4})\s+[a-zäöüß]"
)


# A German preposition fused with its article ("vom", "zum", "zur", "beim", "im", "ins", "am"): what
# follows is a noun phrase, a place or a body ("vom Hamburger Verlag Kirchhoff", "beim Landgericht
# Köln"), never a person, whom German names without an article; so is what follows a number, a measure's
# or an amount's noun ("von 600 Metern Länge"). (Not after "I": English "I am Kate Lee".)
_NOUN_HEAD = re.compile(r"(?:(?:^|[\s(])(?:vom|zum|zur|beim|im|ins|(?<!I )am)|\d)\s+$")


def no_person_after(sentence: str, at: int) -> bool:
    """Whether the capitalized run at `at` follows a German preposition fused with its article or a
    number, so heads a noun phrase and is no one a later pronoun may be."""
    return sentence[at - 1 : at] == " " and _NOUN_HEAD.search(sentence, max(0, at - 7), at) is not None


# Suffixes of German abstract nouns ("Untätigkeit", "Verantwortung", "Freiheit", "Gesellschaft",
# "Mentalität"), which no surname has: such a word after a name is the verb's object, capitalized as
# every German noun ("warf Markus Söder Untätigkeit vor"). Not "-tion": English and French names end
# in it ("Tri-County Fair Wage Coalition", "Heritage Foundation").
_ABSTRACT_ENDS = ("keit", "heit", "ung", "schaft", "tät", "ismus")


def abstract_noun_tail(run: str) -> int:
    """The length of a capitalized run without a last word that is a German abstract noun, after two or
    more words of a name; the run's own length when it has none."""
    last = run.rsplit(None, 1)
    if run.count(" ") < 2 or len(last[-1]) < 7 or not last[-1].endswith(_ABSTRACT_ENDS):
        return len(run)
    return len(last[0])


# Endings of German compound nouns for people ("Elternvertreterin", "Verteidiger", "Historiker",
# "Intendant", "Meteorologe", "Kuratorin", "Kommissarin"): a long capitalized word with one, opening a
# run of three, is the title of the full name after it, as given names of that length and ending are rare.
_PERSON_NOUN_ENDS = (
    "er", "erin", "entin", "antin", "istin", "orin", "arin", "ärin", "är", "ant", "ent", "ologe", "ologin",
    "iker", "anwalt",
)  # fmt: skip


def _person_noun(word: str) -> bool:
    """Whether a word ends as a German noun for a person does, or, of eleven letters or more, as a
    feminine one: a consonant before "-in" ("Oberstaatsanwältin")."""
    feminine = len(word) > 10 and word.endswith("in") and word[-3] not in "aeiouäöü"
    return feminine or word.endswith(_PERSON_NOUN_ENDS)


def _compound_tail(word: str) -> str:
    """A German hyphenated compound's last noun, which names what the person is ("Bayern-Trainer" ->
    "Trainer", "FDP-Kantonsrätin" -> "Kantonsrätin", "DWD-Meteorologe"); the word itself otherwise."""
    if "-" not in word[1:-1]:
        return word
    head, tail = word.rsplit("-", 1)
    # (a capitalized first part, the tail a capitalized noun: not a double given name, "Hans-Peter")
    return tail if head[:1].isupper() and tail[:1].isupper() and not is_given_name(tail) else word


def title_noun_end(words: list[str], start: int) -> int:
    """Where a full name starts after bare German title nouns at `start` ("Kapitän Manuel Neuer",
    "Vorsitzende Richterin Birgit Hollmann"): a capitalized word of six letters or more that is no given
    name, with a person noun's long ending, or a German noun's ending, letter or length (ten letters)
    before a given name (not "Callista Mora Reyes", "Khawaja Mohammad Asif"), two name words still after it.
    (A first given name the table lacks stays: "Jean Marie ...", "Lutz Michael ..." are under six.)"""
    while len(words) - start > 2:
        word, after = _compound_tail(words[start]), words[start + 1]
        if len(word) < 6 or not word[1:].isalpha() or not word[1:].islower() or not after[:1].isupper():
            break
        if is_given_name(word):
            break
        # ("Hebamme", "Kapitän"; a long compound, "Vereinsmitglied": given names that long are rare)
        german = word.endswith(_PERSON_NOUN_ENDS + ("e",)) or not word.isascii() or len(word) > 9
        if not ((german and is_given_name(after)) or (len(word) > 8 and _person_noun(word))):
            break
        start += 1
    return start


# German puts the verb second: after a fronted adverb or phrase ("Dann sagt er: „...“", "Auf die Frage
# nach X sagte Hürlimann, ...") the subject follows the verb, a pronoun or a capitalized name run.
_GERMAN_SPEECH = frozenset(DE_VERBS.split("|"))
# (or a definite descriptor: "Mit leerem Blick sagt der Bayern-Star:", "Dann sagte die neue Ministerin,")
_AFTER_VERB = re.compile(
    r"\s+(?P<spk>er|sie|(?:der|die)\s+(?:[a-zäöüß]+\s+){0,2}[A-ZÄÖÜ][\w\-]+(?![\w\-]|\s+[A-ZÄÖÜ])|[A-ZÄÖÜ][\w’'\-]+(?:\s+(?:von|van|de|der|[A-ZÄÖÜ][\w’'\-]+)){0,3})(?=\s*[:,]|\s+[a-zäöüß\d]|\s*$)"
)


def inverted_subject(sentence: str, verb: str, end: int) -> tuple[str, int] | None:
    """The subject right after a German speech verb ending at `end` ("Dann sagt er:" -> "er"), for a
    sentence whose words before the verb are no subject; None after any other verb."""
    if verb not in _GERMAN_SPEECH:
        return None
    found = _AFTER_VERB.match(sentence, end)
    return (found.group("spk"), found.start("spk")) if found else None


# Words that may follow the noun of a German subject phrase: a preposition, an article or a conjunction
# ("der Sprecher der Polizei", "die Ministerin am Montag", "der Chef und ...").
_AFTER_NOUN = GERMAN_ARTICLES | word_set("von vom aus bei beim im am in an auf für zur zum mit und nach vor")


def noun_then_clause(words: list[str]) -> bool:
    """Whether a German article's noun is followed by a clause's words, its verb and object ("Der ADFC
    begrüßt zwar grundsätzlich den Ausbau"): four words or more after the noun, the first lower case and
    no preposition, article or conjunction, so the phrase is a sentence, not a subject."""
    end = article_noun_end(words)
    return bool(end) and len(words) - end >= 4 and words[end].islower() and words[end] not in _AFTER_NOUN



# A German past participle, lower case like no German noun: a clause's verb after a quotation ('„...“
# gelockt'), no group of people.
_PARTICIPLE = re.compile(r"ge[a-zäöüß]{3,}(?:t|en)")


def german_participle(words: list[str]) -> bool:
    """Whether a one-word phrase is a German past participle ("gelockt", "geschrieben")."""
    return len(words) == 1 and _PARTICIPLE.fullmatch(words[0]) is not None


# A German perfect's auxiliary after its subject ("Nancy Faeser hat am Montag betont"): the subject ends.
_AUXILIARY = re.compile(r"\s(?:hat|hatte|hatten)\s")


def before_auxiliary(chunk: str) -> str:
    """A chunk up to a German perfect's auxiliary ("Nancy Faeser hat am Montag" -> "Nancy Faeser")."""
    found = _AUXILIARY.search(chunk) if "hat" in chunk else None
    return chunk[: found.start()] if found else chunk
