from __future__ import annotations

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English; a test that checks a translation overrides this."""
    with translation.override("en"):
        yield


def url(name: str, *args) -> str:
    """An assessment URL in English, so tests read the messages as written in the code."""
    from django.urls import reverse

    with translation.override("en"):
        return reverse(f"assessment:{name}", args=args)


@pytest.fixture
def trainer(db):
    from .factories import TrainerFactory

    return TrainerFactory()


@pytest.fixture
def cohort(programme, trainer):
    from .factories import CohortFactory

    return CohortFactory(trainers=[trainer])


@pytest.fixture
def enrolment(cohort):
    from .factories import EnrolmentFactory

    return EnrolmentFactory(cohort=cohort)


@pytest.fixture
def outsiders(programme):
    """Another trainee (of the same cohort's programme, other cohort) and another cohort's
    trainer: both must get a 404 on one person's assessment pages."""
    from .factories import CohortFactory, EnrolmentFactory, TrainerFactory

    other_trainer = TrainerFactory()
    other = EnrolmentFactory(cohort=CohortFactory(trainers=[other_trainer]))
    return {"trainee": other.trainee, "trainer": other_trainer}


@pytest.fixture
def plans_handed_in(db):
    """Every trainee enrolled during the test has submitted the support plan, so the plan
    criterion may be credited (`result_scores_save` refuses credit for a plan never submitted).
    For the scoring tests, whose subject is the rubric, not the plan."""
    from django.db.models.signals import post_save

    from assessment.models import SupportPlan
    from course.models import Enrolment

    def hand_in(sender, instance, created, raw=False, **kwargs):
        if created and not raw:
            SupportPlan.objects.get_or_create(
                enrolment=instance, defaults={"status": SupportPlan.Status.SUBMITTED}
            )

    post_save.connect(hand_in, sender=Enrolment, dispatch_uid="plans_handed_in")
    yield
    post_save.disconnect(sender=Enrolment, dispatch_uid="plans_handed_in")
