"""Reads of notifications: a person's list, the unread count, the e-mail switches."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext

from .kinds import Kind, kind, kinds_for
from .models import EmailPreference, Notification


def notifications_for(*, user) -> QuerySet[Notification]:
    """The person's notifications, newest first."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def unread_count(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


UNREAD_FACT = "notifications_unread"


def unread_expression():
    """The unread count as an expression on the user (cms.facts: read with the person's other
    facts, in the one query a request makes for them)."""
    from django.db.models import Count, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    unread = (
        Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .values("recipient")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(unread), 0)


def menu_label(user) -> str:
    """The header link's text: "Notifications (3)" while some are unread. Read with the
    person's other facts (cms.facts), on every page a signed-in person opens."""
    from cms.facts import person_facts

    count = person_facts(user).get(UNREAD_FACT) or 0
    if not count:
        return gettext("Notifications")
    return gettext("Notifications (%(count)s)") % {"count": count}


def email_enabled(*, user, kind_key: str) -> bool:
    chosen = (
        EmailPreference.objects.filter(user=user, kind=kind_key)
        .values_list("email", flat=True)
        .first()
    )
    return kind(kind_key).email_default if chosen is None else chosen


def email_choices(*, user) -> list[tuple[Kind, bool]]:
    """Each kind that can reach the person, with whether it is e-mailed to them."""
    chosen = dict(EmailPreference.objects.filter(user=user).values_list("kind", "email"))
    return [(k, chosen.get(k.key, k.email_default)) for k in kinds_for(user)]
