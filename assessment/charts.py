"""Geometry of the cohort results charts: the bins of the totals chart, each band's fill pattern
and the bars scaled to the tallest one. Pure arithmetic: no database, no request."""

from __future__ import annotations

from dataclasses import dataclass

# Bins of the totals chart, aligned with the band thresholds so no bar mixes two bands.
TOTAL_BINS = ((0, 49), (50, 59), (60, 69), (70, 77), (78, 84), (85, 92), (93, 100))


@dataclass
class Bar:
    label: str
    count: int
    x: int
    y: int
    width: int
    height: int
    pattern: str


PATTERNS = {"excellent": "dots", "good": "diagonal", "satisfactory": "cross", "fail": "solid"}


CHART_HEIGHT = 160


def chart_bars(
    counts: list[tuple[str, int, str]], *, bar_width: int = 56, gap: int = 16
) -> list[Bar]:
    """Geometry of a bar chart: (label, count, pattern) → bars scaled to the tallest one. Each bar
    carries its count and label as text, so the chart is readable without colour."""
    tallest = max((count for _label, count, _p in counts), default=0) or 1
    bars = []
    for i, (label, count, pattern) in enumerate(counts):
        height = round(CHART_HEIGHT * count / tallest)
        bars.append(
            Bar(
                label=label,
                count=count,
                x=gap + i * (bar_width + gap),
                y=20 + CHART_HEIGHT - height,
                width=bar_width,
                height=height,
                pattern=pattern,
            )
        )
    return bars


def band_of_bin(lo: int) -> str:
    from .rubric import band_for

    return band_for(lo).code
