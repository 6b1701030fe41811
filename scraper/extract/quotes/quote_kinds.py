"""Quoted spans that the text around them marks as something other than words said.

Each rule reads only the words next to the marks, so it holds in any genre:
- a reference-list entry: an article's or chapter's title after its author and year ('Smith, J. (2010).
  "..."'; a passage of several sentences there is the author's words: quote_references) or its authors
  ('Bradner, S., "..."', 'Fielding et al., "..."'), or before the rest of its citation ('"...". The
  Chronicle. Retrieved 12 March 2019.', 'doi:', 'pp. 45', '26 (4): 112', 'In:', and other languages'
  "retrieved": 'consulté le', 'abgerufen am', 'consultado el', 'acesso em'; not a page in parentheses, which
  cites quoted words: '"..." (p. 12)');
- a work in a list or a credit: a title with its year or kind in parentheses after it ('"..." (2009)',
  '"..." (single)'), a track with its length ('"..." – 3:42'), a discography line opening with a year
  ('1998 – "..."'), a capitalized title named by the work's noun just before it ('the song "..."', 'the
  chapter "..."', 'the singles "A", "B" and "C"', 'the petition "..."') or set off by commas after it
  ('Her second novel, "...", was'), or under a label ('Chapter 3: "..."', 'under the heading "..."');
- a headline or link: a paragraph's label before it ('Re:', 'Fig. 3:', 'Source:', 'Tagline:'), a
  cross-reference ('See our earlier coverage: "..."'), a headline's verb ('The headline read "..."'), or
  a capitalized line with no sentence punctuation that is its paragraph whole, numbered or beside another
  such line (a list of stories: '1. "Mayor quits after budget row"');
- a name given, a translation or a category: 'dubbed "..."', 'known locally as "..."', 'The tour, called
  "..."', 'Latin for "..."', 'the award for "..."', 'Operation "..."' (in quote_filters);
- software's strings: what a reader clicks, types or searches for ('click "Save changes"', 'searched for
  "..."'), a menu path ('Settings > "..."'), a named button, option, error or setting ('the error
  "..."'), text that is code ('"enable_cache = true"', '"stdio.h: ..."') and a string literal in code
  ('it("should greet ...", ...)', 'alert("...")', 'name = "..."') or a command's option ('-m "..."');
- a survey's item or option ('agreed with the statement "..."', 'choose between "A" and "B"');
- a criminal charge's name ('charged with "possession of a controlled substance ..."').
A span that a speech tag attributes directly ('"...," she said') is judged here only as a name given
('The tour, called "..."', 'a technique called "..."', where "called" reads as a speech verb) or as a
work's title right after the work's noun ('In her book "A ... of Hope," Lee wrote of'). A work's noun, an
interface's verb or noun, or a search before a span counts only when its sentence has no speech verb
before it ('Lee said this episode "is one of ..."' is Lee's). (A sign's or banner's words are left
quotations, as the dev set counts them.)
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_attribution import VERB
from scraper.extract.quotes.quote_names import NAMING_WORDS, is_title_like, names_a_kind
from scraper.extract.quotes.quote_references import cited_after, reference_title
from scraper.extract.quotes.quote_runs import Quote as _Quote
from scraper.extract.quotes.quote_sentences import last_words_at, sentence_start
from scraper.extract.quotes.speaker_words import word_set

_REACH = 120  # characters read before the opening mark and after the closing one
# Quoted spans listed before this one ('"A", "B" and "C"'), which share its lead.
_LISTED = re.compile(
    r"""["“”][^"“”]{0,80}["”]\s*(?:\([^()]{0,30}\))?\s*[,–—]?\s*(?:(?:and|or|&)\s+(?:just\s+|only\s+)?)?$"""
)
_WORK_AFTER = re.compile(
    r"\s*\((?:[^()]{0,40}[\s,])?(?:1[89]|20)\d\d\)|\s*\((?:single|album|EP|song|film|short film|TV series|"
    r"episode|mixtape|remix|demo|cover|bonus track|featuring|feat\.|with|live)\b|\s*[–—-]\s*\d{1,2}:\d\d\b"
)
_LIST_LINE = re.compile(r"\s*(?:1[89]|20)\d\d\s*[–—:-]\s*$")
# A work's noun after a determiner or owner, up to two words between ("the song", "her debut album").
_WORK_NOUN = re.compile(
    r"\b(?:the|a|an|his|her|their|its|our|my|your|this|[\w’'.\-]+[’']s?)\s+(?:[\w’'\-]+\s+){0,2}?"
    r"(?:song|single|track|album|EP|episode|chapter|paper|article|essay|book|novel|memoir|film|movie|"
    r"documentary|sitcom|poem|musical|opera|column|op-ed|thesis|dissertation|podcast|exhibition|"
    r"sequel|anthology|ballad|hymn|anthem|mixtape|sketch|series|course|guide|tour|blog post|post|"
    r"lecture|headline|petition|campaign|scheme|programme|program|initiative|festival|conference)s?"
    r"\s*(?P<comma>,)?\s*$",
    re.IGNORECASE,
)
# A name given to a thing or person, a translation, an award's category: 'dubbed "..."', 'known locally
# as "..."', 'under the name "..."', 'The tour, called "..."', 'translates as "..."', 'Latin for "..."',
# 'the award for "..."'.
_NAMED = re.compile(
    r"(?:\b(?:dubbed|nicknamed|code-?named|renamed|rebranded(?:\s+as)?|billed\s+as|christened|"
    r"known(?:\s+\w+ly)?\s+as|(?:also|officially|formally|locally|commonly|popularly|simply|originally)\s+"
    r"(?:called|named|titled)|under\s+the\s+(?:name|title|heading|headline|banner)|translat(?:es|ed|ing)\s+(?:as|to)|literally|"
    r"(?:award|prize|medal|trophy|nominat(?:ed|ion))s?\s+for|(?-i:[A-Z][a-z]+)\s+(?:word\s+|term\s+)?for)"
    r"|,\s*(?:called|named))\s*[:,]?\s*$",
    re.IGNORECASE,
)
# (no match of _NAMED starts with white space or holds more than four runs of it, two in its words, "known
# locally as", "under the name", and two around a colon after them: it starts in the last five words, and
# is searched for from there, not from each of the 120 characters before the mark)
_NAMED_WORDS = 5
# A label opening the paragraph before the span: a reply's subject, a figure's or table's caption, a
# link's lead-in ('Re: "..."', 'Fig. 3: "..."', 'Source: "..."', 'See also: "..."', 'Related: "..."').
_HEADING = re.compile(
    r"\s*(?:re|fwd?|fig(?:ure)?\.?\s*\d+[a-z]?|table\s*\d+|chart|map|source|sources|see(?:\s+also)?|related(?:\s+[a-z]+)?|"
    r"watch|read(?:\s+more|\s+also)?|more|also\s+read|definition|listen|video|photo|image|pictured|caption|"
    r"headline|title(?:\s+of\s+[\w\s]{1,20}?)?|subject|topic|thread|tagline|slogan|motto|keywords|tags|"
    r"filed\s+under|(?:chapter|part|section|episode|step)\s*\d+)\s*[:.]\s*",
    re.IGNORECASE,
)
# What a reader does on a screen: verbs of the interface anywhere ("you need to click"; "press" but
# "the press"), and verbs that name one only as an instruction, opening the sentence or after "then",
# "and", "or", "you can" ('Then open "Settings"'; not 'hopes to open "a new chapter"').
_UI_VERB = re.compile(
    r"(?<!the )\b(?:(?:double-|right-)?click(?:s|ed|ing)?|tap(?:s|ped|ping)?|select(?:s|ed|ing)?|"
    r"press(?:es|ed|ing)?|typ(?:e|es|ed|ing)|toggl(?:e|es|ed|ing)|tick(?:s|ed|ing)?|untick|uncheck(?:ed)?)"
    r"(?:\s+on)?(?:\s+the)?\s*$",
    re.IGNORECASE,
)
_IMPERATIVE = re.compile(
    r"(?:[^\w\s]\s*|\b(?:then|and|or|either|you can|you must|just|simply|now|first)\s+)"
    r"(?:open|enter|choose|check|hit|go to|navigate to)(?:\s+the)?\s*$",
    re.IGNORECASE,
)
_SEARCHED = re.compile(
    r"\b(?:search(?:es|ed|ing)?|look(?:s|ed|ing)?\s+up|googl(?:e|es|ed|ing))(?:\s+\w+){0,2}?\s+for\s*$"
    r"|\b(?:googl(?:e|es|ed|ing)|search(?:es|ed|ing)?\s+term|quer(?:y|ies)|keywords?)\s*[:,]?\s*$",
    re.IGNORECASE,
)
_SOFTWARE_NOUN = re.compile(
    r"\b(?:button|menu|tab|option|setting|checkbox|box|field|link|dialog|prompt|parameter|"
    r"variable|string|value|error|error message|exception|icon|toolbar|folder|file|directory|"
    r"labelled|labeled)s?\s*[:,]?\s*$",
    re.IGNORECASE,
)
_MENU = re.compile(r"(?:>|→|->)\s*$")
_MENU_AFTER = re.compile(r"\s*(?:>|→|->)")
_CODE = re.compile(r"(?<![@#\w])[^\W_]+_\w|[{}\\|]|\s=\s|==|!=|\(\)|\bhttps?://|\$[A-Za-z_]")
_FILE_NAME = re.compile(
    r"\.(?:py|js|h|c|cpp|json|html|css|txt|exe|sh|conf|cfg|xml|ya?ml|md|csv|log|ini|dll|so)\b"
)
_SURVEY_ITEM = re.compile(
    r"\b(?:agree[ds]?|agreeing|disagree[ds]?|disagreeing|rate[ds]?|rating|chose|choose|choosing|"
    r"select(?:ed)?|pick(?:ed)?|tick(?:ed)?|respond(?:ed)?\s+to|answer(?:ed)?)\b[^.;!?\"“”]{0,40}?"
    r"\b(?:statements?|sentences?|items?|options?|between)\s*[:,]?\s*$",
    re.IGNORECASE,
)
# Verbs that judge the thing named before a span: the span is someone's words about it ('is calling the
# report "a partisan hit job"').
_JUDGED = re.compile(
    r"\b(?:call(?:s|ed|ing)?|describ\w*|dismiss\w*|brand(?:s|ed|ing)|label(?:l?ed|l?ing))\b", re.IGNORECASE
)
# After an appositive's closing comma: a lower-case word that does not open a speech tag (no pronoun,
# determiner or speech verb).
_CLAUSE_GOES_ON = re.compile(
    r",?\s+(?!(?:he|she|they|we|i|it|the|a|an|his|her|their|its|one|who|says|said|writes|wrote)\b)[a-z]"
)
# The words that may end the text before a span that the lead rules above mark (each rule's last word).
_NAME_WORDS = word_set(
    "dubbed nicknamed code-named codenamed renamed rebranded as christened called named titled name title "
    "to literally for heading banner"
)
_LAST_WORDS = _NAME_WORDS | word_set(
    "statement statements sentence sentences item items option options between "
    "song songs single singles track tracks album albums ep eps episode episodes chapter chapters "
    "paper papers article articles essay essays book books novel novels memoir memoirs film films "
    "movie movies documentary sitcom sitcoms poem poems musical musicals opera operas column columns "
    "op-ed op-eds thesis dissertation dissertations podcast podcasts exhibition exhibitions sequel sequels "
    "anthology ballad ballads hymn hymns anthem anthems mixtape mixtapes sketch series course courses "
    "guide guides tour tours post posts lecture lectures headline headlines petition petitions campaign "
    "campaigns scheme schemes programme programmes program programs initiative initiatives festival "
    "festivals conference conferences "
    "click clicks clicked clicking double-click right-click tap taps tapped tapping select selects selected "
    "selecting press presses pressed pressing type types typed typing toggle toggles toggled toggling tick "
    "ticks ticked ticking untick uncheck unchecked on the open enter choose check hit "
    "google googles googled googling term query queries keyword keywords "
    "button buttons menu menus tab tabs setting settings checkbox checkboxs box boxs field fields link links "
    "dialog dialogs prompt prompts parameter parameters variable variables string strings value values error "
    "errors message exception exceptions icon icons toolbar toolbars folder folders file files directory "
    "labelled labeled"
)
_CHARGE_WORDS = word_set("with of on for to")
_LAST_WORDS |= _CHARGE_WORDS
_ARROWS = set(">→")
_CODE_OPENERS = set("(=[{")
# A command-line option right before the mark ("-m", "--message").
_FLAG = re.compile(r"\s--?[A-Za-z][\w\-]*\s+$")
# A function's name and its opening parenthesis, an assignment, or an array or object opening, right
# before the mark (prose puts a space before a parenthesis and writes no "=").
_LITERAL_BEFORE = re.compile(r"(?:[A-Za-z_$][\w$.]*\(|[\w\]]\s*=|[(,=:]\s*[\[{])\s*$")
_LABEL_REACH = 40  # characters a paragraph's label or list line may take before the span
_CODE_CHARS = re.compile(r"[_={}\\|$]")
# How a listed span and the next one are joined ('"A" and "B"', '"A" or just "B"').
_LIST_JOINS = ('"', "”", ")", " and", " or", "&", "or just", "or only")
# A headline named with its verb ('The headline read "..."'), and a cross-reference or a link's lead-in
# opening its sentence ('See our earlier coverage: "A" and "B"', 'Read more: "..."').
_HEADLINE_VERB = re.compile(r"\bheadlines?\s+(?:read|reads|ran|runs|was|is)\s*[:,]?\s*$", re.IGNORECASE)
_SEE = re.compile(r"(?:^|[.!?]\s+|\(\s*)(?:See|Read|Watch|Listen to)\b[^.!?\"“”]{0,50}$")
# What may stand before a span that is its paragraph whole: a list's number or bullet.
_INNER_END = re.compile(r"[.!?;]\s")
_LIST_MARK = re.compile(r"\s*(?:\d{1,2}[.)]|[•·▪*–—-])?\s*")
_LINK_PARAGRAPH = re.compile(
    r"\s*(?:\d{1,2}[.)]|[•·▪*–—-])?\s*[\"“‘'][A-Z][^\"“”‘’.!?]{8,}[^\"“”‘’.!?…,;:][\"”’']\s*"
)
# A criminal charge's name ('charged with "possession of ... with intent to distribute"').
_CHARGED = re.compile(
    r"\b(?:charged\s+with|convicted\s+of|indicted\s+(?:on|for)|pleaded\s+(?:not\s+)?guilty\s+to|"
    r"(?:counts?|charges?)\s+of|arrested\s+(?:on\s+suspicion\s+of|for)|cited\s+for)\s*$",
    re.IGNORECASE,
)
_HEADLINE_VERBS = word_set("read reads ran runs was is")
_SEE_REACH = 64  # characters _SEE reads before the mark (its verb and up to 50 more)
_INTERFACE = (_UI_VERB, _IMPERATIVE, _SEARCHED, _SOFTWARE_NOUN)


