"""What an operator alerts on, beyond /healthz: each check says ok, warning or critical, with a
reason a person can act on. Shown to staff in the admin ("Site status") and as JSON at
/healthz/status.json (staff, or a monitoring system holding MONITOR_STATUS_TOKEN).

/healthz stays what a load balancer needs (can this process serve?); a stopped worker must not
take the web containers out of service, so these checks live apart from it.

Apps above cms add their own checks (certificates without a PDF, the signing certificate's
expiry) with `register_check`, as they add dashboard panels: cms never imports them."""

from __future__ import annotations

import datetime
import logging
import re
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

logger = logging.getLogger(__name__)

OK, WARNING, CRITICAL = "ok", "warning", "critical"
_SEVERITY = {OK: 0, WARNING: 1, CRITICAL: 2}


@dataclass(frozen=True)
class Check:
    name: str
    title: str
    state: str
    reason: str

    def as_dict(self) -> dict:
        return asdict(self)


_registry: list[tuple[str, Callable[[], Check]]] = []


def register_check(name: str, function: Callable[[], Check]) -> None:
    """Add a check (run on every status request; keep it to a few cheap queries)."""
    if not any(existing == name for existing, _function in _registry):
        _registry.append((name, function))


def worst(states: list[str]) -> str:
    return max(states, key=_SEVERITY.__getitem__, default=OK)


def by_threshold(value: float, *, warning: float, critical: float, higher_is_worse=True) -> str:
    if higher_is_worse:
        return CRITICAL if value >= critical else WARNING if value >= warning else OK
    return CRITICAL if value <= critical else WARNING if value <= warning else OK


