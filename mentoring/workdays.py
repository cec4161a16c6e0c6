"""Working days for response-time targets: Monday to Friday.

Kazakhstan's public holidays move from year to year (and by government decree), so they are not
modelled; a target that falls on a holiday simply comes due on that day."""

from __future__ import annotations

import datetime


def add_working_days(start: datetime.datetime, days: int) -> datetime.datetime:
    """The moment `days` working days after `start` (a Friday 10:00 + 1 → Monday 10:00)."""
    current = start
    remaining = days
    while remaining > 0:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current


def working_days_between(start: datetime.datetime, end: datetime.datetime) -> float:
    """Elapsed working time in days (weekends not counted), for response-time reports."""
    if end <= start:
        return 0.0
    total = datetime.timedelta()
    cursor = start
    while cursor < end:
        next_midnight = datetime.datetime.combine(
            cursor.date() + datetime.timedelta(days=1), datetime.time(), tzinfo=cursor.tzinfo
        )
        step_end = min(next_midnight, end)
        if cursor.weekday() < 5:
            total += step_end - cursor
        cursor = step_end
    return round(total.total_seconds() / 86400, 2)
