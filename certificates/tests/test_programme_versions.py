"""Certificates and programme versions: a certificate describes the version its cohort studied,
and one person holds at most one valid certificate of the programme, whatever the version."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from wagtail.models import Page

from certificates.models import Certificate
from certificates.services import CertificateError, certificate_issue
from course.models import TopicPage
from course.versioning import programme_new_version

from .factories import CohortFactory, EnrolmentFactory


def _publish_tree(programme) -> None:
    for root in [programme, *programme.get_translations()]:
        for page in Page.objects.descendant_of(root, inclusive=True).specific():
            page.save_revision().publish()


@pytest.fixture
def second_version(programme):
    """Version 2, published, with topic 1.1 taught in 5 hours instead of 2 (83 hours in all)."""
    new = programme_new_version(programme=programme)
    _publish_tree(new)
    topic = TopicPage.objects.descendant_of(new).get(number="1.1")
    topic.hours = 5
    topic.save_revision().publish()
    return new


def test_a_certificate_describes_the_version_its_cohort_studied(programme, second_version):
    on_first = EnrolmentFactory(cohort=CohortFactory(programme=programme))
    on_second = EnrolmentFactory(cohort=CohortFactory(programme=second_version))

    first = certificate_issue(enrolment=on_first, score=88, band="excellent")
    second = certificate_issue(enrolment=on_second, score=88, band="excellent")

    assert (first.hours, first.modules[0]["total"], first.hours_completed) == (80, 16, 80)
    assert (second.hours, second.modules[0]["total"], second.hours_completed) == (83, 19, 83)
    assert [m["total"] for m in second.modules] == [19, 16, 20, 20, 8]
    assert second.modules[0]["title_ru"] == first.modules[0]["title_ru"]
    assert second.course_title_ru == first.course_title_ru
    assert first.programme_key == second.programme_key == programme.programme_key


def test_a_cohort_on_the_first_version_is_certified_on_it_after_a_second_appears(programme):
    enrolment = EnrolmentFactory(cohort=CohortFactory(programme=programme))
    new = programme_new_version(programme=programme)
    _publish_tree(new)
    topic = TopicPage.objects.descendant_of(new).get(number="5.3")
    topic.hours = 2
    topic.save_revision().publish()

    certificate = certificate_issue(enrolment=enrolment, score=90, band="excellent")

    assert certificate.hours == 80
    assert [m["total"] for m in certificate.modules] == [16, 16, 20, 20, 8]


def test_a_person_certified_on_one_version_gets_no_second_certificate_on_another(
    programme, second_version
):
    first = EnrolmentFactory(cohort=CohortFactory(programme=programme))
    certificate = certificate_issue(enrolment=first, score=88, band="excellent")
    again = EnrolmentFactory(trainee=first.trainee, cohort=CohortFactory(programme=second_version))

    with pytest.raises(CertificateError) as error:
        certificate_issue(enrolment=again, score=95, band="excellent")

    assert str(error.value) == (
        f"No certificate: this person already holds valid certificate {certificate.serial} "
        "for the course."
    )
    assert Certificate.objects.filter(holder=first.trainee).count() == 1


def test_the_database_holds_one_valid_certificate_per_person_and_programme(programme, issue):
    first = EnrolmentFactory()
    certificate = issue(first)
    second = EnrolmentFactory(trainee=first.trainee)
    duplicate = Certificate.objects.get(pk=certificate.pk)
    duplicate.pk, duplicate.serial, duplicate.code = None, "PA-2099-99999", "ZZZZ-ZZZZ-ZZZZ-ZZZZ"
    duplicate.enrolment = second

    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()

    assert Certificate.objects.filter(holder=first.trainee).count() == 1


def test_a_superseded_or_revoked_certificate_leaves_room_for_a_valid_one(programme, issue):
    first = EnrolmentFactory()
    certificate = issue(first)
    Certificate.objects.filter(pk=certificate.pk).update(status=Certificate.Status.REVOKED)
    second = EnrolmentFactory(trainee=first.trainee)

    again = issue(second)

    assert again.status == Certificate.Status.VALID
    assert again.programme_key == certificate.programme_key
