"""The Redis connection of the cluster's Scrapy components, made from the crawl's settings."""

from __future__ import annotations

from typing import Any

from scrapy.settings import BaseSettings


def get_redis_from_settings(settings: BaseSettings) -> Any:
    """scrapy-redis's client for REDIS_URL (and REDIS_PARAMS); scrapy-redis is imported only when called."""
    from scrapy_redis.connection import get_redis_from_settings as connect

    return connect(settings)
