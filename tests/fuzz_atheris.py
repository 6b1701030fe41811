"""Coverage-guided fuzzing of `extract_article` with atheris (optional: `pip install atheris`).

    python -m tests.fuzz_atheris -atheris_runs=20000 [corpus_dir]

Seeds are the hostile fixture pages; a crash (exception) or an invalid record stops with the input.
"""

from __future__ import annotations

import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "hostile"


def main() -> None:
    import atheris

    with atheris.instrument_imports():
        from scraper.extract.article import extract_article
        from scraper.record import validation_errors

    seeds = [p.read_bytes() for p in sorted(FIXTURES.glob("*")) if p.is_file()]

    def one_input(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        base = seeds[fdp.ConsumeIntInRange(0, len(seeds) - 1)] if seeds else b""
        cut = fdp.ConsumeIntInRange(0, len(base))
        page = base[:cut] + fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 512)) + base[cut:]
        errors = validation_errors(extract_article(page, url="http://127.0.0.1/a.html"))
        if errors:
            raise AssertionError(errors)

    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
