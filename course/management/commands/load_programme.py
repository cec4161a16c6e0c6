from __future__ import annotations

from django.core.management.base import BaseCommand

from course.programme_data import MODULES, PROGRAMME
from course.services import programme_load


class Command(BaseCommand):
    help = (
        "Create or update the 80-hour programme page tree (5 modules, 28 topics) in Kazakh, "
        "Russian and English. Running it twice changes nothing; pages edited in the admin are "
        "left alone and listed."
    )

    def handle(self, *args, **options):
        report = programme_load(programme=PROGRAMME, modules=MODULES)
        self.stdout.write(
            f"Programme: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.skipped)} skipped."
        )
        for label in report.skipped:
            self.stdout.write(self.style.WARNING(f"Skipped, edited by a person: {label}"))
