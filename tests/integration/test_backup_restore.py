"""deploy/backup and deploy/restore on a real PostgreSQL, run as an operator would: the restore as
the service user into folders root made, the PDFs then downloaded through the shipped nginx whose
workers run as www-data; backups encrypted with age, locked, consistent during a burst of issuing,
and copied off-site to a restic repository."""

from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import json
import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.test import RequestFactory

from .conftest import Site, _skip_or_fail
from .nginx_site import require_nginx, running_nginx

pytestmark = [pytest.mark.services, pytest.mark.django_db]


@pytest.fixture(autouse=True, scope="module")
def checkout_reachable_by_the_service_user():
    """The scripts run as a service user, from this checkout and its .venv. On a server they live
    under /srv/pa-lms (README); a checkout made with `mktemp -d` (CI's clean clone) sits in a
    folder only root may enter: let others pass through it (search, not read) for these tests."""
    changed = []
    for folder in (REPO, *REPO.parents):
        mode = folder.stat().st_mode
        if os.geteuid() == 0 and not mode & stat.S_IXOTH:
            folder.chmod(mode | stat.S_IXOTH)
            changed.append((folder, mode))
    yield
    for folder, mode in changed:
        folder.chmod(mode)


REPO = Path(__file__).resolve().parents[2]
SERVICE_USER = "pa-lms-it"
WEB_GROUP = "www-data"

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
from certificates.models import Certificate, SerialCounter
from cms.models import User
from course.models import ProgrammePage
from wagtail.models import Page

def digest(field):
    with field.open("rb") as f:
        return hashlib.sha256(f.read()).hexdigest()

