"""Progress workflows: topics completed, studied or made up, and attendance of sessions."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ..models import TopicPage
from .enrolment import EnrolmentError, study_refusal
from .programme import source_topic


def topic_complete(*, enrolment, topic: TopicPage, source: str, when=None):
    """Count a topic as done for an enrolment. Idempotent: the first completion is kept, so a
    practice accepted twice or attendance recorded again changes nothing."""
    from ..models import TopicCompletion

    topic = source_topic(topic)
    completion, created = TopicCompletion.objects.get_or_create(
        enrolment=enrolment,
        topic=topic,
        defaults={"source": source, "completed_at": when or timezone.now()},
    )
    if created:
        _announce_completions([enrolment.pk])
    return completion


def _announce_completions(enrolment_ids: list[int]) -> None:
    from ..signals import topics_completed

    ids = sorted(set(enrolment_ids))
    if ids:
        transaction.on_commit(lambda: topics_completed.send(sender=None, enrolment_ids=ids))


@transaction.atomic
def topic_make_up_record(*, enrolment, topic: TopicPage, recorded_by):
    """The registrar records that a trainee made up a topic missed with an excused absence: the
    topic counts as done. Refused for a topic with no excused absence, or already done."""
    from django.utils.translation import gettext as _

    from ..models import Attendance, TopicCompletion

    topic = source_topic(topic)
    if enrolment.status != "active":
        raise EnrolmentError(_("Only an active enrolment can make up a topic."))
    excused = Attendance.objects.filter(
        enrolment=enrolment, session__topic=topic, mark=Attendance.Mark.EXCUSED
    ).exists()
    if not excused:
        raise EnrolmentError(
            _("Topic %(number)s has no excused absence to make up.") % {"number": topic.number}
        )
    if TopicCompletion.objects.filter(enrolment=enrolment, topic=topic).exists():
        raise EnrolmentError(
            _("Topic %(number)s is already counted as done.") % {"number": topic.number}
        )
    return topic_complete(enrolment=enrolment, topic=topic, source=TopicCompletion.Source.MADE_UP)


@transaction.atomic
def topic_study_finish(
    *, enrolment, page: TopicPage, user_id: int, token: str, answers: dict[str, str]
):
    """The trainee sent the form at the end of a lecture topic: it counts as studied when the
    token shows this person opened this page, and every check-your-understanding question of the
    page is answered correctly. The time from opening to sending is kept for the trainer."""
    from django.conf import settings
    from django.utils.translation import gettext as _

    from ..study import opened_at, topic_questions, wrong_answers

    _study_checks(enrolment=enrolment, topic=page)
    opened = opened_at(
        token,
        user_id=user_id,
        page_id=page.pk,
        max_age_seconds=settings.TOPIC_OPEN_TOKEN_MAX_AGE_SECONDS,
    )
    if opened is None:
        raise EnrolmentError(
            _("Open the topic and read it to its end, then send the form at the end of the page.")
        )
    wrong = wrong_answers(topic_questions(page), answers)
    if wrong:
        raise EnrolmentError(
            _("Check your answers to questions %(numbers)s and send them again.")
            % {"numbers": ", ".join(str(q.number) for q in wrong)}
        )
    seconds = max(0, int((timezone.now() - opened).total_seconds()))
    return topic_mark_studied(enrolment=enrolment, topic=page, seconds_spent=seconds)


def _study_checks(*, enrolment, topic: TopicPage) -> TopicPage:
    """The Kazakh topic a trainee may count as studied, or the refusal."""
    from django.utils.translation import gettext as _

    from ..selectors import programme_topics

    refusal = study_refusal(enrolment)
    if refusal:
        raise EnrolmentError(refusal)
    topic = source_topic(topic)
    if topic.pk not in {t.pk for t in programme_topics(enrolment.cohort.programme)}:
        raise EnrolmentError(_("This topic is not part of your cohort's programme."))
    if topic.kind != "lecture":
        raise EnrolmentError(
            _(
                "A practice topic counts when your practice work is accepted "
                "or when you attend its live session."
            )
        )
    return topic


@transaction.atomic
def topic_mark_studied(*, enrolment, topic: TopicPage, seconds_spent: int | None = None):
    """Count a lecture topic as studied (topic_study_finish checks the trainee reached its end;
    this is the recording step it ends with)."""
    from ..models import TopicCompletion

    topic = _study_checks(enrolment=enrolment, topic=topic)
    completion = topic_complete(
        enrolment=enrolment, topic=topic, source=TopicCompletion.Source.STUDIED
    )
    if seconds_spent is not None and completion.seconds_spent is None:
        completion.seconds_spent = seconds_spent
        completion.save(update_fields=["seconds_spent"])
    return completion


@transaction.atomic
def attendance_record(*, session, marks: dict[int, str], recorded_by) -> int:
    """Record the register of one live session: {enrolment id: mark}. "present" at a practice
    topic's session counts that topic. Returns how many marks were saved."""
    from django.utils.translation import gettext as _

    from ..models import Attendance, Enrolment, TopicCompletion

    if session.starts_at > timezone.now():
        # A register records who came: before the session nobody has come yet.
        raise EnrolmentError(_("The register of a session opens when the session starts."))
    enrolments = {
        e.pk: e
        for e in Enrolment.objects.filter(
            cohort_id=session.cohort_id, pk__in=list(marks), status=Enrolment.Status.ACTIVE
        )
    }
    valid = set(Attendance.Mark.values)
    for enrolment_id, mark in marks.items():
        if enrolment_id not in enrolments:
            raise EnrolmentError(_("Only active trainees of this cohort can be marked."))
        if mark not in valid:
            raise EnrolmentError(_("Choose present, absent or excused for every trainee."))
    existing = {a.enrolment_id: a for a in Attendance.objects.filter(session=session)}
    to_create, to_update = [], []
    for enrolment_id, mark in marks.items():
        row = existing.get(enrolment_id)
        if row is None:
            to_create.append(
                Attendance(
                    session=session, enrolment_id=enrolment_id, mark=mark, recorded_by=recorded_by
                )
            )
        elif row.mark != mark:
            row.mark, row.recorded_by, row.recorded_at = mark, recorded_by, timezone.now()
            to_update.append(row)
    Attendance.objects.bulk_create(to_create)
    Attendance.objects.bulk_update(to_update, ["mark", "recorded_by", "recorded_at"])
    if session.topic.kind == "practice":
        present = [pk for pk, mark in marks.items() if mark == Attendance.Mark.PRESENT]
        done = set(
            TopicCompletion.objects.filter(
                enrolment_id__in=present, topic_id=session.topic_id
            ).values_list("enrolment_id", flat=True)
        )
        TopicCompletion.objects.bulk_create(
            [
                TopicCompletion(
                    enrolment_id=pk,
                    topic_id=session.topic_id,
                    source=TopicCompletion.Source.ATTENDANCE,
                )
                for pk in present
                if pk not in done
            ]
        )
        _announce_completions([pk for pk in present if pk not in done])
    return len(to_create) + len(to_update)


def topic_completion_withdraw(*, enrolment, topic: TopicPage, source: str, since) -> bool:
    """Undo a completion that one event recorded (a practice acceptance that was undone): only a
    completion from that source and not older than the event, so an earlier completion by
    attendance stays. Returns whether one was removed."""
    from ..models import TopicCompletion

    deleted, _rows = TopicCompletion.objects.filter(
        enrolment=enrolment,
        topic=source_topic(topic),
        source=source,
        completed_at__gte=since,
    ).delete()
    return bool(deleted)
