"""The given-name table: how it is built from census lists and read for a full name."""

from __future__ import annotations

from pathlib import Path

from scraper.extract.quotes.given_names import build, given_name_gender, merge


def _census(path: Path, rows: list[tuple[str, float]]) -> None:
    path.write_text("".join(f"{name:<15}{share:.3f}  0.000      1\n" for name, share in rows))


def test_build_keeps_names_nearly_always_one_sex(tmp_path: Path) -> None:
    _census(tmp_path / "dist.female.first", [("MARY", 2.629), ("JEAN", 0.315), ("DANA", 0.050)])
    _census(tmp_path / "dist.male.first", [("JAMES", 3.318), ("JEAN", 0.035), ("DANA", 0.040)])
    # (Jean is 90% women's in the US lists and a man's name in French: shared names stay out)
    assert build(tmp_path) == ["james m", "mary f"]


def test_given_name_gender_reads_the_first_word_of_a_full_name() -> None:
    assert given_name_gender("Hillary Clinton") == "f"
    assert given_name_gender("Donald Trump") == "m"
    assert given_name_gender("Clinton") == ""  # a lone surname
    assert given_name_gender("G.K. Butterfield") == ""  # initials
    assert given_name_gender("Kelly Ayotte") == ""  # a name both sexes carry
    assert given_name_gender("NATO Secretary") == ""  # an acronym, not a given name


def test_merge_adds_one_sex_names_and_drops_disagreements() -> None:
    census = ["andrea f", "james m", "laurence m", "mary f"]
    foreign = {"arben": {"m"}, "andrea": {"m", "f"}, "laurence": {"f"}, "mary": {"f"}, "robin": {"m"}}
    # (Andrea both sexes' in one list, Laurence the other sex than the census, Robin shared in the census)
    assert merge(census, {"robin"}, foreign) == ["arben m", "james m", "mary f"]
