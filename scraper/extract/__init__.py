"""Pure extraction functions over lxml trees: no Scrapy here."""
