from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessment.tests.factories import finalised_result
from certificates.services import certificate_issue
from certificates.tests.factories import EnrolmentFactory as CertEnrolmentFactory
from course.tests.factories import EnrolmentFactory
from quality import services
from quality.models import (
    FollowUpInvitation,
    Question,
    Questionnaire,
    Response,
    SurveyAnswered,
    SurveyResponse,
)
from quality.selectors import (
    SURVEY_MIN_GROUP,
    add_months,
    follow_up_certificate,
    questionnaire_current,
    survey_results,
)

from .conftest import url

pytestmark = pytest.mark.django_db

SURVEY_ANSWERS = {
    "module_1": 5,
    "module_2": 4,
    "module_3": 4,
    "module_4": 5,
    "module_5": 3,
    "materials": 4,
    "trainers": 5,
    "organisation": 4,
}


def test_the_needs_questionnaire_asks_what_the_seeds_annex_asked():
    needs = questionnaire_current(kind="needs")
    codes = [q.code for q in needs.questions.all()]
    for code in (
        "experience_years",
        "qualification",
        "workplace",
        "difficulties",
        "training_needs",
        "formats",
        "digital_skills",
        "self_adaptation",
        "self_documentation",
    ):
        assert code in codes
    difficulties = needs.questions.get(code="difficulties")
    # The seed's figure 1, first line (55 %), in the annex's own Russian words.
    assert difficulties.choices("ru")[0] == "Недостаток практических навыков работы с детьми с ООП"
    assert len(difficulties.choices("kk")) == len(difficulties.choices("ru")) == 5


def test_a_needs_answer_keeps_the_version_it_answered_when_a_new_version_is_published(enrolment):
    v1 = questionnaire_current(kind="needs")
    answers = {
        "experience_years": 4,
        "qualification": 2,
        "workplace": 0,
        "difficulties": [0, 3],
        "training_needs": [1],
        "formats": [0],
        "digital_skills": 3,
        "self_adaptation": 2,
        "self_behaviour": 2,
        "self_visual": 3,
        "self_inclusion": 2,
        "self_documentation": 1,
    }
    response = services.response_submit(enrolment=enrolment, questionnaire=v1, answers=answers)
    v2 = Questionnaire.objects.create(kind="needs", version=2, title_kk="Жаңа", title_ru="Новая")
    assert questionnaire_current(kind="needs") == v2
    response.refresh_from_db()
    assert response.questionnaire == v1 and response.answers["difficulties"] == [0, 3]


def test_a_version_somebody_answered_cannot_be_edited(enrolment):
    v1 = questionnaire_current(kind="follow_up")
    Response.objects.create(questionnaire=v1, enrolment=enrolment, months=3, answers={})
    v1.title_ru = "Другое"
    with pytest.raises(ValidationError, match=re.escape("People have answered version 1")):
        v1.full_clean()


def test_a_missing_required_answer_or_an_unknown_choice_is_refused_and_nothing_saved(enrolment):
    needs = questionnaire_current(kind="needs")
    with pytest.raises(ValidationError, match=re.escape("Answer the question")):
        services.response_submit(enrolment=enrolment, questionnaire=needs, answers={})
    with pytest.raises(ValidationError, match=re.escape("Choose one of the offered answers.")):
        services.response_submit(
            enrolment=enrolment,
            questionnaire=needs,
            answers={"experience_years": 4, "qualification": 9},
        )
    assert not Response.objects.exists()


def test_a_choice_question_needs_as_many_russian_as_kazakh_choices():
    question = Question(
        questionnaire=questionnaire_current(kind="needs"),
        code="x",
        kind="single",
        text_kk="С",
        text_ru="В",
        choices_kk="а\nә",
        choices_ru="а",
    )
    with pytest.raises(ValidationError, match=re.escape("Give the same number of choices")):
        question.clean()


# --- the anonymous survey ---------------------------------------------------------------------


def test_the_survey_response_has_no_link_to_a_person_and_no_time():
    fields = {f.name for f in SurveyResponse._meta.get_fields()}
    assert fields == {"id", "questionnaire", "cohort", "answers"}
    assert SurveyResponse._meta.pk.get_internal_type() == "UUIDField"


def _with_trainers(answers: dict, cohort, rating: int = 5) -> dict:
    return answers | {"trainers": {str(t.pk): rating for t in cohort.trainers.all()}}


