"""Study progress: lectures marked studied, practice counted by attendance or accepted work,
stored on the Kazakh topic whatever language the trainee reads in."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from cms.tests.factories import TraineeFactory, TrainerFactory
from course import services
from course.dashboard import register_panel, unregister_panel
from course.models import Attendance, TopicCompletion, TopicPage

from .conftest import url
from .factories import CohortFactory, EnrolmentFactory, LiveSessionFactory, kk_topic

pytestmark = pytest.mark.django_db


def _page(number: str, lang: str) -> TopicPage:
    return TopicPage.objects.get(number=number, locale__language_code=lang)


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_topic_complete_is_idempotent_and_keeps_the_kazakh_topic(programme):
    enrolment = EnrolmentFactory()
    first = services.topic_complete(
        enrolment=enrolment, topic=_page("1.5", "ru"), source="practice_accepted"
    )
    again = services.topic_complete(
        enrolment=enrolment, topic=_page("1.5", "en"), source="attendance"
    )
    assert first.pk == again.pk
    assert first.topic_id == kk_topic("1.5").pk
    assert TopicCompletion.objects.get().source == "practice_accepted"


def test_a_trainee_marks_a_lecture_studied_from_the_russian_page(client, programme):
    enrolment = EnrolmentFactory()
    client.force_login(enrolment.trainee)
    ru_page = _page("1.1", "ru")
    html = client.get(ru_page.url).content.decode()
    assert "Я изучил(а) эту тему" in html
    token = re.search(r'name="opened" value="([^"]+)"', html).group(1)
    response = client.post(url("topic_studied", ru_page.pk), {"opened": token})
    assert response.status_code == 302 and response["Location"] == ru_page.url
    completion = TopicCompletion.objects.get(enrolment=enrolment)
    assert (completion.topic_id, completion.source) == (kk_topic("1.1").pk, "studied")
    # The Kazakh page of the same topic shows it as studied: progress is locale-independent.
    html = client.get(_page("1.1", "kk").url).content.decode()
    assert "<progress" in html and 'value="' + str(kk_topic("1.1").hours) + '"' in html
    assert 'action="' + url("topic_studied", _page("1.1", "kk").pk, lang="kk") not in html


def test_marking_a_practice_topic_studied_is_refused(client, programme):
    enrolment = EnrolmentFactory()
    client.force_login(enrolment.trainee)
    response = client.post(url("topic_studied", _page("1.5", "en").pk))
    assert any("A practice topic counts when" in m for m in _messages(response))
    assert not TopicCompletion.objects.exists()


@pytest.mark.parametrize(
    ("status", "message"),
    [
        ("expelled", "You were expelled from the course, so you cannot continue studying."),
        ("withdrawn", "You have withdrawn from the course, so you cannot continue studying."),
    ],
)
def test_an_expelled_or_withdrawn_trainee_cannot_study(client, programme, status, message):
    enrolment = EnrolmentFactory(status=status)
    client.force_login(enrolment.trainee)
    response = client.post(url("topic_studied", _page("1.1", "en").pk))
    assert message in _messages(response)
    assert not TopicCompletion.objects.exists()
    html = client.get(_page("1.1", "en").url).content.decode()
    assert message.replace("'", "&#x27;") in html
    assert "I have studied this topic" not in html


def test_a_person_without_an_enrolment_is_told_to_join(client, programme):
    trainee = TraineeFactory()
    client.force_login(trainee)
    response = client.post(url("topic_studied", _page("1.1", "en").pk))
    assert "Join a cohort to record your progress." in _messages(response)
    assert not TopicCompletion.objects.exists()


def test_an_anonymous_visitor_cannot_mark_a_topic(client, programme):
    response = client.post(url("topic_studied", _page("1.1", "en").pk))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not TopicCompletion.objects.exists()


@pytest.fixture
def register(programme):
    trainer = TrainerFactory()
    cohort = CohortFactory(trainers=[trainer])
    session = LiveSessionFactory(cohort=cohort, topic=kk_topic("1.5"))
    enrolments = EnrolmentFactory.create_batch(3, cohort=cohort)
    return trainer, session, enrolments


def test_the_trainer_records_the_register_and_present_counts_the_practice_topic(client, register):
    trainer, session, (a, b, c) = register
    client.force_login(trainer)
    page = client.get(url("session_attendance", session.pk))
    assert page.status_code == 200
    assert f'for="mark-{a.pk}-present"' in page.content.decode()
    response = client.post(
        url("session_attendance", session.pk),
        {f"mark-{a.pk}": "present", f"mark-{b.pk}": "absent", f"mark-{c.pk}": "excused"},
    )
    assert response.status_code == 302
    marks = dict(Attendance.objects.values_list("enrolment_id", "mark"))
    assert marks == {a.pk: "present", b.pk: "absent", c.pk: "excused"}
    completion = TopicCompletion.objects.get()
    assert (completion.enrolment_id, completion.source) == (a.pk, "attendance")
    # Recording again (a correction) updates the marks and does not duplicate the completion.
    client.post(
        url("session_attendance", session.pk),
        {f"mark-{a.pk}": "present", f"mark-{b.pk}": "present", f"mark-{c.pk}": "excused"},
    )
    assert Attendance.objects.count() == 3
    assert set(TopicCompletion.objects.values_list("enrolment_id", flat=True)) == {a.pk, b.pk}


def test_an_incomplete_register_is_refused_and_nothing_saved(client, register):
    trainer, session, (a, _b, _c) = register
    client.force_login(trainer)
    response = client.post(url("session_attendance", session.pk), {f"mark-{a.pk}": "present"})
    assert "Choose present, absent or excused for every trainee." in response.content.decode()
    assert not Attendance.objects.exists() and not TopicCompletion.objects.exists()


def test_only_the_cohorts_trainers_see_the_register(client, register):
    _trainer, session, (a, _b, _c) = register
    for person in (TrainerFactory(), a.trainee):
        client.force_login(person)
        assert client.get(url("session_attendance", session.pk)).status_code == 404
        client.post(url("session_attendance", session.pk), {f"mark-{a.pk}": "present"})
    assert not Attendance.objects.exists()
    client.logout()
    response = client.get(url("session_attendance", session.pk))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_dashboard_shows_hours_the_next_topic_and_sessions(client, programme):
    enrolment = EnrolmentFactory()
    LiveSessionFactory(cohort=enrolment.cohort, topic=kk_topic("1.5"), room="204")
    for number in ("1.1", "1.2"):
        services.topic_mark_studied(enrolment=enrolment, topic=kk_topic(number))
    done = kk_topic("1.1").hours + kk_topic("1.2").hours
    client.force_login(enrolment.trainee)
    html = client.get(url("dashboard")).content.decode()
    assert f"{done} of 80 h" in html
    assert f'<progress id="progress-overall" max="80" value="{done}"' in html
    assert html.count("<progress") == 6  # overall + five modules
    assert _page("1.3", "en").title in html  # the next topic, in the reader's language
    assert "Room: 204" in html and _page("1.5", "en").title in html


def test_the_dashboard_renders_panels_registered_by_other_apps(client, programme):
    enrolment = EnrolmentFactory()

    def deadlines(request, enrolment):
        return {"template": "course/includes/head.html", "context": {}}

    def nothing(request, enrolment):
        return None

    client.force_login(enrolment.trainee)
    # The apps' own panels (the self-assessment, deadlines …) are there already.
    before = (
        client.get(url("dashboard")).content.decode().count('<section class="dashboard-panel">')
    )
    register_panel(deadlines, order=10)
    register_panel(deadlines, order=10)  # twice, as a repeated ready() would
    register_panel(nothing)
    try:
        html = client.get(url("dashboard")).content.decode()
        assert html.count('<section class="dashboard-panel">') == before + 1
    finally:
        unregister_panel(deadlines)
        unregister_panel(nothing)


def test_the_register_of_a_session_not_yet_started_is_refused_and_nothing_saved(client, register):
    trainer, session, (a, b, c) = register
    session.starts_at = timezone.now() + datetime.timedelta(days=9)
    session.save()
    client.force_login(trainer)

    page = client.get(url("session_attendance", session.pk)).content.decode()
    response = client.post(
        url("session_attendance", session.pk),
        {f"mark-{a.pk}": "present", f"mark-{b.pk}": "absent", f"mark-{c.pk}": "excused"},
    )

    assert "The register of a session opens when the session starts." in page
    assert f'for="mark-{a.pk}-present"' not in page
    assert response.status_code == 200
    assert "The register of a session opens when the session starts." in response.content.decode()
    assert not Attendance.objects.exists() and not TopicCompletion.objects.exists()


def test_the_cohort_page_links_only_the_registers_of_sessions_that_have_started(client, register):
    trainer, started, _enrolments = register
    later = LiveSessionFactory(
        cohort=started.cohort,
        topic=kk_topic("2.4"),
        starts_at=timezone.now() + datetime.timedelta(days=9),
    )
    client.force_login(trainer)

    html = client.get(url("cohort_detail", started.cohort.code)).content.decode()

    assert url("session_attendance", started.pk) in html
    assert url("session_attendance", later.pk) not in html
    assert "the register opens when the session starts" in html


def test_the_progress_bar_writes_its_figures_out_and_labels_the_progress_element():
    from django.template import engines
    from django.utils import translation

    template = engines["django"].from_string(
        '{% load course_progress %}{% progress_bar "overall" label 12 80 15 %}'
    )
    with translation.override("en"):
        html = template.render({"label": "Course <total>"})

    assert '<p class="course-progress-label" id="progress-overall-label">' in html
    assert "Course &lt;total&gt;: <strong>12 of 80 h</strong>" in html  # the label is escaped
    assert '<span class="muted">(15%)</span>' in html
    assert (
        '<progress id="progress-overall" max="80" value="12" '
        'aria-labelledby="progress-overall-label">12 of 80 h</progress>'
    ) in html
