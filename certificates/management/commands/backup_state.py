"""What deploy/backup writes into a backup's MANIFEST, after it has the application write out what
it still holds outside the database.

Prints `key=value` lines:
  app_version=…         `git describe` of the code, else its RELEASE file (deploy/upgrade), else
                        the version in pyproject.toml
  migrations_applied=N  how many migrations the database has applied
  migrations_sha256=…   digest of `showmigrations --plan` (applied ones), so a restore can tell
                        whether the code in place matches the database it restores
  lookups_flushed=N     public verification look-ups moved from Redis into the database first, so
                        the dump holds them
"""

from __future__ import annotations

import hashlib
import io
import subprocess
import tomllib

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from certificates import lookups


def app_version() -> str:
    base = settings.BASE_DIR
    try:
        described = subprocess.run(
            ["git", "-C", str(base), "describe", "--always", "--tags", "--dirty"],
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        described = None
    if described is not None and described.returncode == 0 and described.stdout.strip():
        return described.stdout.strip()
    release = base / "RELEASE"
    if release.is_file():
        return release.read_text().strip()
    with (base / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]["version"]


def applied_migration_plan() -> list[str]:
    out = io.StringIO()
    call_command("showmigrations", format="plan", stdout=out, no_color=True)
    # "[X]  app.0001_initial": keep only applied ones, so the digest describes the database.
    return [line[4:].strip() for line in out.getvalue().splitlines() if line.startswith("[X]")]


class Command(BaseCommand):
    help = "Flush what waits outside the database, then print the app version and migration state."

    def handle(self, *args, **options):
        flushed = 0
        while written := lookups.flush_log():
            flushed += written
        plan = applied_migration_plan()
        digest = hashlib.sha256("\n".join(plan).encode()).hexdigest()
        self.stdout.write(f"app_version={app_version()}")
        self.stdout.write(f"migrations_applied={len(plan)}")
        self.stdout.write(f"migrations_sha256={digest}")
        self.stdout.write(f"lookups_flushed={flushed}")
