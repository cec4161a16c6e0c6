"""Create the self-signed development keys `make run` needs for signed PDFs and Open Badges."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from credentials import conf
from credentials.keys import dev_keys_ensure


class Command(BaseCommand):
    help = "Create self-signed development signing keys where none exist (never in production)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace existing keys (old credentials stop verifying).",
        )

    def handle(self, *args, force: bool = False, **options):
        if not conf.dev_keys_allowed():
            raise CommandError(
                "Refusing to create development keys while DEBUG is off; configure "
                "CREDENTIALS_SIGNING_KEY, CREDENTIALS_SIGNING_CERT and CREDENTIALS_VC_KEY."
            )
        written = dev_keys_ensure(force=force)
        for path in written:
            self.stdout.write(f"created {path}")
        if not written:
            self.stdout.write(f"keys already present in {conf.key_dir()}")
