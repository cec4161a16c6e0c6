"""Reads of the site shell: profiles, consents and a person's own data."""

from __future__ import annotations

from typing import Any

from cms.models import PersonalDataConsent, TraineeProfile


def profile_for(user: Any) -> TraineeProfile | None:
    """The trainee profile of a person, or None (anonymous, or not filled in yet)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    try:
        return TraineeProfile.objects.get(user=user)
    except TraineeProfile.DoesNotExist:
        return None


def consent_latest(*, user: Any) -> PersonalDataConsent | None:
    return PersonalDataConsent.objects.filter(user=user).order_by("-accepted_at").first()


def organisation_settings_for(request: Any):
    """The organisation settings of the request's site (or the default site), or None."""
    from wagtail.models import Site

    from cms.models import OrganisationSettings

    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    return OrganisationSettings.for_site(site)


def privacy_notice_current():
    """The newest published privacy notice, or None when none was ever published."""
    from cms.models import PrivacyNotice

    return PrivacyNotice.objects.order_by("-version").first()


def privacy_notice_open_for_signup():
    """The notice a person consents to on signing up, or None while it is blank: nobody can
    consent to a text that does not exist."""
    notice = privacy_notice_current()
    return None if notice is None or notice.is_blank else notice


def _iso(value: Any) -> Any:
    return value.isoformat() if value is not None and hasattr(value, "isoformat") else value


# What the shell's own sections export (the other apps declare theirs in register_exporter).
SHELL_EXPORTED_MODELS = (
    "cms.User",
    "cms.TraineeProfile",
    "cms.PersonalDataConsent",
    "cms.PrivacyNotice",
    "cms.AccountDeletionRequest",
    "account.EmailAddress",
    "mfa.Authenticator",
)


def personal_data_export(*, user: Any) -> dict:
    """Everything the site holds about a person, as a JSON-serialisable dict.

    The account, profile and consents are the shell's own; every other app adds its section
    through cms.personal_data.register_exporter."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    from cms import personal_data, roles

    data: dict[str, Any] = {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "preferred_language": user.preferred_language,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "role": roles.user_role(user),
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user).order_by("email")
            ],
            # Only the kinds of second factor: secrets are not personal data to hand out.
            "second_factors": sorted(
                Authenticator.objects.filter(user=user).values_list("type", flat=True)
            ),
        },
        "profile": None,
        "consents": [
            {
                "notice_version": consent.notice_version,
                "accepted_at": _iso(consent.accepted_at),
                # The exact text consented to, in the person's language (or the one it exists in).
                "notice_text": (
                    consent.notice.text_for(user.preferred_language)[0] if consent.notice else None
                ),
            }
            for consent in PersonalDataConsent.objects.filter(user=user)
            .select_related("notice")
            .order_by("accepted_at")
        ],
    }
    from cms.models import AccountDeletionRequest
    from cms.personal_data import row

    data["deletion_requests"] = [
        row(r, exclude=("user",))
        for r in AccountDeletionRequest.objects.filter(user=user).select_related("decided_by")
    ]
    profile = profile_for(user)
    if profile is not None:
        data["profile"] = {
            field.name: _iso(getattr(profile, field.name))
            for field in TraineeProfile._meta.get_fields()
            if field.concrete and field.name not in {"id", "user"}
        }
    for name, exporter in sorted(personal_data.exporters().items()):
        data[name] = exporter(user)
    return data


ORGANISATION_NAME_CACHE_KEY = "cms:organisation-name:{language}"


def organisation_name(language: str) -> str:
    """The organisation's name for a page footer in this language, from OrganisationSettings (the
    Kazakh, official, name when there is none in that language; empty until the registrar sets
    it). Cached for five minutes, and cleared when the settings are saved, because the public
    verification page shows it and must not pay a query for it."""
    from django.core.cache import cache
    from wagtail.models import Site

    from cms.models import OrganisationSettings

    key = ORGANISATION_NAME_CACHE_KEY.format(language=language)
    name = cache.get(key)
    if name is None:
        site = Site.objects.filter(is_default_site=True).first()
        name = OrganisationSettings.for_site(site).name_for(language) if site else ""
        cache.set(key, name, 300)
    return name
