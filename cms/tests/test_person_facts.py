"""What the shell needs to know about the signed-in person comes in one query per request
(cms.facts; issue 22), and says what the separate reads said."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms import roles
from cms.facts import group_names_of, person_facts, person_facts_forget
from cms.models import TraineeProfile, User
from cms.tests.factories import (
    TraineeFactory,
    TraineeProfileFactory,
    TrainerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def fresh(user) -> User:
    """The account as the next request loads it."""
    return User.objects.get(pk=user.pk)


def test_every_fact_of_a_person_is_read_in_one_query_and_kept_for_the_request():
    trainer = fresh(TrainerFactory())

    with CaptureQueriesContext(connection) as queries:
        facts = person_facts(trainer)
        roles.is_trainer(trainer)
        roles.is_registrar(trainer)
        person_facts(trainer)

    assert len(queries) == 1
    assert {"cms_group_names", "cms_profile_complete", "notifications_unread"} <= set(facts)


def test_group_names_come_whole_even_with_a_comma_in_one():
    trainer = TrainerFactory()
    trainer.groups.add(Group.objects.create(name="mentor, Astana region"))

    assert group_names_of(fresh(trainer)) == {roles.TRAINER, "mentor, Astana region"}
    assert group_names_of(fresh(UserFactory())) == frozenset()


@pytest.mark.parametrize("field", TraineeProfile.REQUIRED_FIELDS)
def test_the_profile_is_incomplete_in_sql_exactly_when_it_is_in_python(field):
    profile = TraineeProfileFactory()
    assert person_facts(fresh(profile.user))["cms_profile_complete"] is True

    model_field = TraineeProfile._meta.get_field(field)
    empty = None if model_field.null else ""
    TraineeProfile.objects.filter(pk=profile.pk).update(**{model_field.attname: empty})
    profile.refresh_from_db()

    assert profile.is_complete is False
    assert person_facts(fresh(profile.user))["cms_profile_complete"] is False


def test_a_person_without_a_profile_has_none_complete():
    assert person_facts(fresh(UserFactory()))["cms_profile_complete"] is False


def test_forgetting_reads_the_facts_again_after_a_change_in_the_same_request():
    trainee = fresh(TraineeFactory())
    assert not roles.is_trainer(trainee)

    trainee.groups.add(Group.objects.get_or_create(name=roles.TRAINER)[0])
    assert not roles.is_trainer(trainee)  # kept for the request
    roles.forget_roles(trainee)

    assert roles.is_trainer(trainee)


def test_an_anonymous_visitor_has_no_facts_and_asks_nothing():
    with CaptureQueriesContext(connection) as queries:
        assert person_facts(AnonymousUser()) == {}
        assert person_facts(None) == {}
        person_facts_forget(AnonymousUser())

    assert len(queries) == 0


def test_an_account_deleted_meanwhile_has_every_fact_empty():
    user = fresh(TraineeFactory())
    User.objects.filter(pk=user.pk).delete()

    facts = person_facts(user)

    assert facts and all(value is None for value in facts.values())
    assert roles.user_role(user) == ""
