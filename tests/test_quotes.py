"""Direct quotations and their speakers: each attribution pattern, each mark style, and non-quotes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scraper.extract.quotes.narration_titles import _TITLE_BACKWARDS, _TITLED_NAME, introductions
from scraper.extract.quotes.quote_attribution import sentence_start
from scraper.extract.quotes.quote_spans import find_spans
from scraper.extract.quotes.quotes import extract_quotes
from scraper.extract.quotes.speaker_gender import gender_of
from scraper.extract.quotes.speaker_history import SpeakerHistory
from scraper.extract.quotes.speaker_titles import attribution_view
from scraper.extract.quotes.speakers import classify_phrase, split_name

FIXTURE = Path(__file__).parent / "fixtures" / "quotes" / "bi_north_korea_body.txt"


def _quote(paragraphs: list[str], fragment: str) -> dict[str, Any]:
    """The one extracted quote whose text contains `fragment` (fails naming what was found)."""
    quotes = extract_quotes(paragraphs)
    found = [q for q in quotes if fragment in q["text"]]
    assert len(found) == 1, f"{fragment!r} not found exactly once in {[q['text'] for q in quotes]}"
    return found[0]


# --- The seed article (Business Insider on Yahoo Finance): the main acceptance case ---------------

SEED_CASES = [
    ("danger zone[s]", "a source in North Korea", 3),
    ("This is because they were going to rush", "a source in North Korea", 4),
    ("situation isn't good enough now to send them.", "a source in North Korea", 5),
    ("I think even our country [North Korea]", "a source in North Korea", 6),
    (
        "huge frustration among the people around him.",
        "One Russian billionaire in contact with high-ranking officials",
        8,
    ),
    (
        "He clearly doesn't know what to do",
        "One Russian billionaire in contact with high-ranking officials",
        9,
    ),
    ("complicated and quite controversial international situation", "Xi Jinping", 10),
    ("scrambling to gain manpower", "James Stavridis", 11),
    ("Putin will take anything. It's a sign", "James Stavridis", 12),
]


@pytest.fixture(scope="module")
def seed_paragraphs() -> list[str]:
    return FIXTURE.read_text("utf-8").strip().split("\n\n")


@pytest.mark.parametrize(
    ("fragment", "speaker", "paragraph"), SEED_CASES, ids=[c[0][:30] for c in SEED_CASES]
)
def test_seed_quote_speaker(seed_paragraphs: list[str], fragment: str, speaker: str, paragraph: int) -> None:
    quote = _quote(seed_paragraphs, fragment)
    assert (quote["speaker"], quote["paragraph"]) == (speaker, paragraph)


def test_seed_has_exactly_its_nine_quotes(seed_paragraphs: list[str]) -> None:
    assert len(extract_quotes(seed_paragraphs)) == len(SEED_CASES)


def test_seed_quote_text_drops_the_joining_comma(seed_paragraphs: list[str]) -> None:
    quote = _quote(seed_paragraphs, "He clearly doesn't know")
    assert quote["text"] == "He clearly doesn't know what to do"


# --- Attribution patterns: (id, paragraphs, fragment of the quote, expected speaker) --------------

_FESTIVAL = (
    "\u00ab Nous voulions un festival où les familles se sentent chez elles \u00bb, explique la "
    "directrice artistique, Mathilde Roux. \u00ab Il y aura de la musique pour tous les âges. \u00bb"
)

_SENATOR = (
    "\u201cA hungry kid cannot learn fractions,\u201d said state senator Paula Brennan, who sponsored one of "
    "the new laws. \u201cThis is the cheapest education policy we have.\u201d"
)

SPEAKER_CASES = [
    ("after: X said", ['"We will rebuild the bridge," Mayor Jane Doe said.'], "rebuild", "Jane Doe"),
    ("after: said X", ['"We will rebuild the bridge," said Jane Doe.'], "rebuild", "Jane Doe"),
    (
        "after: said X, appositive",
        ['"The market is calm," said Ann Lee, an economist at BNP.'],
        "calm",
        "Ann Lee",
    ),
    (
        "after: X, appositive, said",
        ['"It is very rare," Chad Hawk, vice president of PMG, a grading firm in Florida, told Fox.'],
        "very rare",
        "Chad Hawk",
    ),
    ("after: X told Y", ['"Prices will fall next year," a trader told Reuters.'], "Prices", "a trader"),
    ("after: adverb", ['"That is not acceptable at all," Smith quickly added.'], "acceptable", "Smith"),
    (
        "after: according to X",
        ['"We are leaving this town now," according to Jane Doe.'],
        "leaving",
        "Jane Doe",
    ),
    (
        "after: time phrase trimmed",
        ['"We are leaving this town," said Jane Doe on Monday.'],
        "leaving",
        "Jane Doe",
    ),
    ("after: group noun", ['"The suspect fled on foot," police said.'], "suspect", "police"),
    (
        "after: question mark",
        ['"What are we supposed to do now?" asked Tom Brown.'],
        "supposed",
        "Tom Brown",
    ),
    (
        "after: descriptor, Name, told",
        [
            "\u201cThe direction of travel is clear, but the timing depends on the data,\u201d the bank's "
            "governor, Elena Marsh, told a news conference."
        ],
        "direction of travel",
        "Elena Marsh",
    ),
    (
        "after: said descriptor, Name",
        ['"Prices will stay high," said the company\u2019s chief economist, Ravi Patel.'],
        "Prices",
        "Ravi Patel",
    ),
    (
        "after: said descriptor, not a name",
        ['"Prices will stay high," said the company\u2019s chief economist, Monday.'],
        "Prices",
        "the company\u2019s chief economist",
    ),
    (
        "after: said lower-case job description Name",
        [
            "The first is pausing contributions to pay for a child's college. \u201cYou can borrow for "
            "college, but nobody lends you money for retirement,\u201d said certified financial planner "
            "Grace Whitaker."
        ],
        "borrow for college",
        "Grace Whitaker",
    ),
    ("after: said lower-case title Name, who ...", [_SENATOR], "hungry kid", "Paula Brennan"),
    ("after: said lower-case title Name; next quote continues", [_SENATOR], "cheapest", "Paula Brennan"),
    (
        "pronoun after narration: the subject stops at its verb",
        [
            "Council member Walter Grant voted against it, saying the city was relying on one-time money "
            "to pay for permanent costs. \u201cWe will be back here next year looking for the same "
            "money,\u201d he said."
        ],
        "back here next year",
        "Walter Grant",
    ),
    (
        "before: the subject stops at its verb",
        ['Senator Bob Smith introduced the bill and said: "We will fix this now."'],
        "fix this",
        "Bob Smith",
    ),
    (
        "before: a possessive subject is not cut",
        ['Jane Doe\'s lawyers said: "We will appeal the ruling."'],
        "appeal",
        "Jane Doe's lawyers",
    ),
    (
        "before: as X put it",
        [
            "Still, the evidence points one way. As one principal in our study put it, \u201cwe stopped "
            "fighting biology and the kids stopped sleeping through first period.\u201d"
        ],
        "stopped fighting biology",
        "one principal in our study",
    ),
    (
        "'put it' without punctuation is no speech verb",
        ['The board put it on hold. "This is a bad idea for everyone," Smith said.'],
        "bad idea",
        "Smith",
    ),
    (
        "'as' opening a time clause is not stripped to a group subject",
        ["As we say goodbye, he looks aghast. \u201cIt\u2019s incredible, him selling out the O2.\u201d"],
        "incredible",
        None,
    ),
    ("before: X said colon", ['Jane Doe said: "We will rebuild the bridge."'], "rebuild", "Jane Doe"),
    ("before: X said comma", ['Jane Doe said, "We will rebuild the bridge."'], "rebuild", "Jane Doe"),
    (
        "before: intro phrase then subject",
        ['In a statement on Monday, the company said: "Our systems are fully restored."'],
        "restored",
        "the company",
    ),
    (
        "before: appositive subject",
        ['Mr Cohen, who advised Congress, told The Sun: "It all started to change quickly."'],
        "started",
        "Cohen",
    ),
    (
        "partial: X told Y that ...",
        ['Senator Ann Lee told CNN on Sunday that the bill is "dead on arrival in the House" now.'],
        "dead on arrival",
        "Ann Lee",
    ),
    (
        "partial: main clause subject",
        ['At the summit, Olaf Scholz praised the deal but acknowledged the "difficult road ahead for all."'],
        "difficult road",
        "Olaf Scholz",
    ),
    (
        "middle: quote, X said. quote",
        ['"The war is going badly," Smith said. "We need more troops now."'],
        "more troops",
        "Smith",
    ),
    (
        "middle: quote, X said, quote",
        ['"The war is going badly," Smith said, "and we need more troops now."'],
        "more troops",
        "Smith",
    ),
    (
        "pronoun: he said -> previous paragraph's speaker",
        ["Jane Doe told reporters the plan was ready.", '"It will work, I promise you," she said.'],
        "promise",
        "Jane Doe",
    ),
    (
        "pronoun: skips a cited publication",
        [
            '"We have no workers to spare at all," a miner told Reuters.',
            "Output fell, according to the Daily Bulletin.",
            '"Nobody wants to go there anymore," he said.',
        ],
        "Nobody",
        "a miner",
    ),
    (
        "descriptor: the former NATO commander",
        [
            "Former NATO Supreme Allied Commander Admiral James Stavridis spoke to MSNBC.",
            "Admiral James Stavridis said the war was hard.",
            '"Putin will take anything," the former NATO commander said.',
        ],
        "Putin",
        "James Stavridis",
    ),
    (
        "descriptor: the source -> earlier indefinite with the same head noun",
        [
            '"The mine is closed for now," an official at the ministry told Reuters.',
            'The official said the mine would reopen in the spring, "if the roads allow it."',
        ],
        "roads allow",
        "an official at the ministry",
    ),
    (
        "descriptor: la fédération -> the organization cited, without its article",
        [
            "« Les prix vont encore monter », selon la Fédération des artisans du Centre.",
            "« Nous ne pouvons plus suivre », a déclaré la fédération.",
        ],
        "suivre",
        "Fédération des artisans du Centre",
    ),
    (
        "descriptor: lower-case job title before a name is dropped",
        ['"We learned it from a memo," union president Denise Okafor said.'],
        "memo",
        "Denise Okafor",
    ),
    (
        "narration: name, appositive, said -> the name, not the appositive",
        ['Kenji Moreland, a portfolio manager at Harlow Capital, said he is calm. "It will pass," he said.'],
        "will pass",
        "Kenji Moreland",
    ),
    (
        "narration: a place after a relative clause is not the subject",
        [
            "Marcus Lee, who runs the night shift in Joliet, Illinois, said the team was worried.",
            '"People thought they would get squeezed," he said.',
        ],
        "squeezed",
        "Marcus Lee",
    ),
    (
        "descriptor: the job an appositive gave a named person",
        [
            '"We were skeptical," Renata Ilves, the company\'s chief executive, told reporters.',
            "Sales rose.",
            '"We were wrong," the chief executive said.',
        ],
        "were wrong",
        "Renata Ilves",
    ),
    (
        "relative clause with its own subject",
        ['Some bakers cut portions, a practice that the guild calls "a risk for the trade".'],
        "risk for the trade",
        "the guild",
    ),
    (
        "surname: full name given only in narration",
        ["When Glenn Odegaard needed to spray, he called nobody.", '"I can fly at once," Odegaard said.'],
        "fly at once",
        "Glenn Odegaard",
    ),
    (
        "surname: shared by two people named in narration stays as written",
        ["Kamala Harris was born to Donald Harris.", '"It was a good home," Harris said.'],
        "good home",
        "Harris",
    ),
    (
        "pronoun: a speaker leading a later sentence is the antecedent again",
        [
            '"We can fly at once," Glenn Odegaard said.',
            '"We lack data," said Leah Kowalczyk, an engineer.',
            "For Odegaard, the biggest draw is time.",
            '"It is not a toy," he said.',
        ],
        "not a toy",
        "Glenn Odegaard",
    ),
    (
        "descriptor: a named organization from narration",
        [
            "A 2023 assessment by the Platte Basin Water Council found that streams warmed. "
            "The council called the trend \u201ca slow loss of habitat that will not reverse.\u201d"
        ],
        "slow loss",
        "Platte Basin Water Council",  # (its article is no part of the name)
    ),
    (
        "descriptor: unmatched definite kept as written",
        ['"The talks have collapsed for now," the spokesperson said.'],
        "talks",
        "the spokesperson",
    ),
    (
        "surname resolves to full name",
        ['"We are ready," Prime Minister Mark Carney said.', '"We will win this fight," Carney said.'],
        "win this",
        "Mark Carney",
    ),
    (
        "role compound: Secretary General",
        ['"The alliance is strong," Nato Secretary General Mark Rutte said.'],
        "alliance",
        "Mark Rutte",
    ),
    (
        "continuation paragraph inherits speaker",
        ['"The rules are clear and fair," Jane Doe said.', '"Nobody should be surprised by this."'],
        "Nobody",
        "Jane Doe",
    ),
    (
        "single marks, British style",
        ["'It's very rare that the Federal Reserve would mess up,' Chad Hawk told Fox."],
        "very rare",
        "Chad Hawk",
    ),
    ("German: „…“, sagte X", ["„Das ist ein großer Erfolg“, sagte Olaf Scholz."], "Erfolg", "Olaf Scholz"),
    (
        "German: role compound and dative object after the name",
        ["„Das ist ein klarer Trend“, sagte Institutsleiterin Katrin Albers der Deutschen Presse-Agentur."],
        "klarer Trend",
        "Katrin Albers",
    ),
    (
        "German: X sagte: „…“",
        ["Die Ministerin sagte: „Wir schaffen das schon.“"],
        "schaffen",
        "Die Ministerin",
    ),
    (
        "German: sagte er",
        ["Merkel sagte am Montag, die Lage sei ernst.", "„Wir schaffen das schon“, sagte er."],
        "schaffen",
        "Merkel",
    ),
    (
        "French: « … », a déclaré X",
        ["« C'est une grande victoire », a déclaré Emmanuel Macron."],
        "victoire",
        "Emmanuel Macron",
    ),
    (
        "French: a-t-il dit",
        ["Macron a déclaré lundi que tout allait bien.", "« C'est une grande victoire », a-t-il dit."],
        "victoire",
        "Macron",
    ),
    (
        "French: indirect object between verb and subject",
        ["« Le croissant à 1,10 euro, c’est terminé », a déclaré à l’AFP Hélène Marchand, boulangère."],
        "terminé",
        "Hélène Marchand",
    ),
    (
        "French: inverted subject in narration, reflexive verb is no speech",
        [
            "La hausse s’explique par la demande, a expliqué Olivier Ferrand, économiste.",
            "« Il n’y a pas de retour rapide », a-t-il prévenu.",
        ],
        "retour rapide",
        "Olivier Ferrand",
    ),
    (
        "French: capitalized Selon names a source a later definite refers to",
        [
            "Selon la Fédération des artisans du Centre, le beurre coûte cher.",
            "Une pratique que la fédération juge « risquée pour le métier ».",
        ],
        "risquée",
        "Fédération des artisans du Centre",
    ),
    (
        "before: a speech verb after a cited source",
        ['According to the expert, January is best, which Tessa says: "can save you up to $1,200 a trip."'],
        "save you",
        "Tessa",
    ),
    ("French: selon X", ["« La situation est très grave », selon le ministre."], "grave", "le ministre"),
    (
        "French: explique descriptor, Name",
        [_FESTIVAL],
        "Nous voulions",
        "Mathilde Roux",
    ),
    (
        "French: explique descriptor, Name; next quote in the paragraph continues",
        [_FESTIVAL],
        "Il y aura",
        "Mathilde Roux",
    ),
    ("Spanish: dijo X", ['"Es un gran día para el país", dijo el presidente.'], "gran día", "el presidente"),
    ("Spanish: X dijo", ['Pedro Sánchez dijo: "Es un gran día para el país."'], "gran día", "Pedro Sánchez"),
    ("Japanese 「」", ["「これは大きな前進だ」と述べた。"], "前進", None),
    (
        "partial quote after 'that' is kept; the sentence subject said it",
        ["Trump lashes out at her, declaring that \u201cour country is finished\u201d if she wins."],
        "our country",
        "Trump",
    ),
    (
        "a pronoun after the comma is the subject: the clause before it is what was added",
        [
            "\u201cI heard three loud explosions,\u201d Muhammad Sabir said.",
            "He said he grabbed his family, and \u201cwe ran to the nearby fields and lay down.\u201d "
            "Police and ambulances arrived shortly afterward, he added.",
        ],
        "we ran",
        "Muhammad Sabir",
    ),
    (
        "a speech participle other than 'saying': the main clause's subject ('pledging only to')",
        ["On Monday, Sir Keir Starmer dodged several questions on donations, pledging only to \u201ccomply "
         "with the rules\u201d of the house."],
        "comply with",
        "Keir Starmer",
    ),
    (
        "a participle after long opening phrases: the subject opening its clause",
        ["So, with just a few days to go before the first primary in New Hampshire, Chris Christie "
         "quit\u2014telling a town hall meeting in Windham, \u201cI couldn\u2019t see a path to the "
         "nomination.\u201d"],
        "couldn",
        "Chris Christie",
    ),
    (
        "'As X promised, \"...\"'",
        ["As a company spokesperson promised, \"No matter what you ask, you will get the usual results.\""],
        "No matter",
        "a company spokesperson",
    ),
    (
        "an opening mark typed with a space after it; the next sentence's quote continues it",
        ["\u201c Space is hard,\u201d said John Sheldon, a consultant, when discussing the plans. "
         "\u201cMurphy\u2019s law always applies.\u201d"],
        "Space is hard",
        "John Sheldon",
    ),
    (
        "a name in the possessive is no antecedent of a later 'he said'",
        [
            "\u201cGive the guy a chance,\u201d Tony Blair said.",
            "He gives me the look he gave me when I asked him if he had read Piers Morgan\u2019s diaries. "
            "\u201cHow on earth do you think I have the time to read that?\u201d he said.",
        ],
        "How on earth",
        "Tony Blair",
    ),
    (
        "a speech verb in an opening 'As ...' clause gives way to the main clause's",
        ["As the United Nations predicts that half the world will live in cities by 2030, researcher "
         "Dr Ada Li writes in a new report that \u201cwomen face the fear of violence daily.\u201d"],
        "women face",
        "Ada Li",
    ),
    (
        "a job and an honorific before a name: the name ('the researcher Dr Ada Li')",
        ["\u201cThe data is clear,\u201d said the researcher Dr Ada Li."],
        "The data",
        "Ada Li",
    ),
    (
        "an office holder's descriptor names the untitled person just before it",
        ["Hillary Clinton spoke in Ohio on Monday.",
         "\"We need a president who will stand up for workers,\" the former secretary of state said."],
        "We need",
        "Hillary Clinton",
    ),
    (
        "... but not a person the article gave another title",
        ["Mayor Ada Li spoke in Ohio on Monday.",
         "\"We need a president who will stand up for workers,\" the former secretary of state said."],
        "We need",
        "the former secretary of state",
    ),
    (
        "a descriptor by age names the person just before it ('the 44-year-old')",
        ["Marco Rubio finished third.", "\"They told me I was too young,\" the 44-year-old said."],
        "They told me",
        "Marco Rubio",
    ),
    (
        "a descriptor by station or family ('the former first lady', 'the real estate mogul')",
        ["Hillary Clinton debated Bernie Sanders on Thursday.",
         "\"I am not a member of the establishment,\" the former first lady said."],
        "I am not",
        "Hillary Clinton",
    ),
    (
        "a titled name does not run across a sentence end ('General Hospital. She')",
        [
            "Ada Moreau, the surgeon, was born in Lyon.",
            "Her mother took a job at the Jewish General Hospital. She wrote in her memoir, \u201cI was "
            "twelve and did not want to move.\u201d",
        ],
        "I was twelve",
        "Ada Moreau",
    ),
]


@pytest.mark.parametrize(
    ("paragraphs", "fragment", "speaker"), [c[1:] for c in SPEAKER_CASES], ids=[c[0] for c in SPEAKER_CASES]
)
def test_speaker(paragraphs: list[str], fragment: str, speaker: str | None) -> None:
    assert _quote(paragraphs, fragment)["speaker"] == speaker


# --- "as X put it" after the quote -----------------------------------------------------------------

AS_PUT_IT_CASES = [
    (
        "indefinite descriptor stays as written",
        [
            "Stocks slid for a third day as bond yields climbed. \u201cThis is a sell-off driven by fear, "
            "not fundamentals,\u201d as one analyst put it."
        ],
        "sell-off driven by fear",
        "one analyst",
    ),
    (
        "definite descriptor resolves to the titled person",
        [
            "Finance Minister Chrystia Holm presented the budget to parliament on Tuesday.",
            "The plan leaves almost no cushion. \u201cWe have no room left for error,\u201d as the minister "
            "put it.",
        ],
        "no room left",
        "Chrystia Holm",
    ),
    (
        "as X said",
        [
            "Rescue crews reached the village only on Friday. \u201cThe road was simply gone,\u201d as "
            "Mayor Tomas Brandt said."
        ],
        "road was simply gone",
        "Tomas Brandt",
    ),
    (
        "as X told Y",
        ["“We are not selling the team,” as owner Rick Dalton told The Associated Press."],
        "not selling",
        "Rick Dalton",
    ),
    (
        "must not: an 'as' time clause is no attribution",
        ["“Thank you all for coming out tonight,” as the crowd said goodbye to the mayor."],
        "Thank you all",
        None,
    ),
    (
        "must not: 'as X put it on' is no speech",
        ["\u201cThe fund is closed to new money for the year,\u201d as the board put it on hold."],
        "closed to new money",
        None,
    ),
]


@pytest.mark.parametrize(
    ("paragraphs", "fragment", "speaker"),
    [c[1:] for c in AS_PUT_IT_CASES],
    ids=[c[0] for c in AS_PUT_IT_CASES],
)
def test_as_put_it_after_quote(paragraphs: list[str], fragment: str, speaker: str | None) -> None:
    assert _quote(paragraphs, fragment)["speaker"] == speaker


# --- Pronouns and gender: evidence from the article only ---------------------------------------------

GENDER_CASES = [
    (
        "honorifics: she skips Mr, he skips Ms",
        [
            "\u201cThe merger is done and signed,\u201d said Ms Anna Berg, the company\u2019s lawyer.",
            "\u201cThe board agreed unanimously,\u201d said Mr Peter Hall.",
            "\u201cIt is a good day for the company,\u201d she said.",
            "\u201cWe will vote again next year,\u201d he added.",
        ],
        ["Anna Berg", "Peter Hall", "Anna Berg", "Peter Hall"],
    ),
    (
        "role words: spokeswoman and chairman",
        [
            "\u201cThe plant will reopen in March,\u201d said Dana Whitfield, a spokeswoman for the mill.",
            "\u201cWe owe that to the town,\u201d said Graham Ode, the union\u2019s chairman.",
            "\u201cNobody will lose their pension,\u201d she said.",
        ],
        ["Dana Whitfield", "Graham Ode", "Dana Whitfield"],
    ),
    (
        "an earlier pronoun: 'X said she'",
        [
            "Lena Ortiz said she had warned the council about the levee two years ago.",
            "\u201cThey had every report they needed,\u201d Marco Velde, an engineer, said. Velde said he "
            "agreed.",
            "\u201cI told them in writing, twice,\u201d she said.",
        ],
        ["Marco Velde", "Lena Ortiz"],
    ),
    (
        "a gendered word before the name: 'her husband, X'",
        [
            "\u201cWe lost everything in one night,\u201d said Ruth Amsel.",
            "Her husband, Karl Amsel, was at work when the water came.",
            "\u201cI could not reach the house for two days,\u201d Karl Amsel said.",
            "\u201cThe insurer has not called back,\u201d she said.",
        ],
        ["Ruth Amsel", "Karl Amsel", "Ruth Amsel"],
    ),
    (
        "a given name nearly always one sex's, where the article gives none",
        [
            "\u201cThe merger is done and signed,\u201d said Anna Berg.",
            "\u201cThe board agreed unanimously,\u201d said Peter Hall.",
            "\u201cIt is a good day for the company,\u201d she said.",
        ],
        ["Anna Berg", "Peter Hall", "Anna Berg"],
    ),
    (
        "must not: no evidence (given names both sexes carry) keeps the most recent speaker",
        [
            "\u201cThe merger is done and signed,\u201d said Jordan Berg.",
            "\u201cThe board agreed unanimously,\u201d said Robin Hall.",
            "\u201cIt is a good day for the company,\u201d she said.",
        ],
        ["Jordan Berg", "Robin Hall", "Robin Hall"],
    ),
    (
        "must not: the article's evidence overrides the given name ('the company's chairman')",
        [
            "\u201cThe merger is done and signed,\u201d said Ashley Webb, the company's chairman.",
            "\u201cThe board agreed unanimously,\u201d said Laura Hall.",
            "\u201cIt is a good day for the company,\u201d he said.",
        ],
        ["Ashley Webb", "Laura Hall", "Ashley Webb"],
    ),
    (
        "must not: 'X told him he' is not X's pronoun",
        [
            "Jamie Ruiz told him he would be promoted in the spring.",
            "\u201cHe earned every bit of it,\u201d Ruiz said.",
            "\u201cNobody worked harder on this team,\u201d she said.",
        ],
        ["Jamie Ruiz", "Jamie Ruiz"],
    ),
]


@pytest.mark.parametrize(
    ("paragraphs", "speakers"), [c[1:] for c in GENDER_CASES], ids=[c[0] for c in GENDER_CASES]
)
def test_pronoun_gender(paragraphs: list[str], speakers: list[str | None]) -> None:
    assert [q["speaker"] for q in extract_quotes(paragraphs)] == speakers


def test_surname_that_is_a_title_word_is_no_gender_evidence() -> None:
    paragraphs = [
        "\u201cThe song came to me in one night,\u201d said Carole King.",
        "\u201cNobody at the studio expected it to chart,\u201d she said.",
    ]
    assert [q["speaker"] for q in extract_quotes(paragraphs)] == ["Carole King", "Carole King"]


@pytest.mark.parametrize(
    ("phrase", "gender"),
    [
        ("Ms Anna Berg", "f"),
        ("Mr. Peter Hall", "m"),
        ("M. Macron", "m"),
        ("John M. Smith", ""),
        ("MS Dhoni", ""),
        ("King Charles", "m"),
        ("Carole King", ""),
        ("Jo Li, the company\u2019s chairman", "m"),
        ("Regierungssprecherin Anna Beck", "f"),
        ("the wife\u2019s lawyer", ""),
        ("Mrs Smith and her husband", ""),
    ],
)
def test_gender_of_phrase(phrase: str, gender: str) -> None:
    assert gender_of(phrase) == gender


# --- Two people with the same surname ---------------------------------------------------------------

NAMESAKE_CASES = [
    (
        "both named in the previous paragraph, no evidence: surname as written",
        [
            "Jane Smith founded the bakery in 1990, and John Smith joined her a decade later.",
            "\u201cWe built this from nothing,\u201d Smith said.",
        ],
        "built this",
        "Smith",
    ),
    (
        "both named lately, a following pronoun picks",
        [
            "Mrs Jane Smith founded the bakery in 1990. Mr John Smith joined a decade later.",
            "Smith said she never doubted it. \u201cWe built this from nothing.\u201d",
        ],
        "built this",
        "Jane Smith",
    ),
    (
        "both named lately, an honorific on the surname picks",
        [
            "Jane Smith, the bakery\u2019s founder, and her husband, John Smith, run it together.",
            "\u201cWe never took a loan,\u201d Mr Smith said.",
        ],
        "never took a loan",
        "John Smith",
    ),
    (
        "the one named in the previous paragraph",
        [
            "Jane Smith founded the bakery in 1990.",
            "Her brother John Smith joined in 2001 after a career in banking.",
            "\u201cThe numbers finally made sense,\u201d Smith said.",
        ],
        "numbers finally",
        "John Smith",
    ),
    (
        "long ago: the speaker, not a relative named only in narration",
        [
            "\u201cWe had workers talking about six-day weeks,\u201d said Tanner Fischer, the local\u2019s "
            "president.",
            "\u201cThey were scared to speak,\u201d Fischer said.",
            "Fischer\u2019s mother, Adrianne Fischer, is a part-time driver.",
            "The union has grown since then.",
            "Membership doubled in two years.",
            "\u201cI was not totally understanding what was going on,\u201d Fischer said.",
        ],
        "not totally understanding",
        "Tanner Fischer",
    ),
    (
        "long ago, named together: the one the article calls by surname",
        [
            "If Kamala Harris wins, Harris will be the first president to have gone to school in Canada.",
            "Kamala Harris was born to Donald Harris, an economist, and Shyamala Gopalan Harris, a "
            "scientist.",
            "The family moved to Montreal when she was 12.",
            "The school still stands today.",
            "\u201cIt was a safe place for us,\u201d Harris said.",
        ],
        "safe place",
        "Kamala Harris",
    ),
]


@pytest.mark.parametrize(
    ("paragraphs", "fragment", "speaker"), [c[1:] for c in NAMESAKE_CASES], ids=[c[0] for c in NAMESAKE_CASES]
)
def test_shared_surname(paragraphs: list[str], fragment: str, speaker: str | None) -> None:
    assert _quote(paragraphs, fragment)["speaker"] == speaker


# --- Present-tense narration before and after the quote --------------------------------------------

_ECONOMIST = "Priya Nandakumar is chief economist at a Toronto bank."
NARRATION_CASES = [
    ("warns colon", 'Nandakumar warns: "Inflation will stay higher for longer than people think."'),
    ("as X notes", 'As Nandakumar notes, "the central bank has few tools left."'),
    ("adds colon", 'Nandakumar adds: "There is no easy way out of this one."'),
    ("recalls colon", 'Nandakumar recalls: "We were all terrified back then."'),
    ("explains colon", 'Nandakumar explains: "Rates work with a long and variable lag."'),
    ("says colon", 'Nandakumar says: "Rates work with a long and variable lag."'),
    ("observes colon", 'Nandakumar observes: "Households are still spending their savings."'),
    ("concedes colon", 'Nandakumar concedes: "We got this one wrong, plain and simple."'),
    ("concludes by saying", 'Nandakumar concludes by saying that "the worst is behind us now."'),
    ("after: X observes", '"Households are still spending their savings," Nandakumar observes.'),
    ("after: cautions X", '"Households are still spending their savings," cautions Nandakumar.'),
]


@pytest.mark.parametrize("paragraph", [c[1] for c in NARRATION_CASES], ids=[c[0] for c in NARRATION_CASES])
def test_present_tense_narration(paragraph: str) -> None:
    assert [q["speaker"] for q in extract_quotes([_ECONOMIST, paragraph])] == ["Priya Nandakumar"]


def test_present_tense_noun_is_no_speech_verb() -> None:
    paragraphs = ['In remarks to reporters, the mayor said: "The bridge will reopen on Monday."']
    assert _quote(paragraphs, "bridge will reopen")["speaker"] == "the mayor"


# --- Quote text and paragraph of multi-paragraph quotes ------------------------------------------


def test_quote_spanning_paragraphs_is_one_quote_starting_in_the_first() -> None:
    paragraphs = [
        "Intro text here.",
        '"The first part of what I said today.',
        '"And the second part of it," Jane Doe said.',
    ]
    quotes = extract_quotes(paragraphs)
    assert [(q["text"], q["speaker"], q["paragraph"]) for q in quotes] == [
        ("The first part of what I said today. And the second part of it", "Jane Doe", 1)
    ]


def test_single_marked_quote_spanning_paragraphs() -> None:
    paragraphs = [
        "'You can find outlets where people collect the data.",
        "'If someone reported it, call them,' he said.",
    ]
    assert [q["paragraph"] for q in extract_quotes(paragraphs)] == [0]


def test_one_word_quote_kept_when_directly_attributed() -> None:
    assert _quote(['"Absolutely," she said.'], "Absolutely")["text"] == "Absolutely"


def test_nested_single_quote_stays_inside_the_double_quote() -> None:
    quotes = extract_quotes(["He said: \"I saw her 'hiss' at a member of staff and leave.\""])
    assert [q["text"] for q in quotes] == ["I saw her 'hiss' at a member of staff and leave."]


def test_double_quote_nested_in_single_quote_stays_inside() -> None:
    quotes = extract_quotes(["'They call it \"grifting\" and I think that is unfair,' Lee Cohen said."])
    assert [q["text"] for q in quotes] == ['They call it "grifting" and I think that is unfair']


def test_empty_input() -> None:
    assert extract_quotes([]) == []


# --- Things that must NOT come out as quotes ------------------------------------------------------

NOT_QUOTES = [
    ("apostrophe contraction", "Don't go there, it's Putin's war and the workers' union agrees."),
    ("scare quote, one word", 'The so-called "experts" were wrong again.'),
    ("scare quote, two words", 'They described it as a "danger zone" in the report.'),
    ("so-called term", 'The so-called "special military operation" dragged on.'),
    ("quoted noun phrase", "Libraries expanded their \u201clibrary of things\u201d collections this year."),
    ("quoted compound modifier", 'Iowa is a "right to work" state, which means dues are optional.'),
    ("title in quotes", 'She starred in "The Lord of the Rings" last year.'),
    ("single-quoted title", "He loved 'Dune' as a child and still does."),
    ("inch and foot marks", 'He is 6\'2" tall and owns a 65" television set.'),
    ("nickname", 'Dwayne "The Rock" Johnson arrived late.'),
    ("three-word nickname", 'Earvin "Magic Man Himself" Johnson waved.'),
    ("decade apostrophe", "Back in the '90s prices were lower, and in the ’80s too."),
    ("plural possessive", "The players' union and the owners' group met today."),
]


@pytest.mark.parametrize("paragraph", [c[1] for c in NOT_QUOTES], ids=[c[0] for c in NOT_QUOTES])
def test_not_a_quote(paragraph: str) -> None:
    assert extract_quotes([paragraph]) == []


# --- Building blocks ------------------------------------------------------------------------------

SPAN_CASES = [
    ("straight", 'a "b c d" e', "b c d"),
    ("curly", "a “b c d” e", "b c d"),
    ("German low-high", "a „b c d“ e", "b c d"),
    ("French guillemets", "a « b c d » e", " b c d "),
    ("German chevrons", "a »b c d« e", "b c d"),
    ("curly single", "a ‘b c d’ e", "b c d"),
    ("German single", "a ‚b c d‘ e", "b c d"),
    ("CJK corner", "a「bcd」e", "bcd"),
    ("CJK white corner", "a『bcd』e", "bcd"),
]


@pytest.mark.parametrize(("text", "inner"), [c[1:] for c in SPAN_CASES], ids=[c[0] for c in SPAN_CASES])
def test_span_marks(text: str, inner: str) -> None:
    assert [s.text for s in find_spans([text])] == [inner]


def test_unclosed_quote_ends_with_its_paragraph_when_next_does_not_reopen() -> None:
    spans = find_spans(['He said "this never closes', "Next paragraph is narration."])
    assert [(s.text, s.closed, s.end_paragraph) for s in spans] == [("this never closes", False, 0)]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("One. Two three", 5),
        ("Mr. Smith went home", 0),
        ("The U.S. Army said", 0),
        ("It ended. In September, he said", 10),
    ],
)
def test_sentence_start(text: str, start: int) -> None:
    assert sentence_start(text) == start


@pytest.mark.parametrize(
    ("words", "name", "some_roles"),
    [
        (
            "Former NATO Supreme Allied Commander Admiral James Stavridis",
            "James Stavridis",
            {"nato", "commander"},
        ),
        ("North Korean leader Kim Jong Un", "Kim Jong Un", {"leader"}),
        ("Nato Secretary General Mark Rutte", "Mark Rutte", {"secretary", "general"}),
        ("President Vladimir Putin", "Vladimir Putin", {"president"}),
        ("Royal commentator Lee Cohen", "Lee Cohen", {"commentator"}),
        ("Ursula von der Leyen", "Ursula von der Leyen", set()),
        ("Superintendent Marcy Delacroix", "Marcy Delacroix", {"superintendent"}),
        ("US Secretary of State Antony Blinken", "Antony Blinken", {"secretary", "state"}),
    ],
)
def test_split_name(words: str, name: str, some_roles: set[str]) -> None:
    found_name, roles = split_name(words.split())
    assert found_name == name and some_roles <= roles


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("he", "pronoun"),
        ("a source in North Korea", "indefinite"),
        ("The source", "definite"),
        ("the former NATO commander", "definite"),
        ("Xi Jinping", "name"),
        ("police", "group"),
        ("as Russia is estimated", None),
        ("During a video conference with Putin", None),
        ("Near and above the freezing point", None),
        ("and", None),
        ("(UPS corporate communications", "definite"),
        ("the Platte Basin Water Council", "definite"),
        ("the company's CEO Tim Cook", "name"),
        ("chaired by Prime Minister Shehbaz Sharif", None),
    ],
)
def test_classify_phrase(phrase: str, kind: str | None) -> None:
    found = classify_phrase(phrase)
    assert (found.kind if found else None) == kind


def test_history_pronoun_without_antecedent_is_unknown() -> None:
    phrase = classify_phrase("he")
    assert phrase is not None and SpeakerHistory().resolve(phrase) is None


# --- Issue 13: old-style marks, titles around names ------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "normalized"),
    [
        ("''We won,'' he said.", "“We won,” he said."),
        ("``We won,'' he said.", "“We won,” he said."),
        ("”Fortunately, nobody was hurt,” she said.", "“Fortunately, nobody was hurt,” she said."),
        ("He said: ”Yes.”", "He said: “Yes.”"),
        ("“Done,” he said.", "“Done,” he said."),
    ],
)
def test_normalize_marks(paragraph: str, normalized: str) -> None:
    from scraper.extract.quotes.quote_spans import normalize_marks

    assert normalize_marks(paragraph) == normalized


@pytest.mark.parametrize(
    ("paragraph", "kept"),
    [
        ('"No," Rep. Harold T. Brisco (D-Md.) said.', "Rep\u2024 Harold T\u2024 Brisco         said."),
        ('"No," Sen. Martha Quill, R-Iowa, said.', "Sen\u2024 Martha Quill        , said."),
        ('"No," Rep. Tim Gowan, R-S.C., said.', "Rep\u2024 Tim Gowan        , said."),
        ('"No," said Dr. Anita Shah, 54, a doctor.', "Dr\u2024 Anita Shah    , a doctor."),
        ("He moved to the U.S. The next year he left.", "He moved to the U.S. The next year he left."),
    ],
)
def test_attribution_view_blanks_what_describes_a_name(paragraph: str, kept: str) -> None:
    from scraper.extract.quotes.speaker_titles import attribution_view

    view = attribution_view(paragraph)
    assert len(view) == len(paragraph) and view.endswith(kept)


@pytest.mark.parametrize(
    ("words", "name"),
    [
        ("Rep. Elijah E. Cummings", "Elijah E. Cummings"),
        ("Lt. Gen. Raymond Dunmore", "Raymond Dunmore"),
        ("Mr. Kamin", "Kamin"),
        ("King Charles", "King Charles"),
        ("Sir Keir", "Sir Keir"),
        ("Rep.", ""),
        ("la maire de Lyon", ""),
    ],
)
def test_split_name_strips_titles(words: str, name: str) -> None:
    assert split_name(words.split())[0] == name


@pytest.mark.parametrize("phrase", ["A", "The", "I", "we"])
def test_determiner_or_writer_alone_is_no_speaker(phrase: str) -> None:
    assert classify_phrase(phrase) is None


def test_a_second_quote_of_a_paragraph_introduced_by_a_speech_verb_is_direct() -> None:
    from scraper.extract.quotes.quotes import attribute

    text = ("\u201cWe will rebuild the bridge,\u201d Lopez said at the meeting on Monday night in the "
            "town hall. She added: \u201cIt will take two years.\u201d")
    attributed = attribute([text])
    assert attributed is not None
    assert attributed.origins == ["direct", "direct"]
    assert [q.speaker for q in attributed.quotes] == ["Lopez", "Lopez"]


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Ada Quill listed three demands:", '"More buses, cleaner stations and later trains."'],
        ["The sign outside the office read:", '"Closed until the votes are counted."'],
    ],
)
def test_colon_paragraph_without_a_speech_verb_credits_no_one(paragraphs: list[str]) -> None:
    assert _quote(paragraphs, "")["speaker"] is None


def test_descriptor_after_opening_phrases_is_no_narrating_subject() -> None:
    # (after opening phrases only a name is taken as the subject of a non-speech verb)
    quote = _quote(['At the plant on Monday, the line stopped "for a long safety review."'], "")
    assert quote["speaker"] is None


def test_lone_surname_opening_sentences_stays_a_name() -> None:
    # a surname written only at sentence starts, never in lower case, before a singular verb
    paragraphs = ['Whitcomb was quoted as saying it was "dead on arrival." Whitcomb later walked that back.']
    assert [q["speaker"] for q in extract_quotes(paragraphs)] == ["Whitcomb"]


def test_indefinite_article_before_party_member_or_demonym_is_kept() -> None:
    # "a Democrat", "an Iowan" are people of a group, not an organization named after a left-out noun
    paragraphs = ['Now a Democrat says it is "dead on arrival."', 'An Iowan said she was "tired of the ads."']
    assert [q["speaker"] for q in extract_quotes(paragraphs)] == ["a Democrat", "An Iowan"]


def test_quantifier_before_capitalized_group_is_kept() -> None:
    # only "a"/"an" can stand for a left-out noun ("a Bloomberg [report]"); "Several" counts the group
    paragraphs = ['Several House Republicans said the plan was "dead on arrival."']
    assert [q["speaker"] for q in extract_quotes(paragraphs)] == ["Several House Republicans"]


def test_the_backward_title_test_finds_every_paragraph_with_a_titled_name() -> None:
    """introductions skips a paragraph where _TITLE_BACKWARDS finds no title before a capital: it must
    find one wherever _TITLED_NAME matches (the pattern cases and their attribution views)."""
    cases = json.loads((Path(__file__).parent / "fixtures" / "quotes" / "patterns.json").read_text("utf-8"))
    texts = [p for case in cases["cases"] for p in case["paragraphs"]]
    texts += ["Secretary of State Ada Li", "Mayor Bill de Blasio", "(ſenator Ada Li", "ex-Gov. Jo Li"]
    texts += [attribution_view(t) for t in texts]
    titled = [t for t in texts if _TITLED_NAME.search(t)]
    assert len(titled) > 20
    assert all(_TITLE_BACKWARDS.search(t[::-1]) for t in titled)
    assert introductions("Nothing here was said by anyone with a title. Ada Li agreed.") == []


@pytest.mark.parametrize("role", ["named", "mention"])
def test_a_history_forgets_only_what_resolving_would_not_change(role: str) -> None:
    """attribute skips resolve for a lone word SpeakerHistory.forgets: resolving it must return None and
    leave the history as it was; a word someone is called by, or a full name, is not forgotten."""
    history = SpeakerHistory()
    history.resolve(classify_phrase("Ada Varga"), "named")
    before = [(e.display, e.role, e.order, e.seen) for e in history.entries]
    lone = classify_phrase("Kessler")
    assert lone is not None and history.forgets(lone, role)
    assert history.resolve(lone, role, "", 3) is None
    assert [(e.display, e.role, e.order, e.seen) for e in history.entries] == before and history.clock == 1
    for known in ("Varga", "Jo Kessler"):
        phrase = classify_phrase(known)
        assert phrase is not None and not history.forgets(phrase, role)
