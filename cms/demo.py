"""Demo data of the site shell, run last by `seed_demo` (after every other app's accounts exist).

Trainers and registrars must use a second factor, so each demo account that needs one gets a TOTP
authenticator with a published secret (DEMO_TOTP_SECRET, also printed by `seed_demo --json` as
`totp_secret`): add it to any authenticator app, or compute codes with `oathtool --totp -b`.
The privacy notice is filled in when it is still empty, so the sign-up link leads somewhere real."""

from __future__ import annotations

from cms import roles

# Published on purpose: demo accounts only (seed_demo refuses to run with DEBUG off).
DEMO_TOTP_SECRET = "KRSXG5CTMVRXEZLUKN2XAZLDOJSXIMJS"

DEMO_PRIVACY_NOTICE = (
    "<h2>Қазақша</h2>"
    "<p>«Оқу және Даму Институты» ЖШС курсқа тіркелу, оқу барысын есепке алу және сертификат беру "
    "үшін сіздің аты-жөніңізді, электрондық поштаңызды, жұмыс орныңыз туралы деректерді, "
    "тапсырған жұмыстарыңыз бен нәтижелеріңізді өңдейді. Деректер үшінші тұлғаларға "
    "берілмейді; сертификатты тексеру беті тек сертификаттағы деректерді көрсетеді. "
    "Деректеріңізді «Менің деректерім» бетінен жүктеп алып, тіркелгіңізді жоя аласыз.</p>"
    "<h2>Русский</h2>"
    "<p>ТОО «Институт обучения и развития» обрабатывает ваши ФИО, адрес электронной почты, "
    "сведения о месте работы, сданные работы и результаты, чтобы зачислить вас на курс, "
    "учитывать обучение и выдать сертификат. Данные не передаются третьим лицам; страница "
    "проверки сертификата показывает только данные самого сертификата. На странице «Мои "
    "данные» можно скачать свои данные и удалить учётную запись.</p>"
    "<h2>English</h2>"
    "<p>Learning and Development Institute LLP processes your name, email address, workplace "
    "details, submissions and results to enrol you, record your studies and issue your "
    "certificate. Nothing is passed to third parties; the certificate check page shows only "
    "what the certificate itself says. On the “My data” page you can download your data and "
    "delete your account.</p>"
)

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
    from wagtail.models import Site

    from cms.models import OrganisationSettings
    from cms.services import mfa_totp_activate

    users = get_user_model().objects.in_bulk(
        [account["email"] for account in result["accounts"]], field_name="email"
    )
    for account in result["accounts"]:
        user = users.get(account["email"])
        if user is not None and roles.requires_mfa(user):
            mfa_totp_activate(user=user, secret=DEMO_TOTP_SECRET)
            account["totp_secret"] = DEMO_TOTP_SECRET

    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        organisation = OrganisationSettings.for_site(site)
        if not organisation.privacy_notice:
            organisation.privacy_notice = DEMO_PRIVACY_NOTICE
            organisation.save(update_fields=["privacy_notice"])
