"""`manage.py certificates_sweep`: the beat sweep run now, with no grace period.

For an operator after a restore (deploy/restore calls it) or an outage: certificates without a
stored PDF get it rendered from their frozen record (same serial), finalised passes whose
completion rule is met get their certificate. Prints what it did as one JSON object."""

from __future__ import annotations

import datetime
import json

from django.core.management.base import BaseCommand

from certificates.services import certificates_sweep


class Command(BaseCommand):
    help = (
        "Render missing certificate PDFs from their frozen records and issue the certificates of "
        "finalised passes that have none (the beat sweep, run now with no grace period)."
    )

    def handle(self, *args, **options):
        counts = certificates_sweep(grace=datetime.timedelta(0))
        self.stdout.write(json.dumps(counts, sort_keys=True))
