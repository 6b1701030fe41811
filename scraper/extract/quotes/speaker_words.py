"""The vocabulary of speaker phrases: word lists that tell pronouns, determiners, titles and names apart.

The regex builders for word lists live in scraper.extract.word_patterns.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_ranks import BODY_POSITIONS, OCCUPATIONS, POSITIONS, SERVICE_TITLES


def word_set(text: str) -> frozenset[str]:
    """The set of space-separated words in `text` (keeps long word lists readable)."""
    return frozenset(text.split())


PRONOUNS = word_set("he she they it him her er sie es il elle ils elles él ella ellos")
# He/she-type pronouns refer to people, never to a publication cited as a source.
PERSONAL = word_set("he she him her er il elle él ella")
DEFINITE = word_set(
    "the this that these those his her their its our der die das den dem le la les l' l’ el los las "
    # (French and German possessives: "Ihr Vater", "Son voisin", "Ses premières conclusions")
    "son sa ses leur leurs sein seine seinen seiner ihr ihre ihren ihrer mein meine unser unsere"
)
INDEFINITE = word_set(
    "a an one another some several many two three four five six seven eight nine ten each both other "
    "most ein eine einer un une unos unas des"
)
# Words that cannot be inside a subject phrase: verbs, relatives, conjunctions opening a clause.
STOP_WORDS = word_set(
    "is was are were be been being has have had will would could should may might can must do does did "
    "that which who whom whose because if when while as but not it's than then there here so also said "
    "says told to ist war sind hat wird que qui est était ha es fue "
    # (a German pronoun inside a phrase makes it a clause: "das sie in ihren Romanen nie beim Namen nennt")
    "sie er wir ihn "
    # (and a German subjunctive of reported speech: "Der Mindestkurs sei nicht mehr nachhaltig gewesen")
    "sei seien habe hätte wäre werde würde müsse könne solle dürfe"
)
# French clitics that make a clause of a phrase ("La hausse s’explique", "ce qu’il", "n’a").
CLITICS = tuple(f"{c}{mark}" for c in ("s", "n", "qu", "j", "m", "t") for mark in "’'")
# Sentence openers to strip before a subject ("But Smith said").
OPENERS = word_set(
    "but and yet so still even meanwhile now then also however instead later earlier aber und mais et pero y "
    "afterward afterwards auch doch dann nun puis ainsi aussi donc "  # ("Auch Landrat X", "Ainsi le maire")
    "zugleich zudem außerdem jedoch allerdings danach toutefois cependant pourtant ensuite alors "
    "besonders insbesondere vielmehr ausgerechnet surtout notamment "  # ("Besonders die Reaktion")
    "yeah yes oh okay ok wow hey"  # (interjections: '"...," Yeah, he called me')
)
# Capitalized words that start an adverbial phrase, not a name.
NOT_SUBJECT = word_set(
    "in on at during after before with for from under over since by speaking asked writing like unlike "
    "despite although though while when if as according last next this that these those there here it "
    "im am bei nach dans en pendant après avant selon durante tras según near beyond above below across "
    "through toward towards into within without between among around about against along amid inside "
    "outside onto upon via per pour par sur avec chez contre sans vers für mit über gegen ohne à au aux "
    "back "  # (a return to a scene: "Back at the diner, the waitress ...")
    # (English subordinators open a clause before its subject: "Once Fetter arrived, ...")
    "once until unless because whereas whenever "
    "zum zur beim vom ins seit trotz wegen laut "  # (German prepositions with the article: "Zum Abschied")
    # (French and German subordinators open a clause before the subject: "Quand on lui demande ...,
    # elle répond", "Als er das Ergebnis hörte, ...")
    "quand lorsque lorsqu’ lorsqu' puisque wenn als weil obwohl nachdem bevor "
    "auf unter neben hinter zwischen "  # (German prepositions: "Auf die Frage nach X sagte Y")
    # (German adverbs of time and sequence fronted before the verb and its subject: "Später sagt sie:")
    "später heute damals anschließend zuvor jetzt gestern zuletzt schließlich inzwischen bislang bisher "
    "deshalb dennoch trotzdem daraufhin "
    # (French prepositions of place and participles fronted before the subject: "Devant la mairie, ...",
    # "Parmi les bénévoles, X ...", "Interrogée mardi, la ministre ...", "Contactée, la société ...")
    "devant derrière parmi interrogé interrogée interrogés interrogées questionné questionnée "
    "sollicité sollicitée contacté contactée"
)
# ("don" is left out: capitalized before a name it is the English given name, "Don Stewart"; the Spanish
# honorific is written in lower case inside a sentence)
HONORIFICS = word_set(
    "mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady admiral adm. general gen. "
    "colonel col. lt. lieutenant major maj. captain capt. sgt. sergeant rev. reverend father rabbi imam "
    "sen. sens. senator rep. reps. representative del. gov. govs. governor judge justice president "
    "chancellor king queen prince princess pope sheikh herr frau monsieur madame señor señora doña mayor "
    "me maître "  # (a French lawyer's honorific: "Me Olivier Ranson")
    "mme mlle mmes"  # (French "Madame", "Mademoiselle" abridged: "Mme Lefort")
)
HONORIFICS = HONORIFICS | SERVICE_TITLES  # (police, court and council titles: speaker_ranks)
# Titles that are part of how a monarch, cleric or peer is named with one name ("King Charles", "Sir
# Keir", "Lord Alli").
REGNAL = word_set("king queen prince princess pope sheikh emir sultan sir dame lord lady")
ROLE_WORDS = word_set(
    "commander minister secretary chairman chairwoman chair director chief officer ceo cfo coo cto cio "
    "spokesman spokeswoman spokesperson leader head founder co-founder analyst economist editor "
    "correspondent reporter ambassador adviser advisor executive manager member strategist researcher "
    "scientist expert lawyer attorney mayor commissioner inspector premier envoy official vice deputy "
    "former acting interim senior chief commentator author owner partner president general superintendent "
    "coordinator supervisor administrator treasurer councilman councilwoman councillor councilor "
    "councilmember congressman congresswoman alderman lawmaker legislator sheriff delegate assemblyman "
    "assemblywoman "
    "ministre maire directeur directrice président présidente porte-parole secrétaire governor senator "
    "député députée eurodéputé eurodéputée sénateur sénatrice dirigeant dirigeante élu élue "
    "representative speaker whip coach agent detective sergeant constable"
)
# Abbreviated titles spelled out, for matching a later descriptor ("Gov. Eric Holcomb" ... "the governor").
ABBREVIATED_TITLES = {
    "gov": "governor", "sen": "senator", "rep": "representative", "gen": "general", "lt": "lieutenant",
    "col": "colonel", "capt": "captain", "sgt": "sergeant", "adm": "admiral", "prof": "professor",
    "atty": "attorney", "supt": "superintendent", "amb": "ambassador", "cmdr": "commander",
    "sens": "senators", "reps": "representatives", "govs": "governors", "del": "delegate",
    # (service titles: "Det Gda Crowley" ... "the detective", "PC Amir Hussain" ... "the constable")
    "det": "detective", "gda": "garda", "insp": "inspector", "cllr": "councillor", "const": "constable",
    "pc": "constable", "dc": "constable", "ds": "sergeant", "di": "inspector", "dci": "inspector",
    "dcs": "superintendent", "ch": "chief",
}  # fmt: skip
# Elected offices, and the words that describe their holders without the title itself: a party
# member ("the Texas Republican") is a politician, a lawmaker is a member of a legislature.
LEGISLATORS = word_set(
    "senator representative congressman congresswoman lawmaker legislator assemblyman assemblywoman "
    "delegate councilman councilwoman councillor councilor councilmember alderman"
)
ELECTED = LEGISLATORS | word_set("governor mayor president premier")
PARTY_MEMBERS = word_set("democrat republican independent conservative liberal socialist libertarian")
PARTY_WORDS = PARTY_MEMBERS | word_set("democratic gop")  # ("the Democratic nominee", "the GOP hopeful")
# "General" after a role word is part of the role: Secretary General, Attorney General.
ROLE_SUFFIX = frozenset({"general"})
NAME_PARTICLES = word_set("de da di del della van von der den du le la bin al ibn ben dos das y")
ADVERBS = word_set(
    "previously also later earlier then again reportedly recently repeatedly publicly privately once still "
    "already separately initially originally similarly likewise further finally subsequently firmly bluntly "
    "openly flatly strongly simply just now"
)
# Sentence adverbs that may open a clause before its subject ("Luckily, Fischer says, ..."): not names.
SENTENCE_ADVERBS = word_set(
    "luckily fortunately unfortunately happily sadly finally separately additionally ultimately notably "
    "importantly interestingly ironically naturally obviously clearly apparently predictably frankly "
    "honestly curiously oddly tellingly meanwhile however instead still yet later earlier "
    # (connectives opening a sentence: "Moreover, the Post reports that ...")
    "moreover furthermore nevertheless nonetheless likewise similarly indeed besides thus therefore hence "
    "otherwise afterward afterwards overall regardless"
)
GERMAN_ROLE_ENDINGS = tuple(
    f"{stem}{ending}"
    for stem in (
        "leiter",
        "sprecher",
        "chef",
        "minister",
        "präsident",
        "direktor",
        "vorsitzende",
        "experte",
        "meister",
        "kanzler",
        "botschafter",
        "abgeordnete",  # ("Bundeskanzlerin Angela Merkel")
        # (occupations and offices that title a name in German news: "FDP-Sozialpolitiker Markus Brandt",
        # "IAB-Forscherin Lena Ostrowski", "Aktivistin Luisa Neubauer", "EVG-Verhandlungsführer Ralf
        # Bender", "CDU-Generalsekretär Paul Ziemiak", "Stadtrat Peter Schmälzle")
        "politiker",
        "forscher",
        "aktivist",
        "führer",
        "techniker",
        "sekretär",
        "stadtrat",
        "gemeinderat",
        "landrat",
        "hauptmann",  # ("Landeshauptmann Wilfried Haslauer")
        "schauspieler",
        "regisseur",
    )
    for ending in ("", "in", "r")
) + ("expertin", "stadträtin", "landrätin")  # (the feminine of "Experte" drops its e; of "-rat", umlaut)
# Articles that end a name ("Katrin Albers der Deutschen Presse-Agentur") unless a particle precedes them.
ARTICLES = word_set("der dem den des la le du")
PREPOSITIONS = word_set("of in at for with from on to by about de du des von vom del ao")
DETERMINERS = DEFINITE | INDEFINITE


# Nouns for people by what they do: doctor, lawyer, economist, politician, candidate, spokesperson.
# (also French and German ones, of either gender: joueur, chercheuse, directrice, gérante, cycliste;
# Sprecherin, Aktivistin, Direktorin, Präsidentin, Demonstrantin)
PERSON_NOUN_ENDINGS = (
    "or", "er", "ist", "ian", "ant", "ent", "person", "woman", "man", "surgeon",
    "eur", "euse", "rice", "ante", "iste", "erin", "istin", "orin", "entin", "antin",
)  # fmt: skip
# Occupations by their ending, which given names do not have ("Meteorologist", "Moderator",
# "Photographer", "Physician", "Comedian"): such a word opening a capitalized run titles the name after it.
JOB_ENDINGS = ("ist", "ator", "grapher", "ician", "edian")
# Endings of the same shapes that make nouns of things: government, agreement, statement.
_THING_ENDINGS = ("ment",)
# Function words, verbs and adjectives with a person noun's ending ("after", "went", "recent"): never one.
_NOT_PERSON_NOUNS = word_set(
    "after over under never ever whether either neither rather later other another together further "
    "however her per for nor went spent sent meant want recent current different present"
)


PERSON_NOUNS = word_set(
    "source sources billionaire millionaire aide insider witness victim fan friend colleague resident native "
    "veteran spouse child kid student graduate expert official neighbour neighbor survivor patient guest "
    "customer client host chef nurse pilot coach citizen voter activist protester critic candidate "
    "mogul tycoon lady mother father mom dad wife husband daughter son sister brother girl boy executive "
    "chief boss nominee hopeful rival heir star actress athlete entrepreneur republican democrat "
    # (politics: "Trump's running mate", "a Clinton ally", "a GOP operative", "the judge")
    "mate ally surrogate operative pundit scholar diplomat judge justice detective colonel suspect "
    "plaintiff widow heiress socialite celebrity quarterback bishop rabbi imam priest "
    # (occupations and parties whose plural opens a sentence as a group: "Investigators said", "Jurors";
    # more occupations in speaker_ranks.OCCUPATIONS)
    "investigator doctor teacher firefighter paramedic deputy trooper agent forecaster organizer "
    "organiser protestor regulator worker employee shareholder investor trader juror defendant attorney "
    "lawyer researcher scientist economist "
    # (French and German nouns of a person's state, not of an occupation: "la retraitée", "l'élu")
    "retraité retraitée élu élue habitant habitante riverain riveraine rentner rentnerin"
)
PERSON_NOUNS = PERSON_NOUNS | (POSITIONS - BODY_POSITIONS) | OCCUPATIONS  # (speaker_ranks)
_AGE_NOUN = "-year-old"  # "the 44-year-old said"


def is_person_noun(word: str) -> bool:
    """A noun that names a person by role, occupation or relation ("governor", "doctor", "a source"; not
    "contract", "army")."""
    if word in PERSON_NOUNS or is_role(word) or word.endswith(_AGE_NOUN):
        return True
    if not word.endswith(PERSON_NOUN_ENDINGS) or word in _NOT_PERSON_NOUNS:
        return False
    return not word.endswith(_THING_ENDINGS)


def is_role(word: str) -> bool:
    """An English role word, or a German compound ending in one (Institutsleiterin, Regierungssprecher)."""
    return word in ROLE_WORDS or word.endswith(GERMAN_ROLE_ENDINGS)


# Suffixes only adverbs have ("Interestingly", "Reportedly", "Curiously"), unlike names ending in -ly.
_ADVERB_ENDS = ("ingly", "edly", "ously", "ively", "fully", "ately", "ently", "antly", "ically")
_WH_WORDS = word_set("what how why where when who")


def writer_in(words: list[str]) -> bool:
    """Whether the writer's "I" is in the phrase ("What I", "As I"); a regnal "I" ending a name after
    another name is not ("Elizabeth I")."""
    if any(w.startswith(("I’", "I'")) for w in words):  # "Here’s how I’ve", "What I’m"
        return True
    if "I" not in words:
        return False
    return "I" in words[:-1] or len(words) == 1 or words[-2].lower() in _WH_WORDS | OPENERS | NOT_SUBJECT


def is_adverb(word: str) -> bool:
    """A sentence adverb or an -ly adverb, never a speaker: any lower-case "-ly" word, and capitalized
    ones with an adverb's suffix ("Interestingly"; names like "Kelly" or "Daly" do not have one)."""
    low = word.lower()
    return low in SENTENCE_ADVERBS or (word.islower() and low.endswith("ly")) or low.endswith(_ADVERB_ENDS)


