"""Item pipelines: thin stages over the extraction core (see pipelines.stages); their logic lives in scraper/.

May import Scrapy and scraper/; never spiders/.
"""

from pipelines.pool import ExtractPoolPipeline
from pipelines.stages import DedupePipeline, FieldsPipeline, TickerPipeline, ValidatePipeline
from pipelines.stories import StoryPipeline

__all__ = [
    "DedupePipeline",
    "ExtractPoolPipeline",
    "FieldsPipeline",
    "StoryPipeline",
    "TickerPipeline",
    "ValidatePipeline",
]
