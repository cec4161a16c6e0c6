"""How notifications plug into the shell (cms, the one app below): the header's link with its
count, the profile's link to the settings, the person's data export, erasure and pseudonymisation.
The kinds come from the apps above (notifications.kinds)."""

from __future__ import annotations

EXPORTED_MODELS = ("notifications.Notification", "notifications.EmailPreference")


def _signed_in(user) -> bool:
    return True  # cms.navigation shows menu links to signed-in people only


def export_personal_data(user) -> dict:
    from cms.personal_data import row

    from .models import EmailPreference, Notification

    return {
        "notifications": [
            row(n, exclude=("recipient",)) for n in Notification.objects.filter(recipient=user)
        ],
        "email_preferences": [
            row(p, exclude=("user",)) for p in EmailPreference.objects.filter(user=user)
        ],
    }


def pseudonymise_personal_data(user) -> None:
    """Notifications are messages to the person, not academic records: they go."""
    from .models import EmailPreference, Notification

    Notification.objects.filter(recipient=user).delete()
    EmailPreference.objects.filter(user=user).delete()


def connect() -> None:
    from django.utils.translation import gettext_lazy as _

    from cms.facts import register_person_fact
    from cms.navigation import register_menu_item
    from cms.personal_data import register_exporter, register_pseudonymiser
    from cms.slots import register_slot_template

    from .selectors import UNREAD_FACT, menu_label, unread_expression

    # First among the apps' links; its label carries the unread count (a person fact).
    register_person_fact(UNREAD_FACT, unread_expression)
    register_menu_item(
        order=5,
        label=_("Notifications"),
        url_name="notifications:list",
        shown_to=_signed_in,
        label_for=menu_label,
    )
    register_slot_template(slot="profile_links", template="notifications/slots/profile_link.html")
    # Rows go with the account (cascade), so erasure needs nothing more.
    register_exporter("notifications", export_personal_data, models=EXPORTED_MODELS)
    register_pseudonymiser(pseudonymise_personal_data)