def test_a_trainee_answers_the_survey_once_and_only_a_marker_names_them(ending_cohort):
    enrolment = EnrolmentFactory(cohort=ending_cohort)
    survey = questionnaire_current(kind="survey")
    answers = _with_trainers(SURVEY_ANSWERS, ending_cohort)
    services.survey_submit(enrolment=enrolment, questionnaire=survey, answers=answers)
    assert SurveyAnswered.objects.filter(enrolment=enrolment).exists()
    (stored,) = SurveyResponse.objects.all()
    assert stored.answers == answers and stored.cohort == ending_cohort
    with pytest.raises(ValidationError, match=re.escape("You have already answered the survey.")):
        services.survey_submit(enrolment=enrolment, questionnaire=survey, answers=answers)
    assert SurveyResponse.objects.count() == 1


def test_the_survey_is_not_open_before_the_last_weeks(enrolment):
    survey = questionnaire_current(kind="survey")
    with pytest.raises(ValidationError, match=re.escape("The survey opens in the last weeks")):
        services.survey_submit(enrolment=enrolment, questionnaire=survey, answers=SURVEY_ANSWERS)
    assert not SurveyResponse.objects.exists() and not SurveyAnswered.objects.exists()


def _answer_survey(cohort, n: int, rating: int = 4) -> None:
    survey = questionnaire_current(kind="survey")
    for _ in range(n):
        services.survey_submit(
            enrolment=EnrolmentFactory(cohort=cohort),
            questionnaire=survey,
            answers=_with_trainers(
                {**dict.fromkeys(SURVEY_ANSWERS, rating), "comments": "Пайдалы курс"},
                cohort,
                rating,
            ),
        )


def test_survey_results_are_hidden_below_five_answers_and_shown_from_five(ending_cohort):
    assert SURVEY_MIN_GROUP == 5
    _answer_survey(ending_cohort, 4)
    hidden = survey_results(cohorts=[ending_cohort], language="kk")
    assert (hidden.responses, hidden.shown, hidden.summaries) == (4, False, [])
    _answer_survey(ending_cohort, 1, rating=5)
    shown = survey_results(cohorts=[ending_cohort], language="kk")
    assert shown.shown and shown.responses == 5
    materials = next(s for s in shown.summaries if s.question.code == "materials")
    assert materials.mean == 4.2  # (4 × 4 + 5) / 5


def test_the_trainers_page_shows_only_the_count_below_five(client, ending_cohort, trainer):
    _answer_survey(ending_cohort, 4)
    client.force_login(trainer)
    page = client.get(url("cohort", ending_cohort.pk))
    assert "4 answers so far. Results are shown from 5 answers on" in page.text
    assert "Пайдалы курс" not in page.text
    _answer_survey(ending_cohort, 1)
    page = client.get(url("cohort", ending_cohort.pk))
    assert "Пайдалы курс" in page.text


def test_the_survey_page_stores_the_answers_without_the_person(client, ending_cohort, trainer):
    enrolment = EnrolmentFactory(cohort=ending_cohort)
    client.force_login(enrolment.trainee)
    assert client.get(url("survey")).status_code == 200
    data = {code: str(value) for code, value in SURVEY_ANSWERS.items() if code != "trainers"}
    data[f"trainers__{trainer.pk}"] = "5"
    response = client.post(url("survey"), data)
    assert response.status_code == 302
    assert SurveyResponse.objects.get().answers == SURVEY_ANSWERS | {
        "trainers": {str(trainer.pk): 5}
    }
    assert SurveyAnswered.objects.filter(enrolment=enrolment).exists()
    again = client.get(url("survey"), follow=True)
    assert "This questionnaire is not open for you now." in again.text


# --- follow-up ----------------------------------------------------------------------------------


def _certificate(*, issued_on: dt.date):
    enrolment = CertEnrolmentFactory()
    finalised_result(enrolment=enrolment)
    return certificate_issue(enrolment=enrolment, issued_on=issued_on)


def test_follow_up_invitations_go_at_3_and_6_months_once_each(django_capture_on_commit_callbacks):
    today = dt.date(2026, 9, 15)
    three = _certificate(issued_on=dt.date(2026, 6, 15))
    six = _certificate(issued_on=dt.date(2026, 3, 15))
    _too_recent = _certificate(issued_on=dt.date(2026, 6, 16))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.follow_up_invitations_send(today=today) == 2
    sent = set(FollowUpInvitation.objects.values_list("enrolment_id", "months"))
    assert sent == {(three.enrolment_id, 3), (six.enrolment_id, 6)}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [three.enrolment.trainee.email, six.enrolment.trainee.email]
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.follow_up_invitations_send(today=today) == 0


