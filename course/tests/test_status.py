"""Enrolment status with history: completion, transfer (private document), expulsion (employer
emailed through the Celery task) and the enrolment page's permissions."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cms.tests.factories import RegistrarFactory, TraineeFactory, TrainerFactory
from course import services
from course.models import Enrolment, EnrolmentEvent, TopicCompletion

from .conftest import url
from .factories import CohortFactory, EnrolmentFactory, kk_topic

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def enrolment(programme):
    trainer = TrainerFactory()
    return EnrolmentFactory(cohort=CohortFactory(trainers=[trainer]))


def _expel(client, registrar, enrolment, **overrides):
    data = {
        "expel-order_number": "17-ө",
        "expel-decision_date": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
        "expel-reason": "Repeated plagiarism in case studies",
    }
    data.update(overrides)
    client.force_login(registrar)
    return client.post(url("enrolment_action", enrolment.pk, "expel"), data)


def test_expelling_records_the_decision_and_emails_the_employer(
    client, enrolment, django_capture_on_commit_callbacks
):
    registrar = RegistrarFactory()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = _expel(client, registrar, enrolment)
    assert response.status_code == 302
    assert len(callbacks) == 1  # the task is enqueued only after the commit
    enrolment.refresh_from_db()
    assert enrolment.status == "expelled"
    event = enrolment.events.get(to_status="expelled")
    assert (event.from_status, event.by, event.order_number) == ("active", registrar, "17-ө")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [enrolment.trainee.trainee_profile.employer_email]
    assert "17-ө" in message.body and "Repeated plagiarism" in message.body
    # The trainee sees the decision on the dashboard and can no longer study.
    client.force_login(enrolment.trainee)
    html = client.get(url("dashboard")).content.decode()
    assert "Decision on your expulsion" in html and "17-ө" in html
    with pytest.raises(services.EnrolmentError):
        services.topic_mark_studied(enrolment=enrolment, topic=kk_topic("1.1"))


@pytest.mark.parametrize("missing", ["expel-order_number", "expel-reason", "expel-decision_date"])
def test_an_expulsion_without_its_order_date_or_reason_is_refused(
    client, enrolment, missing, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _expel(client, RegistrarFactory(), enrolment, **{missing: ""})
    assert any("This field is required." in m for m in _messages(response))
    enrolment.refresh_from_db()
    assert enrolment.status == "active" and not enrolment.events.exists()
    assert mail.outbox == []


def test_only_a_registrar_can_expel(client, enrolment):
    for person in (enrolment.cohort.trainers.get(), enrolment.trainee, TraineeFactory()):
        response = _expel(client, person, enrolment)
        assert response.status_code == 404
    enrolment.refresh_from_db()
    assert enrolment.status == "active"


def test_expelling_twice_is_refused(enrolment):
    registrar = RegistrarFactory()
    today = timezone.localdate()
    services.enrolment_expel(
        enrolment=enrolment, by=registrar, order_number="1", decision_date=today, reason="x"
    )
    with pytest.raises(services.EnrolmentError, match="Only an active enrolment can be expelled"):
        services.enrolment_expel(
            enrolment=enrolment, by=registrar, order_number="2", decision_date=today, reason="y"
        )
    assert enrolment.events.count() == 1


def _transfer(client, registrar, enrolment, to_cohort, **overrides):
    data = {
        "transfer-to_cohort": to_cohort.pk,
        "transfer-reason": "Long illness (medical certificate)",
        "transfer-document": SimpleUploadedFile("справка.pdf", PDF, "application/pdf"),
    }
    data.update(overrides)
    client.force_login(registrar)
    return client.post(url("enrolment_action", enrolment.pk, "transfer"), data)


def test_a_transfer_moves_the_trainee_with_progress_and_keeps_the_document_private(
    client, enrolment
):
    services.topic_mark_studied(enrolment=enrolment, topic=kk_topic("1.1"))
    target = CohortFactory(starts_on=enrolment.cohort.starts_on)
    registrar = RegistrarFactory()
    response = _transfer(client, registrar, enrolment, target)
    assert response.status_code == 302
    enrolment.refresh_from_db()
    new = enrolment.transferred_to
    assert enrolment.status == "transferred" and new.cohort == target and new.status == "active"
    assert TopicCompletion.objects.filter(enrolment=new, topic=kk_topic("1.1")).exists()
    event = enrolment.events.get(to_status="transferred")
    assert event.to_cohort == target and event.reason.startswith("Long illness")
    stored = event.document.path
    assert stored.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not stored.startswith(str(settings.MEDIA_ROOT))
    # Staff download it through the permission-checked view; nobody else can.
    response = client.get(url("event_document", event.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    for person in (enrolment.trainee, enrolment.cohort.trainers.get()):
        client.force_login(person)
        assert client.get(url("event_document", event.pk)).status_code == 404
    client.logout()
    response = client.get(url("event_document", event.pk))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_transfer_to_another_year_is_refused(enrolment):
    target = CohortFactory(
        starts_on=enrolment.cohort.starts_on.replace(year=enrolment.cohort.starts_on.year + 1),
        ends_on=enrolment.cohort.ends_on.replace(year=enrolment.cohort.ends_on.year + 1),
    )
    with pytest.raises(services.EnrolmentError, match="same year"):
        services.enrolment_transfer(
            enrolment=enrolment, to_cohort=target, by=RegistrarFactory(), reason="illness"
        )
    enrolment.refresh_from_db()
    assert enrolment.status == "active" and Enrolment.objects.count() == 1


def test_a_transfer_without_a_document_is_refused(client, enrolment):
    target = CohortFactory(starts_on=enrolment.cohort.starts_on)
    response = _transfer(client, RegistrarFactory(), enrolment, target, **{"transfer-document": ""})
    assert any("This field is required." in m for m in _messages(response))
    assert Enrolment.objects.count() == 1 and not EnrolmentEvent.objects.exists()


@pytest.mark.parametrize("status", ["not_passed", "withdrawn"])
def test_a_registrar_closes_an_enrolment_with_history(client, enrolment, status):
    registrar = RegistrarFactory()
    client.force_login(registrar)
    client.post(
        url("enrolment_action", enrolment.pk, "status"),
        {"status-status": status, "status-reason": "Final assessment"},
    )
    enrolment.refresh_from_db()
    assert enrolment.status == status
    event = enrolment.events.get()
    assert (event.from_status, event.to_status, event.by) == ("active", status, registrar)
    # A closed enrolment cannot be closed again.
    response = client.post(
        url("enrolment_action", enrolment.pk, "status"), {"status-status": "withdrawn"}
    )
    assert any("Only an active enrolment can change its status" in m for m in _messages(response))
    assert enrolment.events.count() == 1


def test_the_enrolment_page_is_for_the_trainee_their_trainers_and_registrars(client, enrolment):
    allowed = [enrolment.trainee, enrolment.cohort.trainers.get(), RegistrarFactory()]
    for person in allowed:
        client.force_login(person)
        assert client.get(url("enrolment_detail", enrolment.pk)).status_code == 200
    other_trainer = TrainerFactory()
    CohortFactory(trainers=[other_trainer])
    for person in (TraineeFactory(), other_trainer):
        client.force_login(person)
        assert client.get(url("enrolment_detail", enrolment.pk)).status_code == 404
    client.logout()
    response = client.get(url("enrolment_detail", enrolment.pk))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_transfer_document_that_is_not_really_a_pdf_is_refused(client, enrolment):
    target = CohortFactory(starts_on=enrolment.cohort.starts_on)
    fake = SimpleUploadedFile("справка.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = _transfer(
        client, RegistrarFactory(), enrolment, target, **{"transfer-document": fake}
    )
    assert any("is not a PDF, JPG, PNG file" in m for m in _messages(response))
    enrolment.refresh_from_db()
    assert enrolment.status == "active" and not EnrolmentEvent.objects.exists()


def test_completed_is_never_typed_by_hand_it_comes_with_the_certificate(client, enrolment):
    client.force_login(RegistrarFactory())

    response = client.post(
        url("enrolment_action", enrolment.pk, "status"),
        {"status-status": "completed", "status-reason": "Looks done"},
    )

    enrolment.refresh_from_db()
    assert enrolment.status == "active"
    assert not enrolment.events.exists()
    assert any("Select a valid choice" in m for m in _messages(response))
    with pytest.raises(services.EnrolmentError, match="This status cannot be set directly"):
        services.enrolment_status_set(enrolment=enrolment, status="completed", by=None)
