"""The facts cms defines once for every app (issue 18, "each fact once"): date anniversaries, the
language to write to a person in, the private storage, the profile's field lists, the display
name, the course's hours and the organisation's name in the e-mail that ends an account."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.files.storage import storages
from django.test import override_settings

from cms.dates import add_months, add_years
from cms.emails import language_of
from cms.forms import TraineeProfileForm
from cms.models import TraineeProfile
from cms.names import display_name
from cms.private_files import private_storage
from cms.tests.factories import RegistrarFactory, TraineeFactory, TraineeProfileFactory


def test_a_month_later_keeps_the_day_or_takes_the_last_day_of_a_shorter_month():
    assert add_months(datetime.date(2026, 1, 15), 1) == datetime.date(2026, 2, 15)
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2028, 1, 31), 1) == datetime.date(2028, 2, 29)
    assert add_months(datetime.date(2026, 11, 30), 3) == datetime.date(2027, 2, 28)
    assert add_months(datetime.date(2026, 8, 31), -6) == datetime.date(2026, 2, 28)


def test_an_anniversary_of_29_february_falls_on_28_february_in_a_common_year():
    assert add_years(datetime.date(2026, 6, 30), 3) == datetime.date(2029, 6, 30)
    assert add_years(datetime.date(2028, 2, 29), 3) == datetime.date(2031, 2, 28)
    assert add_years(datetime.date(2028, 2, 29), 4) == datetime.date(2032, 2, 29)
    assert add_years(datetime.date(2027, 3, 1), 1) == datetime.date(2028, 3, 1)


@pytest.mark.django_db
def test_a_person_is_written_to_in_her_language_else_in_the_sites_default():
    russian = TraineeFactory(preferred_language="ru")
    unset = TraineeFactory(preferred_language="")

    assert language_of(russian) == "ru"
    assert language_of(unset) == "kk"
    assert language_of(None) == "kk"  # a certificate whose holder's account is gone
    with override_settings(LANGUAGE_CODE="ru"):
        assert language_of(unset) == "ru"


def test_the_private_storage_is_the_configured_private_one():
    assert private_storage() is storages["private"]


def test_the_profile_lists_its_fields_once_and_derives_the_others():
    assert TraineeProfile.FORM_FIELDS == (
        "surname_kk",
        "given_name_kk",
        "patronymic_kk",
        "surname_ru",
        "given_name_ru",
        "patronymic_ru",
        "position",
        "school",
        "region",
        "organisation_type",
        "qualification_category",
        "years_of_experience",
        "employer_email",
        "last_refresher_course_on",
    )
    assert TraineeProfile.REQUIRED_FIELDS == (
        "surname_kk",
        "given_name_kk",
        "surname_ru",
        "given_name_ru",
        "position",
        "school",
        "region",
        "organisation_type",
        "qualification_category",
        "years_of_experience",
        "employer_email",
    )
    assert TraineeProfile.IDENTIFYING_FIELDS == (
        "surname_kk",
        "given_name_kk",
        "patronymic_kk",
        "surname_ru",
        "given_name_ru",
        "patronymic_ru",
        "school",
        "employer_email",
        "last_refresher_course_on",
    )


def test_the_profile_form_and_the_admin_show_the_profiles_fields_in_its_order():
    from cms.wagtail_hooks import TraineeProfileViewSet

    assert list(TraineeProfileForm.base_fields) == list(TraineeProfile.FORM_FIELDS)
    assert TraineeProfileViewSet.form_fields == list(TraineeProfile.FORM_FIELDS)
    form = TraineeProfileForm()
    assert form.fields["surname_ru"].widget.attrs["lang"] == "ru"
    assert form.fields["patronymic_kk"].widget.attrs["lang"] == "kk"
    assert not form.fields["patronymic_kk"].required and form.fields["surname_kk"].required


@pytest.mark.django_db
def test_a_list_that_loaded_the_profiles_gets_the_name_without_another_query(
    django_assert_num_queries,
):
    profile = TraineeProfileFactory(surname_ru="Ахметова", given_name_ru="Дана", patronymic_ru="")
    user = type(profile.user).objects.get(pk=profile.user_id)
    without_profile = TraineeFactory(first_name="Асель", last_name="Нурланова")

    with django_assert_num_queries(0):
        assert display_name(user, "ru", profile=profile) == "Ахметова Дана"
        assert display_name(without_profile, "ru", profile=None) == "Асель Нурланова"


@pytest.mark.django_db
def test_the_site_footer_prints_the_course_hours_from_the_setting(client):
    with override_settings(COURSE_HOURS=72):
        kazakh = client.get("/kk/accounts/login/").content.decode()
        russian = client.get("/ru/accounts/login/").content.decode()

    assert "Педагог-ассистенттерге арналған 72 сағаттық біліктілікті арттыру курсы" in kazakh
    assert "72-часовой курс повышения квалификации для педагогов-ассистентов" in russian
    assert "80-часовой" not in russian


@pytest.mark.django_db
def test_the_public_verification_page_prints_the_same_footer(client):
    with override_settings(COURSE_HOURS=72):
        page = client.get("/verify/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    assert "72-часовой курс повышения квалификации для педагогов-ассистентов" in page


@pytest.mark.django_db
def test_the_account_deletion_e_mail_is_signed_with_the_organisations_registered_name(
    django_capture_on_commit_callbacks,
):
    from cms.models import OrganisationSettings
    from cms.services import account_deletion_approve, account_deletion_request

    organisation = OrganisationSettings.objects.get()
    organisation.name_kk = "ЖШС «Тест Ұйымы»"
    organisation.save()
    trainee = TraineeFactory(email="dana@example.kz", preferred_language="kk")
    deletion = account_deletion_request(user=trainee)

    with django_capture_on_commit_callbacks(execute=True):
        account_deletion_approve(deletion=deletion, by=RegistrarFactory())

    assert [m.to for m in mail.outbox] == [["dana@example.kz"]]
    assert mail.outbox[0].body.rstrip().endswith("ЖШС «Тест Ұйымы»")
    assert "Learning and Development Institute" not in mail.outbox[0].body
