"""Given names nearly always one sex's, for a pronoun's antecedent where the article gives no sex.

Source: the US Census Bureau's 1990 first-name frequency lists (dist.female.first, dist.male.first;
public domain), as shipped by the MIT-licensed `names` package. Each list gives a name's share of that
sex's population in percent; women and men were about equal in number, so shares compare directly. A
name is kept for a sex when at least RATIO of its combined share is that sex's ("Donald", "Hillary");
names both sexes carry ("Jean", "Kelly", "Lindsey", "Jordan") are left out, so a pronoun is never
resolved on a guess the data does not support. The lists are US names: a French "Jean" or an Italian
"Andrea" is a man, which is why shared and foreign-leaning names must stay out rather than be guessed.

Swiss, Austrian and French names are added from the first-name lists of the MIT-licensed Faker package
(faker.providers.person: de_CH and fr_CH from the Swiss Federal Statistical Office's first-name
statistics, open use with the source named; de_AT from the Austrian open-data portal data.gv.at, CC BY
4.0; fr_FR, Faker's own), which list each name for one sex: "Inès", "Arben", "Aylin" are no US names.
A name a list gives both sexes ("Andrea", male in Italian Switzerland), or that two sources give
different sexes ("Laurence"), is left out, as is a name the census finds shared ("Jordan", "Robin"),
whatever the lists say. (Faker's de_DE list is not used: it is taken from Wiktionary, whose terms are
share-alike.)

Rebuild given_names.txt: python -m scraper.extract.quotes.given_names DIR_WITH_DIST_FILES [FAKER_DIR]
(FAKER_DIR: an unpacked Faker wheel or installed package folder, holding faker/providers/person/).
"""

from __future__ import annotations

import ast
import sys
from functools import lru_cache
from pathlib import Path

from scraper.extract.quotes.speaker_gender import FEMALE, MALE
from scraper.extract.quotes.speaker_words import PERSON_NOUNS

RATIO = 0.95
_TABLE = Path(__file__).with_name("given_names.txt")


def given_name_gender(name: str) -> str:
    """FEMALE, MALE or "" from the given name opening a full name ("Hillary Clinton" -> FEMALE); a lone
    surname, an initial ("G.K. Butterfield") or a shared given name gives none."""
    words = name.split()
    if len(words) < 2 or not words[0][1:].islower():
        return ""
    return _table().get(words[0].lower(), "")


# Endings of the nouns and adjectives that describe a person before their name ("Pollster", "Virginian",
# "Columnist", "Conservative", "Organizer"), which few given names that the table leaves out share.
_DESCRIPTOR_ENDS = ("ster", "ian", "ive", "ist", "er", "or", "ary", "al", "ic", "ant", "ent")


def descriptor_before_name(words: list[str], at: int) -> bool:
    """Whether the capitalized words[at] describes the person whose full name follows ("Pollster Ann
    Selzer", "fellow Virginian Mark Warner"): a noun's or adjective's ending, no one-sex given name, and
    a one-sex given name after it, then a surname."""
    if at + 2 >= len(words) or not words[at][1:].islower() or not words[at + 1][1:].islower():
        return False
    low = words[at].lower()
    table = _table()
    described = low.endswith(_DESCRIPTOR_ENDS) or low in PERSON_NOUNS  # (also "Host Jake Bell")
    return described and low not in table and words[at + 1].lower() in table


def is_given_name(word: str) -> bool:
    """Whether a capitalized word is a given name in the table ("Heike", "Markus"; shared names are not)."""
    return word[1:].islower() and word.lower() in _table()


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Lower-case given name -> FEMALE or MALE, read once."""
    rows = _TABLE.read_text(encoding="utf-8").splitlines()
    return dict(row.split() for row in rows if row and not row.startswith("#"))


def _shares(path: Path) -> dict[str, float]:
    """Name -> percent of that sex's population, from one census list."""
    rows = (line.split() for line in path.read_text().splitlines() if line.strip())
    return {row[0].lower(): float(row[1]) for row in rows}


def build(folder: Path) -> list[str]:
    """The table's lines from the census lists in `folder`: "name f" or "name m", sorted."""
    female, male = _shares(folder / "dist.female.first"), _shares(folder / "dist.male.first")
    lines = []
    for name in sorted(set(female) | set(male)):
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if f / (f + m) >= RATIO:
            lines.append(f"{name} {FEMALE}")
        elif m / (f + m) >= RATIO:
            lines.append(f"{name} {MALE}")
    return lines


FAKER_LISTS = ("de_CH", "fr_CH", "de_AT", "fr_FR")


def faker_names(folder: Path) -> dict[str, set[str]]:
    """Lower-case name -> the sexes Faker's lists in FAKER_LISTS give it, read from the provider sources
    without importing Faker."""
    sexes: dict[str, set[str]] = {}
    for locale in FAKER_LISTS:
        source = (folder / "faker" / "providers" / "person" / locale / "__init__.py").read_text("utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                sex = {"first_names_male": MALE, "first_names_female": FEMALE}.get(node.targets[0].id, "")
                for name in ast.literal_eval(node.value) if sex else ():
                    sexes.setdefault(name.lower(), set()).add(sex)
    return sexes


def merge(lines: list[str], shared: set[str], foreign: dict[str, set[str]]) -> list[str]:
    """The census lines with the names of one sex in every list added, and any name the lists give the
    other sex than the census, or both sexes, dropped; a name the census finds shared ("Jordan",
    "Robin": in `shared`) stays out, whatever the lists say."""
    table = dict(line.split() for line in lines)
    for name, sexes in foreign.items():
        if len(sexes) > 1 or name in shared or table.get(name, next(iter(sexes))) not in sexes:
            table.pop(name, None)
        else:
            table[name] = next(iter(sexes))
    return [f"{name} {sex}" for name, sex in sorted(table.items())]


def census_shared(folder: Path, lines: list[str]) -> set[str]:
    """The census names left out of `lines` as both sexes'."""
    kept = {line.split()[0] for line in lines}
    names = set(_shares(folder / "dist.female.first")) | set(_shares(folder / "dist.male.first"))
    return names - kept


if __name__ == "__main__":
    table = build(Path(sys.argv[1]))
    header = "# US Census 1990 given names nearly always one sex's (built by given_names.py)"
    if len(sys.argv) > 2:
        table = merge(table, census_shared(Path(sys.argv[1]), table), faker_names(Path(sys.argv[2])))
        header += "; with Faker's Swiss, Austrian and French lists (see given_names.py)"
    _TABLE.write_text("\n".join([header, *table]) + "\n", encoding="utf-8")
    print(f"{len(table)} names -> {_TABLE}")
