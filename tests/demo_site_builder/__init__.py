"""Generates the bundled demo site (scraper/demo_site/): `python -m tests.demo_site_builder`.

Every story, person and company on the demo site is fictional; only the page layouts imitate real
syndicators' markup styles (Yahoo Finance, MSN, AOL, Yahoo News with Reuters, a local paper with AP,
a Conversation republication, a newspaper's own articles).
"""
