"""deploy/backup and deploy/restore on a real PostgreSQL: certificates and their PDFs survive."""

from __future__ import annotations

import dataclasses
import os
import subprocess
from pathlib import Path

import pytest

pytestmark = [pytest.mark.services, pytest.mark.django_db]

REPO = Path(__file__).resolve().parents[2]

SEED = """
import json
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from certificates.services import certificate_issue
from certificates.tests.factories import EnrolmentFactory
from cms.models import User

certificate_issue(enrolment=EnrolmentFactory(), score=88, band="excellent")
certificate_issue(enrolment=EnrolmentFactory(), score=74, band="good")
User.objects.create_user(email="registrar.backup@example.kz", password="x-12345678")
storages["default"].save("images/emblem.svg", ContentFile(b"<svg/>"))
print(json.dumps(None))
"""

SNAPSHOT = """
import hashlib, json
from django.conf import settings
from certificates.models import Certificate
from cms.models import User
from course.models import ProgrammePage
from wagtail.models import Page

def digest(field):
    with field.open("rb") as f:
        return hashlib.sha256(f.read()).hexdigest()

print(json.dumps({
    "certificates": [
        {"serial": c.serial, "score": c.score, "pdf": c.pdf.name, "recorded": c.pdf_sha256,
         "actual": digest(c.pdf), "on_private_disk": (settings.PRIVATE_MEDIA_ROOT / c.pdf.name).is_file()}
        for c in Certificate.objects.order_by("pk")
    ],
    "users": sorted(User.objects.values_list("email", flat=True)),
    "pages": Page.objects.count(),
    "programmes": sorted(ProgrammePage.objects.values_list("locale__language_code", flat=True)),
    "media": sorted(str(p.relative_to(settings.MEDIA_ROOT)) for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()),
}))
"""  # noqa: E501


def run_script(script: str, site, *args: str, backup_dir: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "ENV_FILE": "/nonexistent",
        "DATABASE_URL": site.url,
        "MEDIA_ROOT": str(site.media_root),
        "PRIVATE_MEDIA_ROOT": str(site.private_root),
        "BACKUP_DIR": str(backup_dir),
    }
    return subprocess.run(
        ["bash", str(REPO / "deploy" / script), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def backup(make_site, tmp_path):
    """A site with two certificates (PDFs on the private disk), a user and a public image, and
    its backup made by deploy/backup."""
    source = make_site(copy_of_test_db=True)
    source.run(SEED)
    made = run_script("backup", source, backup_dir=tmp_path / "backups")
    assert made.returncode == 0, made.stderr
    return source, Path(made.stdout.strip().splitlines()[-1])


def test_a_backup_restored_into_an_empty_database_has_the_certificates_and_their_pdfs(
    backup, make_site, tmp_path
):
    source, folder = backup
    before = source.run(SNAPSHOT)
    target = make_site(copy_of_test_db=False)

    restored = run_script("restore", target, str(folder), backup_dir=tmp_path / "backups")

    assert restored.returncode == 0, restored.stderr
    after = target.run(SNAPSHOT)
    assert after == before
    assert len(after["certificates"]) == 2
    for certificate in after["certificates"]:
        assert certificate["actual"] == certificate["recorded"]
        assert certificate["on_private_disk"] is True
    assert "registrar.backup@example.kz" in after["users"]
    assert after["programmes"] == ["en", "kk", "ru"]
    assert after["media"] == ["images/emblem.svg"]
    assert sorted(p.name for p in folder.iterdir()) == [
        "MANIFEST",
        "SHA256SUMS",
        "database.dump",
        "media.tar.gz",
        "private.tar.gz",
    ]


def test_restore_refuses_a_database_that_is_not_empty_and_changes_nothing(backup, tmp_path):
    source, folder = backup
    before = source.run(SNAPSHOT)
    fresh = dataclasses.replace(
        source, media_root=tmp_path / "fresh" / "media", private_root=tmp_path / "fresh" / "p"
    )

    refused = run_script("restore", fresh, str(folder), backup_dir=tmp_path / "backups")

    assert refused.returncode != 0
    assert "the database is not empty" in refused.stderr
    assert not (tmp_path / "fresh").exists()
    assert source.run(SNAPSHOT) == before


def test_restore_refuses_a_damaged_backup(backup, make_site, tmp_path):
    _source, folder = backup
    with (folder / "private.tar.gz").open("ab") as damaged:
        damaged.write(b"x")
    target = make_site(copy_of_test_db=False)

    refused = run_script("restore", target, str(folder), backup_dir=tmp_path / "backups")

    assert refused.returncode != 0
    assert "checksums do not match" in refused.stderr
    assert not target.private_root.exists()
