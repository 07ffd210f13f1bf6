"""The digest's picture: 7 days of reports by category, as a stacked bar chart in PNG."""

from __future__ import annotations

import io
from typing import Any, cast

WIDTH_PX, HEIGHT_PX, DPI = 800, 450, 100


def digest_chart(chart: dict[str, Any]) -> bytes:
    """A PNG of WIDTH_PX × HEIGHT_PX: one bar a day, stacked by category."""
    # Imported when first drawn: matplotlib and numpy are some 50 MB that a service drawing no chart (or
    # one a day) should not carry. A bare Figure draws with the Agg canvas: no display, no pyplot state.
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, layout="constrained")
    axes = figure.subplots()
    days = chart["days"]
    positions = list(range(len(days)))  # numbers, with the days as labels: "20 Nov" is no category to guess
    bottom = [0] * len(days)
    for label, values in chart["series"].items():
        axes.bar(positions, values, bottom=bottom, label=label)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    axes.set_xticks(positions, days)
    axes.set_title(chart["title"])
    cast(MaxNLocator, axes.yaxis.get_major_locator()).set_params(integer=True)  # the default, an AutoLocator
    if chart["series"]:  # beside the bars, never over them
        axes.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    axes.set_ylim(0, max([*bottom, 1]) * 1.1)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()
