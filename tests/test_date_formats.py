"""English month-name dates read without dateparser: the same datetime as dateparser, or no answer."""

from __future__ import annotations

import random
from datetime import datetime

import dateparser
import pytest

from scraper.extract.date_formats import english_date
from scraper.extract.dates import DATEPARSER_LANGUAGES, dateparser_settings

_MONTHS = (
    "january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july", "jul",
    "august", "aug", "september", "sep", "sept", "october", "oct", "november", "nov", "december", "dec",
)
_WEEKDAYS = (  # ("thur" and "thurs": dateparser does not read them, nor does english_date)
    "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur", "thurs",
    "friday", "fri", "saturday", "sat", "sunday", "sun",
)
_LANGUAGES = (("en",), DATEPARSER_LANGUAGES)


def _spelling(word: str, rng: random.Random) -> str:
    return rng.choice([word, word.title(), word.upper()])


def _date_line(rng: random.Random) -> str:
    """A date in the shapes english_date reads, with near misses (no such day, hour, zone or name)."""
    weekday = ""
    if rng.random() < 0.5:
        name = _spelling(rng.choice(_WEEKDAYS), rng)
        weekday = f"{name}{rng.choice(['', '.'])}{rng.choice(['', ','])} "
    month = _spelling(rng.choice(_MONTHS), rng) + rng.choice(["", "."])
    day = str(rng.choice([0, 1, 2, 3, 9, 10, 11, 12, 13, 21, 22, 23, 28, 29, 30, 31, 32, rng.randint(1, 31)]))
    day = day.zfill(2) if rng.random() < 0.3 else day
    year = rng.choice([1900, 1999, 2000, 2004, 2012, 2026, 2099, rng.randint(1900, 2099)])
    comma = rng.choice(["", ","])
    shape = rng.random()
    if shape < 0.7:
        day += rng.choice(["", "", "st", "nd", "rd", "th", "TH"])
        date = f"{month} {day}{comma} {year}" if shape < 0.45 else f"{day} {month}{comma} {year}"
    else:
        number = str(rng.choice([0, 1, 2, 9, 11, 12, 13, rng.randint(1, 12)]))
        separator = rng.choice("/-.")
        spelled = f"{number}{separator}{day}{separator}{year}"
        date = spelled if shape < 0.9 else f"{year}-{int(number):02d}-{day}"
    line = weekday + date
    if rng.random() < 0.5:
        hour, minute = rng.choice([0, 1, 7, 11, 12, 13, 23, 24]), rng.choice([0, 5, 59, 60])
        clock = f"{hour}:{minute:02d}" if rng.random() < 0.7 else f"{hour:02d}:{minute:02d}"
        clock += f":{rng.choice([0, 13, 60]):02d}" if rng.random() < 0.3 else ""
        clock += rng.choice(["", "", " AM", " PM", "am", "pm", " pm", " a.m.", " P.M."])
        line += rng.choice([" ", ", ", " at ", " AT ", " @ "]) + clock
    if rng.random() < 0.3:
        zone = rng.choice(["UTC", "GMT", "ET", "EST", "EDT", "CT", "CST", "PT", "PDT", "JST", "Z", "-0400"])
        line += " " + _spelling(zone.lower(), rng)
    if rng.random() < 0.2:
        line += " " + rng.choice(["at", "by", "in", "on", "of"])
    return line + rng.choice(["", "", ",", "."])


def test_reads_what_dateparser_reads() -> None:
    rng = random.Random(25)
    decided = 0
    for _ in range(500):
        line = _date_line(rng)
        for languages in _LANGUAGES:
            ours = english_date(line, languages)
            if ours is not None:
                decided += 1
                theirs = dateparser.parse(line, languages=list(languages), settings=dateparser_settings())
                assert ours == theirs, line
    assert decided > 250  # (many of the lines are read here)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("November 5, 2012", datetime(2012, 11, 5)),
        ("Mon, Nov. 5th, 2012 at 7:47 PM", datetime(2012, 11, 5, 19, 47)),
        ("5 November 2012 12:01 am", datetime(2012, 11, 5, 0, 1)),
        ("Sept 30, 2026, 23:59:10", datetime(2026, 9, 30, 23, 59, 10)),
        ("July 24, 2012, 9:16 a.m. ET", datetime(2012, 7, 24, 14, 16)),
        ("Nov 5, 2012 @ 11:30 PM PST", datetime(2012, 11, 6, 7, 30)),
        ("10/27/2012 in", datetime(2012, 10, 27)),
        ("2011-06-02 13:28", datetime(2011, 6, 2, 13, 28)),
    ],
)
def test_common_shapes(line: str, expected: datetime) -> None:
    assert english_date(line, ("en",)) == expected


@pytest.mark.parametrize(
    "line",
    ["February 30, 2012", "Nov 5, 2012 13:05 PM", "Thurs, Nov 5, 2012", "Nov 5, 2012 ago", "13/05/2012",
     "Mon, 12 Nov 2012 18:08:34 -0400", "Nov 5, 2012 CET", "11.05.2012",
     "Auguſt 5, 2012", "Nov ٥, 2012", "5 mars 2012"],
)
def test_other_text_is_left_to_dateparser(line: str) -> None:
    assert english_date(line, ("en",)) is None


def test_only_when_english_is_asked_first() -> None:
    assert english_date("November 5, 2012", ("de",)) is None
    assert english_date("November 5, 2012", DATEPARSER_LANGUAGES) == datetime(2012, 11, 5)
