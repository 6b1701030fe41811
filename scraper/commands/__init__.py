"""Subcommands of the `scraper` console script."""
