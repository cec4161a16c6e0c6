"""Subscriptions to the assessment app's signals. Receivers only enqueue after commit: the
assessment transaction must be durable before a worker looks for the result."""

from __future__ import annotations

from cms.celery import enqueue_on_commit


def on_result_finalised(sender, *, result_id: int, enrolment_id: int, **kwargs) -> None:
    from assessment.models import FinalResult

    from .tasks import issue_certificate

    result = FinalResult.objects.filter(pk=result_id).first()
    if result is None or not result.passed:
        return
    enqueue_on_commit(issue_certificate, enrolment_id)


def on_result_changed_after_finalising(
    sender, *, result_id: int, enrolment_id: int, **kwargs
) -> None:
    from .tasks import flag_certificate_for_review

    enqueue_on_commit(flag_certificate_for_review, enrolment_id, result_id)


def connect() -> None:
    from assessment import signals

    signals.result_finalised.connect(on_result_finalised, dispatch_uid="certificates.issue")
    signals.result_changed_after_finalising.connect(
        on_result_changed_after_finalising, dispatch_uid="certificates.flag_for_review"
    )
