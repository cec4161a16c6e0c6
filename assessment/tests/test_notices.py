"""Assessment's notifications: feedback on a practice work, a released result, a deadline drawing
near; each at its event, in the trainee's language, never quoting the feedback."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail

from assessment import services
from assessment.models import Assignment, CohortDeadline, Submission, SupportPlan
from assessment.services.deadline import cohort_deadlines_set, deadline_reminders_send
from course.models import Enrolment, TopicPage
from notifications.models import Notification

from .factories import EnrolmentFactory, finalised_result

pytestmark = pytest.mark.django_db

TITLE = {
    "kk": "Құжаттама: бақылаулар, мониторинг парақтары, динамиканы бекіту",
    "ru": "Документация: наблюдения, листы мониторинга, фиксация динамики",
}
FEEDBACK = "Айдос туралы бақылауды толықтырыңыз"  # names a child: never in a notification


@pytest.fixture
def assignment(programme):
    topic = TopicPage.objects.get(locale__language_code="kk", number="1.5")
    return Assignment.objects.create(topic=topic, brief_kk="<p>Кейс</p>")


def _submitted(enrolment, assignment) -> Submission:
    version = services.submission_page_save(
        assignment=assignment,
        enrolment=enrolment,
        text="<p>Менің жауабым</p>",
        submit=True,
        anonymised_confirmed=True,
    )
    return version.submission


def _review(submission, trainer, decision):
    submission.refresh_from_db()
    return services.submission_review(
        submission=submission,
        reviewer=trainer,
        decision=decision,
        feedback=FEEDBACK,
        lock_version=submission.lock_version,
    )


@pytest.mark.parametrize(
    ("language", "subject", "path"),
    [
        ("kk", f"«{TITLE['kk']}» практикалық жұмысыңыз пысықтауға қайтарылды", "/kk/assessment/"),
        (
            "ru",
            f"Ваша практическая работа «{TITLE['ru']}» возвращена на доработку",
            "/ru/assessment/",
        ),
    ],
)
def test_a_returned_work_is_told_to_the_trainee_in_her_language(
    language, subject, path, enrolment, assignment, trainer, django_capture_on_commit_callbacks
):
    enrolment.trainee.preferred_language = language
    enrolment.trainee.save(update_fields=["preferred_language"])
    submission = _submitted(enrolment, assignment)

    with django_capture_on_commit_callbacks(execute=True):
        _review(submission, trainer, "returned")

    notification = Notification.objects.get(recipient=enrolment.trainee)
    assert notification.kind == "assessment.practice_returned"
    assert notification.subject == subject
    assert notification.link == f"{path}practice/{assignment.pk}/"
    (sent,) = mail.outbox
    assert sent.subject == subject and sent.to == [enrolment.trainee.email]
    assert "Айдос" not in sent.body and "Айдос" not in notification.text


def test_an_accepted_work_is_told_once_the_acceptance_can_no_longer_be_taken_back(
    enrolment, assignment, trainer, django_capture_on_commit_callbacks, monkeypatch
):
    # The task waits SUBMISSION_UNDO_MINUTES on the broker; run in-process, it runs at once.
    from assessment import tasks

    delays = []
    monkeypatch.setattr(
        tasks.submission_accepted_notify_task,
        "apply_async",
        lambda args=None, kwargs=None, **options: delays.append((args, options)),
    )
    submission = _submitted(enrolment, assignment)

    with django_capture_on_commit_callbacks(execute=True):
        _review(submission, trainer, "accepted")

    assert delays == [((submission.pk,), {"countdown": 10 * 60})]
    assert not Notification.objects.filter(recipient=enrolment.trainee).exists()

    tasks.submission_accepted_notify_task(submission.pk)

    notification = Notification.objects.get(recipient=enrolment.trainee)
    assert notification.kind == "assessment.practice_accepted"
    assert notification.subject == f"«{TITLE['kk']}» практикалық жұмысыңыз қабылданды"


def test_an_acceptance_taken_back_tells_the_trainee_nothing(
    enrolment, assignment, trainer, monkeypatch
):
    from assessment import tasks

    monkeypatch.setattr(tasks.submission_accepted_notify_task, "apply_async", lambda *a, **k: 0)
    submission = _submitted(enrolment, assignment)
    _review(submission, trainer, "accepted")
    services.submission_acceptance_undo(submission=submission, by=trainer)

    tasks.submission_accepted_notify_task(submission.pk)

    assert not Notification.objects.filter(recipient=enrolment.trainee).exists()


def test_a_released_result_is_told_to_the_trainee_once(
    enrolment, django_capture_on_commit_callbacks
):
    enrolment.trainee.preferred_language = "ru"
    enrolment.trainee.save(update_fields=["preferred_language"])
    result = finalised_result(enrolment=enrolment)

    with django_capture_on_commit_callbacks(execute=True):
        services.result_release(result=result)
        services.result_release(result=result)  # released already: nothing new

    notification = Notification.objects.get(recipient=enrolment.trainee)
    assert (notification.kind, notification.subject, notification.link) == (
        "assessment.result_released",
        "Ваш итоговый результат опубликован",
        "/ru/assessment/my/",
    )
    assert [m.subject for m in mail.outbox] == ["Ваш итоговый результат опубликован"]


# --- deadline reminders ----------------------------------------------------------------------

TODAY = dt.date(2026, 12, 5)


@pytest.fixture
def cohort_due(cohort, settings):
    """A cohort (1 Dec 2026 – 28 Feb 2027) whose plan is due in 3 days, theory in 4; with one
    trainee studying and one who left."""
    settings.NOTIFY_DEADLINE_DAYS = 3
    cohort.starts_on, cohort.ends_on = dt.date(2026, 12, 1), dt.date(2027, 2, 28)
    cohort.save()
    cohort_deadlines_set(
        cohort=cohort,
        dates={"plan": dt.date(2026, 12, 8), "theory": dt.date(2026, 12, 9)},
    )
    studying = EnrolmentFactory(cohort=cohort)
    EnrolmentFactory(cohort=cohort, status=Enrolment.Status.WITHDRAWN)
    return studying


def test_a_deadline_within_the_days_is_reminded_of_once(
    cohort_due, django_capture_on_commit_callbacks
):
    trainee = cohort_due.trainee

    with django_capture_on_commit_callbacks(execute=True):
        first = deadline_reminders_send(today=TODAY)
        again = deadline_reminders_send(today=TODAY)
        next_day = deadline_reminders_send(today=TODAY + dt.timedelta(days=1))

    # Today: only the plan (8 Dec) is within 3 days; the next day the theory test (9 Dec) is too.
    assert (first, again, next_day) == (1, 0, 1)
    subjects = list(
        Notification.objects.filter(recipient=trainee).order_by("pk").values_list("subject", "link")
    )
    assert subjects == [
        ("08.12.2026 дейін тапсыру керек: Жеке қолдау жоспары", "/kk/assessment/plan/"),
        ("09.12.2026 дейін тапсыру керек: Теориялық тест", "/kk/assessment/my/"),
    ]
    assert len(mail.outbox) == 2
    assert not Notification.objects.exclude(recipient=trainee).exists()  # the one who left


def test_a_trainee_who_submitted_the_plan_is_not_reminded_of_its_deadline(cohort_due):
    SupportPlan.objects.create(enrolment=cohort_due, status=SupportPlan.Status.SUBMITTED)

    assert deadline_reminders_send(today=TODAY) == 0
    assert not Notification.objects.exists()


def test_a_moved_deadline_is_reminded_of_again(cohort_due):
    deadline_reminders_send(today=TODAY)
    CohortDeadline.objects.filter(what="plan").update(due_on=dt.date(2026, 12, 7))

    assert deadline_reminders_send(today=TODAY) == 1
    assert Notification.objects.filter(kind="assessment.deadline_near").count() == 2


def test_a_passed_deadline_is_not_reminded_of(cohort_due):
    assert deadline_reminders_send(today=dt.date(2026, 12, 10)) == 0
    assert not Notification.objects.exists()


# --- the defence invitation ---------------------------------------------------------------


def _scheduled_defence(enrolment, trainer):
    plan = SupportPlan.objects.create(enrolment=enrolment, status=SupportPlan.Status.SUBMITTED)
    starts_at = dt.datetime(2026, 12, 20, 10, 0, tzinfo=dt.UTC)  # 15:00 in Almaty
    with time_machine.travel(dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC), tick=False):
        slot = services.defence_schedule(
            plan=plan, starts_at=starts_at, duration_minutes=20, place="204", scheduled_by=trainer
        )
    return slot  # the invitation's task runs after the commit (the callers capture it)


@pytest.mark.parametrize(
    ("language", "subject", "text_starts"),
    [
        ("kk", "Қолдау жоспарыңызды қорғау: ", "Жеке қолдау жоспарыңызды қорғау "),
        ("ru", "Защита вашего плана сопровождения: ", "Защита вашего индивидуального плана "),
    ],
)
def test_the_defence_invitation_is_a_notification_with_its_calendar_file_in_the_e_mail(
    language, subject, text_starts, trainer, django_capture_on_commit_callbacks
):
    enrolment = EnrolmentFactory(trainee__preferred_language=language)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        slot = _scheduled_defence(enrolment, trainer)

    (notification,) = Notification.objects.filter(
        recipient=enrolment.trainee, kind="assessment.defence_scheduled"
    )
    assert notification.subject.startswith(subject)
    assert notification.text.startswith(text_starts)
    assert "(20 " in notification.text and "204" in notification.text
    assert notification.link == f"/{language}/assessment/plan/"
    assert notification.attachments == []  # dropped once the e-mail went
    (sent,) = mail.outbox
    assert sent.to == [enrolment.trainee.email]
    assert sent.subject == notification.subject
    assert enrolment.trainee.email not in sent.body  # no address in place of a name
    ((name, content, mimetype),) = sent.attachments
    assert name == "defence.ics"
    assert mimetype.startswith("text/calendar")
    assert "DTSTART:20261220T100000Z" in content and "LOCATION:204" in content
    assert "defence.ics" in sent.body  # "Attached: defence.ics"
    slot.refresh_from_db()
    assert slot.emailed_at is not None


def test_a_trainee_who_switched_the_defence_e_mail_off_finds_it_in_the_site_only(
    trainer, django_capture_on_commit_callbacks
):
    from notifications.models import EmailPreference
    from notifications.services import email_preferences_save

    enrolment = EnrolmentFactory()
    email_preferences_save(user=enrolment.trainee, choices={"assessment.defence_scheduled": False})
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        _scheduled_defence(enrolment, trainer)

    assert mail.outbox == []
    notification = Notification.objects.get(
        recipient=enrolment.trainee, kind="assessment.defence_scheduled"
    )
    assert (notification.emailed_at, notification.attachments) == (None, [])
    # The switch stays as the person set it; the other kinds keep their default.
    assert list(
        EmailPreference.objects.filter(user=enrolment.trainee).values_list("kind", "email")
    ) == [("assessment.defence_scheduled", False)]
