"""The corpus report (`scraper report`): one self-contained HTML page about a crawl's output.

summary.py reads records into a `Summary` of bounded counters in one streaming pass; reader.py feeds
it from JSONL files; charts.py turns a Summary into Vega-Lite specs; render.py writes the page with
the Vega JavaScript inlined. Uses the standard library, vl-convert-python and scraper.progress
(and scraper.compact_set); never Scrapy.
"""

from __future__ import annotations

from scraper.report.reader import read_inputs
from scraper.report.render import render_report
from scraper.report.summary import Summary

__all__ = ["Summary", "read_inputs", "render_report"]
