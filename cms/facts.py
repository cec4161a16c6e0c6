"""What the site's shell and access checks need to know about the signed-in person, read in one
query per request (issue 22).

Every page a signed-in person opens asked, each in a query of its own: their groups (roles, the
second-factor rule), whether they may open the library, how many notifications are unread (the
menu), and on the dashboard whether their profile is complete. Now each is a registered fact: an
SQL expression on the person's account (`OuterRef("pk")` is the user), and `person_facts(user)`
reads them all together the first time one is asked for, in a CompiledQuery, and keeps them on
the user object for the rest of the request (the object lives one request). The apps above cms
register their facts from `AppConfig.ready()`:

    register_person_fact("notifications_unread", lambda: Coalesce(Subquery(...), 0))
    person_facts(request.user)["notifications_unread"]

A change made during the request to something a fact reads (a role given, notifications marked
read) is followed by `person_facts_forget(user)` where the same user object is asked again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Aggregate, CharField, Exists, OuterRef, Q, Subquery, TextField

from cms.db.compiled import CompiledQuery

# Between group names in the one text the query returns them as (a name may contain commas).
GROUP_SEPARATOR = "\x1f"
_ATTRIBUTE = "_cms_person_facts"
_facts: dict[str, Callable[[], Any]] = {}


class _JoinedText(Aggregate):
    """The group's values joined with GROUP_SEPARATOR: STRING_AGG on PostgreSQL, GROUP_CONCAT on
    SQLite (Django 5.2 has no aggregate that works on both)."""

    function = "STRING_AGG"
    template = "%(function)s(%(expressions)s, CHR(31))"
    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra):
        template = "%(function)s(%(expressions)s, CHAR(31))"
        return super().as_sql(
            compiler, connection, function="GROUP_CONCAT", template=template, **extra
        )


def register_person_fact(name: str, expression: Callable[[], Any]) -> None:
    """Add a fact: `expression()` gives a query expression on the user (made once a day)."""
    _facts[name] = expression
    _query.forget()


def _group_names():
    from django.contrib.auth.models import Group

    return Subquery(
        Group.objects.filter(user=OuterRef("pk"))
        .order_by()
        .values("user")
        .annotate(names=_JoinedText("name"))
        .values("names")
    )


def _profile_complete():
    """TraineeProfile.is_complete in SQL: every required field filled."""
    from cms.models import TraineeProfile

    filled = Q()
    for name in TraineeProfile.REQUIRED_FIELDS:
        field = TraineeProfile._meta.get_field(name)
        filled &= Q(**{f"{field.attname}__isnull": False})
        if isinstance(field, CharField | TextField):
            filled &= ~Q(**{field.attname: ""})
    return Exists(TraineeProfile.objects.filter(filled, user=OuterRef("pk")))


def _facts_of(user_id):
    from cms.models import User

    expressions = {name: make() for name, make in _facts.items()}
    return User.objects.filter(pk=user_id).annotate(**expressions).values(*expressions)


_query = CompiledQuery(_facts_of)
register_person_fact("cms_group_names", _group_names)
register_person_fact("cms_profile_complete", _profile_complete)


def person_facts(user) -> dict[str, Any]:
    """Every registered fact of the signed-in person ({} for an anonymous visitor; each fact
    None for an account not in the database)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return {}
    facts = getattr(user, _ATTRIBUTE, None)
    if facts is None:
        rows = _query(user.pk) if user.pk is not None else []
        facts = rows[0] if rows else dict.fromkeys(_facts)
        setattr(user, _ATTRIBUTE, facts)
    return facts


def person_facts_forget(user) -> None:
    """Read the facts again the next time they are asked for on this user object."""
    if user is not None and hasattr(user, _ATTRIBUTE):
        delattr(user, _ATTRIBUTE)


def group_names_of(user) -> frozenset[str]:
    joined = person_facts(user).get("cms_group_names") or ""
    return frozenset(name for name in joined.split(GROUP_SEPARATOR) if name)
