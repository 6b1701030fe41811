"""Common date lines read with the standard library, as dateparser reads them in English.

Most visible dates are written the same few ways ("November 5, 2012", "Mon, Nov 5th, 2012 at 7:47 PM
PST", "5 November 2012", "11/05/2012", "2012-11-05 13:28"), and dateparser costs about a millisecond
for each. This reads only those shapes: an optional weekday, then a date with an English month name
(day before or after it), or month/day/year in digits, or year-month-day; an optional clock time, a US
or UTC zone name, and one trailing filler word ("at", "by", "in", "on"). Where
dateparser's English reading is tried first (it always is when English is among the languages asked),
the result is the same datetime (tests compare both over every spelling read here), converted to UTC.
Anything else, or a day the calendar lacks, is left to dateparser (None).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

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
_WEEKDAYS = "monday mon tuesday tue tues wednesday wed thursday thu friday fri saturday sat sunday sun"
# Zones as dateparser reads them: fixed offsets in hours ("ET" is always UTC-5, summer or not).
_ZONES = {
    "utc": 0, "gmt": 0, "et": -5, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
    "pt": -8, "pst": -8, "pdt": -7,
}
_WEEKDAY = rf"(?:(?:{'|'.join(_WEEKDAYS.split())})\.?,? )?"
_MONTH = rf"(?:{'|'.join(sorted(_MONTHS, key=len, reverse=True))})\.?"
_DAY = r"[0-9]{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)[0-9][0-9]"
_REST = (
    r"(?:,? (?:at |@ )?(?P<hour>[0-9]{1,2}):(?P<minute>[0-9][0-9])(?::(?P<second>[0-9][0-9]))?"
    r"(?: ?(?P<half>am|pm|a\.m\.|p\.m\.))?)?"
    rf"(?: (?P<zone>{'|'.join(_ZONES)}))?(?: (?:at|by|in|on))?,?"
)
# (ASCII only: Unicode digits and case folds, "٥" or "ſ", are left to dateparser.)
_FLAGS = re.IGNORECASE | re.ASCII
_FORMS = (
    re.compile(rf"{_WEEKDAY}(?P<month>{_MONTH}) (?P<day>{_DAY}),? (?P<year>{_YEAR}){_REST}", _FLAGS),
    re.compile(rf"{_WEEKDAY}(?P<day>{_DAY}) (?P<month>{_MONTH}),? (?P<year>{_YEAR}){_REST}", _FLAGS),
    re.compile(rf"(?P<month>[0-9]{{1,2}})(?P<sep>[/-])(?P<day>[0-9]{{1,2}})(?P=sep)(?P<year>{_YEAR}){_REST}",
               _FLAGS),
    re.compile(rf"(?P<year>{_YEAR})-(?P<month>[0-9][0-9])-(?P<day>[0-9][0-9]){_REST}", _FLAGS),
)
_ORDINAL = re.compile(r"[a-z]+$", _FLAGS)


def english_date(text: str, languages: tuple[str, ...]) -> datetime | None:
    """The datetime (UTC, naive) dateparser would read from text in one of the shapes above, else None."""
    if languages[:1] != ("en",):  # (dateparser tries English first too, whatever the others)
        return None
    match = next((m for m in (form.fullmatch(text) for form in _FORMS) if m is not None), None)
    if match is None:
        return None
    month_text = match["month"].rstrip(".").lower()
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text]
    hour, minute, second = (int(match[name] or 0) for name in ("hour", "minute", "second"))
    half = (match["half"] or "").lower().replace(".", "")
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    try:
        local = datetime(int(match["year"]), month, int(_ORDINAL.sub("", match["day"])), hour, minute, second)
    except ValueError:  # no such day or time: dateparser decides
        return None
    return local - timedelta(hours=_ZONES[match["zone"].lower()]) if match["zone"] else local
