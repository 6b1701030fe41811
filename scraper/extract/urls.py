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
