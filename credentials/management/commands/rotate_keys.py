"""Rotate the institute's keys, keeping the public parts of the old ones so that everything
signed before still verifies (README, "Rotating keys"). Back up the key folder first."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from credentials import conf, keys


class Command(BaseCommand):
    help = (
        "Rotate the Open Badges key (--openbadges) and/or the PDF signing pair (--signing). "
        "Earlier credentials and PDFs keep verifying: the old public parts stay published."
    )

    def add_arguments(self, parser):
        parser.add_argument("--openbadges", action="store_true", help="New Ed25519 key.")
        parser.add_argument("--signing", action="store_true", help="New PDF signing pair.")
        parser.add_argument(
            "--cert", type=Path, help="With --signing: the new (CA-issued) certificate, PEM."
        )
        parser.add_argument("--key", type=Path, help="With --signing: its private key, PEM.")

    def handle(self, *args, openbadges=False, signing=False, cert=None, key=None, **options):
        if not (openbadges or signing):
            raise CommandError("Say which key to rotate: --openbadges, --signing, or both.")
        if (cert is None) != (key is None):
            raise CommandError("Give both --cert and --key, or neither (a self-signed pair).")
        if cert is not None and not signing:
            raise CommandError("--cert and --key go with --signing.")
        for path in (cert, key):
            if path is not None and not path.is_file():
                raise CommandError(f"No such file: {path}")
        try:
            if signing:
                retired, current = keys.pdf_signing_pair_rotate(new_key=key, new_cert=cert)
                self.stdout.write(f"signing certificate retired to {retired}; new one in {current}")
            if openbadges:
                old_id, new_id = keys.vc_key_rotate()
                self.stdout.write(
                    f"Open Badges key {old_id} retired (still in did.json); new key {new_id} "
                    f"in {conf.vc_key_path()}"
                )
        except (ImproperlyConfigured, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Back up {conf.retired_dir()} with the keys; restart web and workers if they do not "
            "share this file system."
        )
