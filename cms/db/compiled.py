"""ORM queries compiled once, run many times (issue 22).

Building a query with the ORM and compiling it to SQL costs far more than running it: on this
machine a one-table look-up by id takes 0.05 ms on the database and 0.3-0.8 ms of Python before
it is sent, and the trainee's dashboard ran eleven of them on every visit. A `CompiledQuery`
compiles its query once per process, database and day, with stand-ins where the caller's values
go, and afterwards only swaps the values in, runs the SQL (prepared on PostgreSQL, see
cms.db.postgresql) and turns the rows into what the queryset would have returned: model
instances (with their select_related objects and annotations), values() dictionaries, or
values_list() tuples or flat values, through Django's own converters.

    enrolments_of = CompiledQuery(
        lambda trainee_id: Enrolment.objects.filter(trainee_id=trainee_id)
        .select_related("cohort")
        .order_by("-enrolled_at", "-pk")
    )
    enrolments_of(user.pk)  # a list, as list(queryset) would be

Rules for `build`:
- Its SQL must depend only on its arguments (and on today's date: the SQL is made again each day).
  Read nothing per request in it: no active language, no request, no settings that tests vary.
- Arguments are ints, strings, dates, datetimes, or lists or tuples of ints (`id__in=`); a list's
  length is part of the shape (one compilation per length; an empty list returns []). A string
  is compared whole (`code=`): a LIKE lookup (`contains`) wraps and escapes it, and is refused.
- No prefetch_related, no iterator(), no union: a plain filtered, ordered, sliced queryset.

Django (2.0-5.2) has no public API for this; django-prepared-queries and django-query-preparer,
the libraries that did it, stopped at Django 2 and 3. What is used here is what Django's own
iterables use (the compiler's select, klass_info, converters), pinned by the tests in
cms/tests/test_compiled_query.py, which compare every kind of result with the plain queryset on
SQLite and PostgreSQL."""

from __future__ import annotations

import datetime
import threading
import weakref
from collections.abc import Callable
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.core.signals import setting_changed
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    ValuesIterable,
    ValuesListIterable,
    get_related_populators,
)
from django.dispatch import receiver
from django.utils import timezone

# Stand-ins: values no caller passes, told apart by their position in the argument list.
_INT_BASE = -(2**31) + 7919
_TEXT_MARK = "\x1fcompiled-query-argument-{}\x1f"
_DATETIME_BASE = datetime.datetime(1901, 2, 3, 4, 5, 6, tzinfo=datetime.UTC)
_DATE_BASE = datetime.date(1901, 2, 3)


def _stand_in(index: int, value: Any, item: int = 0) -> Any:
    number = index * 1000 + item
    if isinstance(value, bool):
        raise TypeError("a boolean argument changes the SQL's shape: make two queries")
    if isinstance(value, int):
        return _INT_BASE + number
    if isinstance(value, str):
        return _TEXT_MARK.format(number)
    if isinstance(value, datetime.datetime):
        return _DATETIME_BASE + datetime.timedelta(seconds=number)
    if isinstance(value, datetime.date):
        return _DATE_BASE + datetime.timedelta(days=number)
    raise TypeError(f"a compiled query takes ints, strings, dates and lists of ints, not {value!r}")


_KINDS = (ModelIterable, ValuesIterable, ValuesListIterable, FlatValuesListIterable)


_every: weakref.WeakSet[CompiledQuery] = weakref.WeakSet()


@receiver(setting_changed)
def _forget_every(**kwargs) -> None:
    """A test changed a setting a query may read (a status list, a threshold): compile afresh."""
    for query in list(_every):
        query.forget()


class CompiledQuery:
    """A queryset made by `build(*arguments)`, compiled once per database, shape and day."""

    def __init__(self, build: Callable[..., Any]):
        self.build = build
        self._plans: dict[tuple, _Plan] = {}
        self._lock = threading.Lock()
        _every.add(self)

    def forget(self) -> None:
        """Compile afresh on the next call (what `build` reads has changed)."""
        with self._lock:
            self._plans.clear()

    def __call__(self, *arguments: Any) -> list:
        connection = connections[DEFAULT_DB_ALIAS]
        shape = tuple(
            len(a) if isinstance(a, list | tuple) else type(a).__name__ for a in arguments
        )
        key = (connection.alias, connection.settings_dict["NAME"], shape, timezone.localdate())
        plan = self._plans.get(key)
        if plan is None:
            with self._lock:
                if len(self._plans) > 32:  # yesterday's, other databases' in the tests
                    self._plans.clear()
                plan = self._plans[key] = _Plan(self.build, arguments, connection)
        return plan.run(connection, arguments)


