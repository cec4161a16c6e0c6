"""One person, one active enrolment; one cohort per enrolment key: database constraints and the
refusals a registrar or trainee reads (admin, import, join) — nothing saved when refused."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from cms.tests.factories import RegistrarFactory, TraineeFactory
from course import services
from course.models import Cohort, Enrolment

from .conftest import url
from .factories import CohortFactory, CourseAgreementFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db


def test_the_database_refuses_a_second_active_enrolment_of_one_person(programme):
    first = EnrolmentFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(cohort=CohortFactory(), trainee=first.trainee)

    assert Enrolment.objects.filter(trainee=first.trainee).count() == 1


def test_a_finished_enrolment_does_not_stop_a_new_one(programme):
    old = EnrolmentFactory(status=Enrolment.Status.NOT_PASSED)

    new = Enrolment.objects.create(cohort=CohortFactory(), trainee=old.trainee)

    assert new.status == Enrolment.Status.ACTIVE


def test_the_admin_refuses_a_second_active_enrolment_with_a_message(client, programme):
    first = EnrolmentFactory()
    other = CohortFactory(code="pa-other")
    client.force_login(RegistrarFactory())

    response = client.post(
        reverse("enrolment:add"), {"cohort": other.pk, "trainee": first.trainee.pk}
    )

    html = response.content.decode()
    assert response.status_code == 200
    # The admin speaks Kazakh by default.
    assert (
        f"{first.trainee.email} {first.cohort.code} ағынында оқып жатыр: бір адамның бір ғана "
        "белсенді оқуы болады. Оның орнына басқа ағынға ауыстырыңыз."
    ) in html
    assert Enrolment.objects.filter(trainee=first.trainee).count() == 1
    assert not first.trainee.enrolments.filter(cohort=other).exists()


def test_the_service_behind_the_admin_names_the_cohort_the_person_studies_in(programme):
    first = EnrolmentFactory()

    with translation.override("en"), pytest.raises(services.EnrolmentError) as error:
        services.enrolment_add(cohort=CohortFactory(), trainee=first.trainee, by=None, reason="")

    assert error.value.message == (
        f"{first.trainee.email} is already studying in cohort {first.cohort.code}: one person has "
        "one active enrolment. Transfer them instead."
    )
    assert Enrolment.objects.filter(trainee=first.trainee).count() == 1


def test_the_import_refuses_a_person_studying_in_another_cohort(client, programme):
    first = EnrolmentFactory()
    cohort = CohortFactory(code="pa-import2")
    client.force_login(RegistrarFactory())
    content = f"name;email;school\nАхметова Гүлнар;{first.trainee.email};№ 5\n".encode()

    response = client.post(
        url("cohort_import", cohort.code), {"file": SimpleUploadedFile("list.csv", content)}
    )

    assert (
        f"Row 2: {first.trainee.email} is already studying in another cohort."
        in response.content.decode()
    )
    assert not Enrolment.objects.filter(cohort=cohort).exists()


def test_the_join_page_refuses_a_second_active_enrolment(client, programme):
    CourseAgreementFactory()
    first = EnrolmentFactory()
    other = CohortFactory(enrolment_key="SECOND-KEY")
    client.force_login(first.trainee)

    response = client.post(url("join"), {"enrolment_key": "SECOND-KEY", "accept_agreement": "on"})

    assert "You are already studying in another cohort" in response.content.decode()
    assert not Enrolment.objects.filter(cohort=other).exists()


def test_two_cohorts_cannot_share_an_enrolment_key_whatever_its_case(programme):
    CohortFactory(enrolment_key="PA-KEY-1")

    with pytest.raises(IntegrityError), transaction.atomic():
        CohortFactory(enrolment_key="pa-key-1")

    assert Cohort.objects.filter(enrolment_key__iexact="pa-key-1").count() == 1


def test_cohorts_joined_only_by_import_may_all_have_an_empty_key(programme):
    CohortFactory(enrolment_key="")
    CohortFactory(enrolment_key="")

    assert Cohort.objects.filter(enrolment_key="").count() == 2


def test_the_admin_refuses_a_key_another_cohort_uses_with_a_message(client, programme):
    taken = CohortFactory(enrolment_key="PA-KEY-2")
    client.force_login(RegistrarFactory())
    data = {
        "programme": programme.pk,
        "code": "pa-new",
        "name": "New",
        "language": "kk",
        "starts_on": "2026-12-01",
        "ends_on": "2027-01-31",
        "capacity": 30,
        "enrolment_key": "pa-key-2",
    }

    response = client.post(reverse("cohort:add"), data)

    assert response.status_code == 200
    assert "Бұл кілтті басқа ағын қолданып отыр." in response.content.decode()
    assert list(Cohort.objects.filter(enrolment_key__iexact="pa-key-2")) == [taken]


def test_a_transfer_keeps_one_active_enrolment(programme):
    enrolment = EnrolmentFactory()
    later = CohortFactory(starts_on=enrolment.cohort.starts_on)

    new = services.enrolment_transfer(
        enrolment=enrolment, to_cohort=later, by=RegistrarFactory(), reason="Moved"
    )

    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.TRANSFERRED
    assert list(Enrolment.objects.filter(trainee=enrolment.trainee, status="active")) == [new]
    assert enrolment.events.get().from_status == "active"


def test_joining_finds_the_one_cohort_of_a_key(client, programme):
    CourseAgreementFactory()
    cohort = CohortFactory(enrolment_key="ONLY-ONE")
    trainee = TraineeFactory()
    client.force_login(trainee)

    client.post(url("join"), {"enrolment_key": "only-one", "accept_agreement": "on"})

    assert Enrolment.objects.get(trainee=trainee).cohort == cohort
