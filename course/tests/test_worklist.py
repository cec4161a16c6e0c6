from __future__ import annotations

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone, translation

from cms.tests.factories import RegistrarFactory
from course.wagtail_hooks import add_cohorts_worklist

from .factories import CohortFactory

pytestmark = pytest.mark.django_db


def _entries(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    panels = []
    with translation.override("en"):
        add_cohorts_worklist(request, panels)
        return [(str(entry.label), entry.url) for panel in panels for entry in panel.entries]


def test_the_worklist_lists_cohorts_starting_and_ending_within_fourteen_days(settings, programme):
    settings.REGISTRAR_WORKLIST_COHORT_DAYS = 14
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    CohortFactory(code="soon", name="Soon", starts_on=today + 3 * day, ends_on=today + 60 * day)
    CohortFactory(code="late", name="Late", starts_on=today + 15 * day, ends_on=today + 70 * day)
    CohortFactory(code="ends", name="Ends", starts_on=today - 50 * day, ends_on=today + 14 * day)
    CohortFactory(code="done", name="Done", starts_on=today - 50 * day, ends_on=today - 1 * day)
    entries = _entries(RegistrarFactory())
    assert [url for _label, url in entries] == [
        "/en/study/cohorts/soon/",
        "/en/study/cohorts/ends/",
    ]
    assert entries[0][0].startswith("soon — Soon starts on ")
    assert entries[1][0].startswith("ends — Ends ends on ")