class _Plan:
    def __init__(self, build, arguments, connection):
        stand_ins = [
            [_stand_in(i, item, j) for j, item in enumerate(value)]
            if isinstance(value, list | tuple)
            else _stand_in(i, value)
            for i, value in enumerate(arguments)
        ]
        queryset = build(*stand_ins)
        if queryset._prefetch_related_lookups:
            raise TypeError("a compiled query cannot prefetch")
        self.kind = queryset._iterable_class
        if self.kind not in _KINDS:
            raise TypeError(f"a compiled query cannot return {self.kind.__name__}")
        self.db = queryset.db
        compiler = queryset.query.get_compiler(connection=connection)
        try:
            self.sql, params = compiler.as_sql()
        except EmptyResultSet:  # e.g. id__in=[]: Django answers [] without a query
            self.sql = None
            return
        self.params = list(params)
        self.slots = self._find_slots(stand_ins, connection)
        self.compiler = compiler
        fields = [column[0] for column in compiler.select[: compiler.col_count]]
        self.converters = compiler.get_converters(fields)
        if self.kind is ModelIterable:
            klass_info, select = compiler.klass_info, compiler.select
            self.model = klass_info["model"]
            positions = klass_info["select_fields"]
            self.model_slice = slice(positions[0], positions[-1] + 1)
            self.init_list = [column[0].target.attname for column in select[self.model_slice]]
            self.related_populators = get_related_populators(klass_info, select, self.db)
            self.annotations = list(compiler.annotation_col_map.items())
        elif self.kind is ValuesIterable:
            query = queryset.query
            self.names = (
                list(query.selected)
                if query.selected
                else [
                    *query.extra_select,
                    *query.values_select,
                    *query.annotation_select,
                ]
            )

    def _find_slots(self, stand_ins, connection) -> list[tuple[int, int, int | None, bool]]:
        """(parameter index, argument index, item index or None, adapted) for each stand-in."""
        wanted = {}
        for index, value in enumerate(stand_ins):
            for item, one in enumerate(value) if isinstance(value, list) else [(None, value)]:
                wanted[one] = (index, item, False)
                adapted = _adapted(one, connection)
                if adapted is not one:
                    wanted[adapted] = (index, item, True)
        slots, found = [], []
        for position, param in enumerate(self.params):
            try:
                where = wanted.get(param)
            except TypeError:  # an unhashable parameter (a list of a JSON lookup)
                where = None
            if where is not None:
                slots.append((position, *where))
                found.append(where[:2])
        expected = [
            (index, item)
            for index, value in enumerate(stand_ins)
            for item in (range(len(value)) if isinstance(value, list) else [None])
        ]
        if sorted(found, key=repr) != sorted(expected, key=repr):
            raise ValueError(
                "each argument of a compiled query must reach the SQL once as a parameter"
            )
        return slots

    def run(self, connection, arguments) -> list:
        if self.sql is None:
            return []
        params = list(self.params)
        for position, index, item, adapted in self.slots:
            value = arguments[index] if item is None else arguments[index][item]
            params[position] = _adapted(value, connection) if adapted else value
        prepared = getattr(connection, "fetchall_prepared", None)  # cms.db.postgresql
        if prepared is not None:
            rows = prepared(self.sql, params)
        else:
            with connection.cursor() as cursor:
                cursor.execute(self.sql, params)
                rows = cursor.fetchall()
        if self.converters:
            rows = list(self.compiler.apply_converters(rows, self.converters))
        if self.kind is FlatValuesListIterable:
            return [row[0] for row in rows]
        if self.kind is ValuesListIterable:
            return [tuple(row) for row in rows]
        if self.kind is ValuesIterable:
            return [dict(zip(self.names, row, strict=True)) for row in rows]
        return [self._instance(row) for row in rows]

    def _instance(self, row):
        instance = self.model.from_db(self.db, self.init_list, row[self.model_slice])
        for populator in self.related_populators:
            populator.populate(row, instance)
        for name, position in self.annotations:
            setattr(instance, name, row[position])
        return instance


def _adapted(value, connection):
    """The value as the ORM passes it to the driver (SQLite: datetimes and dates as text)."""
    if isinstance(value, datetime.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, datetime.date):
        return connection.ops.adapt_datefield_value(value)
    return value