def marked_not_said(quote: _Quote, paragraphs: list[str]) -> bool:
    """Whether the words around a span that no tag attributes make it a title, a string of software or
    a survey's item (kinds in the module doc)."""
    span = quote.span
    text = paragraphs[span.paragraph]
    # (a paragraph's start reads as a sentence's: 'Click "Save changes"')
    before = text[span.start - _REACH : span.start] if span.start > _REACH else ". " + text[: span.start]
    last = _last_word(before)
    if last in NAMING_WORDS and names_a_kind(before, paragraphs[span.end_paragraph][span.end : span.end + 5]):
        return True  # (a kind of thing named: 'a process called "..."', quote_names)
    if quote.direct:  # (a name given with "called" reads as a speech verb: 'The tour, called "..."')
        if last in _LAST_WORDS and is_title_like(quote.text) and (work := _WORK_NOUN.search(before)):
            return not work.group("comma")  # a work's title: 'In her book "A ... of Hope," Lee wrote'
        return last in _NAME_WORDS and _NAMED.search(before, last_words_at(before, _NAMED_WORDS)) is not None
    after = paragraphs[span.end_paragraph][span.end : span.end + _REACH] if span.closed else ""
    if _WORK_AFTER.match(after) or _MENU_AFTER.match(after) or cited_after(after) or _is_code(quote.text):
        return True
    if span.start <= _LABEL_REACH and (
        _LIST_LINE.match(text, 0, span.start) or _HEADING.fullmatch(text, 0, span.start)
    ):
        return True
    if _is_link_line(quote, paragraphs):
        return True
    # (the rules below end at the opening mark: a span is tested only when the word before it may end one)
    lead = _without_listed(before)
    last = _last_word(lead)
    if last in _HEADLINE_VERBS and _HEADLINE_VERB.search(lead):
        return True
    tail = lead[-_SEE_REACH:]
    if ("See" in tail or "Read" in tail or "Watch" in tail or "Listen" in tail) and _SEE.search(lead):
        return True
    if reference_title(lead, last, quote.text) or last[-1:] in _ARROWS and _MENU.search(lead):
        return True
    if last[:1] == "-" and _FLAG.search(lead):
        return True  # a command's option: 'hg commit -m "..."'
    if last[-1:] in _CODE_OPENERS and _LITERAL_BEFORE.search(lead):
        return True  # a string literal in code: 'it("should greet ...", ...)', 'alert("...")', 'x = "..."'

    if last not in _LAST_WORDS:
        return False
    # (whoever asks or names: 'The survey asked them to rate the sentence "..."', 'The law, officially
    # called "...", took effect')
    if _SURVEY_ITEM.search(lead) or _NAMED.search(lead, last_words_at(lead, _NAMED_WORDS)):
        return True
    if last in _CHARGE_WORDS and quote.text[:1].islower() and _CHARGED.search(lead):
        return not _INNER_END.search(quote.text)
    work = _WORK_NOUN.search(lead) if quote.text[:1].isupper() or quote.text[:1].isdigit() else None
    if work is not None and work.group("comma") and not _appositive(quote, after):
        work = None  # ('In the book, "I was never afraid."': the book's words)
    if work is None and not any(rule.search(lead) for rule in _INTERFACE):
        return False
    sentence = lead[sentence_start(lead) :]
    return VERB.search(sentence) is None and _JUDGED.search(sentence) is None


