"""English month-name dates read with the standard library, as dateparser reads them.

Most visible dates are written the same few ways ("November 5, 2012", "Mon, Nov 5th, 2012 at 7:47 PM",
"5 November 2012"), and dateparser costs about a millisecond for each. This reads only those shapes:
an optional weekday, an English month name, a day and a year (19xx/20xx) in either order, an optional
clock time without a zone. Where dateparser's English reading would be tried first (English is among
the languages, and it is first in dateparser's own order), the result is the same datetime (tests
compare both over every spelling read here). Anything else, or a day the calendar lacks, is left to
dateparser (None).
"""

from __future__ import annotations

import re
from datetime import datetime

# dateparser's English month and weekday names and abbreviations, as it reads them.
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = (
    "monday mon tuesday tue tues wednesday wed thursday thu friday fri saturday sat sunday sun"
)
_WEEKDAY = rf"(?:(?:{'|'.join(_WEEKDAYS.split())})\.?,? )?"
_MONTH = rf"(?:{'|'.join(sorted(_MONTHS, key=len, reverse=True))})\.?"
_DAY = r"[0-9]{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)[0-9][0-9]"
_TIME = r"(?:,? (?:at )?([0-9]{1,2}):([0-9][0-9])(?::([0-9][0-9]))?(?: ?(am|pm))?)?"
# (ASCII only: Unicode digits and case folds, "٥" or "ſ", are left to dateparser.)
# Groups: month, day, year ("November 5, 2012") or day, month, year ("5 November 2012"), then the time.
_MONTH_FIRST = re.compile(rf"{_WEEKDAY}({_MONTH}) ({_DAY}),? ({_YEAR}){_TIME},?", re.IGNORECASE | re.ASCII)
_DAY_FIRST = re.compile(rf"{_WEEKDAY}({_DAY}) ({_MONTH}),? ({_YEAR}){_TIME},?", re.IGNORECASE | re.ASCII)
_ORDINAL = re.compile(r"[a-z]+$", re.IGNORECASE | re.ASCII)


def english_date(text: str, languages: tuple[str, ...]) -> datetime | None:
    """The datetime dateparser would read from text in one of the shapes above, else None."""
    if languages[:1] != ("en",):  # (dateparser tries English first too, whatever the others)
        return None
    match = _MONTH_FIRST.fullmatch(text)
    if match is not None:
        month, day, year = match.group(1, 2, 3)
    else:
        match = _DAY_FIRST.fullmatch(text)
        if match is None:
            return None
        day, month, year = match.group(1, 2, 3)
    hour, minute, second = (int(part or 0) for part in match.group(4, 5, 6))
    half = (match[7] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    try:
        return datetime(int(year), _MONTHS[month.rstrip(".").lower()], int(_ORDINAL.sub("", day)),
                        hour, minute, second)
    except ValueError:  # no such day or time: dateparser decides
        return None
