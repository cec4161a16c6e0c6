"""manage.py backup_state: what deploy/backup writes into a backup's MANIFEST."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.core.management import call_command
from django.db.migrations.recorder import MigrationRecorder

from certificates.management.commands import backup_state

pytestmark = pytest.mark.django_db


def run() -> dict[str, str]:
    out = io.StringIO()
    call_command("backup_state", stdout=out)
    return dict(line.split("=", 1) for line in out.getvalue().splitlines())


def test_it_records_the_applied_migrations_and_a_digest_of_their_plan():
    state = run()

    plan = backup_state.applied_migration_plan()
    assert int(state["migrations_applied"]) == len(plan)
    assert plan[0] == "contenttypes.0001_initial"
    assert "cms.0012_encrypt_mfa_secrets" in plan
    assert state["migrations_sha256"] == hashlib.sha256("\n".join(plan).encode()).hexdigest()
    assert state["lookups_flushed"] == "0"  # no Redis in tests: nothing waits outside the database


def test_the_digest_changes_when_a_migration_is_not_applied():
    before = run()["migrations_sha256"]
    MigrationRecorder.Migration.objects.filter(app="cms", name="0012_encrypt_mfa_secrets").delete()

    assert run()["migrations_sha256"] != before


def test_the_version_is_the_release_file_when_there_is_no_git(tmp_path, settings, monkeypatch):
    settings.BASE_DIR = tmp_path
    (tmp_path / "RELEASE").write_text("v1.4.0\n")

    assert run()["app_version"] == "v1.4.0"


def test_the_version_is_the_pyproject_one_without_git_or_release_file(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "pa-lms"\nversion = "0.9.1"\n')

    assert run()["app_version"] == "0.9.1"
