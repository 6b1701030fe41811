"""Vega-Lite spec builders: the few chart shapes the report uses, with tooltips on every mark.

Specs are plain dicts (Vega-Lite JSON), so the page needs no Python plotting objects, only the
Vega JavaScript that render.py inlines.
"""

from __future__ import annotations

from typing import Any

Spec = dict[str, Any]
Rows = list[dict[str, Any]]

BAR_COLOR = "#3b6ea8"
# Counts are whole numbers: no 0.5 ticks on a chart of 2 articles.
COUNT_AXIS = {"tickMinStep": 1, "format": "d"}
# Category names on a y axis are cut here (a full headline would squeeze the bars away).
LABEL_LIMIT = 260


def _base(rows: Rows, height: int | dict[str, int] = 260) -> Spec:
    return {
        "width": "container",
        # Fit the width to the page; heights come from the number of rows (a step per row).
        "autosize": {"type": "fit-x", "contains": "padding"},
        "height": height,
        "data": {"values": rows},
        "config": {"view": {"stroke": None}, "axis": {"labelLimit": LABEL_LIMIT}},
    }


def bar_chart(rows: Rows, category: str, value: str, title: str, color: str | None = None) -> Spec:
    """Horizontal bars, largest first: one row per category (stacked by `color` when given)."""
    encoding: Spec = {
        "y": {"field": category, "type": "nominal", "sort": "-x", "title": None},
        "x": {"field": value, "type": "quantitative", "title": title, "aggregate": "sum", "axis": COUNT_AXIS},
        "tooltip": [{"field": category}, {"field": value, "type": "quantitative"}],
    }
    if color:
        encoding["color"] = {"field": color, "type": "nominal", "legend": {"orient": "bottom"}}
        encoding["tooltip"].insert(1, {"field": color})
    spec = _base(rows, height={"step": 18})
    spec["mark"] = {"type": "bar", "color": BAR_COLOR} if not color else {"type": "bar"}
    spec["encoding"] = encoding
    return spec


def histogram(rows: Rows, x: str, value: str, x_title: str, y_title: str) -> Spec:
    """Columns over ordered buckets (labels already made), with tooltips."""
    spec = _base(rows, height=220)
    spec["mark"] = {"type": "bar", "color": BAR_COLOR}
    spec["encoding"] = {
        "x": {"field": x, "type": "ordinal", "sort": None, "title": x_title, "axis": {"labelAngle": -45}},
        "y": {"field": value, "type": "quantitative", "title": y_title, "axis": COUNT_AXIS},
        "tooltip": [
            {"field": x, "title": x_title},
            {"field": value, "type": "quantitative", "title": y_title},
        ],
    }
    return spec


def per_day(rows: Rows, title: str) -> Spec:
    """Articles per UTC day as columns; drag to pan, wheel to zoom the time axis."""
    spec = _base(rows, height=220)
    spec["mark"] = {"type": "bar", "color": BAR_COLOR, "width": {"band": 0.9}}
    spec["params"] = [{"name": "zoom", "select": "interval", "bind": "scales", "encodings": ["x"]}]
    spec["encoding"] = {
        "x": {"field": "day", "type": "temporal", "timeUnit": "utcyearmonthdate", "title": None},
        "y": {"field": "articles", "type": "quantitative", "title": title, "axis": COUNT_AXIS},
        "tooltip": [
            {"field": "day", "type": "temporal", "timeUnit": "utcyearmonthdate", "title": "day"},
            {"field": "articles", "type": "quantitative"},
        ],
    }
    return spec


def heat_map(
    rows: Rows, x: str, y: str, value: str, label: str, y_sort: list[str], x_sort: list[str]
) -> Spec:
    """A grid of cells coloured by `value` (0..1), each cell labelled with `label`."""
    spec = _base(rows, height={"step": 22})
    encoding = {
        "x": {
            "field": x,
            "type": "nominal",
            "sort": x_sort,
            "title": None,
            "axis": {"orient": "top", "labelAngle": 0},
        },
        "y": {"field": y, "type": "nominal", "sort": y_sort, "title": None},
    }
    spec["encoding"] = encoding
    spec["layer"] = [
        {
            "mark": {"type": "rect", "tooltip": True},
            "encoding": {
                "color": {
                    "field": value,
                    "type": "quantitative",
                    "title": "share",
                    "scale": {"domain": [0, 1], "scheme": "redyellowgreen"},
                    "legend": {"format": ".0%", "orient": "bottom"},
                },
                "tooltip": [{"field": y}, {"field": x}, {"field": label, "title": "present"}],
            },
        },
        {"mark": {"type": "text", "fontSize": 10}, "encoding": {"text": {"field": label}}},
    ]
    return spec


def bubble_grid(rows: Rows, x: str, y: str, value: str, x_title: str, y_title: str) -> Spec:
    """Circles sized by `value` on a category grid: which `y` copies which `x`, and how much."""
    spec = _base(rows, height={"step": 22})
    spec["mark"] = {"type": "circle", "color": BAR_COLOR, "opacity": 0.8}
    spec["encoding"] = {
        "x": {"field": x, "type": "nominal", "title": x_title, "axis": {"labelAngle": -40}},
        "y": {"field": y, "type": "nominal", "title": y_title},
        "size": {
            "field": value,
            "type": "quantitative",
            "title": "articles",
            "legend": {"orient": "bottom", **COUNT_AXIS},
        },
        "tooltip": [
            {"field": y, "title": y_title},
            {"field": x, "title": x_title},
            {"field": value, "type": "quantitative", "title": "articles"},
        ],
    }
    return spec
