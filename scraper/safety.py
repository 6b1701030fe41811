"""Pure guards against hostile input: URL/SSRF checks, safe XML parsing, bounded decompression.

Scrapy-free on purpose: the crawl's middlewares (`scraper/crawl/guards.py`) and the spiders call these,
and they are unit-tested without a reactor.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml import etree

ALLOWED_SCHEMES = frozenset({"http", "https"})
# A sitemap may hold 50,000 URLs in 50 MB uncompressed (sitemaps.org); feeds are far smaller.
MAX_XML_BYTES = 50 * 1024 * 1024
_CHUNK = 64 * 1024
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_BINARY_MAGIC = (
    b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"RIFF", b"\x00\x00\x01\x00",
)
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
# Text (any encoding but UTF-16/32) has next to no control bytes; binary data has ~12% of them.
MAX_CONTROL_SHARE = 0.05

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str], Iterable[str]]


class GuardError(ValueError):
    """Input refused by a guard; `reason` is the short code counted in stats and failures.jsonl."""

    reason = "guard"

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        if reason:
            self.reason = reason


class BlockedURL(GuardError):
    reason = "blocked_url"


class UnsafeXML(GuardError):
    reason = "unsafe_xml"


class TooLarge(GuardError):
    reason = "decompression_bomb"


@dataclass(frozen=True)
class AllowList:
    """Hosts (exact names) and IP networks that may be fetched even though they are private."""

    hosts: frozenset[str] = frozenset()
    networks: tuple[IPNetwork, ...] = ()

    def allows_host(self, host: str) -> bool:
        return host.lower().rstrip(".") in self.hosts

    def allows_address(self, address: IPAddress) -> bool:
        return any(address.version == net.version and address in net for net in self.networks)


def parse_allow_list(entries: Iterable[str]) -> AllowList:
    """Build an AllowList from setting values: host names, IP addresses or CIDR networks."""
    hosts: set[str] = set()
    networks: list[IPNetwork] = []
    for raw in entries:
        entry = raw.strip().lower().strip("[]")
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            hosts.add(entry.rstrip("."))
    return AllowList(frozenset(hosts), tuple(networks))


def scheme_block_reason(url: str) -> str | None:
    """'scheme_not_allowed' for anything but http(s) (file://, ftp://, data:, javascript:...)."""
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    return None if scheme in ALLOWED_SCHEMES else "scheme_not_allowed"


def literal_address(host: str) -> IPAddress | None:
    """The IP a host names without DNS: dotted, IPv6, and legacy forms like '127.1' or '2130706433'."""
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if re.fullmatch(r"(?:0x[0-9a-f]+|\d+)(?:\.(?:0x[0-9a-f]+|\d+)){0,3}", host, re.I):
        try:  # inet_aton accepts the shorthand forms that getaddrinfo would also accept
            return ipaddress.ip_address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def is_public_address(address: IPAddress) -> bool:
    """False for loopback, private, link-local (cloud metadata), CGNAT, multicast, reserved..."""
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour
        if mapped is not None:
            return is_public_address(mapped)
    return address.is_global and not address.is_multicast


def is_local_name(host: str) -> bool:
    """Names that always mean this machine (RFC 6761), whatever DNS says."""
    host = host.lower().rstrip(".")
    return host in {"localhost", "localhost.localdomain"} or host.endswith(".localhost")


def address_block_reason(host: str, addresses: Iterable[str], allow: AllowList) -> str | None:
    """'private_address' when host (or any address it resolves to) is non-public and not allowed."""
    if allow.allows_host(host):
        return None
    if is_local_name(host):
        return "private_address"
    literal = literal_address(host)
    candidates = [literal] if literal is not None else [_to_ip(a) for a in addresses]
    for address in candidates:
        if address is None or allow.allows_address(address):
            continue
        if not is_public_address(address):
            return "private_address"
    return None


def _to_ip(text: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None


def url_block_reason(url: str, allow: AllowList, resolve: Resolver | None = None) -> str | None:
    """Why url must not be fetched (scheme, missing host, private address), or None when fine.

    `resolve` maps a host name to its addresses; without it only literal addresses are checked.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return "malformed_url"
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        return "scheme_not_allowed"
    if not host:
        return "malformed_url"
    needs_dns = literal_address(host) is None and not is_local_name(host) and not allow.allows_host(host)
    addresses = list(resolve(host)) if resolve is not None and needs_dns else []
    return address_block_reason(host, addresses, allow)


def looks_binary(data: bytes, sample: int = 4096) -> bool:
    """True for bodies that are not text whatever the header says: file signatures, control bytes."""
    head = data[:sample]
    if not head or head.startswith(_UTF16_32_BOMS):
        return False
    if head.startswith(_BINARY_MAGIC):
        return True
    return len(_CONTROL_BYTES.findall(head)) > MAX_CONTROL_SHARE * len(head)


def parse_xml(data: bytes, max_bytes: int = MAX_XML_BYTES, recover: bool = True) -> etree._Element:
    """Parse a sitemap or feed safely: no entity expansion, no network, no DTD, bounded size and depth.

    Raises UnsafeXML for entity declarations (billion laughs, XXE) and for documents that are too
    large or not XML at all, so callers can count the reason instead of crashing.
    """
    if len(data) > max_bytes:
        raise UnsafeXML(f"XML document of {len(data)} bytes exceeds {max_bytes}", "xml_too_large")
    if _ENTITY_DECL.search(data[:_CHUNK * 16]):
        raise UnsafeXML("XML declares entities (possible entity expansion or XXE attack)")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        recover=recover, remove_comments=True, remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise UnsafeXML(f"malformed XML: {exc}", "malformed_xml") from exc
    if root is None:
        raise UnsafeXML("no XML document element", "malformed_xml")
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise UnsafeXML("XML declares entities (possible entity expansion or XXE attack)")
    return root


def parse_xml_or_none(data: bytes) -> etree._Element | None:
    """parse_xml for documents that may simply not be XML: None when malformed, UnsafeXML when hostile."""
    try:
        return parse_xml(data)
    except UnsafeXML as exc:
        if exc.reason != "malformed_xml":
            raise
        return None


def decompress(body: bytes, encoding: str, max_size: int) -> bytes:
    """Decode a gzip or deflate body, raising TooLarge as soon as output passes max_size bytes."""
    encoding = encoding.strip().lower()
    if encoding in {"gzip", "x-gzip"}:
        return _inflate(body, zlib.MAX_WBITS | 16, max_size)
    if encoding == "deflate":
        try:  # RFC says zlib-wrapped; many servers send raw deflate
            return _inflate(body, zlib.MAX_WBITS, max_size)
        except zlib.error:
            return _inflate(body, -zlib.MAX_WBITS, max_size)
    raise ValueError(f"unsupported content encoding {encoding!r}")


def _inflate(body: bytes, wbits: int, max_size: int) -> bytes:
    """Inflate every member (concatenated gzip members included) in bounded steps."""
    out = bytearray()
    data = body
    while data:
        inflater = zlib.decompressobj(wbits)
        try:
            while data and not inflater.eof:
                limit = max(1, max_size + 1 - len(out)) if max_size else 0
                out += inflater.decompress(data, limit)
                data = inflater.unconsumed_tail
                if max_size and len(out) > max_size:
                    raise TooLarge(f"decompressed body exceeds {max_size} bytes (compressed {len(body)})")
        except zlib.error:
            if not out:
                raise
            break  # trailing garbage after a complete member: ignored, like browsers do
        if not inflater.eof:
            break  # truncated stream: keep what was decoded
        data = inflater.unused_data
    return bytes(out)
