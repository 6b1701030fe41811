"""Speakers of quotations in Chinese text: the subject of the speech verb before the opening mark.

Chinese news introduces a foreign speaker by a transliteration with the name in Latin letters in
parentheses ("发言人丹尼尔·霍特(Daniel Huot)表示：“...”"), then calls them by the transliterated surname
("汉森指出：“...”") or 他/她 ("他说：“...”"). The speaker is named as the Latin letters give the name:
the parenthesis, a name written in Latin letters ("Nasa表示"), or the one a surname or pronoun refers
to. A pronoun is the person last introduced or last reported speaking.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_runs import Quote

_HAN = re.compile(r"[\u4e00-\u9fff]")
# Speech verbs, longest first ("补充说" before "说").
_VERB = re.compile(
    r"补充说|补充道|解释说|进一步指出|表示|说道|指出|强调|认为|告诉|写道|透露|宣布|回应|警告|呼吁|坦言|"
    r"直言|提到|声明|称|说"
)
# A transliterated foreign name (its parts joined by a middle dot, often lost to "?") and its Latin form.
_LATIN_NAME = r"[A-Z][A-Za-z .'-]{1,40}"
_INTRODUCED = re.compile(
    rf"(?P<han>[\u4e00-\u9fff]{{1,8}}(?:[·?•・][\u4e00-\u9fff]{{1,8}})+)\s*[(（](?P<latin>{_LATIN_NAME})[)）]"
)
_LATIN_END = re.compile(rf"(?:[(（](?P<paren>{_LATIN_NAME})[)）]|(?P<bare>[A-Za-z][A-Za-z.'-]*))\s*$")
_CLAUSE_MARK = re.compile(r"[，。；：、！？,;:!?]")
_SENTENCE_MARK = re.compile(r"[。！？!?]")
_PRONOUNS = ("他", "她")


def chinese_speakers(quotes: list[Quote], paragraphs: list[str], narration: list[str]) -> None:
    """Give each unattributed quotation in Chinese the subject of the speech verb right before it in its
    sentence (`narration`: paragraphs with quoted text blanked)."""
    if not any(q.speaker is None and _HAN.search(q.text) for q in quotes):
        return
    introduced = (m for text in paragraphs for m in _INTRODUCED.finditer(text))
    # (a surname of one character would end too many clauses by chance)
    surnames = {_last(m["han"]): m["latin"].strip() for m in introduced if len(_last(m["han"])) > 1}
    events = _people(narration, surnames)
    for quote in quotes:
        if quote.speaker is not None or quote.phrase_at is not None or not _HAN.search(quote.text):
            continue
        span = quote.span
        text = narration[span.paragraph][: span.start]
        sentence = text[_last_mark(_SENTENCE_MARK, text) :]
        verbs = list(_VERB.finditer(sentence))
        if not verbs:
            continue
        clause = sentence[: verbs[-1].start()]
        clause = clause[_last_mark(_CLAUSE_MARK, clause) :].strip()
        last = next((name for at, name in reversed(events) if at < (span.paragraph, span.start)), None)
        speaker = _subject(clause, surnames, last)
        if speaker is not None:
            quote.speaker = speaker
            quote.phrase_at = (span.paragraph, len(text) - len(sentence))


def _last(han: str) -> str:
    """The surname of a transliterated name: its part after the last joining dot."""
    return re.split(r"[·?•・]", han)[-1]


def _last_mark(pattern: re.Pattern[str], text: str) -> int:
    """Where the text after the last mark of `pattern` starts (0 when there is none)."""
    end = 0
    for found in pattern.finditer(text):
        end = found.end()
    return end


def _subject(clause: str, surnames: dict[str, str], last: str | None) -> str | None:
    """The name a speech verb's subject clause gives: a Latin name at its end, a known surname, or for
    他/她 the person last named."""
    if not clause:
        return None
    latin = _LATIN_END.search(clause)
    if latin is not None:
        return (latin["paren"] or latin["bare"]).strip()
    if clause.endswith(_PRONOUNS) and len(clause) <= 2:
        return last
    return next((latin for han, latin in surnames.items() if clause.endswith(han)), None)


def _people(narration: list[str], surnames: dict[str, str]) -> list[tuple[tuple[int, int], str]]:
    """The people introduced with their Latin name, or reported speaking by surname, in reading order."""
    found = []
    for index, text in enumerate(narration):
        for match in _INTRODUCED.finditer(text):
            found.append(((index, match.start()), match["latin"].strip()))
        for verb in _VERB.finditer(text):
            clause = text[: verb.start()]
            clause = clause[_last_mark(_CLAUSE_MARK, clause) :].strip()
            name = next((latin for han, latin in surnames.items() if clause.endswith(han)), None)
            if name is not None:
                found.append(((index, verb.start()), name))
    return sorted(found)
