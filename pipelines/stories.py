"""The stories stage: `story_id` on each article as the crawl writes it (scraper/stories/online.py).

Off unless STORIES_ENABLED. It must see exactly the records that are written, in the order they are
written: so it comes after every stage that may drop one (DedupePipeline, and the incremental stage
of `scraper crawl`), and it is off in a distributed crawl, where each worker sees only its share.
"""

from __future__ import annotations

import glob
import logging
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from pipelines.stages import Stage
from scraper.crawl.items import PageItem

logger = logging.getLogger(__name__)


def seed_paths(patterns: list[str], state_output: str | None = None) -> list[str]:
    """Files named by STORIES_SEED, in order (a pattern gives its matches sorted by name), then the
    file `scraper crawl` appends to when it already has lines (-o FILE, or a resumed run's part file).
    """
    paths: list[str] = []
    for pattern in patterns:
        paths.extend(sorted(glob.glob(pattern)) if glob.has_magic(pattern) else [pattern])
    if state_output and Path(state_output).is_file() and Path(state_output).stat().st_size:
        named = {Path(path).resolve() for path in paths}
        if Path(state_output).resolve() not in named:
            paths.append(state_output)
    return paths


class StoryPipeline(Stage):
    """Set `story_id` on every article written: the story of this crawl (and its seeds) it joins."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        # Imported here: datasketch and numpy cost half a second, paid only by crawls that use stories.
        from scraper.stories.online import StoryTracker
        from scraper.stories.similarity import DEFAULT_THRESHOLD

        settings = crawler.settings
        self.tracker = StoryTracker(settings.getfloat("STORIES_THRESHOLD", DEFAULT_THRESHOLD))
        seeds = seed_paths(settings.getlist("STORIES_SEED"), settings.get("STATE_OUTPUT"))
        if seeds:
            self._seed(seeds)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StoryPipeline:
        if not crawler.settings.getbool("STORIES_ENABLED"):
            raise NotConfigured("STORIES_ENABLED is off")
        if crawler.settings.get("REDIS_URL"):
            logger.warning("STORIES_ENABLED is ignored in a distributed crawl: cluster its output instead")
            raise NotConfigured("distributed crawl")
        return cls(crawler)

    def _seed(self, paths: list[str]) -> None:
        problems = self.tracker.seed(paths)
        self.stats.set_value("stories/seeded_records", self.tracker.records)
        if problems:
            detail = ", ".join(f"{count} {reason}" for reason, count in sorted(problems.items()))
            logger.warning("STORIES_SEED: skipped %d bad inputs (%s)", sum(problems.values()), detail)
        logger.info("Stories: %d records read first from %s", self.tracker.records, ", ".join(paths))

    def process_item(self, item: Any) -> Any:
        if isinstance(item, PageItem):
            return item
        assignment = self.tracker.add(item)
        if assignment is None:
            return item
        item["story_id"] = assignment.story_id
        self.stats.inc_value("stories/joined" if assignment.joined else "stories/new")
        if assignment.merged:
            # Members already written keep the ids they got; `scraper cluster` would give them this one.
            self.stats.inc_value("stories/merged")
            logger.info(
                "Stories: %s joins story %s to %s (written members keep their ids)",
                item.get("url"), ", ".join(assignment.merged), assignment.story_id,
            )
        return item

    def spider_closed(self) -> None:
        self.tracker.close()