print(json.dumps({
    "certificates": [
        {"serial": c.serial, "score": c.score, "pdf": c.pdf.name, "recorded": c.pdf_sha256,
         "actual": digest(c.pdf) if c.pdf else None,
         "on_private_disk": bool(c.pdf) and (settings.PRIVATE_MEDIA_ROOT / c.pdf.name).is_file()}
        for c in Certificate.objects.order_by("pk")
    ],
    "counters": dict(SerialCounter.objects.values_list("year", "last")),
    "users": sorted(User.objects.values_list("email", flat=True)),
    "pages": Page.objects.count(),
    "programmes": sorted(ProgrammePage.objects.values_list("locale__language_code", flat=True)),
    "media": sorted(str(p.relative_to(settings.MEDIA_ROOT)) for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()),
}))
"""  # noqa: E501

ISSUE_ONE = """
import json
from certificates.services import certificate_issue
from certificates.tests.factories import EnrolmentFactory
# A cohort code of its own: this new process's factory sequence starts again at 0.
enrolment = EnrolmentFactory(cohort__code="issued-after-restore")
print(json.dumps(certificate_issue(enrolment=enrolment, score=80, band="good").serial))
"""

TABLES = """
import json
from django.db import connection
print(json.dumps(len(connection.introspection.table_names())))
"""


@pytest.fixture(scope="session")
def age_keys(tmp_path_factory) -> tuple[Path, Path]:
    """(recipients file, identity file): an age key pair, as made off the server."""
    if not shutil.which("age") or not shutil.which("age-keygen"):
        _skip_or_fail("age (Debian package age)")
    folder = tmp_path_factory.mktemp("age")
    identity = folder / "backup-key.txt"
    made = subprocess.run(
        ["age-keygen", "-o", str(identity)], capture_output=True, text=True, check=True
    )
    recipients = folder / "backup-recipients.txt"
    recipients.write_text(made.stderr.split("Public key:")[1].strip() + "\n")
    return recipients, identity


def manage_wrapper(site: Site, folder: Path) -> Path:
    """A stand-in for deploy/manage: manage.py on `site` (the scripts call it for backup_state
    and certificates_sweep)."""
    env = site.env()
    exports = " ".join(
        f"{key}={env[key]}"
        for key in (
            "DJANGO_SETTINGS_MODULE",
            "PA_LMS_WORKER_DB_NAME",
            "PA_LMS_WORKER_MEDIA_ROOT",
            "PA_LMS_WORKER_PRIVATE_MEDIA_ROOT",
            "DATABASE_URL",
        )
    )
    script = folder / f"manage-{site.db_name}"
    python = f"PYTHONPATH={REPO} {sys.executable}"
    script.write_text(f'#!/bin/sh\ncd {REPO} && exec env {exports} {python} manage.py "$@"\n')
    script.chmod(0o755)
    return script


def run_script(
    script: str, site: Site, *args: str, backup_dir: Path, as_user: str | None = None, **extra
) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "ENV_FILE": "/nonexistent",
        "DATABASE_URL": site.url,
        "MEDIA_ROOT": str(site.media_root),
        "PRIVATE_MEDIA_ROOT": str(site.private_root),
        "BACKUP_DIR": str(backup_dir),
        "BACKUP_PDF_WAIT_SECONDS": "20",
        **extra,
    }
    command = ["bash", str(REPO / "deploy" / script), *args]
    if as_user:
        command = ["runuser", "-u", as_user, "--", *command]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture
def wrappers():
    """A folder the service user can read too (pytest's tmp_path is root's only)."""
    folder = Path(tempfile.mkdtemp(prefix="pa-lms-manage-", dir="/var/tmp"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


@pytest.fixture
def scripts_env(age_keys, wrappers, tmp_path):
    """run(script, site, *args, **env): deploy/backup or deploy/restore with the age keys and a
    manage.py for that site."""
    recipients, identity = age_keys

    def run(script: str, site: Site, *args: str, backup_dir: Path | None = None, **extra):
        extra.setdefault("PA_LMS_MANAGE", str(manage_wrapper(site, wrappers)))
        extra.setdefault("BACKUP_AGE_RECIPIENTS", str(recipients))
        extra.setdefault("AGE_IDENTITY", str(identity))
        return run_script(
            script, site, *args, backup_dir=backup_dir or tmp_path / "backups", **extra
        )

    return run


@pytest.fixture
def backup(make_site, scripts_env):
    """A site with two certificates (PDFs on the private disk), a user and a public image, and
    its backup made by deploy/backup."""
    source = make_site(copy_of_test_db=True)
    source.run(SEED)
    made = scripts_env("backup", source)
    assert made.returncode == 0, made.stderr
    return source, Path(made.stdout.strip().splitlines()[-1])


def manifest(folder: Path) -> list[tuple[str, str]]:
    return [tuple(line.split("=", 1)) for line in (folder / "MANIFEST").read_text().splitlines()]


# ---- The restore as the service user, then downloads through nginx -----------------------------


@pytest.fixture(scope="session")
def service_user() -> str:
    """A system user like pa-lms, not in www-data (made once; tests run as root in CI)."""
    if os.geteuid() != 0 or not shutil.which("runuser"):
        _skip_or_fail("root, to create a service user and run the restore as it")
    try:
        pwd.getpwnam(SERVICE_USER)
    except KeyError:
        subprocess.run(
            [
                "useradd",
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                SERVICE_USER,
            ],
            check=True,
        )
    subprocess.run(["getent", "group", WEB_GROUP], check=True, capture_output=True)
    return SERVICE_USER


@pytest.fixture
def server_root(service_user):
    """/srv/pa-lms as on a server: owned by root, world-traversable, with backups/ of the service
    user. (Not under pytest's tmp_path: that is root's only.)"""
    root = Path(tempfile.mkdtemp(prefix="pa-lms-srv-", dir="/var/tmp"))
    root.chmod(0o755)
    (root / "backups").mkdir()
    shutil.chown(root / "backups", service_user, service_user)
    yield root
    shutil.rmtree(root)


def handed_to(service_user: str, source: Path, target: Path) -> Path:
    """A backup folder copied to where the service user reads it (as from the off-site copy)."""
    shutil.copytree(source, target)
    for path in [target, *target.rglob("*")]:
        shutil.chown(path, service_user, service_user)
    return target


def readme_folders(root: Path, service_user: str) -> None:
    """The README's step: empty media/ and private/ of the service user, group www-data, setgid."""
    for name in ("media", "private"):
        subprocess.run(
            ["install", "-d", "-o", service_user, "-g", WEB_GROUP, "-m", "2750", str(root / name)],
            check=True,
        )


