"""The image feature: images (extract_images, split_caption_credit), image_candidates, image_beside,
image_sources, image_captions.

Pure functions over lxml trees: may import the standard library, lxml and scraper.extract's shared
modules (text, urls, metadata); never Scrapy or the rest of scraper/.
"""
