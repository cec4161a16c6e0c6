"""The demo tells one consistent story in time: whatever `seed_demo` makes, no event comes before
the event it follows (no certificate before its result is released, no ticket answered before it
was opened, no register of a session still to come), and sessions and deadlines fall inside their
cohort's dates. Checked over every object of the demo, pair of timestamps by pair."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db


def _day(moment) -> datetime.date:
    return timezone.localtime(moment).date() if isinstance(moment, datetime.datetime) else moment


def _contradictions() -> list[str]:
    from assessment.models import FinalResult, SubmissionVersion
    from certificates.models import Certificate
    from certificates.selectors import released_to_holder
    from course.models import (
        Attendance,
        Enrolment,
        EnrolmentEvent,
        LiveSession,
        TopicCompletion,
    )
    from mentoring.models import Case, Message, Ticket

    now = timezone.now()
    today = timezone.localdate()
    found: list[str] = []

    def before(what: str, earlier, later) -> None:
        """`earlier` must not come after `later` (both set); days compare as local dates."""
        if earlier is None or later is None:
            return
        if isinstance(earlier, datetime.datetime) != isinstance(later, datetime.datetime):
            earlier, later = _day(earlier), _day(later)
        if earlier > later:
            found.append(f"{what}: {earlier} is after {later}")

    for c in Certificate.objects.select_related("enrolment__cohort"):
        name = f"certificate {c.serial}"
        before(f"{name} issued in the future", c.issued_on, today)
        before(f"{name} revoked before issue", c.issued_on, c.revoked_on)
        if c.kind == Certificate.Kind.CERTIFICATE and c.enrolment_id:
            if not released_to_holder(certificate=c):
                found.append(f"{name}: its result is not yet published")
            released = (
                FinalResult.objects.filter(enrolment_id=c.enrolment_id, released_at__isnull=False)
                .order_by("-attempt")
                .values_list("released_at", flat=True)
                .first()
            )
            before(f"{name} issued before its result was released", released, c.issued_on)
    for r in FinalResult.objects.all():
        name = f"result {r.pk}"
        before(f"{name} finalised before it was started", r.created_at, r.finalised_at)
        before(f"{name} released before it was finalised", r.finalised_at, r.released_at)
        before(f"{name} released in the future", r.released_at, now)
    for v in SubmissionVersion.objects.all():
        before(f"work version {v.pk} decided before it was handed in", v.submitted_at, v.decided_at)
        before(f"work version {v.pk} decided in the future", v.decided_at, now)
    for t in Ticket.objects.select_related("certificate"):
        name = f"ticket {t.pk}"
        before(f"{name} opened in the future", t.created_at, now)
        before(f"{name} opened before its certificate", t.certificate.issued_on, t.created_at)
        before(f"{name} due before it was opened", t.created_at, t.first_reply_due)
        before(f"{name} answered before it was opened", t.created_at, t.first_response_at)
        before(f"{name} closed before it was answered", t.first_response_at, t.closed_at)
        before(f"{name} closed before it was opened", t.created_at, t.closed_at)
    for case in Case.objects.select_related("ticket").filter(ticket__isnull=False):
        before(
            f"case {case.pk} published before its ticket closed",
            case.ticket.closed_at,
            case.published_at,
        )
    for m in Message.objects.select_related("ticket"):
        before(f"message {m.pk} written before its ticket", m.ticket.created_at, m.created_at)
        before(f"message {m.pk} written in the future", m.created_at, now)
    for a in Attendance.objects.select_related("session"):
        name = f"register of session {a.session_id}"
        before(f"{name} recorded before the session started", a.session.starts_at, a.recorded_at)
    for s in LiveSession.objects.select_related("cohort"):
        name = f"session {s.pk} of {s.cohort.code}"
        before(f"{name} before the cohort starts", s.cohort.starts_on, s.starts_at)
        before(f"{name} after the cohort ends", s.starts_at, s.cohort.ends_on)
    from assessment.models import CohortDeadline

    for d in CohortDeadline.objects.select_related("cohort"):
        name = f"deadline {d.pk} of {d.cohort.code}"
        before(f"{name} before the cohort starts", d.cohort.starts_on, d.due_on)
        before(f"{name} after the cohort ends", d.due_on, d.cohort.ends_on)
    for e in Enrolment.objects.select_related("cohort"):
        name = f"enrolment {e.pk} in {e.cohort.code}"
        before(f"{name} joined after the cohort ended", e.enrolled_at, e.cohort.ends_on)
        before(
            f"{name} accepted the agreement after the cohort ended",
            e.agreement_accepted_at,
            e.cohort.ends_on,
        )
    for ev in EnrolmentEvent.objects.select_related("enrolment"):
        before(f"enrolment event {ev.pk} in the future", ev.at, now)
        before(f"enrolment event {ev.pk} before joining", ev.enrolment.enrolled_at, ev.at)
    for tc in TopicCompletion.objects.select_related("enrolment__cohort"):
        name = f"topic completed by enrolment {tc.enrolment_id}"
        before(f"{name} before the cohort started", tc.enrolment.cohort.starts_on, tc.completed_at)
        before(f"{name} in the future", tc.completed_at, now)
    return found


def test_every_pair_of_dates_in_the_demo_is_in_order(settings):
    settings.DEBUG = True
    call_command("seed_demo", "--json", stdout=StringIO())

    found = _contradictions()

    assert not found, f"{len(found)} contradictions:\n" + "\n".join(sorted(set(found))[:60])
