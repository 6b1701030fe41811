"""Scrapy add-on: a default output file when the command line gives none (-o/-O) and FEEDS is empty."""

from __future__ import annotations

from scrapy.settings import Settings


class DefaultFeed:
    """Writes to DEFAULT_FEED (jsonlines, UTF-8) unless some feed is configured.

    A plain FEEDS entry in the settings would be merged with -o/-O and write a second copy, hence
    an add-on, which runs after the command line has set its feeds.
    """

    def update_settings(self, settings: Settings) -> None:
        uri = settings.get("DEFAULT_FEED")
        if uri and not settings.getdict("FEEDS"):
            settings.set("FEEDS", {uri: {"format": "jsonlines", "encoding": "utf-8"}}, priority="addon")
