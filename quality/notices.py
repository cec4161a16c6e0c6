"""Quality's notification (notifications app): the follow-up questionnaire's invitation, 3 and 6
months after the certificate, told to the holder in her language with a link to the
questionnaire."""

from __future__ import annotations

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from cms.roles import is_trainee
from notifications.kinds import register_kind
from notifications.services import notification_send

FOLLOW_UP = "quality.follow_up"


def register() -> None:
    register_kind(
        key=FOLLOW_UP,
        label=_("The follow-up questionnaire"),
        description=_(
            "3 and 6 months after your certificate: how you use what you learned at school."
        ),
        order=60,
        shown_to=is_trainee,
    )


def follow_up_invite(*, holder, months: int) -> None:
    notification_send(
        kind=FOLLOW_UP,
        recipient=holder,
        subject=_("%(months)s months after the course: how do you use it at school?"),
        text=_(
            "%(months)s months ago you received your certificate of the qualification-upgrade "
            "course for pedagogue-assistants. Please tell us in a few minutes how you use what "
            "you learned at school: open the follow-up questionnaire."
        ),
        params={"months": months},
        link=reverse_lazy("quality:follow_up", args=[months]),
    )
