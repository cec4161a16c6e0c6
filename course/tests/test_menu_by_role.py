from __future__ import annotations

from cms.navigation import menu_items_for
from cms.tests.factories import RegistrarFactory, TraineeFactory, TrainerFactory

from .conftest import url
from .factories import EnrolmentFactory


def _labels(user) -> list[str]:
    return [str(item.label) for item in menu_items_for(user)]


def test_a_registrar_who_studies_nothing_is_not_offered_my_studies(client, programme):
    registrar = RegistrarFactory()
    client.force_login(registrar)

    page = client.get(url("dashboard")).content.decode()

    assert "My studies" not in _labels(registrar)
    assert f'<li><a href="{url("dashboard")}">My studies</a></li>' not in page


def test_a_trainee_and_a_trainer_are_offered_my_studies(client, programme):
    trainee = EnrolmentFactory().trainee
    client.force_login(trainee)

    page = client.get(url("dashboard")).content.decode()

    assert "My studies" in _labels(trainee)
    assert "My studies" in _labels(TrainerFactory())
    assert "My studies" in _labels(TraineeFactory())
    assert f'<li><a href="{url("dashboard")}">My studies</a></li>' in page


def test_a_registrar_enrolled_on_the_course_is_offered_my_studies(programme):
    registrar = RegistrarFactory()
    EnrolmentFactory(trainee=registrar)

    assert "My studies" in _labels(registrar)