class Downloads(BaseHTTPRequestHandler):
    """Stands in for gunicorn: answers /download/<name> as Django's certificate download does,
    through cms.private_files (X-Accel-Redirect to nginx's internal location)."""

    def do_GET(self):
        from cms.private_files import serve_private_file

        name = self.path.removeprefix("/download/")
        response = serve_private_file(RequestFactory().get(self.path), "private", name)
        self.send_response(response.status_code)
        for key, value in response.headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(response.content)))
        self.end_headers()
        self.wfile.write(response.content)

    def log_message(self, *args):
        pass


@pytest.fixture
def downloads_upstream():
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), Downloads)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{upstream.server_port}"
    upstream.shutdown()


def test_the_service_user_restores_a_backup_and_trainees_download_every_pdf_through_nginx(
    backup,
    make_site,
    scripts_env,
    age_keys,
    server_root,
    service_user,
    downloads_upstream,
    settings,
):
    require_nginx()
    source, folder = backup
    before = source.run(SNAPSHOT)
    readme_folders(server_root, service_user)
    target = dataclasses.replace(
        make_site(copy_of_test_db=False),
        media_root=server_root / "media",
        private_root=server_root / "private",
    )
    mine = handed_to(service_user, folder, server_root / "backups" / folder.name)
    identity = server_root / "backups" / "backup-key.txt"
    shutil.copy(age_keys[1], identity)
    shutil.chown(identity, service_user, service_user)
    identity.chmod(0o600)

    restored = scripts_env(
        "restore", target, str(mine), as_user=service_user, AGE_IDENTITY=str(identity)
    )

    assert restored.returncode == 0, restored.stderr
    assert "2 certificates, each with its PDF, readable by www-data" in restored.stdout
    after = target.run(SNAPSHOT)
    assert after == before
    assert after["media"] == ["images/emblem.svg"]
    for path in [target.private_root, *target.private_root.rglob("*")]:
        mode = path.stat().st_mode
        assert path.group() == WEB_GROUP and path.owner() == service_user
        assert mode & stat.S_IRGRP and not mode & (stat.S_IROTH | stat.S_IWOTH | stat.S_IXOTH)
        assert path.is_file() or mode & stat.S_ISGID  # files made there later: www-data's too

    settings.PRIVATE_FILES_X_ACCEL = True
    settings.PRIVATE_FILES_X_ACCEL_PREFIX = "/_protected/"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(target.private_root), "base_url": None},
        },
    }
    import httpx

    with (
        running_nginx(
            root=server_root,
            upstream=downloads_upstream,
            work=server_root / "nginx",
            user=WEB_GROUP,
        ) as site,
        httpx.Client(verify=False, headers={"Host": "lms.test"}, timeout=10) as client,
    ):
        for certificate in after["certificates"]:
            response = client.get(f"{site.https}/download/{certificate['pdf']}")
            assert response.status_code == 200, site.error_log.read_text()
            assert hashlib.sha256(response.content).hexdigest() == certificate["recorded"]
            assert response.headers["Content-Type"] == "application/pdf"
        assert client.get(f"{site.https}/media/images/emblem.svg").content == b"<svg/>"
        name = after["certificates"][0]["pdf"]
        assert client.get(f"{site.https}/_protected/private/{name}").status_code == 404


def test_restore_refuses_folders_the_service_user_cannot_create_and_changes_nothing(
    backup, make_site, scripts_env, age_keys, server_root, service_user
):
    _source, folder = backup
    target = dataclasses.replace(
        make_site(copy_of_test_db=False),
        media_root=server_root / "media",
        private_root=server_root / "private",
    )
    mine = handed_to(service_user, folder, server_root / "backups" / folder.name)

    refused = scripts_env("restore", target, str(mine), as_user=service_user,
                          AGE_IDENTITY="/nonexistent")  # fmt: skip
    assert refused.returncode != 0
    assert "AGE_IDENTITY /nonexistent is not readable by pa-lms-it" in refused.stderr

    shutil.copy(age_keys[1], server_root / "backups" / "key.txt")
    shutil.chown(server_root / "backups" / "key.txt", service_user, service_user)
    refused = scripts_env("restore", target, str(mine), as_user=service_user,
                          AGE_IDENTITY=str(server_root / "backups" / "key.txt"))  # fmt: skip

    assert refused.returncode != 0
    assert (
        f"{target.media_root} does not exist and pa-lms-it cannot create it in {server_root}; "
        f"create it: install -d -o pa-lms-it -g www-data -m 2750 {target.media_root}"
    ) in refused.stderr
    assert target.run(TABLES) == 0
    assert sorted(p.name for p in server_root.iterdir()) == ["backups"]


