"""Who is who: trainees, trainers and registrars (methodologists, staff) are Django groups.

A person's role is read from their groups once per request and cached on the user object, because
the base template and the access checks of one page may ask several times."""

from __future__ import annotations

from typing import Any

TRAINEE = "trainee"
TRAINER = "trainer"
REGISTRAR = "registrar"
ROLES = (TRAINEE, TRAINER, REGISTRAR)
# Not a role of its own: a trainer or staff member in this group answers trainees' tickets
# (mentoring.selectors.MENTOR_GROUP is the same name).
MENTOR = "mentor"

_CACHE_ATTR = "_cms_group_names"

# Each app above cms says, from its AppConfig.ready(), whether registrars manage every model of
# it in the Wagtail admin (cms names no app above it: README, "Layout"). An app that gives them
# nothing says so too, so that a new app cannot be forgotten (cms/tests/test_registrar_apps.py).
_registrar_apps: dict[str, bool] = {}


def registrar_app_declare(*, app_label: str, manages_every_model: bool) -> None:
    _registrar_apps[app_label] = manages_every_model


def registrar_apps() -> tuple[str, ...]:
    """The app labels of which registrars get every model permission (cms.services)."""
    return tuple(label for label, every in _registrar_apps.items() if every)


def registrar_apps_declared() -> frozenset[str]:
    return frozenset(_registrar_apps)


def _group_names(user: Any) -> frozenset[str]:
    if user is None or not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        # With the person's other facts, in one query a request (cms.facts).
        from .facts import group_names_of

        cached = group_names_of(user)
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget_roles(user: Any) -> None:
    """Drop the cached group names (after a role change on the same user object)."""
    from .facts import person_facts_forget

    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)
    person_facts_forget(user)


def may_open_admin(user: Any) -> bool:
    """Whether the site menu offers the Wagtail admin: staff, or a person whose group grants it
    (registrars, editors). The permission check costs two queries, so it is made only for people
    in a group besides the study roles: a trainee's or trainer's every page does not pay for it."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff or user.is_superuser:
        return True
    if not _group_names(user) - {TRAINEE, TRAINER, MENTOR}:
        return False
    return user.has_perm("wagtailadmin.access_admin")


def in_group(user: Any, name: str) -> bool:
    """Whether the person is in a group other than the three roles (e.g. "mentor"), from the same
    per-request cache."""
    return name in _group_names(user)


def is_registrar(user: Any) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser) or REGISTRAR in _group_names(user)


def is_trainer(user: Any) -> bool:
    return TRAINER in _group_names(user)


def is_trainee(user: Any) -> bool:
    return TRAINEE in _group_names(user)


def user_role(user: Any) -> str:
    """The highest role a person has: "registrar", "trainer", "trainee", or "" (none/anonymous)."""
    if is_registrar(user):
        return REGISTRAR
    if is_trainer(user):
        return TRAINER
    if is_trainee(user):
        return TRAINEE
    return ""


def requires_mfa(user: Any) -> bool:
    """Trainers, mentors and staff see other people's data (a mentor reads children's case data
    and attachments): they must use a second factor."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_staff) or is_registrar(user) or is_trainer(user) or in_group(user, MENTOR)
