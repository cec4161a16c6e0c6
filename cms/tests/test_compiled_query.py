"""A compiled query returns what its queryset returns, in one query, compiling once a day
(cms.db.compiled; issue 22). Run on SQLite and on PostgreSQL, like every test here."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.db.compiled import CompiledQuery
from cms.models import TraineeProfile, User
from cms.tests.factories import TraineeFactory, TraineeProfileFactory, TrainerFactory

pytestmark = pytest.mark.django_db


def counting(build):
    """`build`, and a list that grows each time it is called (each compilation)."""
    calls = []

    def counted(*arguments):
        calls.append(arguments)
        return build(*arguments)

    return counted, calls


def test_model_instances_come_with_their_select_related_objects_in_one_query():
    profile = TraineeProfileFactory()
    query = CompiledQuery(
        lambda user_id: TraineeProfile.objects.filter(user_id=user_id).select_related("user")
    )

    with CaptureQueriesContext(connection) as queries:
        [found] = query(profile.user_id)
        email = found.user.email

    assert len(queries) == 1
    assert found.pk == profile.pk
    assert email == profile.user.email
    assert found._state.db == "default" and not found._state.adding


def test_every_field_reads_as_the_plain_queryset_reads_it():
    user = TraineeFactory()
    build = lambda user_id: User.objects.filter(pk=user_id)  # noqa: E731
    [compiled] = CompiledQuery(build)(user.pk)
    [plain] = build(user.pk)

    for field in User._meta.concrete_fields:
        assert getattr(compiled, field.attname) == getattr(plain, field.attname), field.name
    assert compiled.date_joined.tzinfo is not None  # Django's converters ran (SQLite: text)


def test_values_come_as_dictionaries_with_their_annotations():
    trainer = TrainerFactory()
    query = CompiledQuery(
        lambda user_id: (
            User.objects.filter(pk=user_id)
            .annotate(groups_count=Count("groups"))
            .values("email", "groups_count")
        )
    )

    assert query(trainer.pk) == [{"email": trainer.email, "groups_count": 1}]


def test_a_list_argument_compiles_once_per_length_and_an_empty_one_asks_nothing():
    people = [TraineeFactory() for _ in range(3)]
    build, calls = counting(
        lambda ids: User.objects.filter(pk__in=ids).order_by("pk").values_list("email", flat=True)
    )
    query = CompiledQuery(build)
    ids = [person.pk for person in people]

    assert query(ids[:2]) == [people[0].email, people[1].email]
    assert query(ids[1:]) == [people[1].email, people[2].email]
    assert query(ids) == [person.email for person in people]
    with CaptureQueriesContext(connection) as queries:
        assert query([]) == []

    assert len(queries) == 0
    assert len(calls) == 3  # lengths 2, 3 and 0


def test_datetime_and_text_arguments_are_passed_as_the_orm_passes_them():
    early = TraineeFactory(date_joined=timezone.now() - dt.timedelta(days=10))
    late = TraineeFactory(date_joined=timezone.now() - dt.timedelta(days=1))
    query = CompiledQuery(
        lambda since, email: (
            User.objects.filter(date_joined__gte=since)
            .exclude(email=email)
            .filter(pk__in=[early.pk, late.pk])
            .order_by("date_joined")
            .values_list("pk", "date_joined")
        )
    )
    since = timezone.now() - dt.timedelta(days=5)

    assert query(since, "someone@else.kz") == [(late.pk, late.date_joined)]
    assert [pk for pk, _joined in query(since - dt.timedelta(days=30), "x@y.kz")] == [
        early.pk,
        late.pk,
    ]
    assert query(since, late.email) == []


def test_the_sql_is_compiled_once_a_day_and_forgotten_on_request():
    user = TraineeFactory()
    build, calls = counting(lambda user_id: User.objects.filter(pk=user_id).values_list("pk"))
    query = CompiledQuery(build)

    for _ in range(3):
        assert query(user.pk) == [(user.pk,)]
    assert len(calls) == 1
    with time_machine.travel(timezone.now() + dt.timedelta(days=1)):
        query(user.pk)
    assert len(calls) == 2
    query.forget()
    query(user.pk)
    assert len(calls) == 3


def test_a_query_on_groups_sees_a_role_given_after_it_was_compiled():
    user = TraineeFactory()
    query = CompiledQuery(
        lambda user_id: (
            Group.objects.filter(user__pk=user_id).order_by("name").values_list("name", flat=True)
        )
    )
    before = query(user.pk)
    user.groups.add(Group.objects.get_or_create(name="mentor")[0])

    assert sorted(query(user.pk)) == sorted([*before, "mentor"])


def test_arguments_that_would_change_the_sql_or_not_reach_it_are_refused():
    with pytest.raises(TypeError, match="boolean"):
        CompiledQuery(lambda active: User.objects.filter(is_active=active))(True)
    with pytest.raises(TypeError, match="prefetch"):
        CompiledQuery(lambda pk: User.objects.filter(pk=pk).prefetch_related("groups"))(1)
    with pytest.raises(ValueError, match="once as a parameter"):
        CompiledQuery(lambda pk: User.objects.all())(1)
    with pytest.raises(ValueError, match="once as a parameter"):  # LIKE wraps and escapes it
        CompiledQuery(lambda text: User.objects.filter(email__contains=text))("kz")
    with pytest.raises(TypeError, match=r"not 1\.5"):
        CompiledQuery(lambda x: User.objects.filter(pk=x))(1.5)


def test_a_setting_changed_by_a_test_compiles_every_query_afresh(settings):
    user = TraineeFactory()
    build, calls = counting(lambda user_id: User.objects.filter(pk=user_id).values_list("pk"))
    query = CompiledQuery(build)
    query(user.pk)

    settings.MODULE_CONTROL_PASS_PERCENT = 61  # any setting: a query may read one
    query(user.pk)

    assert len(calls) == 2
