"""The kinds of notification, registered by the apps that send them.

This app sits just above cms and below every other app (README, "Layout"), so it knows nothing
about the events: each app registers its kinds from its AppConfig.ready():

    register_kind(key="assessment.practice_returned", label=_("A practice work was returned"),
                  description=_("…"), email_default=True)

and calls notifications.services.notification_send(kind=..., ...) where the event happens. The
settings page lists the kinds a person may receive, each with its e-mail switch.

A message to a person with an account about her own course goes through notification_send, so she
sees it in the site's list and can switch its e-mail off. When the e-mail must carry a file (the
.ics of a defence or a consultation), the sending app builds it in the recipient's language and
passes `attachments=[(name, content, mime type)]`: the file is kept on the notification only if
the e-mail will go, attached when it goes, then dropped; the in-site entry has the same subject,
text and link. Only mandatory or official messages stay plain e-mails outside this app: an
account invitation or password link, the notice of an approved account deletion (the account is
gone), the employer's expulsion notice, a reminder to a holder without an account: each says why
where it is sent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


def _everyone(user: Any) -> bool:
    return True


@dataclass(frozen=True)
class Kind:
    key: str
    label: str  # lazy translations: rendered in the reader's language
    description: str
    email_default: bool
    order: int
    # Whom the kind concerns: the settings page shows a person only the kinds that can reach them.
    shown_to: Callable[[Any], bool]


_kinds: dict[str, Kind] = {}


def register_kind(
    *,
    key: str,
    label: str,
    description: str,
    email_default: bool = True,
    order: int = 0,
    shown_to: Callable[[Any], bool] = _everyone,
) -> None:
    """Registering a key again replaces it (ready() may run more than once in a process)."""
    _kinds[key] = Kind(key, label, description, email_default, order, shown_to)


def kind(key: str) -> Kind:
    try:
        return _kinds[key]
    except KeyError:
        raise ValueError(f"Unknown notification kind: {key!r}") from None


def all_kinds() -> list[Kind]:
    return sorted(_kinds.values(), key=lambda k: (k.order, k.key))


def kinds_for(user: Any) -> list[Kind]:
    return [k for k in all_kinds() if k.shown_to(user)]