def test_restore_refuses_an_age_key_that_does_not_open_the_backup_and_changes_nothing(
    backup, make_site, scripts_env, tmp_path
):
    _source, folder = backup
    target = make_site(copy_of_test_db=False)
    subprocess.run(["age-keygen", "-o", str(tmp_path / "other.txt")], check=True,
                   capture_output=True)  # fmt: skip

    refused = scripts_env("restore", target, str(folder), AGE_IDENTITY=str(tmp_path / "other.txt"))

    assert refused.returncode != 0
    assert "AGE_IDENTITY cannot decrypt this backup (wrong key?)" in refused.stderr
    assert target.run(TABLES) == 0
    assert not target.private_root.exists() and not target.media_root.exists()


def test_restore_refuses_a_database_that_is_not_empty_and_changes_nothing(
    backup, scripts_env, tmp_path
):
    source, folder = backup
    before = source.run(SNAPSHOT)
    fresh = dataclasses.replace(
        source, media_root=tmp_path / "fresh" / "media", private_root=tmp_path / "fresh" / "p"
    )

    refused = scripts_env("restore", fresh, str(folder))

    assert refused.returncode != 0
    assert "the database is not empty" in refused.stderr
    assert not (tmp_path / "fresh").exists()
    assert source.run(SNAPSHOT) == before


def test_restore_refuses_a_damaged_backup(backup, make_site, scripts_env):
    _source, folder = backup
    with (folder / "private.tar.gz.age").open("ab") as damaged:
        damaged.write(b"x")
    target = make_site(copy_of_test_db=False)

    refused = scripts_env("restore", target, str(folder))

    assert refused.returncode != 0
    assert "checksums do not match" in refused.stderr
    assert not target.private_root.exists()
    assert target.run(TABLES) == 0


# ---- What a backup holds ----------------------------------------------------------------------


def test_a_backup_is_encrypted_and_its_manifest_records_the_version_and_migration_state(backup):
    source, folder = backup

    assert sorted(p.name for p in folder.iterdir()) == [
        "MANIFEST",
        "SHA256SUMS",
        "database.dump.age",
        "media.tar.gz.age",
        "private.tar.gz.age",
    ]
    for part in folder.glob("*.age"):
        assert part.read_bytes().startswith(b"age-encryption.org/v1\n")
        assert stat.S_IMODE(part.stat().st_mode) == 0o600
    assert b"PDF" not in (folder / "private.tar.gz.age").read_bytes()[:4096]
    recorded = dict(manifest(folder))
    plan = source.run(
        "import json\n"
        "from certificates.management.commands.backup_state import applied_migration_plan\n"
        "print(json.dumps(applied_migration_plan()))"
    )
    assert recorded["migrations_applied"] == str(len(plan))
    assert recorded["migrations_sha256"] == hashlib.sha256("\n".join(plan).encode()).hexdigest()
    assert recorded["app_version"]
    assert recorded["encrypted"] == "age"
    assert "orphan_pdf" not in recorded and "pending_pdf" not in recorded


