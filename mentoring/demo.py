"""Demo mentoring: a mentor and graduates with an open, an answered and a closed ticket.

Runs after certificates/demo.py, on the valid certificates it made. Idempotent: a certificate that
already has demo tickets is left alone."""

from __future__ import annotations

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from certificates.models import Certificate
from cms.roles import TRAINER
from cms.services import role_assign

from . import services
from .models import Ticket, Topic
from .selectors import MENTOR_GROUP

MENTOR_EMAIL = "mentor@demo.kz"
MENTOR_PASSWORD = "demo-mentor-2026"  # published in the README for the demo


def _mentor():
    User = get_user_model()
    mentor, created = User.objects.get_or_create(
        email=MENTOR_EMAIL,
        defaults={"first_name": "Әсел", "last_name": "Нұрланқызы", "preferred_language": "kk"},
    )
    if created:
        mentor.set_password(MENTOR_PASSWORD)
        mentor.save()
    role_assign(user=mentor, role=TRAINER)
    mentor.groups.add(Group.objects.get_or_create(name=MENTOR_GROUP)[0])
    EmailAddress.objects.get_or_create(
        user=mentor, email=mentor.email, defaults={"verified": True, "primary": True}
    )
    return mentor


SCENARIOS = [
    {
        "topic": Topic.BEHAVIOUR,
        "subject": "Ауысу кезіндегі айқай / Крик при смене деятельности",
        "description": (
            "Оқушы (код L-07, 3-сынып) сабақ ауысқанда айқайлайды. ABC жазбалары тіркелді."
        ),
        "state": "open",
    },
    {
        "topic": Topic.TOOLS,
        "subject": "Визуальное расписание: как уменьшать подсказки",
        "description": "Ученик (код R-12, 2 класс) опирается на расписание, но не начинает сам.",
        "state": "answered",
    },
    {
        "topic": Topic.PLAN,
        "subject": "Жеке қолдау жоспарының мақсаттары / Цели плана поддержки",
        "description": "Мақсаттарды қалай өлшенетін етіп жазуға болады?",
        "state": "closed",
    },
]


def seed(result: dict) -> None:
    mentor = _mentor()
    result["accounts"].append(
        {"email": MENTOR_EMAIL, "password": MENTOR_PASSWORD, "role": "trainer"}
    )
    today = timezone.localdate()
    certificates = [
        c
        for c in Certificate.objects.filter(
            kind=Certificate.Kind.CERTIFICATE, status=Certificate.Status.VALID, holder__isnull=False
        )
        .select_related("holder")
        .order_by("serial")
        if c.public_status(today) == "valid"
    ]
    for certificate, scenario in zip(certificates, SCENARIOS, strict=False):
        if Ticket.objects.filter(certificate=certificate).exists():
            continue
        ticket = services.ticket_open(
            certificate=certificate,
            graduate=certificate.holder,
            topic=scenario["topic"],
            subject=scenario["subject"],
            description=scenario["description"],
            preferred_format="written",
        )
        if scenario["state"] in {"answered", "closed"}:
            services.ticket_reply(
                ticket=ticket,
                author=mentor,
                body=(
                    "Подсказки уменьшайте по одной: сначала жест, потом взгляд, потом пауза. "
                    "Отмечайте самостоятельные начала в листе мониторинга."
                ),
            )
        if scenario["state"] == "closed":
            services.ticket_close(
                ticket=ticket,
                by=mentor,
                summary="Мақсаттар SMART түрінде қайта жазылды; мониторинг парағы ұсынылды.",
            )
            services.ticket_rate(ticket=ticket, by=certificate.holder, rating=5, comment="Рахмет!")
            services.ticket_consent_to_publish(ticket=ticket, by=certificate.holder)
            services.case_publish(
                ticket=ticket,
                by=mentor,
                title="Өлшенетін мақсаттар / Измеримые цели",
                situation=(
                    "Ассистент 2-сынып оқушысына арналған жоспарда «дербестікті дамыту» сияқты "
                    "жалпы мақсаттар жазған."
                ),
                advice=(
                    "Мақсатты мінез-құлық, шарт және критерий арқылы жазу: «5 минут ішінде "
                    "визуалды кесте бойынша 4 қадамның 3-еуін өз бетімен орындайды»."
                ),
            )
    _dated(certificates)


def _dated(certificates) -> None:
    """The tickets dated as their story goes instead of all at the moment of the seed: opened
    some days after the certificate, answered a day later, closed the day after; an unanswered
    one opened long enough ago for its first reply to be two hours overdue (the mentor's
    "overdue" queue). Each date stays in order: opened, reply due, answered, closed."""
    from .models import Case

    now = timezone.now()
    for index, ticket in enumerate(
        Ticket.objects.filter(certificate__in=certificates).order_by("pk")
    ):
        window = ticket.first_reply_due - ticket.created_at
        if ticket.first_response_at is None and ticket.status == Ticket.Status.NEW:
            opened = now - datetime.timedelta(hours=2) - window
        else:
            opened = now - datetime.timedelta(days=6 - index)
        opened = max(opened, _start_of(ticket.certificate.issued_on))
        answered = opened + datetime.timedelta(days=1) if ticket.first_response_at else None
        closed = opened + datetime.timedelta(days=2) if ticket.closed_at else None
        Ticket.objects.filter(pk=ticket.pk).update(
            created_at=opened,
            first_reply_due=opened + window,
            first_response_at=answered,
            closed_at=closed,
            publish_consent_at=closed if ticket.publish_consent_at else None,
        )
        for message in ticket.messages.all():
            written = answered if message.by_mentor and answered else opened
            type(message).objects.filter(pk=message.pk).update(created_at=written)
        if closed is not None:
            Case.objects.filter(ticket=ticket).update(published_at=closed)


def _start_of(day) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))