def _is_link_line(quote: _Quote, paragraphs: list[str]) -> bool:
    """A capitalized span that is its paragraph whole with no sentence punctuation, after a list's number
    or bullet or beside another such paragraph: a headline in a list of links or stories ('1. "Mayor
    quits after budget row"'). A quotation set alone ends its sentence ('"We will not back down."'), and
    a quoted crosshead stands alone between paragraphs of text."""
    span = quote.span
    words = quote.text.rstrip()
    if not words[:1].isupper() or words[-1:] in ".!?…,;:" or span.paragraph != span.end_paragraph:
        return False
    text = paragraphs[span.paragraph]
    if not span.closed or span.start > _LABEL_REACH or text[span.end :].strip() or _INNER_END.search(words):
        return False
    mark = _LIST_MARK.fullmatch(text, 0, span.start)
    if mark is None:
        return False
    if mark.group().strip():
        return True
    index = span.paragraph
    return any(_LINK_PARAGRAPH.fullmatch(p) for p in paragraphs[max(0, index - 1) : index + 2 : 2])


def _last_word(lead: str) -> str:
    """The last word before the opening mark, lower-cased, without the punctuation after it."""
    lead = lead.rstrip(" \u00a0\t:,.")
    return lead[lead.rfind(" ") + 1 :].lower()


