from __future__ import annotations

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone, translation

from certificates.models import Certificate
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
    url, count, detail = _entries()["Passed, certificate pending"]
    assert (url, count) == ("/en/certificates/pending/", 2)
    assert detail == (
        "The defence is not recorded as held. — 2; 76 of the 80 hours required are done. — 1"
    )
