"""Verification look-ups are pruned past VERIFICATION_LOOKUP_RETENTION_DAYS (beat, nightly)."""

from __future__ import annotations

import datetime

import time_machine

from certificates.models import VerificationLookup
from certificates.tasks import verification_lookups_prune_task

NOW = datetime.datetime(2029, 6, 1, 3, 30, tzinfo=datetime.UTC)


def test_look_ups_older_than_the_retention_are_deleted(enrolment, issue, settings):
    settings.VERIFICATION_LOOKUP_RETENTION_DAYS = 1095
    certificate = issue(enrolment)
    for days in (1096, 1200):
        VerificationLookup.objects.create(
            certificate=certificate, result="valid", at=NOW - datetime.timedelta(days=days)
        )
    kept = VerificationLookup.objects.create(
        certificate=certificate, result="valid", at=NOW - datetime.timedelta(days=1094)
    )
    unknown = VerificationLookup.objects.create(
        certificate=None, result="not_found", at=NOW - datetime.timedelta(days=2)
    )

    with time_machine.travel(NOW, tick=False):
        assert verification_lookups_prune_task.apply().get() == 2

    assert set(VerificationLookup.objects.values_list("pk", flat=True)) == {kept.pk, unknown.pk}


def test_the_prune_is_on_the_beat_schedule_at_night():
    from cms.celery import app

    entry = app.conf.beat_schedule["certificates-prune-verification-lookups"]
    assert entry["task"] == "certificates.tasks.prune_verification_lookups"
    assert (entry["schedule"].hour, entry["schedule"].minute) == ({3}, {30})
