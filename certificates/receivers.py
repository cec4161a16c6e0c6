"""Subscriptions to the assessment app's signals. Receivers only enqueue after commit: the
assessment transaction must be durable before a worker looks for the result."""

from __future__ import annotations

from cms.celery import enqueue_on_commit


def on_result_finalised(sender, *, result_id: int, enrolment_id: int, **kwargs) -> None:
    from assessment.models import FinalResult

    from .tasks import certificate_issue_task

    result = FinalResult.objects.filter(pk=result_id).first()
    if result is None or not result.passed:
        return
    enqueue_on_commit(certificate_issue_task, enrolment_id)


def on_result_changed_after_finalising(
    sender, *, result_id: int, enrolment_id: int, **kwargs
) -> None:
    from .tasks import certificate_flag_for_review_task

    enqueue_on_commit(certificate_flag_for_review_task, enrolment_id, result_id)


def _issue_if_earned_after_commit(enrolment_id: int) -> None:
    from .tasks import certificate_issue_if_earned_task

    enqueue_on_commit(certificate_issue_if_earned_task, enrolment_id)


def on_topics_completed(sender, *, enrolment_ids, **kwargs) -> None:
    """Hours went up: the hours may have crossed the rule's threshold."""
    for enrolment_id in enrolment_ids:
        _issue_if_earned_after_commit(enrolment_id)


def on_submission_saved(sender, instance, **kwargs) -> None:
    if instance.status == "accepted":
        _issue_if_earned_after_commit(instance.enrolment_id)


def on_defence_saved(sender, instance, **kwargs) -> None:
    if instance.held_on is not None:
        _issue_if_earned_after_commit(instance.plan.enrolment_id)


def on_plan_saved(sender, instance, **kwargs) -> None:
    if instance.status == "submitted":
        _issue_if_earned_after_commit(instance.enrolment_id)


def on_attempt_saved(sender, instance, **kwargs) -> None:
    if instance.finished_at is not None:
        _issue_if_earned_after_commit(instance.enrolment_id)


def connect() -> None:
    from django.db.models.signals import post_save

    from assessment import signals
    from assessment.models import DefenceSlot, Submission, SupportPlan, TestAttempt
    from course.signals import topics_completed

    # Every event that may meet the last condition of the completion rule; the task issues only
    # when the rule is met, so an early event does nothing. The daily sweep catches the rest
    # (and the cohort's end date, which is no event).
    topics_completed.connect(on_topics_completed, dispatch_uid="certificates.topics_completed")
    from . import versions

    versions.connect()
    post_save.connect(on_submission_saved, sender=Submission, dispatch_uid="certificates.sub")
    post_save.connect(on_defence_saved, sender=DefenceSlot, dispatch_uid="certificates.defence")
    post_save.connect(on_plan_saved, sender=SupportPlan, dispatch_uid="certificates.plan")
    post_save.connect(on_attempt_saved, sender=TestAttempt, dispatch_uid="certificates.attempt")

    signals.result_finalised.connect(on_result_finalised, dispatch_uid="certificates.issue")
    signals.result_changed_after_finalising.connect(
        on_result_changed_after_finalising, dispatch_uid="certificates.flag_for_review"
    )