def _age_text(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 120:
        return _("%(minutes)s min ago") % {"minutes": minutes}
    return _("%(hours)s h ago") % {"hours": minutes // 60}


# --- Background processes ----------------------------------------------------------------------


def _heartbeat_check(name: str, title: str, stopped: str) -> Check:
    from cms.models import Heartbeat

    if settings.CELERY_TASK_ALWAYS_EAGER:
        return Check(name, title, OK, _("Tasks run inside the web process (no broker)."))
    beat = Heartbeat.objects.filter(name=name).first()
    if beat is None:
        never = _("No heartbeat has ever been recorded.")
        return Check(name, title, CRITICAL, f"{never} {stopped}")
    age = (timezone.now() - beat.at).total_seconds()
    state = by_threshold(
        age,
        warning=settings.MONITOR_HEARTBEAT_WARNING_SECONDS,
        critical=settings.MONITOR_HEARTBEAT_CRITICAL_SECONDS,
    )
    reason = _("Last heartbeat %(age)s (%(host)s).") % {
        "age": _age_text(age),
        "host": beat.detail or "?",
    }
    return Check(name, title, state, reason if state == OK else f"{reason} {stopped}")


def check_beat() -> Check:
    return _heartbeat_check(
        "beat",
        _("Scheduler (Celery beat)"),
        _("Beat seems stopped: no reminders, clean-ups or look-up counts. Start pa-lms-beat."),
    )


def check_worker() -> Check:
    return _heartbeat_check(
        "worker",
        _("Background workers"),
        _(
            "No worker has run the heartbeat task: certificates are not being issued. Start "
            "pa-lms-worker (if beat is stopped too, start beat first: it sends the heartbeat)."
        ),
    )


def broker_queue_depth() -> int:
    """Messages waiting in the default queue (Redis: the list's length)."""
    from cms.celery import app

    with app.connection_for_read() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
        # A non-passive declare: on Redis a passive one fails for an empty (absent) list.
        declared = conn.default_channel.queue_declare(
            queue=app.conf.task_default_queue, passive=False
        )
        return int(declared.message_count)


def check_queue() -> Check:
    title = _("Task queue")
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return Check("queue", title, OK, _("Tasks run inside the web process (no broker)."))
    try:
        depth = broker_queue_depth()
    except Exception as exc:  # any broker error: the broker is what is wrong
        logger.warning("status: queue depth unavailable: %r", exc)
        return Check(
            "queue",
            title,
            CRITICAL,
            _("The broker does not answer: %(error)s") % {"error": type(exc).__name__},
        )
    state = by_threshold(
        depth, warning=settings.MONITOR_QUEUE_WARNING, critical=settings.MONITOR_QUEUE_CRITICAL
    )
    reason = ngettext("%(count)s task waiting.", "%(count)s tasks waiting.", depth) % {
        "count": depth
    }
    if state != OK:
        reason += " " + _("Workers do not keep up, or none is running.")
    return Check("queue", title, state, reason)


def check_failed_tasks() -> Check:
    from cms.models import FailedTask

    title = _("Failed background tasks")
    open_failures = FailedTask.objects.filter(resolved_at__isnull=True, retried_at__isnull=True)
    count = open_failures.count()
    if not count:
        return Check("failed_tasks", title, OK, _("No failed task waits for a decision."))
    since = timezone.now() - datetime.timedelta(hours=24)
    recent = open_failures.filter(failed_at__gte=since).count()
    state = CRITICAL if recent >= settings.MONITOR_FAILED_TASKS_CRITICAL else WARNING
    return Check(
        "failed_tasks",
        title,
        state,
        ngettext(
            "%(count)s failed task waits for a retry or a decision (%(recent)s in the last 24 "
            "hours): admin → Failed background tasks.",
            "%(count)s failed tasks wait for a retry or a decision (%(recent)s in the last 24 "
            "hours): admin → Failed background tasks.",
            count,
        )
        % {"count": count, "recent": recent},
    )


# --- Disk, backups, TLS ------------------------------------------------------------------------


def _disk(path: Path) -> tuple[int, float]:
    usage = shutil.disk_usage(path)
    return usage.free, 100.0 * usage.free / usage.total if usage.total else 0.0


def check_disk() -> Check:
    title = _("Disk space")
    if settings.STORAGES["private"]["BACKEND"] != "django.core.files.storage.FileSystemStorage":
        return Check("disk", title, OK, _("Files are kept in object storage."))
    states, parts = [], []
    for label, root in (("media", settings.MEDIA_ROOT), ("private", settings.PRIVATE_MEDIA_ROOT)):
        path = Path(root)
        while not path.exists() and path != path.parent:  # not made yet: its disk is the parent's
            path = path.parent
        free, percent = _disk(path)
        states.append(
            by_threshold(
                percent,
                warning=settings.MONITOR_DISK_WARNING_PERCENT,
                critical=settings.MONITOR_DISK_CRITICAL_PERCENT,
                higher_is_worse=False,
            )
        )
        parts.append(
            _("%(label)s: %(free)s GB free (%(percent)s %%)")
            % {"label": label, "free": f"{free / 1e9:.1f}", "percent": f"{percent:.0f}"}
        )
    return Check("disk", title, worst(states), "; ".join(parts) + ".")


_STAMP = re.compile(r"^pa-lms-(\d{8}T\d{6}Z)")


def newest_backup_time(backup_dir: Path) -> datetime.datetime | None:
    """The time of the newest complete backup: BACKUP_DIR/pa-lms-<YYYYMMDDTHHMMSSZ>[…] (a folder
    or a single archive); its MANIFEST's `created=` line wins over the name. Unfinished
    (.partial) backups do not count."""
    newest = None
    for entry in backup_dir.iterdir():
        match = _STAMP.match(entry.name)
        if not match or entry.name.endswith(".partial"):
            continue
        stamp = match.group(1)
        manifest = entry / "MANIFEST"
        if entry.is_dir() and manifest.is_file():
            for line in manifest.read_text(errors="replace").splitlines():
                if line.startswith("created=") and _STAMP.match(f"pa-lms-{line[8:].strip()}"):
                    stamp = line[8:].strip()
        when = datetime.datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.UTC)
        newest = when if newest is None or when > newest else newest
    return newest


def check_backup() -> Check:
    title = _("Backups")
    if not settings.BACKUP_DIR:
        return Check("backup", title, WARNING, _("BACKUP_DIR is not set: backups not watched."))
    backup_dir = Path(settings.BACKUP_DIR)
    try:
        newest = newest_backup_time(backup_dir)
    except OSError as exc:
        return Check(
            "backup",
            title,
            CRITICAL,
            _("Cannot read %(path)s: %(error)s")
            % {"path": backup_dir, "error": exc.strerror or type(exc).__name__},
        )
    if newest is None:
        return Check("backup", title, CRITICAL, _("No backup in %(path)s.") % {"path": backup_dir})
    hours = (timezone.now() - newest).total_seconds() / 3600
    state = by_threshold(
        hours,
        warning=settings.MONITOR_BACKUP_WARNING_HOURS,
        critical=settings.MONITOR_BACKUP_CRITICAL_HOURS,
    )
    reason = _("Newest backup: %(when)s UTC, %(hours)s h ago.") % {
        "when": newest.strftime("%Y-%m-%d %H:%M"),
        "hours": int(hours),
    }
    if state != OK:
        reason += " " + _("Check the backup cron job and its log.")
    return Check("backup", title, state, reason)


def certificate_days_left(path: Path) -> tuple[int, datetime.datetime]:
    """Whole days until the (first) certificate in a PEM file expires, and when."""
    from cryptography import x509

    cert = x509.load_pem_x509_certificate(path.read_bytes())
    expires = cert.not_valid_after_utc
    return (expires - timezone.now()).days, expires


def expiry_check(
    *, name: str, title: str, path: Path, warning: int, critical: int, renew: str
) -> Check:
    try:
        days, expires = certificate_days_left(path)
    except (OSError, ValueError) as exc:
        return Check(
            name,
            title,
            CRITICAL,
            _("Cannot read %(path)s: %(error)s")
            % {"path": path, "error": getattr(exc, "strerror", None) or type(exc).__name__},
        )
    state = by_threshold(days, warning=warning, critical=critical, higher_is_worse=False)
    if days < 0:
        reason = _("Expired on %(date)s.") % {"date": expires.date().isoformat()}
    else:
        reason = ngettext(
            "Expires on %(date)s, in %(days)s day.", "Expires on %(date)s, in %(days)s days.", days
        ) % {
            "date": expires.date().isoformat(),
            "days": days,
        }
    return Check(name, title, state, reason if state == OK else f"{reason} {renew}")


def check_tls() -> Check:
    title = _("TLS certificate")
    if not settings.MONITOR_TLS_CERT:
        return Check("tls", title, OK, _("Not watched here (MONITOR_TLS_CERT is not set)."))
    return expiry_check(
        name="tls",
        title=title,
        path=Path(settings.MONITOR_TLS_CERT),
        warning=settings.MONITOR_TLS_WARNING_DAYS,
        critical=settings.MONITOR_TLS_CRITICAL_DAYS,
        renew=_("Renewal is failing: run `certbot renew --dry-run` and read its log."),
    )


for _name, _function in (
    ("worker", check_worker),
    ("beat", check_beat),
    ("queue", check_queue),
    ("failed_tasks", check_failed_tasks),
    ("disk", check_disk),
    ("backup", check_backup),
    ("tls", check_tls),
):
    register_check(_name, _function)


def status_report() -> dict:
    """Every check, in registration order, and the worst state. A check that raises is itself
    reported as critical: the page must show what it could not check."""
    checks = []
    for name, function in _registry:
        try:
            checks.append(function())
        except Exception as exc:
            logger.exception("status check %s failed", name)
            checks.append(
                Check(
                    name,
                    name,
                    CRITICAL,
                    _("The check failed: %(error)s") % {"error": type(exc).__name__},
                )
            )
    return {
        "status": worst([check.state for check in checks]),
        "checked_at": timezone.now().astimezone(datetime.UTC).isoformat(timespec="seconds"),
        "checks": [check.as_dict() for check in checks],
    }


STATE_LABELS = {
    OK: gettext_lazy("OK"),
    WARNING: gettext_lazy("Warning"),
    CRITICAL: gettext_lazy("Critical"),
}
