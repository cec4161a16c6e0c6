from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from assessment.models import Submission
from certificates.models import Certificate, SerialCounter
from cms.models import Region, TraineeProfile, User
from course.models import Cohort, Enrolment, TopicCompletion
from mentoring.models import Ticket

pytestmark = pytest.mark.django_db


def test_seed_scale_refuses_with_debug_off_and_makes_nobody(settings):
    settings.DEBUG = False
    before = User.objects.count()
    with pytest.raises(CommandError, match="runs only with DEBUG on"):
        call_command("seed_scale", "--trainees", "50")
    assert User.objects.count() == before


def test_seed_scale_builds_a_year_in_the_national_proportions(settings, capsys):
    settings.DEBUG = True
    call_command("seed_scale", "--trainees", "500")

    seeded = User.objects.filter(email__startswith="scale-trainee-")
    assert seeded.count() == 500
    assert User.objects.filter(email__startswith="scale-trainer-").count() == 6  # 60 per 5,000
    assert Cohort.objects.filter(code__startswith="scale-").count() == 20  # one per 25 trainees
    # Every one of the 17 regions and 3 cities has trainees.
    regions = set(TraineeProfile.objects.values_list("region", flat=True))
    assert set(Region.values) <= regions
    # 14 topic completions a trainee at most on average, 2.8 submissions, 60 tickets per 1,000.
    assert TopicCompletion.objects.filter(enrolment__trainee__in=seeded).count() <= 14 * 500
    assert Submission.objects.filter(enrolment__trainee__in=seeded).count() == 1400
    assert Ticket.objects.count() == 30
    # The last tenth of the cohorts are still studying; the rest is history.
    assert Enrolment.objects.filter(trainee__in=seeded, status="active").count() == 50
    documents = Certificate.objects.filter(holder__in=seeded)
    kinds = {(d.kind, d.public_status()) for d in documents}
    assert {
        ("certificate", "valid"),
        ("certificate", "revoked"),
        ("certificate", "superseded"),
        ("certificate", "expired"),
        ("statement", "valid"),
    } <= kinds
    for old in documents.filter(status="superseded"):
        assert old.superseded_by.enrolment_id == old.enrolment_id
    # The serial counters continue after the seeded numbers.
    for counter in SerialCounter.objects.all():
        assert not Certificate.objects.filter(
            kind="certificate",
            serial__endswith=f"-{counter.last + 1:05d}",
            serial__contains=f"-{counter.year}-",
        ).exists()
    assert "password of every seeded account" in capsys.readouterr().out
