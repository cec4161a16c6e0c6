"""What a trainee accepted is fixed: a course agreement version that someone accepted is never
rewritten, and the trainee's agreement page keeps showing the version accepted."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cms.tests.factories import TraineeFactory
from course.models import CourseAgreement

from .factories import CourseAgreementFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db


def test_an_accepted_version_cannot_be_rewritten_and_stays_as_it_was(programme):
    agreement = CourseAgreementFactory(version="2026.1")
    EnrolmentFactory(agreement_version="2026.1")

    agreement.text_ru = "<p>Другой договор</p>"
    with translation.override("en"), pytest.raises(ValidationError) as refusal:
        agreement.full_clean()

    assert "Trainees have accepted version 2026.1, so it cannot be changed." in str(refusal.value)
    assert CourseAgreement.objects.get(pk=agreement.pk).text_ru == "<p>Договор об обучении</p>"


def test_a_version_nobody_accepted_yet_can_still_be_corrected(programme):
    agreement = CourseAgreementFactory(version="2026.2")
    EnrolmentFactory(agreement_version="2026.1")

    agreement.text_ru = "<p>Исправленный договор</p>"
    agreement.full_clean()
    agreement.save()

    assert CourseAgreement.objects.get(pk=agreement.pk).text_ru == "<p>Исправленный договор</p>"


def test_the_trainee_keeps_seeing_the_version_accepted_after_a_new_one_is_published(
    client, programme
):
    CourseAgreementFactory(version="2026.1", text_ru="<p>Первая версия</p>")
    trainee = TraineeFactory(preferred_language="ru")
    EnrolmentFactory(trainee=trainee, agreement_version="2026.1")
    CourseAgreementFactory(version="2026.2", text_ru="<p>Вторая версия</p>")
    client.force_login(trainee)

    page = client.get("/ru/study/agreement/").content.decode()

    assert "Первая версия" in page and "Вторая версия" not in page
