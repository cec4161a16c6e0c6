from __future__ import annotations

from assessment import demo as assessment_demo
from certificates import demo
from certificates.models import Certificate
from course import demo as course_demo


def _seed():
    result = {"accounts": [], "certificates": [], "statements": []}
    course_demo.seed(result)
    assessment_demo.seed(result)
    demo.seed(result)
    return result


def test_the_demo_has_certificates_in_every_state_and_statements(programme):
    result = _seed()

    statuses = {c["status"] for c in result["certificates"]}
    assert statuses == {"valid", "expired", "revoked", "superseded"}
    assert result["statements"]
    assert all(set(s) == {"code", "holder_email"} for s in result["statements"])
    assert all(set(c) == {"code", "status", "holder_email"} for c in result["certificates"])
    assert {"email": "alumna@demo.kz", "password": "demo-trainee-2026", "role": "trainee"} in (
        result["accounts"]
    )
    assert all(c.pdf_sha256 for c in Certificate.objects.all())


def test_seeding_twice_changes_nothing(programme):
    first = _seed()
    count = Certificate.objects.count()

    second = _seed()

    assert Certificate.objects.count() == count
    assert second["certificates"] == first["certificates"]
    assert second["statements"] == first["statements"]


def test_demo_certificates_belong_only_to_graduates_of_a_finished_cohort_who_met_the_rule(
    programme,
):
    import datetime

    from django.utils import timezone

    from certificates.selectors import completion_missing, pending_rows

    _seed()

    today = timezone.localdate()
    certificates = Certificate.objects.filter(kind="certificate").select_related(
        "enrolment__cohort"
    )
    assert certificates.exists()
    for certificate in certificates:
        assert certificate.enrolment.cohort.ends_on < today
        assert certificate.issued_on >= certificate.enrolment.cohort.ends_on
        assert completion_missing(enrolment=certificate.enrolment) == []
    assert not Certificate.objects.filter(cohort__code="demo-2026").exists()
    running = pending_rows(cohort=None)
    blocked = [row for row in running if row.enrolment.cohort.code == "demo-2026"]
    assert blocked and all("cohort_end" in [m.code for m in row.missing] for row in blocked)
    # The worklist's stored reasons are there for them too (no beat runs in a demo).
    from certificates.models import PendingPass

    stored = set(PendingPass.objects.values_list("enrolment_id", flat=True))
    assert {row.enrolment.pk for row in running} <= stored
    for statement in Certificate.objects.filter(kind="statement").select_related("cohort"):
        assert statement.attended_from == statement.cohort.starts_on
        assert statement.attended_to <= statement.cohort.ends_on
        assert statement.attended_to < today
        assert statement.serial.startswith("AN-")
    assert datetime.date(2022, 10, 20) in set(certificates.values_list("issued_on", flat=True))


def test_the_demo_statements_show_the_hours_their_holders_studied_before_the_statement(
    programme,
):
    """graduate5 studied the first topics up to 56 h before failing; graduate6 the first topics
    up to 14 h in the three weeks before withdrawing. Whole topics are counted, so a statement may
    show a little more than the target, never less, and never more than the programme's 80."""
    import datetime

    from certificates.selectors import hours_completed

    _seed()

    statements = {
        s.enrolment.trainee.email: s
        for s in Certificate.objects.filter(kind="statement").select_related("enrolment__trainee")
    }
    failed, withdrew = statements["graduate5@demo.kz"], statements["graduate6@demo.kz"]
    assert 56 <= failed.hours < 80
    assert 14 <= withdrew.hours < 20
    for statement in (failed, withdrew):
        assert statement.hours == hours_completed(enrolment=statement.enrolment)
        assert statement.hours == sum(m["total"] for m in statement.modules)
    left_on = withdrew.cohort.starts_on + datetime.timedelta(weeks=3)
    studied_until = max(
        withdrew.enrolment.completions.values_list("completed_at", flat=True)
    ).date()
    assert studied_until < left_on
