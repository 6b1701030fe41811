"""Build scraper/extract/quotes/given_names.txt, the given names that are nearly always one sex's.

Source: the US Census Bureau's 1990 first-name frequency lists (dist.female.first, dist.male.first;
public domain), as shipped by the MIT-licensed `names` package (`pip download names`, then unpack).
Each list gives a name's share of that sex's population in percent; women and men were about equal in
number, so the shares compare directly. A name is kept for a sex when at least RATIO of its combined
share is that sex's ("Donald", "Hillary"); shared names ("Jean", "Kelly", "Leslie") are left out, so a
pronoun is never resolved on a guess the data does not support.

Usage: python tools/build_given_names.py DIR_WITH_DIST_FILES
"""

from __future__ import annotations

import sys
from pathlib import Path

RATIO = 0.95
OUT = Path(__file__).resolve().parent.parent / "scraper" / "extract" / "quotes" / "given_names.txt"


def shares(path: Path) -> dict[str, float]:
    """Name -> percent of that sex's population, from one census list."""
    rows = (line.split() for line in path.read_text().splitlines() if line.strip())
    return {row[0].lower(): float(row[1]) for row in rows}


def main(folder: str) -> None:
    female = shares(Path(folder) / "dist.female.first")
    male = shares(Path(folder) / "dist.male.first")
    lines = []
    for name in sorted(set(female) | set(male)):
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if f + m == 0:
            continue
        if f / (f + m) >= RATIO:
            lines.append(f"{name} f")
        elif m / (f + m) >= RATIO:
            lines.append(f"{name} m")
    header = "# US Census 1990 given names nearly always one sex's (tools/build_given_names.py)\n"
    OUT.write_text(header + "\n".join(lines) + "\n")
    print(f"{len(lines)} names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
