"""The monitoring checks (cms.monitoring), the staff status page and /healthz/status.json."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from unittest import mock

import pytest
import time_machine
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID
from django.utils import translation

from cms import monitoring
from cms.celery import _note_beat_heartbeat
from cms.models import FailedTask, Heartbeat
from cms.tasks import heartbeat_task

from .factories import RegistrarFactory, TraineeFactory, TrainerFactory, UserFactory

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2026, 12, 5, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def with_broker(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False


def _beat_at(name: str, when: datetime.datetime) -> None:
    Heartbeat.objects.create(name=name, at=when, detail="host-1")


# --- Heartbeats ------------------------------------------------------------------------------


def test_the_heartbeat_task_notes_the_worker_that_ran_it():
    with time_machine.travel(NOON, tick=False):
        heartbeat_task.apply()
    beat = Heartbeat.objects.get(name="worker")
    assert beat.at == NOON
    assert beat.detail


def test_sending_the_heartbeat_task_notes_beat_and_sending_another_task_does_not():
    with time_machine.travel(NOON, tick=False):
        _note_beat_heartbeat(sender="cms.tasks.ping")
        assert not Heartbeat.objects.exists()
        _note_beat_heartbeat(sender="cms.tasks.heartbeat")
    assert Heartbeat.objects.get(name="beat").at == NOON


def test_a_database_error_while_noting_beat_never_stops_beat_from_sending():
    with mock.patch("cms.services.heartbeat_record", side_effect=RuntimeError("db down")):
        _note_beat_heartbeat(sender="cms.tasks.heartbeat")  # no exception
    assert not Heartbeat.objects.exists()


def test_the_heartbeat_and_the_clean_ups_are_on_the_one_beat_schedule():
    from cms.celery import app

    schedule = app.conf.beat_schedule
    assert schedule["cms-heartbeat"]["task"] == "cms.tasks.heartbeat"
    assert schedule["cms-heartbeat"]["schedule"] == 60.0
    assert schedule["cms-clear-expired-sessions"]["task"] == "cms.tasks.clear_expired_sessions"
    assert schedule["cms-prune-failed-tasks"]["task"] == "cms.tasks.prune_failed_tasks"
    # The apps' own entries are still there beside the site's.
    assert "certificates-flush-verification-lookups" in schedule
    assert "mentoring-reminders" in schedule


def test_workers_and_beat_are_ok_while_tasks_run_in_process():
    assert monitoring.check_worker().state == "ok"
    assert monitoring.check_beat().state == "ok"


@pytest.mark.parametrize(
    ("minutes_ago", "state"),
    [(1, "ok"), (4, "ok"), (5, "warning"), (14, "warning"), (15, "critical"), (600, "critical")],
)
def test_the_worker_check_goes_by_the_age_of_its_heartbeat(with_broker, minutes_ago, state):
    _beat_at("worker", NOON - datetime.timedelta(minutes=minutes_ago))
    with time_machine.travel(NOON, tick=False):
        check = monitoring.check_worker()
    assert check.state == state
    assert f"{minutes_ago} min ago" in check.reason or f"{minutes_ago // 60} h ago" in check.reason
    assert ("Start pa-lms-worker" in check.reason) == (state != "ok")


def test_a_stopped_beat_is_critical_with_what_stops_with_it(with_broker):
    _beat_at("beat", NOON - datetime.timedelta(minutes=20))
    with time_machine.travel(NOON, tick=False):
        check = monitoring.check_beat()
    assert check.state == "critical"
    assert check.reason == (
        "Last heartbeat 20 min ago (host-1). Beat seems stopped: no reminders, clean-ups or "
        "look-up counts. Start pa-lms-beat."
    )


def test_a_heartbeat_never_recorded_is_critical(with_broker):
    check = monitoring.check_beat()
    assert check.state == "critical"
    assert check.reason.startswith("No heartbeat has ever been recorded.")


# --- Queue, failed tasks ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("depth", "state"), [(0, "ok"), (99, "ok"), (100, "warning"), (1000, "critical")]
)
def test_the_queue_check_goes_by_the_number_of_waiting_tasks(with_broker, depth, state):
    with mock.patch("cms.monitoring.broker_queue_depth", return_value=depth):
        check = monitoring.check_queue()
    assert check.state == state
    assert check.reason.startswith(f"{depth} tasks waiting.")


def test_an_unreachable_broker_makes_the_queue_check_critical(with_broker):
    with mock.patch("cms.monitoring.broker_queue_depth", side_effect=ConnectionError("refused")):
        check = monitoring.check_queue()
    assert (check.state, check.reason) == (
        "critical",
        "The broker does not answer: ConnectionError",
    )


def _failure(**fields) -> FailedTask:
    return FailedTask.objects.create(
        task_name="certificates.tasks.issue_certificate", exception="E", **fields
    )


def test_no_open_failed_task_is_ok_even_with_resolved_and_retried_ones():
    _failure(resolved_at=NOON)
    _failure(retried_at=NOON)
    assert monitoring.check_failed_tasks().state == "ok"


def test_an_open_failed_task_is_a_warning_with_the_count():
    _failure(failed_at=NOON - datetime.timedelta(days=3))
    _failure(failed_at=NOON - datetime.timedelta(hours=1))
    with time_machine.travel(NOON, tick=False):
        check = monitoring.check_failed_tasks()
    assert check.state == "warning"
    assert check.reason.startswith(
        "2 failed tasks wait for a retry or a decision (1 in the last 24"
    )


def test_ten_failures_in_a_day_are_critical():
    for _ in range(10):
        _failure(failed_at=NOON - datetime.timedelta(hours=2))
    with time_machine.travel(NOON, tick=False):
        assert monitoring.check_failed_tasks().state == "critical"


# --- Disk ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("free", "state"), [(50, "ok"), (16, "ok"), (15, "warning"), (5, "critical")]
)
def test_the_disk_check_goes_by_the_free_share_of_the_files_disks(free, state):
    usage = shutil._ntuple_diskusage(
        total=100 * 10**9, used=(100 - free) * 10**9, free=free * 10**9
    )
    with mock.patch("cms.monitoring.shutil.disk_usage", return_value=usage) as disk_usage:
        check = monitoring.check_disk()
    assert check.state == state
    assert (
        check.reason
        == f"media: {free:.1f} GB free ({free} %); private: {free:.1f} GB free ({free} %)."
    )
    assert disk_usage.call_count == 2


def test_the_worse_of_the_two_disks_decides(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    full = shutil._ntuple_diskusage(total=100, used=97, free=3)
    roomy = shutil._ntuple_diskusage(total=100, used=10, free=90)

    def usage(path):
        return full if Path(path).name == "private" else roomy

    (tmp_path / "private").mkdir()  # media is not made yet: its parent's disk is measured
    with mock.patch("cms.monitoring.shutil.disk_usage", side_effect=usage):
        assert monitoring.check_disk().state == "critical"


# --- Backups ---------------------------------------------------------------------------------


def _backup(root: Path, stamp: str, *, manifest: str | None = None) -> None:
    folder = root / f"pa-lms-{stamp}"
    folder.mkdir()
    if manifest is not None:
        (folder / "MANIFEST").write_text(manifest)


def test_backup_not_configured_is_a_warning(settings):
    settings.BACKUP_DIR = ""
    check = monitoring.check_backup()
    assert (check.state, check.reason) == ("warning", "BACKUP_DIR is not set: backups not watched.")


def test_an_empty_backup_folder_is_critical(settings, tmp_path):
    settings.BACKUP_DIR = str(tmp_path)
    check = monitoring.check_backup()
    assert (check.state, check.reason) == ("critical", f"No backup in {tmp_path}.")


@pytest.mark.parametrize(
    ("hours_ago", "state"), [(2, "ok"), (25, "ok"), (26, "warning"), (50, "critical")]
)
def test_the_backup_check_goes_by_the_age_of_the_newest_backup(
    settings, tmp_path, hours_ago, state
):
    settings.BACKUP_DIR = str(tmp_path)
    newest = NOON - datetime.timedelta(hours=hours_ago)
    _backup(tmp_path, "20261101T021500Z", manifest="created=20261101T021500Z\n")
    _backup(tmp_path, newest.strftime("%Y%m%dT%H%M%SZ"))
    with time_machine.travel(NOON, tick=False):
        check = monitoring.check_backup()
    assert check.state == state
    assert check.reason.startswith(
        f"Newest backup: {newest:%Y-%m-%d %H:%M} UTC, {hours_ago} h ago."
    )


def test_an_unfinished_backup_does_not_count_and_the_manifest_wins_over_the_name(tmp_path):
    _backup(tmp_path, "20261205T110000Z.partial")
    _backup(tmp_path, "20261204T021500Z", manifest="created=20261204T021733Z\nhost=x\n")
    (tmp_path / "backup.log").write_text("")
    assert monitoring.newest_backup_time(tmp_path) == datetime.datetime(
        2026, 12, 4, 2, 17, 33, tzinfo=datetime.UTC
    )


# --- TLS -------------------------------------------------------------------------------------


def write_certificate(path: Path, *, expires: datetime.datetime) -> Path:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "lms.example.kz")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(expires - datetime.timedelta(days=90))
        .not_valid_after(expires)
        .sign(key, hashes.SHA256())
    )
    path.write_bytes(cert.public_bytes(Encoding.PEM))
    return path


def test_tls_not_configured_is_ok_and_says_so(settings):
    settings.MONITOR_TLS_CERT = ""
    check = monitoring.check_tls()
    assert (check.state, check.reason) == ("ok", "Not watched here (MONITOR_TLS_CERT is not set).")


@pytest.mark.parametrize(
    ("days_left", "state"),
    [(60, "ok"), (22, "ok"), (21, "warning"), (7, "critical"), (-1, "critical")],
)
def test_the_tls_check_goes_by_the_days_left(settings, tmp_path, days_left, state):
    expires = NOON + datetime.timedelta(days=days_left, hours=1)
    settings.MONITOR_TLS_CERT = str(write_certificate(tmp_path / "fullchain.pem", expires=expires))
    with time_machine.travel(NOON, tick=False):
        check = monitoring.check_tls()
    assert check.state == state
    if days_left >= 0:
        assert check.reason.startswith(f"Expires on {expires.date()}, in {days_left} days.")
    else:
        assert check.reason.startswith(f"Expired on {expires.date()}.")
    assert ("certbot renew --dry-run" in check.reason) == (state != "ok")


def test_an_unreadable_tls_certificate_is_critical(settings, tmp_path):
    settings.MONITOR_TLS_CERT = str(tmp_path / "missing.pem")
    check = monitoring.check_tls()
    assert check.state == "critical"
    assert check.reason.startswith(f"Cannot read {tmp_path / 'missing.pem'}:")


# --- The report, the page and the JSON -------------------------------------------------------


def test_the_report_names_the_worst_state_and_a_check_that_raises_is_critical(settings):
    settings.BACKUP_DIR = ""
    with mock.patch("cms.monitoring.check_disk", side_effect=OSError("gone")):
        # The registry holds the function itself; patch it there.
        registry = [
            (n, monitoring.check_disk if n == "disk" else f) for n, f in monitoring._registry
        ]
        with mock.patch.object(monitoring, "_registry", registry):
            report = monitoring.status_report()
    states = {check["name"]: check for check in report["checks"]}
    assert states["disk"]["state"] == "critical"
    assert states["disk"]["reason"] == "The check failed: OSError"
    assert states["backup"]["state"] == "warning"
    assert report["status"] == "critical"


def test_every_check_is_in_the_report(settings):
    names = [check["name"] for check in monitoring.status_report()["checks"]]
    assert names[:7] == ["worker", "beat", "queue", "failed_tasks", "disk", "backup", "tls"]
    assert {"certificates_without_pdf", "passes_without_certificate", "signing_certificate"} <= set(
        names
    )


def test_status_json_answers_a_monitoring_system_with_the_token(client, settings):
    settings.MONITOR_STATUS_TOKEN = "s3cret-token"
    settings.BACKUP_DIR = ""
    response = client.get("/healthz/status.json", headers={"Authorization": "Bearer s3cret-token"})
    assert response.status_code == 200
    body = response.json()
    assert body["status"] in {"ok", "warning", "critical"}
    backup = next(check for check in body["checks"] if check["name"] == "backup")
    assert backup == {
        "name": "backup",
        "title": "Backups",
        "state": "warning",
        "reason": "BACKUP_DIR is not set: backups not watched.",
    }
    assert response["Cache-Control"].startswith("max-age=0")


def test_status_json_reasons_are_in_english_whatever_the_browser_asks(client, settings):
    settings.MONITOR_STATUS_TOKEN = "s3cret-token"
    response = client.get(
        "/healthz/status.json",
        headers={"Authorization": "Bearer s3cret-token", "Accept-Language": "kk"},
    )
    titles = [check["title"] for check in response.json()["checks"]]
    assert "Backups" in titles


@pytest.mark.parametrize("header", [None, "Bearer wrong", "s3cret-token", "Bearer "])
def test_status_json_refuses_a_missing_or_wrong_token(client, settings, header):
    settings.MONITOR_STATUS_TOKEN = "s3cret-token"
    headers = {"Authorization": header} if header is not None else {}
    response = client.get("/healthz/status.json", headers=headers)
    assert response.status_code == 403
    assert response.json() == {"detail": "forbidden"}


def test_status_json_with_no_token_configured_refuses_an_empty_bearer(client, settings):
    settings.MONITOR_STATUS_TOKEN = ""
    response = client.get("/healthz/status.json", headers={"Authorization": "Bearer "})
    assert response.status_code == 403


def test_status_json_answers_staff_and_refuses_trainees_and_trainers(client):
    client.force_login(TraineeFactory())
    assert client.get("/healthz/status.json").status_code == 403
    client.force_login(TrainerFactory())
    assert client.get("/healthz/status.json").status_code == 403
    client.force_login(RegistrarFactory())
    assert client.get("/healthz/status.json").status_code == 200


def test_the_status_page_shows_staff_each_check_in_their_language(client, settings):
    settings.BACKUP_DIR = ""
    client.force_login(RegistrarFactory())
    response = client.get("/admin/site-status/", headers={"Accept-Language": "ru"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Резервные копии" in page
    assert "BACKUP_DIR не задан" in page
    assert "Предупреждение" in page


def test_the_status_page_is_in_the_admin_menu_for_staff(client):
    client.force_login(RegistrarFactory())
    page = client.get("/admin/", headers={"Accept-Language": "en"}).content.decode()
    assert "/admin/site-status/" in page


def test_the_status_page_refuses_people_who_are_not_staff(client):
    trainer = TrainerFactory()
    client.force_login(trainer)
    response = client.get("/admin/site-status/")
    assert response.status_code in {302, 403}
    assert "site-status" not in client.get("/admin/").content.decode()


def test_the_status_page_sends_anonymous_visitors_to_the_login(client):
    response = client.get("/admin/site-status/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_a_superuser_is_an_operator():
    from cms.admin_status import is_operator

    assert is_operator(UserFactory(is_superuser=True))
    assert not is_operator(UserFactory())


def test_beat_replaces_a_broken_database_connection_before_noting_its_heartbeat():
    with mock.patch("cms.celery._replace_broken_connection") as replace:
        _note_beat_heartbeat(sender="cms.tasks.heartbeat")
    replace.assert_called_once_with()
    assert Heartbeat.objects.filter(name="beat").exists()


def test_the_connection_is_replaced_outside_a_transaction_and_never_inside_one():
    from django.db import connection

    from cms.celery import _replace_broken_connection

    with mock.patch("django.db.close_old_connections") as close_old_connections:
        _replace_broken_connection()  # inside the test's transaction
    close_old_connections.assert_not_called()
    assert connection.in_atomic_block
