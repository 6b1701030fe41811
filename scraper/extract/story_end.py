"""Where the story ends: labels that head what follows it on the page (a comment thread, other
stories) and the lines blog engines print around the comment area.

Judged on the paragraphs the main-content rules kept, where the thread's or the box's markup carried no
comment, related or teaser class for the prunes to see.
"""

from __future__ import annotations

import re

# The lines blog engines print around a post's comment area and trackbacks (WordPress, TypePad,
# Movable Type, Blogger themes): standard strings that are never the post's text, whatever the site.
_COMMENT_AREA = re.compile(
    r"^(?:no comments yet|post a comment|leave a (?:reply|comment)"
    r"|(?:the )?comments (?:to this entry )?are closed)\W*$"
    r"|^trackback ur[li]\b|^listed below are links to weblogs that reference"
    r"|^you can follow any responses to this entry|^rss feed for comments on this post"
    r"|^(?:name|e-?mail|mail|website)\s*\((?:required|will not be published)\)",
    re.IGNORECASE,
)
# Blog engines' thread headings in English, German, French and Spanish ("3 Kommentare zu „…“",
# "2 réflexions sur « … »", "5 respuestas a «…»").
_THREAD_HEADING = re.compile(
    r"^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:responses?|comments?|replies|thoughts?|reactions?|kommentare?|gedanken|antworten|"
    r"commentaires?|réflexions?|réponses?|comentarios?|respuestas?)\s+"
    r"(?:to|on|zu|sur|à|en|a|de)\s+[\"“'‘«„‚]", re.I
)
# A label heading a box of other stories at the story's end ("More from The Nation", "Also on HuffPost:",
# "Elsewhere on the BBC", "You might also like", "More world news:", "Similar posts:", "Popular
# tutorials", "Explore related content"); not "See also" or "Further reading",
# which head an encyclopedic article's own sections, nor a pointer within the story ("More on that
# below"). Not "Related stories" or "Most popular" either: pages set those boxes inside the story, whose
# text goes on below them.
_RELATED_LABEL = re.compile(
    r"^(?:(?:more (?:from|on|at)|also on|elsewhere on|other stories from"
    r"|you (?:may|might) also (?:like|enjoy))\b(?![^.!?]*\b(?:below|later|soon|next)\b)[^.!?]{0,40}"
    # a list of other items named by what they are: more of the site's news, similar or popular posts
    r"|more(?: [\w-]+){0,3} (?:news|stories|headlines)(?: from [^.!?]{1,25})?"
    r"|similar (?:posts|threads|articles|stories|entries)|explore related content"
    r"|(?:popular|top) (?:posts|tutorials|headlines|news headlines|this week))"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
# A label heading the comment area, as comment systems and blog engines print it: "Comments",
# "12 Comments", "Comments (7)", "Reader comments:", "Trackback Pings". Not "Comment" alone (a section
# of opinion pieces) nor "TrackBack" alone (aggregator pages put it under every post).
_COMMENTS_LABEL = re.compile(
    r"^(?:\d+\s+)?(?:(?:reader|user|readers[’']?)\s+)?comments(?:\s*\(\d+\))?\s*:?\s*$"
    r"|^trackback pings\s*:?\s*$",
    re.IGNORECASE,
)
END_LABEL_MAX_CHARS = 60
END_MIN_STORY_CHARS = 300  # story text before the label: a label above it is out of reading order
THREAD_HEADING_MAX_CHARS = 200  # a heading, not a paragraph that happens to start with a count


def until_comment_thread(paragraphs: list[str]) -> list[str]:
    """Paragraphs before a comment thread's heading ("One Response to “Title”", "46 Comments on
    “Title”", as blog engines head the thread), which the prunes missed when the thread's markup
    carries no comment class."""
    for index, paragraph in enumerate(paragraphs):
        if index and len(paragraph) <= THREAD_HEADING_MAX_CHARS and _THREAD_HEADING.match(paragraph):
            return paragraphs[:index]
    return paragraphs


def until_end_label(paragraphs: list[str]) -> list[str]:
    """Paragraphs before a label that heads other stories ("More from <site>", "Also on <site>:") or
    the comment area ("Comments", "Comments (7)"), which the prunes missed when the box's markup
    carries no related, teaser or comment class: past the story's end, nothing is the story."""
    before = 0
    for index, paragraph in enumerate(paragraphs):
        if (before >= END_MIN_STORY_CHARS and len(paragraph) <= END_LABEL_MAX_CHARS
                and (_RELATED_LABEL.match(paragraph) or _COMMENTS_LABEL.match(paragraph))):
            return paragraphs[:index]
        before += len(paragraph)
    return paragraphs


def without_comment_area(paragraphs: list[str]) -> list[str]:
    """Paragraphs without the lines blog engines print around the comment area ("No comments yet.",
    "TrackBack URL for this entry: ...", "Name (required)"). Applied to the final body only: the
    region choices that count furniture (the precise cascade, the prose container) stay as they were."""
    return [p for p in paragraphs if len(p) > THREAD_HEADING_MAX_CHARS or not _COMMENT_AREA.search(p)]
