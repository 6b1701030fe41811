"""Scrapy's request dupefilter with its seen fingerprints in a CompactSet (8 bytes each, not ~90).

Same filtering and same JOBDIR file as `RFPDupeFilter`: `requests.seen` still holds each full
fingerprint (2-byte length + bytes), so a job can be resumed by either filter.
"""

from __future__ import annotations

from pathlib import Path

from scrapy.dupefilters import RFPDupeFilter, _read_fingerprints
from scrapy.http import Request
from scrapy.utils.request import RequestFingerprinterProtocol

from scraper.compact_set import CompactSet, key64

_SIZE_BYTES = 2  # the length prefix of a fingerprint in requests.seen (as scrapy writes it)


class CompactDupeFilter(RFPDupeFilter):
    """RFPDupeFilter keeping the first 8 bytes of each request fingerprint (collisions ~ n^2 / 2^65)."""

    def __init__(
        self,
        path: str | None = None,
        debug: bool = False,
        *,
        fingerprinter: RequestFingerprinterProtocol | None = None,
    ) -> None:
        # The parent would load the whole file into its set of bytes: it opens nothing here.
        super().__init__(None, debug, fingerprinter=fingerprinter)
        self.seen_keys = CompactSet()
        if path:
            self.file = Path(path, "requests.seen").open("a+b")  # noqa: SIM115 (closed by close())
            self.file.seek(0)
            self.seen_keys.update(key64(fp) for fp in _read_fingerprints(self.file.read()))

    def request_seen(self, request: Request) -> bool:
        fp = self._fingerprint(request)
        if not self.seen_keys.add(key64(fp)):
            return True
        if self.file:
            self.file.write(len(fp).to_bytes(_SIZE_BYTES, "big") + fp)
        return False