def test_a_backup_without_a_recipients_file_is_refused_unless_plain_backups_are_asked_for(
    make_site, scripts_env, tmp_path
):
    source = make_site(copy_of_test_db=True)

    refused = scripts_env("backup", source, BACKUP_AGE_RECIPIENTS=str(tmp_path / "none.txt"))
    plain = scripts_env("backup", source, BACKUP_AGE_RECIPIENTS=str(tmp_path / "none.txt"),
                        BACKUP_UNENCRYPTED="true")  # fmt: skip

    assert refused.returncode != 0
    assert f"no age recipients file {tmp_path / 'none.txt'}" in refused.stderr
    assert plain.returncode == 0, plain.stderr
    folder = Path(plain.stdout.strip())
    assert (folder / "database.dump").read_bytes().startswith(b"PGDMP")
    assert dict(manifest(folder))["encrypted"] == "no"
    assert [p.name for p in (tmp_path / "backups").iterdir() if p.name.startswith("pa-lms-")] == [
        folder.name
    ]


def test_a_second_backup_while_one_runs_stops_and_consecutive_backups_never_nest(
    make_site, scripts_env, tmp_path
):
    source = make_site(copy_of_test_db=True)
    backups = tmp_path / "backups"
    backups.mkdir()
    with (backups / ".lock").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # a backup running
        refused = scripts_env("backup", source)
    first = scripts_env("backup", source)
    second = scripts_env("backup", source)

    assert refused.returncode != 0
    assert "another backup is running" in refused.stderr
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    made = sorted(p for p in backups.iterdir() if not p.name.startswith("."))
    assert made == sorted([Path(first.stdout.strip()), Path(second.stdout.strip())])
    for folder in made:
        assert sorted(p.name for p in folder.iterdir() if p.is_dir()) == []
    assert not [p for p in backups.iterdir() if p.name.startswith(".partial")]


def test_the_database_password_goes_to_pg_dump_in_its_environment_never_on_its_command_line(
    make_site, scripts_env, tmp_path
):
    source = make_site(copy_of_test_db=True)
    real = os.environ.get("PA_LMS_PG_BIN") or str(Path(shutil.which("pg_dump")).parent)
    spy = tmp_path / "spy"
    spy.mkdir()
    for tool in ("pg_dump", "pg_restore"):
        (spy / tool).write_text(
            f'#!/bin/sh\nprintf "%s\\n" "$*" >>{spy}/argv\n'
            f'printf "%s\\n" "$PGPASSWORD" >>{spy}/password\nexec {real}/{tool} "$@"\n'
        )
        (spy / tool).chmod(0o755)
    with_password = source.url.replace("@", ":s3cret%40pw@", 1)  # trust auth ignores it
    site = dataclasses.replace(source, url=with_password)

    made = scripts_env("backup", site, PA_LMS_PG_BIN=str(spy))

    assert made.returncode == 0, made.stderr
    assert "s3cret" not in (spy / "argv").read_text()
    assert set((spy / "password").read_text().split()) == {"s3cret@pw"}


# ---- Consistency: serials, late PDFs, a burst of issuing ---------------------------------------

LATE_AND_ORPHAN = """
import json
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from certificates.models import Certificate
from certificates.services import certificate_issue
from certificates.tests.factories import EnrolmentFactory

late = certificate_issue(enrolment=EnrolmentFactory(), score=80, band="good")
# Dumped before its PDF was stored: the row has no name yet, the file is there.
Certificate.objects.filter(pk=late.pk).update(pdf="", pdf_sha256="")
year = late.issued_on.year
# Issued after the dump: its PDF is archived, its row is not in the backup.
storages["private"].save(f"certificates/{year}/PA-{year}-00099.pdf", ContentFile(b"%PDF-1.7 x"))
print(json.dumps({"serial": late.serial, "pdf": late.pdf.name, "sha": late.pdf_sha256,
                  "year": year}))
"""


def test_restore_reattaches_a_pdf_stored_after_the_dump_and_never_reuses_an_archived_serial(
    make_site, scripts_env
):
    source = make_site(copy_of_test_db=True)
    late = source.run(LATE_AND_ORPHAN)
    made = scripts_env("backup", source)
    assert made.returncode == 0, made.stderr
    folder = Path(made.stdout.strip())
    orphan = f"certificates/{late['year']}/PA-{late['year']}-00099.pdf"
    assert ("orphan_pdf", orphan) in manifest(folder)
    target = make_site(copy_of_test_db=False)

    restored = scripts_env("restore", target, str(folder))

    assert restored.returncode == 0, restored.stderr
    after = target.run(SNAPSHOT)
    assert after["certificates"] == [
        {"serial": late["serial"], "score": 80, "pdf": late["pdf"], "recorded": late["sha"],
         "actual": late["sha"], "on_private_disk": True}
    ]  # fmt: skip
    assert after["counters"] == {str(late["year"]): 99}
    assert target.run(ISSUE_ONE) == f"PA-{late['year']}-00100"


