"""The digest's picture, in PNG, tall as a phone's screen: 7 days of reports by category as stacked bars,
and under them where and when, the hotspot grid of places × time bands."""

from __future__ import annotations

import io
from typing import Any, cast

WIDTH_PX, HEIGHT_PX, DPI = 800, 1100, 100


def digest_chart(chart: dict[str, Any]) -> bytes:
    """A PNG of WIDTH_PX × HEIGHT_PX: one bar a day, stacked by category; then the grid, when it has places."""
    # Imported when first drawn: matplotlib and numpy are some 50 MB that a service drawing no chart (or
    # one a day) should not carry. A bare Figure draws with the Agg canvas: no display, no pyplot state.
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, layout="constrained")
    grid = chart.get("grid") or {}
    bars, cells = figure.subplots(2, 1, height_ratios=(2, 3)) if grid.get("places") else (figure.subplots(), None)
    days = chart["days"]
    positions = list(range(len(days)))  # numbers, with the days as labels: "20 Nov" is no category to guess
    bottom = [0] * len(days)
    colours = chart.get("colours") or [None] * len(chart["series"])  # a picture queued before colours were sent
    for (label, values), colour in zip(chart["series"].items(), colours, strict=True):
        bars.bar(positions, values, bottom=bottom, label=label, color=colour)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    bars.set_xticks(positions, days, fontsize="large")
    bars.set_title(chart["title"])
    cast(MaxNLocator, bars.yaxis.get_major_locator()).set_params(integer=True)  # the default, an AutoLocator
    if chart["series"]:  # under the days, never over the bars, in two columns that leave the bars the width
        bars.legend(fontsize="large", loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=2, frameon=False)
    bars.set_ylim(0, max([*bottom, 1]) * 1.1)
    if cells is not None:
        _grid(cells, grid)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _grid(axes: Any, grid: dict[str, Any]) -> None:
    """Places down, time bands across, each cell shaded by its count and labelled with it."""
    counts = grid["counts"]
    highest = max([max(row) for row in counts] + [1])
    axes.imshow(counts, cmap="Reds", vmin=0, vmax=highest, aspect="auto")
    bands = [band.replace(" ", "\n") for band in grid["bands"]]  # a word a line, the hours under: narrow columns
    axes.set_xticks(range(len(bands)), bands, fontsize="medium")
    axes.xaxis.tick_top()
    axes.set_yticks(range(len(grid["places"])), grid["places"], fontsize="large")
    for row, values in enumerate(counts):
        for column, value in enumerate(values):
            if value:
                axes.text(column, row, str(value), ha="center", va="center", fontsize="x-large",
                          color="white" if value > highest / 2 else "black")
    axes.set_title(grid["title"], pad=12)
