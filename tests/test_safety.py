"""The pure guards: URL/SSRF checks, safe XML parsing and bounded decompression."""

from __future__ import annotations

import gzip
import time
import zlib

import pytest

from scraper import safety

NO_ALLOW = safety.parse_allow_list([])
PUBLIC = ["93.184.216.34"]


def _lol(levels: int = 9) -> bytes:
    decls = [b'<!ENTITY lol0 "lol">']
    for i in range(1, levels + 1):
        decls.append(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1)) * 10))
    return (
        b'<?xml version="1.0"?><!DOCTYPE urlset [' + b"".join(decls) + b"]>"
        b"<urlset><url><loc>&lol%d;</loc></url></urlset>" % levels
    )


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/", "http://app.localhost/", "http://127.0.0.1/", "http://127.1/",
        "http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/", "http://10.0.0.1/",
        "http://172.16.5.4/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/", "http://0.0.0.0/", "http://[::1]/", "http://[::ffff:127.0.0.1]/",
        "http://[fe80::1]/", "http://[fd00::1]/", "http://224.0.0.1/",
    ],
)
def test_private_addresses_are_blocked(url: str) -> None:
    assert safety.url_block_reason(url, NO_ALLOW) == "private_address"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "scheme_not_allowed"),
        ("ftp://example.com/x", "scheme_not_allowed"),
        ("gopher://example.com/", "scheme_not_allowed"),
        ("data:text/html,hi", "scheme_not_allowed"),
        ("javascript:alert(1)", "scheme_not_allowed"),
        ("http:///nohost", "malformed_url"),
        ("http://[::1/", "malformed_url"),
    ],
)
def test_bad_schemes_and_malformed_urls(url: str, reason: str) -> None:
    assert safety.url_block_reason(url, NO_ALLOW) == reason


def test_public_hosts_pass_and_dns_results_are_checked() -> None:
    assert safety.url_block_reason("https://example.com/a", NO_ALLOW, lambda h: PUBLIC) is None
    assert safety.url_block_reason("http://8.8.8.8/", NO_ALLOW) is None
    rebound = safety.url_block_reason("http://evil.test/", NO_ALLOW, lambda h: ["10.0.0.7"])
    assert rebound == "private_address"


def test_allow_list_by_name_address_and_network() -> None:
    allow = safety.parse_allow_list(["127.0.0.1", "Intranet.Example", "10.1.0.0/16", " "])
    assert safety.url_block_reason("http://127.0.0.1:8080/x", allow) is None
    assert safety.url_block_reason("http://intranet.example/", allow, lambda h: ["10.9.9.9"]) is None
    assert safety.url_block_reason("http://10.1.2.3/", allow) is None
    assert safety.url_block_reason("http://10.2.0.1/", allow) == "private_address"
    assert safety.url_block_reason("http://127.0.0.2/", allow) == "private_address"
    assert safety.url_block_reason("http://[::1]/", allow) == "private_address"
    assert safety.url_block_reason("file:///etc/passwd", allow) == "scheme_not_allowed"


def test_billion_laughs_is_refused_quickly() -> None:
    start = time.monotonic()
    with pytest.raises(safety.UnsafeXML) as err:
        safety.parse_xml(_lol())
    assert err.value.reason == "unsafe_xml"
    assert time.monotonic() - start < 1


def test_entities_are_refused_in_any_encoding() -> None:
    utf16 = _lol().replace(b'version="1.0"', b'version="1.0" encoding="utf-16"').decode().encode("utf-16")
    with pytest.raises(safety.UnsafeXML):
        safety.parse_xml(utf16)


def test_external_entities_are_refused() -> None:
    xxe = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'
    with pytest.raises(safety.UnsafeXML):
        safety.parse_xml(xxe)


def test_plain_and_recoverable_xml_parses() -> None:
    root = safety.parse_xml(b"<urlset><url><loc>http://a/1</loc></url><url><loc>http://a/2</loc></urlset>")
    assert [loc.text for loc in root.iter("loc")] == ["http://a/1", "http://a/2"]


@pytest.mark.parametrize("data", [b"", b"\x00\xff\xfe garbage", b"   ", b"not xml at all"])
def test_garbage_xml_raises_malformed(data: bytes) -> None:
    with pytest.raises(safety.UnsafeXML) as err:
        safety.parse_xml(data)
    assert err.value.reason == "malformed_xml"


def test_oversized_xml_is_refused_before_parsing() -> None:
    with pytest.raises(safety.UnsafeXML) as err:
        safety.parse_xml(b"<a>" + b"x" * 2000 + b"</a>", max_bytes=1000)
    assert err.value.reason == "xml_too_large"


def test_deep_xml_does_not_crash() -> None:
    deep = b"<a>" * 50_000 + b"</a>" * 50_000
    try:
        safety.parse_xml(deep)
    except safety.UnsafeXML as err:
        assert err.reason == "malformed_xml"


def test_gzip_bomb_stops_at_the_limit() -> None:
    bomb = gzip.compress(b"\0" * (20 * 1024 * 1024))
    start = time.monotonic()
    with pytest.raises(safety.TooLarge) as err:
        safety.decompress(bomb, "gzip", 1024 * 1024)
    assert err.value.reason == "decompression_bomb"
    assert time.monotonic() - start < 1


def test_deflate_bomb_stops_at_the_limit() -> None:
    with pytest.raises(safety.TooLarge):
        safety.decompress(zlib.compress(b"\0" * (5 * 1024 * 1024)), "deflate", 100_000)


def test_decompress_variants() -> None:
    assert safety.decompress(gzip.compress(b"ab") + gzip.compress(b"cd"), "x-gzip", 10) == b"abcd"
    assert safety.decompress(gzip.compress(b"ab") + b"trailing junk", "gzip", 10) == b"ab"
    assert safety.decompress(zlib.compress(b"hello"), "deflate", 10) == b"hello"
    assert safety.decompress(zlib.compress(b"hello")[2:-4], "deflate", 10) == b"hello"
    assert safety.decompress(gzip.compress(b"hello world")[:-8], "gzip", 100) == b"hello world"
    with pytest.raises(zlib.error):
        safety.decompress(b"not gzip", "gzip", 100)
    with pytest.raises(ValueError):
        safety.decompress(b"x", "br", 100)


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"%PDF-1.7\n", True), (b"\x89PNG\r\n\x1a\n", True), (b"\xff\xd8\xff\xe0", True),
        (bytes(range(256)) * 16, True), (b"<html><body>caf\xe9</body></html>", False),
        ("<p>日本語</p>".encode("shift_jis"), False), (b"\xff\xfe<\x00p\x00>\x00", False), (b"", False),
        (b"\x1b$B<p>iso-2022-jp</p>\x1b(B", False),
    ],
)
def test_looks_binary(data: bytes, binary: bool) -> None:
    assert safety.looks_binary(data) is binary


def test_parse_xml_or_none_tells_malformed_from_hostile() -> None:
    assert safety.parse_xml_or_none(b"%PDF-1.7 not xml at all") is None
    assert safety.parse_xml_or_none(b"<urlset><url><loc>http://a/1</loc></url></urlset>") is not None
    with pytest.raises(safety.UnsafeXML):
        safety.parse_xml_or_none(_lol())
