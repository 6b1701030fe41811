"""`python -m tests.demo_site_builder [DIR]`: (re)generate the demo site (default scraper/demo_site)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.demo_site_builder.build import build

ROOT = Path(__file__).resolve().parents[2]

if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "scraper" / "demo_site"
    written = build(target)
    print(f"wrote {len(written)} files under {target}")
