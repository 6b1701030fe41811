"""URL helpers that never raise: page-supplied URLs are untrusted ('http://[::1' breaks urllib)."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit


def join_url(base: str | None, link: str | None) -> str | None:
    """link resolved against base; link unchanged when either is missing or malformed."""
    if not base or not link:
        return link
    try:
        return urljoin(base, link)
    except ValueError:
        return link


def url_hostname(url: str | None) -> str:
    """The URL's lowercased host name, or '' when there is none or the URL is malformed."""
    if not url:
        return ""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def bare_host(url: str | None) -> str:
    """The host without a leading "www." ('' when there is none)."""
    return url_hostname(url).removeprefix("www.")


def is_absolute(value: str) -> bool:
    """Whether a page-supplied value is a URL rather than a name."""
    return value.startswith(("http://", "https://", "//", "www."))


def is_deep_link(href: str | None, url: str | None) -> bool:
    """An off-site link to a page (not a home page): what "the original" can point to."""
    if not href or not is_absolute(href):
        return False
    host = bare_host(href)
    path = href.split(host, 1)[-1] if host else ""
    return bool(host) and host != bare_host(url) and len(path.strip("/")) > 1
