"""Grade bands of the 100-point final assessment (a stable contract: see CONTRACTS.md).

`band_for(total)` is the single place that turns a total into a band. The versioned rubric in the
database (`assessment.models.Rubric`) stores the same thresholds so a finalised result keeps the
rubric it was scored on; version 1 is created from `DEFAULT_BANDS` below."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

MAX_TOTAL = 100


@dataclass(frozen=True)
class Band:
    code: str
    passed: bool
    min_total: int
    label: str | Promise

    def __str__(self) -> str:
        return str(self.label)


EXCELLENT = Band("excellent", True, 85, _("Passed — excellent"))
GOOD = Band("good", True, 70, _("Passed — good"))
SATISFACTORY = Band("satisfactory", True, 50, _("Passed — satisfactory"))
# A context of its own: another app's "Not passed" (an enrolment status) would otherwise win.
FAIL = Band("fail", False, 0, pgettext_lazy("result band", "Not passed"))

# The approved programme's own result phrases (seed 004, lines 1464-1474), in Kazakh, verbatim;
# documents print these. The interface shows the bands' labels above in the reader's language
# (the Kazakh catalogue carries the same phrases; Russian and English are translations).
OFFICIAL_BAND_KK: dict[str, str] = {
    "excellent": "Аттестация сәтті өтті (өте жақсы)",
    "good": "Аттестация сәтті өтті (жақсы)",
    "satisfactory": "Аттестация өтті (қанағаттанарлық)",
    "fail": "Аттестация өтпеді",
}

# Highest first: the first band whose threshold the total reaches is the band.
BANDS: tuple[Band, ...] = (EXCELLENT, GOOD, SATISFACTORY, FAIL)
BANDS_BY_CODE: dict[str, Band] = {band.code: band for band in BANDS}
DEFAULT_BANDS: dict[str, int] = {band.code: band.min_total for band in BANDS}
# The codes of the bands that pass, highest first (certificates, reports and sweeps ask here).
PASSING_BANDS: tuple[str, ...] = tuple(band.code for band in BANDS if band.passed)
# The theory criterion's maximum in the approved rubric (section 8: 20 of the 100 points): the
# theory test's score is scaled to it as the proposed theory score.
THEORY_MAX = 20


def _check_total(total: object, maximum: int = MAX_TOTAL) -> int:
    # bool is a subclass of int, and 85.0 "looks" whole: both are refused so that a total that did
    # not come from summing whole criterion scores never gets a band.
    if isinstance(total, bool) or not isinstance(total, int):
        raise ValueError(f"A total must be a whole number, not {total!r}.")
    if not 0 <= total <= maximum:
        raise ValueError(f"A total must be between 0 and {maximum}, not {total}.")
    return total


def band_for(total: int) -> Band:
    """The band of a whole-number total 0…100; anything else raises ValueError."""
    _check_total(total)
    for band in BANDS:
        if total >= band.min_total:
            return band
    raise AssertionError("unreachable: FAIL starts at 0")


def bands_example() -> str:
    """The default thresholds as an example for a help text: {"excellent": 85, "good": 70, …}."""
    return "{" + "".join(f'"{band.code}": {band.min_total}, ' for band in BANDS[:2]) + "…}"


def band_for_thresholds(total: int, thresholds: dict[str, int]) -> Band:
    """The band under a stored rubric's thresholds ({"excellent": 85, "good": 70, …})."""
    _check_total(total)
    for band in BANDS:
        if total >= thresholds.get(band.code, band.min_total):
            return band
    return FAIL
