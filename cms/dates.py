"""Calendar arithmetic: the same day N months or years later. Used for certificate validity,
the retake window, follow-up invitations, mentoring periods and file retention."""

from __future__ import annotations

import calendar
import datetime


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; a day the target month lacks becomes its last day
    (31 January + 1 month → 28 or 29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The anniversary `years` later; 29 February falls back to 28 February in a common year."""
    return add_months(day, 12 * years)
