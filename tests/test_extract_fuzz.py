"""Property: `extract_article` never raises, never hangs, and always returns a schema-valid record.

Hypothesis mutates small fixture pages (truncation, byte flips, inserted tags, deep nesting, huge
attributes, re-encoding with right or wrong charset declarations). The default run keeps to a few
seconds per test; set SYNDISCRAPE_FUZZ_EXAMPLES=20000 (per test) for a soak run.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper.extract.article import extract_article
from scraper.record import validation_errors

FIXTURES = Path(__file__).parent / "fixtures" / "hostile"
PAGES = {p.name: p.read_bytes() for p in sorted(FIXTURES.glob("*")) if p.suffix in {".html", ".txt"}}
EXAMPLES = int(os.environ.get("SYNDISCRAPE_FUZZ_EXAMPLES", "600"))
# Generous per-call ceiling: a real hang, not a slow CI machine, should trip it.
HANG_SECONDS = float(os.environ.get("SYNDISCRAPE_FUZZ_HANG_SECONDS", "10"))

settings.register_profile(
    "fuzz",
    max_examples=EXAMPLES,
    deadline=None,  # the alarm below catches hangs; hypothesis deadlines flake on shared CPUs
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=os.environ.get("SYNDISCRAPE_FUZZ_RANDOM") is None,
)
FUZZ = settings.get_profile("fuzz")

TAGS = [
    b"<div>", b"</div>", b"<p>", b"</p>", b"<h1>", b"</h1>", b"<script>", b"</script>", b"<style>",
    b"<!--", b"-->", b"<![CDATA[", b"]]>", b"<table><tr><td>", b"</td></tr></table>", b"<figure>",
    b"<figcaption>", b"<li>", b"<ul>", b"</ul>", b"<br/>", b"<svg><foreignObject>", b"<math>",
    b"<template>", b"<noscript>", b"<iframe>", b"<textarea>", b"<plaintext>", b"<frameset>",
    b'<meta charset="shift_jis">', b'<meta charset="utf-16">', b'<meta charset="x-bogus">',
    b'<?xml version="1.0" encoding="utf-32"?>', b"<!DOCTYPE html>", b"&#0;", b"&#x110000;",
    b"&bogus;", b"&amp", b'<script type="application/ld+json">{"@type":"NewsArticle","headline":',
    b'<meta property="article:published_time" content="99999-99-99T99:99">',
    b'<meta property="og:title" content="">', b'<link rel="canonical" href="http://[::1">',
    b"<h1></h1>", b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\r", "\u2028".encode(),
]
ENCODINGS = ["utf-8", "cp1252", "latin-1", "shift_jis", "euc-jp", "gb18030", "koi8-r", "utf-16", "utf-32"]
CONTENT_TYPES = [
    None, "text/html", "text/html; charset=utf-8", "text/html; charset=shift_jis",
    "text/html; charset=latin-1", "text/plain", "application/pdf", "text/html; charset=bogus",
]


def _truncate(data: bytes, at: int) -> bytes:
    return data[: at % (len(data) + 1)]


def _flip(data: bytes, at: int, value: int) -> bytes:
    if not data:
        return bytes([value])
    i = at % len(data)
    return data[:i] + bytes([value]) + data[i + 1 :]


def _insert(data: bytes, at: int, piece: bytes) -> bytes:
    i = at % (len(data) + 1)
    return data[:i] + piece + data[i:]


def _reencode(data: bytes, encoding: str, declare: str | None) -> bytes:
    text = data.decode("utf-8", "replace")
    if declare is not None:
        text = text.replace('charset="utf-8"', f'charset="{declare}"').replace(
            "charset=utf-8", f"charset={declare}"
        )
    return text.encode(encoding, "replace")


MUTATIONS: st.SearchStrategy[Callable[[bytes], bytes]] = st.one_of(
    st.builds(lambda at: lambda d: _truncate(d, at), st.integers(0, 1 << 16)),
    st.builds(lambda at, v: lambda d: _flip(d, at, v), st.integers(0, 1 << 16), st.integers(0, 255)),
    st.builds(lambda at, t: lambda d: _insert(d, at, t), st.integers(0, 1 << 16), st.sampled_from(TAGS)),
    st.builds(
        lambda at, b: lambda d: _insert(d, at, b), st.integers(0, 1 << 16), st.binary(min_size=1, max_size=64)
    ),
    st.builds(
        lambda at, n, tag: lambda d: _insert(d, at, tag * n),
        st.integers(0, 1 << 16),
        st.integers(1, 50_000),
        st.sampled_from([b"<div>", b"<b><i>", b"<table>", b"<q>"]),
    ),
    st.builds(
        lambda at, n, name: lambda d: _insert(d, at, b"<a " + name + b'="' + b"x" * n + b'">'),
        st.integers(0, 1 << 16),
        st.integers(1, 300_000),
        st.sampled_from([b"href", b"title", b"class", b"x"]),
    ),
    st.builds(
        lambda enc, dec: lambda d: _reencode(d, enc, dec),
        st.sampled_from(ENCODINGS), st.sampled_from([None, "utf-8", "shift_jis", "cp1252", "utf-16"]),
    ),
)


@contextmanager
def no_hang(seconds: float = HANG_SECONDS) -> Iterator[None]:
    """Fail (instead of hanging the suite) when the body runs longer than seconds."""

    def _expired(signum: int, frame: Any) -> None:
        raise TimeoutError(f"extract_article ran longer than {seconds}s")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_extract(data: bytes | str, url: str | None, content_type: str | None) -> None:
    with no_hang():
        record = extract_article(data, url=url, content_type=content_type)
    assert validation_errors(record) == [], (validation_errors(record), record)


@FUZZ
@given(
    page=st.sampled_from(sorted(PAGES)),
    mutations=st.lists(MUTATIONS, min_size=1, max_size=4),
    url=st.sampled_from([None, "http://127.0.0.1:8000/news/a.html", "https://example.com/x?y=1#z"]),
    content_type=st.sampled_from(CONTENT_TYPES),
)
def test_mutated_pages_extract_cleanly(
    page: str, mutations: list[Callable[[bytes], bytes]], url: str | None, content_type: str | None
) -> None:
    data = PAGES[page]
    for mutate in mutations:
        data = mutate(data)
    check_extract(data, url, content_type)


@FUZZ
@given(page=st.sampled_from(sorted(PAGES)), mutations=st.lists(MUTATIONS, min_size=1, max_size=3))
def test_mutated_pages_as_text_extract_cleanly(page: str, mutations: list[Callable[[bytes], bytes]]) -> None:
    data = PAGES[page]
    for mutate in mutations:
        data = mutate(data)
    check_extract(data.decode("utf-8", "replace"), None, None)


@FUZZ
@given(
    data=st.one_of(st.binary(max_size=4096), st.text(max_size=2048)),
    url=st.one_of(st.none(), st.text(max_size=40)),
)
def test_arbitrary_input_extracts_cleanly(data: bytes | str, url: str | None) -> None:
    check_extract(data, url, None)


@pytest.mark.parametrize(
    "data",
    [
        b"", b" ", b"\x00" * 1000, b"<", b"<html", b"<?xml version='1.0'?>",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, b'{"headline": "json under .html"}',
        b"<html><body>" + b"<div>" * 50_000 + b"<p>deep</p>" + b"</div>" * 50_000 + b"</body></html>",
        b"<html><body>" + b"<span>" * 50_000 + b"text", b"<p>" + b"&amp;" * 200_000 + b"</p>",
        b'<html><head><script type="application/ld+json">' + b"[" * 100_000 + b"]" * 100_000 + b"</script>",
        b'<a href="' + b"x" * 5_000_000 + b'">', b"\xff\xfe" + "<p>utf16</p>".encode("utf-16-le"),
    ],
    ids=[
        "empty", "space", "nuls", "lt", "open", "xmldecl", "pdf", "png", "json", "div50k", "span50k",
        "entities", "jsonld_nesting", "huge_attribute", "utf16_bom",
    ],
)
def test_known_hostile_inputs(data: bytes) -> None:
    check_extract(data, "http://127.0.0.1/x.html", None)