def test_the_follow_up_opens_for_the_holder_from_3_months_after_the_certificate():
    certificate = _certificate(issued_on=dt.date(2026, 6, 15))
    enrolment = certificate.enrolment
    assert follow_up_certificate(enrolment=enrolment, months=3, today=dt.date(2026, 9, 14)) is None
    assert follow_up_certificate(enrolment=enrolment, months=3, today=dt.date(2026, 9, 15)) == (
        certificate
    )
    assert follow_up_certificate(enrolment=enrolment, months=6, today=dt.date(2026, 9, 15)) is None


def test_a_follow_up_at_another_month_than_3_or_6_is_refused():
    certificate = _certificate(issued_on=dt.date(2026, 1, 15))
    with pytest.raises(ValidationError, match=re.escape("not asked at this time")):
        services.response_submit(
            enrolment=certificate.enrolment,
            questionnaire=questionnaire_current(kind="follow_up"),
            answers={"use_frequency": 0, "usefulness": 5},
            months=4,
        )
    assert not Response.objects.exists()


def test_add_months_keeps_the_end_of_a_short_month():
    assert add_months(dt.date(2026, 8, 31), -6) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)


def test_the_needs_page_saves_the_answers_with_the_version_once(client, enrolment):
    client.force_login(enrolment.trainee)
    page = client.get(url("needs"))
    assert page.status_code == 200
    assert "Оқу қажеттіліктері сауалнамасы" in page.text
    data = {
        "experience_years": "4",
        "qualification": "1",
        "workplace": "0",
        "difficulties": ["0", "2"],
        "training_needs": ["1"],
        "formats": ["0"],
        "digital_skills": "3",
        "self_adaptation": "2",
        "self_behaviour": "2",
        "self_visual": "3",
        "self_inclusion": "2",
        "self_documentation": "1",
    }
    assert client.post(url("needs"), data).status_code == 302
    response = Response.objects.get(enrolment=enrolment)
    assert response.questionnaire == questionnaire_current(kind="needs")
    assert response.answers["difficulties"] == [0, 2] and response.answers["experience_years"] == 4
    again = client.get(url("needs"), follow=True)
    assert "This questionnaire is not open for you now." in again.text


def test_the_follow_up_page_is_closed_before_3_months_and_other_months_are_404(client):
    certificate = _certificate(issued_on=timezone.localdate())
    client.force_login(certificate.enrolment.trainee)
    closed = client.get(url("follow_up", 3), follow=True)
    assert "This questionnaire is not open for you now." in closed.text
    assert client.get(url("follow_up", 4)).status_code == 404
    assert not Response.objects.exists()


def test_an_anonymous_visitor_is_sent_to_sign_in_from_every_questionnaire(client):
    for path in (url("needs"), url("survey"), url("follow_up", 3), url("competence")):
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_follow_up_invitation_is_a_notification_in_the_holders_language(
    django_capture_on_commit_callbacks,
):
    from notifications.models import Notification

    certificate = _certificate(issued_on=dt.date(2026, 6, 15))
    holder = certificate.enrolment.trainee
    holder.preferred_language = "ru"
    holder.save(update_fields=["preferred_language"])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert services.follow_up_invitations_send(today=dt.date(2026, 9, 15)) == 1

    notification = Notification.objects.get(recipient=holder, kind="quality.follow_up")
    assert notification.subject == "Прошло 3 мес. после курса: как вы применяете его в школе?"
    assert notification.text.startswith("3 мес. назад вы получили сертификат")
    assert notification.link == "/ru/quality/follow-up/3/"
    (sent,) = mail.outbox
    assert (sent.to, sent.subject) == ([holder.email], notification.subject)


def test_a_holder_who_switched_the_follow_up_off_gets_no_e_mail_but_is_invited_once(
    django_capture_on_commit_callbacks,
):
    from notifications.models import Notification
    from notifications.services import email_preferences_save

    certificate = _certificate(issued_on=dt.date(2026, 6, 15))
    holder = certificate.enrolment.trainee
    email_preferences_save(user=holder, choices={"quality.follow_up": False})
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert services.follow_up_invitations_send(today=dt.date(2026, 9, 15)) == 1
        assert services.follow_up_invitations_send(today=dt.date(2026, 9, 15)) == 0

    assert mail.outbox == []
    assert Notification.objects.filter(recipient=holder, kind="quality.follow_up").count() == 1
    assert FollowUpInvitation.objects.filter(enrolment=certificate.enrolment).count() == 1
