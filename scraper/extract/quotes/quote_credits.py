"""Credits after a quotation with no speech verb: the sentence says whose words they were.

French and German news (and English less often) close a quotation with a sentence that hands it to
its author without a verb of saying: "La réaction est signée X", "Le constat est celui de X", "La
phrase est de X", "Mots de X", "dixit X", "Der Satz stammt von X", "Die Worte kamen von X", "So X,
die Bürgermeisterin.", "The words were those of X". The patterns are read by quote_after.after_quote,
right after the closing mark; each gives the speaker phrase as "spk" and an empty "verb".
"""

from __future__ import annotations

import re

# The speaker phrase: up to seven words to a comma, a sentence end or the paragraph's end, with a full
# name's appositive after a comma left to the caller ("X, maire de Vesoul").
_SPK = r"(?P<verb>)(?P<spk>[^\s,.;:!?\"“”„«»()]+(?:\s+[^\s,.;:!?\"“”„«»()]+){0,6}?)(?=\s*(?:[,.;:!?)—–]|$))"
# The subject naming what was said: a capitalized article or demonstrative, then up to three words
# ("La réaction", "Ce cri du cœur", "Der Satz", "Die deutlichen Worte", "The line").
_WHAT = (
    r"(?:L[ae]s?|L[’']|Cette|Cet|Ce|Ces|De[rs]|Die|Das|Diese[rs]?|The|That|This|Those|These)"
    r"\s*[\w’'\-]+(?:\s+[\w’'\-]+){0,3}"
)
# How the sentence hands the words to their author: French "est signée", "est celui/celle de", "est
# de", "vient de", "émane de"; German "stammt von", "kam von", "kommt aus dem Mund von"; English
# "came from", "were those of", "belong to".
_HANDED = (
    r"(?:est|était|sont|étaient)\s+(?:signée?s?(?:\s+par)?|(?:celui|celle|ceux|celles)\s+d[e’']|d[e’'])|"
    r"(?:vient|venait|viennent|émane|émanait|émanent)\s+d[e’']|"
    r"(?:stammt|stammte|stammen|stammten|kommt|kam|kommen|kamen)\s+(?:aus\s+dem\s+Mund\s+)?von|"
    r"(?:came|comes|come)\s+from|(?:is|was|are|were)\s+(?:those|that)\s+of"
)
AFTER_CREDIT = re.compile(rf"^\s*{_WHAT}\s+(?:{_HANDED})\s*{_SPK}")
# A noun of words or a Latin "dixit" before the author, with no verb: 'Mots de X.', '— dixit X',
# '« ... », paroles de X'.
AFTER_WORDS_OF = re.compile(
    rf"^[\s,—–\-]*(?:(?:[Mm]ots|[Pp]aroles|[Pp]ropos)\s+d[e’']\s*|[Dd]ixit\s+|[Ww]orte\s+von\s+){_SPK}"
)
# German "So X." opening the sentence after the quotation (a lower-case "so" after a comma is read with
# "laut": quote_after.AFTER_ACCORDING): the author, then the sentence's end, an appositive or a time.
AFTER_SO = re.compile(
    r"^\s+So\s+(?P<verb>)(?P<spk>(?:(?:der|die)\s+)?[A-ZÄÖÜ][\w\-]*(?:\s+[A-ZÄÖÜ][\w\-]*){0,2})"
    r"(?=\s*(?:[,.;:!?]|$)|\s+(?:am|im|gegenüber|bei|auf|in)\s)"
)
