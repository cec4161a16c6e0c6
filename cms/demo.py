"""Demo data of the site shell, run last by `seed_demo` (after every other app's accounts exist).

Trainers and registrars must use a second factor, so each demo account that needs one gets a TOTP
authenticator with a published secret (DEMO_TOTP_SECRET, also printed by `seed_demo --json` as
`totp_secret`): add it to any authenticator app, or compute codes with `oathtool --totp -b`.
While the privacy notice is blank, the default one is published, so the sign-up link leads somewhere
real and sign-up is open."""

from __future__ import annotations

from cms import roles

# Published on purpose: demo accounts only (seed_demo refuses to run with DEBUG off).
DEMO_TOTP_SECRET = "KRSXG5CTMVRXEZLUKN2XAZLDOJSXIMJS"

DEMO_ORGANISATION = (
    ("name_kk", "ЖШС «Оқу және Даму Институты»"),
    ("name_ru", "ТОО «Оқу және Даму Институты» (демо)"),
    ("city_kk", "Астана қ."),
    ("city_ru", "г. Астана"),
    ("signatory_name", "А. Демо (демо)"),
    ("signatory_position_kk", "Директор (демо)"),
    ("signatory_position_ru", "Директор (демо)"),
)


def organisation_fill() -> None:
    """Certificates are refused while the organisation's names or signatory are blank; the demo
    fills the blank ones with demo values (a real organisation enters its registered names in
    Settings → Organisation). Called by certificates.demo before it issues."""
    from wagtail.models import Site

    from cms.models import OrganisationSettings

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    organisation = OrganisationSettings.for_site(site)
    blank = [name for name, _value in DEMO_ORGANISATION if not getattr(organisation, name)]
    for name, value in DEMO_ORGANISATION:
        if name in blank:
            setattr(organisation, name, value)
    if blank:
        organisation.save()


def seed(result: dict) -> None:
    from django.contrib.auth import get_user_model

    from cms.privacy_defaults import DEFAULT_PRIVACY_NOTICE
    from cms.selectors import privacy_notice_open_for_signup
    from cms.services import mfa_totp_activate, privacy_notice_publish

    users = get_user_model().objects.in_bulk(
        [account["email"] for account in result["accounts"]], field_name="email"
    )
    for account in result["accounts"]:
        user = users.get(account["email"])
        if user is not None and roles.requires_mfa(user):
            mfa_totp_activate(user=user, secret=DEMO_TOTP_SECRET)
            account["totp_secret"] = DEMO_TOTP_SECRET

    if privacy_notice_open_for_signup() is None:
        privacy_notice_publish(
            by=None, **{f"text_{k}": v for k, v in DEFAULT_PRIVACY_NOTICE.items()}
        )
