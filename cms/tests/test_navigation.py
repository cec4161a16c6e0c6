from __future__ import annotations

import pytest

from cms import navigation
from cms.models import User
from cms.tests.factories import TraineeFactory, UserFactory


@pytest.fixture
def empty_registry(monkeypatch):
    monkeypatch.setattr(navigation, "_items", [])


def test_menu_items_come_in_order_and_equal_orders_keep_their_registration_order(empty_registry):
    everyone = lambda user: True  # noqa: E731
    navigation.register_menu_item(order=20, label="b", url_name="b", shown_to=everyone)
    navigation.register_menu_item(order=10, label="a", url_name="a", shown_to=everyone)
    navigation.register_menu_item(order=20, label="c", url_name="c", shown_to=everyone)
    assert [item.url_name for item in navigation.menu_items_for(User())] == ["a", "b", "c"]


def test_registering_a_url_name_twice_keeps_the_first(empty_registry):
    navigation.register_menu_item(order=10, label="first", url_name="x", shown_to=bool)
    navigation.register_menu_item(order=5, label="second", url_name="x", shown_to=bool)
    assert [item.label for item in navigation._items] == ["first"]


@pytest.mark.django_db
def test_items_show_only_to_signed_in_people_they_are_meant_for(empty_registry):
    from cms.roles import is_trainee

    navigation.register_menu_item(
        order=1, label="Mine", url_name="profile_detail", shown_to=is_trainee
    )
    assert navigation.menu_items_for(None) == []
    assert navigation.menu_items_for(UserFactory()) == []
    assert [item.label for item in navigation.menu_items_for(TraineeFactory())] == ["Mine"]


def test_the_public_shell_shows_only_the_items_registered_for_it(empty_registry):
    everyone = lambda user: True  # noqa: E731
    navigation.register_menu_item(order=1, label="a", url_name="a", shown_to=everyone)
    navigation.register_menu_item(
        order=2, label="b", url_name="b", shown_to=everyone, in_public_shell=True
    )
    assert [item.url_name for item in navigation.public_menu_items(User())] == ["b"]
    assert [item.url_name for item in navigation.menu_items_for(User())] == ["a", "b"]
