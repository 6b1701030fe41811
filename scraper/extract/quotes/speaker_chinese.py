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
from scraper.extract.quotes.speaker_chinese_native import verb_subject

_HAN = re.compile(r"[\u4e00-\u9fff]")
# Speech verbs, longest first ("补充说" before "说").
_VERB = re.compile(
    r"补充说|补充道|解释说|进一步指出|表示|说道|指出|强调|认为|告诉|写道|透露|宣布|回应|警告|呼吁|坦言|"
    r"直言|提到|提出|声明|称|说"
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
    sentence, else of the verb right after it ('“...”卢宇说。'), else the person its paragraph's narration
    names before it (`narration`: paragraphs with quoted text blanked)."""
    if not any(q.speaker is None and _HAN.search(q.text) for q in quotes):
        return
    introduced = (m for text in paragraphs for m in _INTRODUCED.finditer(text))
    # (a surname of one character would end too many clauses by chance)
    surnames = {_last(m["han"]): m["latin"].strip() for m in introduced if len(_last(m["han"])) > 1}
    known: set[str] = set()  # (Chinese names read as subjects so far: speaker_chinese_native)
    events = _people(narration, surnames, known)
    if known:  # (a Chinese name mentioned again without a verb is who a later 他/她 is: "李博灏是 ...。他")
        events = sorted(events + _mentions(narration, known))
    for quote in quotes:
        if quote.speaker is not None or quote.phrase_at is not None or not _HAN.search(quote.text):
            continue
        span = quote.span
        text = narration[span.paragraph][: span.start]
        last = next((name for at, name in reversed(events) if at < (span.paragraph, span.start)), None)
        found = _before(text, surnames, known, last) or _after(
            narration[span.end_paragraph], span.end, surnames, known
        )
        found = found or _named_before(text, known, last)
        if found is not None:
            quote.speaker = found[0]
            quote.phrase_at = (span.paragraph, found[1]) if found[1] >= 0 else (span.end_paragraph, span.end)


def _before(text: str, surnames: dict[str, str], known: set[str], last: str | None) -> tuple[str, int] | None:
    """The subject of the last speech verb in the quotation's sentence before it, and where it starts."""
    sentence = text[_last_mark(_SENTENCE_MARK, text) :]
    verbs = list(_VERB.finditer(sentence))
    if not verbs:
        return None
    clause = sentence[: verbs[-1].start()]
    clause = clause[_last_mark(_CLAUSE_MARK, clause) :].strip()
    speaker = _subject(clause, surnames, last, known)
    return (speaker, len(text) - len(sentence)) if speaker is not None else None


# A speech verb's subject right after a quotation, ending its sentence or clause: '“...”李博灏说。'.
_TAG_AFTER = re.compile(rf"\s*(?P<clause>[\u4e00-\u9fff]{{2,12}}?)(?:{_VERB.pattern})[。，,.]")


def _after(text: str, end: int, surnames: dict[str, str], known: set[str]) -> tuple[str, int] | None:
    """The subject of a speech verb tagging the quotation right after it (no pronoun: it has no antecedent
    in its own sentence)."""
    tag = _TAG_AFTER.match(text, end)
    speaker = _subject(tag["clause"], surnames, None, known) if tag is not None else None
    return (speaker, -1) if speaker is not None else None


def _named_before(text: str, known: set[str], last: str | None) -> tuple[str, int] | None:
    """A quotation with no speech verb of its own ('卢宇有着自己的看法，“...”') is the words of the
    person its paragraph names before it, by a name read before or by 他/她 opening a clause."""
    best: tuple[int, str] | None = None
    for name in known:
        at = text.rfind(name)
        if at >= 0 and (best is None or at > best[0]):
            best = (at, name)
    pronoun = _CLAUSE_PRONOUN.search(text)
    if pronoun is not None and last is not None and (best is None or pronoun.start() > best[0]):
        best = (pronoun.start(), last)
    return (best[1], best[0]) if best is not None else None


def _mentions(narration: list[str], known: set[str]) -> list[tuple[tuple[int, int], str]]:
    """Every place the narration names a Chinese name already read as a speaker."""
    return [
        ((i, m.start()), name)
        for i, text in enumerate(narration)
        for name in known
        for m in re.finditer(name, text)
    ]


_CLAUSE_PRONOUN = re.compile(r"(?:^|[，。；：！？])\s*[他她](?![们])")


def _last(han: str) -> str:
    """The surname of a transliterated name: its part after the last joining dot."""
    return re.split(r"[·?•・]", han)[-1]


def _last_mark(pattern: re.Pattern[str], text: str) -> int:
    """Where the text after the last mark of `pattern` starts (0 when there is none)."""
    end = 0
    for found in pattern.finditer(text):
        end = found.end()
    return end


def _subject(clause: str, surnames: dict[str, str], last: str | None, known: set[str]) -> str | None:
    """The name a speech verb's subject clause gives: a Latin name at its end, a known surname, or for
    他/她 the person last named."""
    if not clause:
        return None
    latin = _LATIN_END.search(clause)
    if latin is not None:
        return (latin["paren"] or latin["bare"]).strip()
    if clause.endswith(_PRONOUNS) and len(clause) <= 2:
        return last
    foreign = next((latin for han, latin in surnames.items() if clause.endswith(han)), None)
    if foreign is not None:
        return foreign
    native = verb_subject(clause, known)  # ("在巴黎留学的卢宇表示": speaker_chinese_native)
    if native is not None:
        known.add(native)
    return native


def _people(
    narration: list[str], surnames: dict[str, str], known: set[str]
) -> list[tuple[tuple[int, int], str]]:
    """The people introduced with their Latin name, or reported speaking by surname or by a Chinese name
    (added to `known`), in reading order."""
    found = []
    for index, text in enumerate(narration):
        for match in _INTRODUCED.finditer(text):
            found.append(((index, match.start()), match["latin"].strip()))
        for verb in _VERB.finditer(text):
            clause = text[: verb.start()]
            clause = clause[_last_mark(_CLAUSE_MARK, clause) :].strip()
            name = next((latin for han, latin in surnames.items() if clause.endswith(han)), None)
            name = name or verb_subject(clause, known)
            if name is not None:
                known.add(name)
                found.append(((index, verb.start()), name))
    return sorted(found)