def _is_code(text: str) -> bool:
    """Whether a span holds code or a file name (checked by its characters first: most hold none)."""
    marked = _CODE_CHARS.search(text) or "()" in text or "://" in text
    if marked and _CODE.search(text) is not None:
        return True
    name = _FILE_NAME.search(text) if "." in text else None
    return name is not None and text[name.start() - 1 : name.start()].isalnum()


def _appositive(quote: _Quote, after: str) -> bool:
    """A capitalized span set off by commas after a noun, with no sentence punctuation, its sentence going
    on with a verb ('Her second novel, "A garden in the rain", was shortlisted'): the noun's name, not
    a quotation with its tag ('In the paper, "We show ...," the authors write')."""
    if not quote.text[:1].isupper() or quote.text.rstrip()[-1:] in ".!?…":
        return False
    closed_by_comma = quote.span.text.rstrip().endswith(",") or after[:1] == ","
    return closed_by_comma and _CLAUSE_GOES_ON.match(after) is not None


def _without_listed(before: str) -> str:
    """The text before a span without the quoted spans listed just before it ('"A", "B" and "C"')."""
    for _ in range(6):
        if not before.rstrip(" ,").endswith(_LIST_JOINS):
            break
        listed = _LISTED.search(before)
        if listed is None:
            break
        before = before[: listed.start()]
    return before
