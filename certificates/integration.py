"""How certificates plug into the rest: the trainee dashboard, the personal-data export and
erasure, and Celery beat."""

from __future__ import annotations

from celery.schedules import crontab


def dashboard_panel(request, enrolment):
    """The enrolment's current documents with status, check count and download link, once the
    result is released; or, for a released pass whose completion rule is not met yet, what is
    left to do ("passed — certificate pending")."""
    from django.db.models import Count

    from .models import Certificate
    from .selectors import released_to_holder

    documents = [
        d
        for d in Certificate.objects.filter(enrolment=enrolment, holder=request.user)
        .exclude(status=Certificate.Status.SUPERSEDED)
        .annotate(check_count=Count("lookups"))
        .order_by("kind")
        if released_to_holder(certificate=d)
    ]
    if not documents:
        return pending_note(request, enrolment)
    rows = [(d, d.public_status()) for d in documents]
    return {"template": "certificates/dashboard_panel.html", "context": {"rows": rows}}


def pending_note(request, enrolment):
    """ "Passed — certificate pending": the trainee's released pass and what is left to do."""
    from assessment.selectors import final_result_for

    from .selectors import certificate_pending

    if enrolment.trainee_id != request.user.pk:
        return None
    result = final_result_for(enrolment=enrolment)
    if result is None or not result.is_released:
        return None
    missing = certificate_pending(enrolment=enrolment)
    if not missing:
        return None
    return {"template": "certificates/pending_panel.html", "context": {"missing": missing}}


def export_personal_data(user) -> dict:
    from .models import Certificate

    return {
        "documents": [
            {
                "kind": c.kind,
                "serial": c.serial,
                "code": c.code,
                "status": c.public_status(),
                "holder_name_kk": c.holder_name_kk,
                "holder_name_ru": c.holder_name_ru,
                "course_title_kk": c.course_title_kk,
                "hours": c.hours,
                "score": c.score,
                "band": c.band,
                "issued_on": c.issued_on.isoformat(),
                "valid_until": c.valid_until.isoformat() if c.valid_until else None,
                "times_checked": c.lookups.count(),
            }
            for c in Certificate.objects.filter(holder=user).order_by("issued_on", "serial")
        ]
    }


def erase_personal_data(user) -> None:
    """An issued certificate is a legal record and stays verifiable under the name printed on it;
    the account link goes (SET_NULL) and so does the contact address."""
    from .models import Certificate

    Certificate.objects.filter(holder=user).update(holder_email="")


def connect() -> None:
    from assessment.dashboard import register_result_note
    from cms.celery import app
    from cms.personal_data import register_eraser, register_exporter
    from course.dashboard import register_panel

    register_panel(dashboard_panel, order=60)
    register_result_note(pending_note)
    register_exporter("certificates", export_personal_data)
    register_eraser(erase_personal_data)
    # Daily at 09:00 local time: expiry reminders 90 and 30 days ahead.
    schedule = dict(app.conf.beat_schedule or {})
    schedule["certificates-expiry-reminders"] = {
        "task": "certificates.tasks.send_expiry_reminders",
        "schedule": crontab(minute=0, hour=9),
    }
    # Daily: pending passes whose completion rule is now met (the cohort's end date is reached
    # at midnight; an event may have been missed), then closed retake windows.
    schedule["certificates-issue-pending"] = {
        "task": "certificates.tasks.certificates_issue_pending",
        "schedule": crontab(minute=15, hour=0),
    }
    schedule["certificates-retake-windows-close"] = {
        "task": "certificates.tasks.retake_windows_close",
        "schedule": crontab(minute=30, hour=0),
    }
    # Every minute: public look-ups waiting on Redis into the database (see lookups.py).
    schedule["certificates-flush-verification-lookups"] = {
        "task": "certificates.tasks.flush_verification_lookups",
        "schedule": 60.0,
    }
    app.conf.beat_schedule = schedule