# Lower-case words ending in "-ly" that are nouns or a publication's word, not a manner adverb.
_LY_NOUNS = word_set("family ally rally supply assembly monopoly bully daily weekly monthly quarterly")


def manner_adverb(word: str) -> bool:
    """A lower-case -ly adverb after a name ("proudly", "angrily"); not a noun ending so ("family")."""
    return word.endswith("ly") and word.islower() and word not in _LY_NOUNS


def is_plural_people(word: str) -> bool:
    """A plural of a listed person noun or role ("reporters", "officials", "critics"); only listed words,
    as a surname may end like a plural ("Peters")."""
    if not word.endswith("s"):
        return False
    # ("deputies", "witnesses": the singulars "deputy", "witness")
    ies, es = word.endswith("ies"), word.endswith("es")
    singulars = (word[:-1], word[:-3] + "y" if ies else "", word[:-2] if es else "")
    return any(s in PERSON_NOUNS or s in ROLE_WORDS for s in singulars if s)


def is_age(words: str) -> bool:
    """Whether the word or two before a full name end in an age, which describes the person
    ("52-year-old Clark Tabor", "a 9-year old Liam Ross", "der 61-Jährige")."""
    return _AGE.search(words) is not None


# (an age's hyphens are often left out: "9-year old", "9 year old")
_AGE = re.compile(r"(?:^|\s)\d{1,3}[- ](?:years?[- ]old|jähriger?)$", re.IGNORECASE)


