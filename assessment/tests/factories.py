"""Factories for assessment tests (and for the certificates app, which imports FinalResultFactory
and `finalised_result`)."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from assessment.models import CriterionScore, FinalResult, Rubric, SupportPlan
from assessment.rubric import band_for
from cms.models import User
from cms.tests.factories import RegistrarFactory, TraineeFactory, TrainerFactory, UserFactory
from course.models import Enrolment
from course.tests import factories as course
from course.tests.factories import CohortFactory

DEFAULT_SCORES = {"theory": 16, "practice": 24, "plan": 24, "defence": 8, "participation": 8}


class EnrolmentFactory(course.EnrolmentFactory):
    """A trainee's enrolment; `plan_submitted=True` also hands in the support plan, so the plan
    criterion may be credited (`result_scores_save` refuses credit for a plan never submitted)."""

    @factory.post_generation
    def plan_submitted(obj, create, extracted, **kwargs):
        if create and extracted:
            SupportPlan.objects.create(enrolment=obj, status=SupportPlan.Status.SUBMITTED)


class FinalResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FinalResult

    enrolment = factory.SubFactory(EnrolmentFactory)
    attempt = 1
    rubric = factory.LazyFunction(lambda: Rubric.objects.get(version=1))

    @classmethod
    def finalised(cls, *, scores: dict[str, int] | None = None, **kwargs) -> FinalResult:
        """Shorthand for `finalised_result`."""
        return finalised_result(scores=scores, **kwargs)


def finalised_result(
    *,
    scores: dict[str, int] | None = None,
    comments: dict[str, str] | None = None,
    enrolment: Enrolment | None = None,
    attempt: int = 1,
    marker: User | None = None,
    finalised_at: dt.datetime | None = None,
    released: bool = False,
) -> FinalResult:
    """A finalised result with the given per-criterion scores (code → score), written straight to
    the database: no signal is sent. Use `assessment.services.result_finalise` when a test needs
    the signal."""
    scores = {**DEFAULT_SCORES, **(scores or {})}
    comments = comments or {}
    marker = marker or TrainerFactory(mfa=False)
    result = FinalResultFactory(
        **({"enrolment": enrolment} if enrolment is not None else {}), attempt=attempt
    )
    criteria = {c.code: c for c in result.rubric.criteria.all()}
    for code, score in scores.items():
        CriterionScore.objects.create(
            result=result,
            criterion=criteria[code],
            score=score,
            comment=comments.get(code, ""),
            marker=marker,
        )
    total = sum(scores.values())
    when = finalised_at or timezone.now()
    FinalResult.objects.filter(pk=result.pk).update(
        status=FinalResult.Status.FINALISED,
        total=total,
        band=band_for(total).code,
        finalised_at=when,
        finalised_by=marker,
        released_at=when if released else None,
    )
    result.refresh_from_db()
    return result


__all__ = [
    "DEFAULT_SCORES",
    "CohortFactory",
    "EnrolmentFactory",
    "FinalResultFactory",
    "RegistrarFactory",
    "TraineeFactory",
    "TrainerFactory",
    "UserFactory",
    "finalised_result",
]
