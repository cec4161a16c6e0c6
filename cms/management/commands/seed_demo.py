"""Demo data for `make run`: every app contributes its part through `<app>/demo.py`.

Each `<app>.demo.seed(result)` is idempotent and appends what it made to `result`
(`accounts`, `certificates`, `statements`), which `--json` prints for scripts."""

from __future__ import annotations

import importlib
import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

# In dependency order: later apps build on what earlier ones made.
# cms comes last: it gives the accounts made above their second factor (trainers, registrars).
DEMO_APPS = ["course", "assessment", "certificates", "mentoring", "quality", "cms"]


class Command(BaseCommand):
    help = "Create the demo cohort, accounts and results (refuses to run with DEBUG off)."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print what was made as JSON.")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo creates accounts with published passwords; it runs only with DEBUG on."
            )
        result: dict[str, list] = {"accounts": [], "certificates": [], "statements": []}
        # Demo people have made-up addresses: the emails their story triggers (invitations,
        # replies, certificates) are kept in memory, not sent, and never mixed into --json output.
        locmem = "django.core.mail.backends.locmem.EmailBackend"
        with override_settings(EMAIL_BACKEND=locmem), transaction.atomic():
            # First: finalising a demo result issues its certificate, which needs these.
            importlib.import_module("cms.demo").organisation_fill()
            for app in DEMO_APPS:
                importlib.import_module(f"{app}.demo").seed(result)
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
        else:
            for account in result["accounts"]:
                self.stdout.write(
                    f"{account['role']:<10} {account['email']:<32} {account['password']}"
                )
