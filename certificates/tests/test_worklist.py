from __future__ import annotations

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone, translation

from certificates.models import Certificate, PendingPass
from certificates.services import certificates_sweep
from certificates.wagtail_hooks import add_certificates_worklist
from cms.tests.factories import RegistrarFactory

from .factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


def _entries():
    request = RequestFactory().get("/admin/")
    request.user = RegistrarFactory()
    panels = []
    with translation.override("en"):
        add_certificates_worklist(request, panels)
        return {str(e.label): (e.url, e.count, e.detail) for p in panels for e in p.entries}


def test_the_worklist_counts_certificates_expiring_within_the_window(settings, programme, issue):
    settings.REGISTRAR_WORKLIST_EXPIRY_DAYS = 90
    today = timezone.localdate()
    first, second, third = (issue(EnrolmentFactory()) for _ in range(3))
    Certificate.objects.filter(pk=first.pk).update(valid_until=today + datetime.timedelta(days=90))
    Certificate.objects.filter(pk=second.pk).update(valid_until=today + datetime.timedelta(days=91))
    Certificate.objects.filter(pk=third.pk).update(valid_until=today - datetime.timedelta(days=1))
    url, count, _detail = _entries()["Certificates expiring within 90 days"]
    assert (url, count) == ("/en/certificates/register/?status=expiring", 1)


def test_the_register_filter_expiring_lists_the_same_certificates(
    client, settings, programme, issue
):
    settings.REGISTRAR_WORKLIST_EXPIRY_DAYS = 30
    soon, later = issue(EnrolmentFactory()), issue(EnrolmentFactory())
    today = timezone.localdate()
    Certificate.objects.filter(pk=soon.pk).update(valid_until=today + datetime.timedelta(days=5))
    Certificate.objects.filter(pk=later.pk).update(valid_until=today + datetime.timedelta(days=31))
    client.force_login(RegistrarFactory())
    response = client.get("/en/certificates/register/", {"status": "expiring"})
    assert [c.serial for c, _status in response.context["rows"]] == [soon.serial]


def test_the_worklist_says_why_passes_are_pending(programme):
    from assessment.models import DefenceSlot
    from assessment.tests.factories import finalised_result
    from course.models import Enrolment, TopicCompletion

    # Two passes, both blocked by the defence, one also short of hours (76 of 80).
    for short in (True, False):
        enrolment = EnrolmentFactory(status=Enrolment.Status.ACTIVE)
        if short:
            TopicCompletion.objects.filter(enrolment=enrolment, topic__number="3.7").delete()
        DefenceSlot.objects.filter(plan__enrolment=enrolment).update(held_on=None)
        finalised_result(enrolment=enrolment, released=True)
    # The sweep runs the completion check and stores why each pass waits; the worklist reads it.
    assert certificates_sweep(grace=datetime.timedelta(0))["pending"] == 2
    url, count, detail = _entries()["Passed, certificate pending"]
    assert (url, count) == ("/en/certificates/pending/", 2)
    assert detail == (
        "The defence is not recorded as held. — 2; 76 of the 80 hours required are done. — 1"
    )


def test_the_worklist_gives_the_reasons_in_the_readers_language(programme):
    from assessment.models import DefenceSlot
    from assessment.tests.factories import finalised_result
    from certificates.pending import pending_pass_summary

    enrolment = EnrolmentFactory()
    DefenceSlot.objects.filter(plan__enrolment=enrolment).update(held_on=None)
    finalised_result(enrolment=enrolment, released=True)
    certificates_sweep(grace=datetime.timedelta(0))

    reasons = PendingPass.objects.get(enrolment=enrolment).reasons
    assert reasons["en"] == ["The defence is not recorded as held."]
    assert set(reasons) == {"kk", "ru", "en"}
    assert reasons["kk"] != reasons["en"] and reasons["ru"] != reasons["en"]
    with translation.override("ru"):
        assert pending_pass_summary() == (1, {reasons["ru"][0]: 1})


def test_a_pass_certified_since_the_last_check_leaves_the_worklist(programme, issue):
    from assessment.models import DefenceSlot
    from assessment.tests.factories import finalised_result

    enrolment = EnrolmentFactory()
    DefenceSlot.objects.filter(plan__enrolment=enrolment).update(held_on=None)
    finalised_result(enrolment=enrolment, released=True)
    certificates_sweep(grace=datetime.timedelta(0))
    assert _entries()["Passed, certificate pending"][1] == 1

    DefenceSlot.objects.filter(plan__enrolment=enrolment).update(held_on=timezone.localdate())
    issue(enrolment)

    assert _entries()["Passed, certificate pending"][1] == 0


def _pending(count: int, *, start: int) -> None:
    """`count` passes waiting, with their stored reasons (rows made directly: the question is
    what the worklist reads, not how the sweep found them)."""
    from django.contrib.auth import get_user_model

    from course.models import Enrolment

    cohort = EnrolmentFactory(met_rule=False).cohort
    users = get_user_model().objects.bulk_create(
        get_user_model()(email=f"pending{start + i}@example.kz") for i in range(count)
    )
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(cohort=cohort, trainee=user, status=Enrolment.Status.COMPLETED) for user in users
    )
    PendingPass.objects.bulk_create(
        PendingPass(enrolment=e, reasons={"en": ["The defence is not recorded as held."]})
        for e in enrolments
    )


def test_the_worklist_reads_the_pending_passes_in_as_many_queries_at_200_as_at_10(programme):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    request = RequestFactory().get("/admin/")
    request.user = RegistrarFactory()

    def pending_entry() -> tuple[int, str, int]:
        panels = []
        with translation.override("en"), CaptureQueriesContext(connection) as captured:
            add_certificates_worklist(request, panels)
            [entry] = [e for p in panels for e in p.entries if e.count and "pending" in e.url]
        return entry.count, entry.detail, len(captured)

    _pending(10, start=0)
    pending_entry()  # warm what a first request reads once per process
    ten, ten_detail, ten_queries = pending_entry()
    _pending(190, start=10)
    two_hundred, two_hundred_detail, two_hundred_queries = pending_entry()

    assert (ten, two_hundred) == (10, 200)
    assert ten_detail == "The defence is not recorded as held. — 10"
    assert two_hundred_detail == "The defence is not recorded as held. — 200"
    assert two_hundred_queries == ten_queries
