"""Regenerate golden expected files: `python -m tests.regen_golden [CASE ...]`. Review the diff!"""

from __future__ import annotations

import sys

from tests.golden import GOLDEN_DIR, cases, dump, expected_path, run_case


def main(names: list[str]) -> int:
    selected = [c for c in cases() if not names or c.stem in names or c.name in names]
    for case in selected:
        expected_path(case).write_text(dump(run_case(case)), encoding="utf-8")
        print(f"wrote {expected_path(case).relative_to(GOLDEN_DIR.parent.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