# A capitalized compound of a word and a lower-case word ("Gun-control", "Anti-war", "Pro-choice")
# opening a sentence: a modifier of the noun after it, never a name (names capitalize each part:
# "Ortega-Ruiz", "Jean-Pierre").
_COMPOUND_MODIFIER = re.compile(r"[A-Z][a-z]+-[a-z]{2,}")


def is_compound_modifier(word: str) -> bool:
    """Whether a capitalized word is a hyphenated modifier ("Gun-control"), not a name."""
    return "-" in word and _COMPOUND_MODIFIER.fullmatch(word) is not None


# What a body issues in writing, and how it is said to come from the body ("a statement from the X campaign",
# "a letter signed by 40 senators"): the body is the speaker, as in "his office said in a statement".
DOCUMENTS = word_set(
    "statement release letter memo email e-mail note announcement post message analysis study"
)  # ("according to an analysis by the Tax Policy Center": the center)
ISSUED_BY = word_set("from by")
# What a named body publishes under its own name ("Mozilla's manifesto", "the IMF's report"): the body speaks.
OWNED_DOCUMENTS = DOCUMENTS | word_set("manifesto charter report website blog")
# Last words of organizations' names ("Fox News", "Washington Post", "Goldman Sachs Group"): no person's.
ORGANIZATION_ENDS = word_set(
    "party group images post times news daily press journal herald tribune agency department ministry "
    "committee council company corporation corp inc ltd association foundation institute university center "
    "centre campaign administration government office tower organization organisation bank union network "
    "club league court house senate congress parliament assembly army navy police service services "
    "commission board fund trust society team media magazine review channel radio tv coalition alliance "
    "caucus partners "
    "ag gmbh kg se sa sas sarl spa nv bv plc llc"  # (companies' legal forms: "Flughafen Zürich AG")
)
