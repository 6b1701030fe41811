"""Turn syndicated news pages into clean article records."""

from scraper.extract.article import extract_article

__all__ = ["extract_article"]
__version__ = "0.1.0"
