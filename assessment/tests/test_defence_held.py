"""The assessor records the defence of the plan as held, from the plan's page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from assessment.models import DefenceSlot, SupportPlan

from .factories import CohortFactory, EnrolmentFactory, TrainerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def slot(programme):
    trainer = TrainerFactory()
    enrolment = EnrolmentFactory(cohort=CohortFactory(trainers=[trainer]))
    plan = SupportPlan.objects.create(
        enrolment=enrolment, status=SupportPlan.Status.SUBMITTED, submitted_at=timezone.now()
    )
    return DefenceSlot.objects.create(
        plan=plan, starts_at=timezone.now(), place="Room 4", scheduled_by=trainer
    )


def _url(slot) -> str:
    return f"/en/assessment/plans/{slot.plan_id}/defence-held/"


def test_the_cohorts_trainer_records_the_defence_as_held(client, slot):
    trainer = slot.scheduled_by
    client.force_login(trainer)
    yesterday = timezone.localdate() - dt.timedelta(days=1)

    response = client.post(_url(slot), {"held_on": yesterday.isoformat()}, follow=True)

    slot.refresh_from_db()
    assert (slot.held_on, slot.assessed_by) == (yesterday, trainer)
    assert "The defence is recorded as held." in response.content.decode()


def test_another_cohorts_trainer_and_the_trainee_cannot_record_it(client, slot):
    for person in (TrainerFactory(), slot.plan.enrolment.trainee):
        client.force_login(person)
        response = client.post(_url(slot), {"held_on": timezone.localdate().isoformat()})
        assert response.status_code == 404
    slot.refresh_from_db()
    assert slot.held_on is None