BURST = """
import json, time
from certificates.services import certificate_issue
from certificates.tests.factories import EnrolmentFactory
serials = []
deadline = time.monotonic() + {seconds}
while time.monotonic() < deadline:
    serials.append(certificate_issue(enrolment=EnrolmentFactory(), score=80, band="good").serial)
print(json.dumps(serials))
"""


def test_a_backup_taken_during_a_burst_of_issuing_restores_with_every_certificate_and_its_pdf(
    make_site, scripts_env
):
    source = make_site(copy_of_test_db=True)
    issuing = subprocess.Popen(
        [sys.executable, "-c", "import django; django.setup()\n" + BURST.format(seconds=12)],
        cwd=REPO, env=source.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        import time

        time.sleep(4)  # issuing is under way
        made = scripts_env("backup", source)
    finally:
        out, err = issuing.communicate(timeout=120)
    assert issuing.returncode == 0, err
    issued = json.loads(out.strip().splitlines()[-1])
    assert made.returncode == 0, made.stderr
    folder = Path(made.stdout.strip())
    target = make_site(copy_of_test_db=False)

    restored = scripts_env("restore", target, str(folder))

    assert restored.returncode == 0, restored.stderr
    after = target.run(SNAPSHOT)
    assert after["certificates"], "the backup was taken before any certificate was issued"
    for certificate in after["certificates"]:
        assert certificate["on_private_disk"] and certificate["actual"] == certificate["recorded"]
    restored_serials = {c["serial"] for c in after["certificates"]}
    assert restored_serials <= set(issued)
    orphans = {value for key, value in manifest(folder) if key == "orphan_pdf"}
    year = issued[0].split("-")[1]
    highest = max(int(s.rsplit("-", 1)[1]) for s in restored_serials | {
        Path(o).stem for o in orphans})  # fmt: skip
    assert after["counters"][year] == highest
    assert target.run(ISSUE_ONE) == f"PA-{year}-{highest + 1:05d}"


# ---- Off-site ---------------------------------------------------------------------------------


def test_the_off_site_copy_is_a_restic_snapshot_per_backup_that_restores_as_it_was(
    backup, make_site, scripts_env, tmp_path
):
    if not shutil.which("restic"):
        _skip_or_fail("restic (Debian package restic)")
    source, _first = backup
    repository, password = tmp_path / "offsite", tmp_path / "restic-password"
    password.write_text("restic-test-password\n")
    restic = {"RESTIC_REPOSITORY": str(repository), "RESTIC_PASSWORD_FILE": str(password)}
    subprocess.run(["restic", "init", "--quiet"], env={**os.environ, **restic}, check=True,
                   capture_output=True)  # fmt: skip

    made = [scripts_env("backup", source, **restic) for _ in range(2)]

    assert all(m.returncode == 0 for m in made), [m.stderr for m in made]
    snapshots = json.loads(subprocess.run(
        ["restic", "snapshots", "--json"], env={**os.environ, **restic}, check=True,
        capture_output=True, text=True).stdout)  # fmt: skip
    assert sorted(s["paths"][0] for s in snapshots) == sorted(m.stdout.strip() for m in made)
    latest = Path(made[-1].stdout.strip())
    shutil.rmtree(latest)  # lost on the server
    subprocess.run(["restic", "restore", "latest", "--target", str(tmp_path / "back")],
                   env={**os.environ, **restic}, check=True, capture_output=True)  # fmt: skip
    brought_back = tmp_path / "back" / latest.relative_to("/")
    target = make_site(copy_of_test_db=False)

    restored = scripts_env("restore", target, str(brought_back))

    assert restored.returncode == 0, restored.stderr
    assert target.run(SNAPSHOT) == source.run(SNAPSHOT)
