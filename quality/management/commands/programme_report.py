"""`python manage.py programme_report --json [--from YYYY-MM-DD] [--to YYYY-MM-DD]`: the report for
the authority as one JSON object (CONTRACTS.md)."""

from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from quality.report import programme_report


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value!r}") from None


class Command(BaseCommand):
    help = "The report for the authority over a period (cohorts that ended in it)."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")
        parser.add_argument("--from", dest="start", type=_date, default=None)
        parser.add_argument("--to", dest="end", type=_date, default=None)

    def handle(self, *args, start=None, end=None, **options):
        if start and end and start > end:
            raise CommandError("--from is after --to.")
        if not options["json"]:
            raise CommandError("Only --json output is available; the page is /quality/report/.")
        report = programme_report(start=start, end=end)
        self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False))
