"""The register's search: any case of Cyrillic (on SQLite too), names in any order, the code."""

from __future__ import annotations

import pytest

from certificates.models import Certificate
from cms.tests.factories import RegistrarFactory

from .factories import EnrolmentFactory

REGISTER = "/en/certificates/register/"


@pytest.fixture
def two_certificates(programme, issue):
    aigul, other = issue(EnrolmentFactory()), issue(EnrolmentFactory())
    Certificate.objects.filter(pk=aigul.pk).update(
        holder_name_kk="Серікова Айгүл Бекқызы", holder_name_ru="Серикова Айгуль Бековна"
    )
    Certificate.objects.filter(pk=other.pk).update(
        holder_name_kk="Омаров Нұрлан", holder_name_ru="Омаров Нурлан"
    )
    return aigul, other


def _found(client, q):
    response = client.get(REGISTER, {"q": q})
    return [c.pk for c, _status in response.context["rows"]]


@pytest.mark.parametrize(
    "q",
    ["серікова", "АЙГҮЛ", "айгүл серікова", "Айгуль Серикова", "бекқызы"],
)
def test_the_register_finds_a_holder_by_lower_case_cyrillic_and_by_given_name_first(
    client, two_certificates, q
):
    aigul, _other = two_certificates
    client.force_login(RegistrarFactory())
    assert _found(client, q) == [aigul.pk]


def test_the_register_finds_a_certificate_by_its_verification_code(client, two_certificates):
    aigul, _other = two_certificates
    client.force_login(RegistrarFactory())
    assert _found(client, aigul.code.lower().replace("-", " ")) == [aigul.pk]


def test_words_of_two_people_find_nobody(client, two_certificates):
    client.force_login(RegistrarFactory())
    assert _found(client, "айгүл омаров") == []
