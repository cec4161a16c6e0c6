"""Geometry of the cohort results charts: the bins of the totals chart, each band's fill pattern
and the bars scaled to the tallest one. Pure arithmetic: no database, no request."""

from __future__ import annotations

from dataclasses import dataclass

from .rubric import BANDS, MAX_TOTAL


def _total_bins() -> tuple[tuple[int, int], ...]:
    """Bins of the totals chart, cut at the band thresholds so no bar mixes two bands: the failing
    band is one bin, each passing band two halves (the upper one no larger)."""
    bins = []
    top = MAX_TOTAL
    for band in BANDS:  # highest first
        low = band.min_total
        if band.passed:
            middle = low + (top - low + 2) // 2
            bins += [(middle, top), (low, middle - 1)]
        else:
            bins.append((low, top))
        top = low - 1
    return tuple(reversed(bins))


# (0, 49), (50, 59), (60, 69), (70, 77), (78, 84), (85, 92), (93, 100) with bands 85 / 70 / 50.
TOTAL_BINS = _total_bins()


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


@dataclass
class HBar:
    label: str
    lines: list[str]
    count: int
    y: int  # top of the row
    width: int  # of the bar, 0 for an empty row
    pattern: str


ROW_HEIGHT = 30
LABEL_WIDTH = 170  # the labels' column; a label "Passed — good" breaks after its dash
BAR_SPACE = 200


def chart_hbars(counts: list[tuple[str, int, str]]) -> list[HBar]:
    """A horizontal bar chart: one row per label, the label in its own column on the left, so
    long Kazakh and Russian words never overlap their neighbours; bars scaled to the longest."""
    longest = max((count for _label, count, _p in counts), default=0) or 1
    return [
        HBar(
            label=label,
            lines=label_lines(label),
            count=count,
            y=i * ROW_HEIGHT,
            width=round(BAR_SPACE * count / longest),
            pattern=pattern,
        )
        for i, (label, count, pattern) in enumerate(counts)
    ]


def label_lines(label: str) -> list[str]:
    """A band's label on one or two lines: "Өтті — өте жақсы" → ["Өтті —", "өте жақсы"]."""
    head, sep, tail = label.partition(" — ")
    return [head + " —", tail] if sep else [label]
