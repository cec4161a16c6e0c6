from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from course.content_data import GLOSSARY, LITERATURE
from course.services import ContentLoadError, programme_content_load


class Command(BaseCommand):
    help = (
        "Create or update the programme's glossary (section 2) and literature list (section 9) "
        "in Kazakh, Russian and English, after load_programme. Running it twice changes nothing; "
        "pages edited in the admin are left alone and listed."
    )

    def handle(self, *args, **options):
        try:
            report = programme_content_load(glossary=GLOSSARY, literature=LITERATURE)
        except ContentLoadError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Content: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.skipped)} skipped."
        )
        for label in report.skipped:
            self.stdout.write(self.style.WARNING(f"Skipped, edited by a person: {label}"))
