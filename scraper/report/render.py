"""Write the report: one HTML file with its styles, data and the Vega JavaScript inline (works offline).

The page records what happened when it drew itself, for people and tests alike: each chart
element gets `data-marks` (marks drawn) and the body gets `data-status` ("done" or "error") and
`data-errors` (script errors and console.error messages).
"""

from __future__ import annotations

import functools
import json
import re
from datetime import datetime, timezone
from html import escape
from pathlib import Path
from typing import Any

from scraper.report.charts import Section, build_sections
from scraper.report.summary import Summary

TEMPLATE = Path(__file__).with_name("page.html")
MARKER = re.compile(r"\{\{\w+\}\}")
EMBED_OPTIONS = {
    "renderer": "svg",
    # Export as PNG/SVG is useful offline; "open in editor" would send the data to a web site.
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
}


@functools.lru_cache(maxsize=1)
def vega_lite_version() -> str:
    """The newest Vega-Lite the installed vl-convert-python bundles ("6.4")."""
    import vl_convert

    return str(vl_convert.get_vegalite_versions()[-1])


@functools.lru_cache(maxsize=1)
def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script, from the vl-convert-python package."""
    import vl_convert

    bundle: str = vl_convert.javascript_bundle(vl_version=vega_lite_version())  # type: ignore[call-arg]
    # A literal "</script" would end the element early (the bundle has none today; guard anyway).
    return bundle.replace("</script", "<\\/script")


def render_report(summary: Summary, title: str = "Corpus report") -> str:
    sections = build_sections(summary)
    # The spec's version must match the bundled Vega-Lite, or vega-embed warns on the console.
    schema = f"https://vega.github.io/schema/vega-lite/v{vega_lite_version().split('.')[0]}.json"
    specs = {chart.key: {"$schema": schema, **chart.spec} for section in sections for chart in section.charts}
    page = TEMPLATE.read_text(encoding="utf-8")
    replacements = {
        "{{title}}": escape(title),
        "{{generated}}": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "{{overview}}": _overview(summary),
        "{{sections}}": "\n".join(_section(section) for section in sections),
        "{{specs}}": _json_for_script(specs),
        "{{options}}": json.dumps(EMBED_OPTIONS),
        "{{vega}}": vega_bundle(),
    }
    # One pass over the template: a value that happens to contain a marker is not rescanned.
    return MARKER.sub(lambda match: replacements[match.group(0)], page)


def write_report(summary: Summary, output: str | Path, title: str = "Corpus report") -> Path:
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(summary, title), encoding="utf-8")
    return path


def _overview(summary: Summary) -> str:
    dates = summary.date_range
    languages = ", ".join(f"{escape(code)} {n:,}" for code, n in summary.languages.most_common(6)) or "none"
    cards: list[tuple[str, Any]] = [
        ("articles", f"{summary.articles:,}"),
        ("sites", f"{len(summary.sites):,}"),
        ("published", f"{dates[0]} to {dates[1]}" if dates else "no dates"),
        ("languages", languages),
        ("duplicates by fingerprint", f"{summary.duplicates:,}"),
        ("copies (with attribution)", f"{summary.articles - summary.originals:,}"),
        ("quotes", f"{summary.quotes:,}"),
        ("failures", f"{summary.failures:,}"),
    ]
    if summary.stories:
        cards.append(("stories", f"{summary.stories:,}"))
    html = "".join(
        f'<div class="card"><div class="label">{label}</div><div class="value">{value}</div></div>'
        for label, value in cards
    )
    return html + _warnings(summary)


def _warnings(summary: Summary) -> str:
    notes = [f"{n:,} unreadable {kind} lines skipped" for kind, n in sorted(summary.bad_lines.items())]
    notes += [f"could not read {escape(name)}" for name in summary.unreadable_files]
    counters = (summary.publishers, summary.copies, summary.speakers, summary.failure_sites)
    if any(counter.approximate for counter in counters):
        notes.append("long tails were trimmed to bound memory: top counts may be slightly low")
    return "".join(f'<p class="warning">{note}</p>' for note in notes)


def _section(section: Section) -> str:
    charts = "".join(
        f'<figure class="chart"><figcaption>{escape(chart.title)}</figcaption>'
        f'<div class="vega" id="chart-{chart.key}" data-key="{chart.key}"></div></figure>'
        for chart in section.charts
    )
    notes = "".join(f'<p class="note">{escape(note)}</p>' for note in section.notes)
    return f'<section><h2>{escape(section.title)}</h2>{notes}<div class="grid">{charts}</div></section>'


def _json_for_script(value: Any) -> str:
    """JSON safe inside <script>: "<" only occurs in strings, where the escape means the same."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
