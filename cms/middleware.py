"""Trainers and staff must use a second factor before they see anything else."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from cms.roles import requires_mfa

# Pages a person without a second factor may still open: setting one up, re-entering the password
# allauth asks for first, confirming an email address, and signing out.
ALLOWED_URL_NAMES = frozenset(
    {
        "mfa_index",
        "mfa_activate_totp",
        "mfa_generate_recovery_codes",
        "mfa_view_recovery_codes",
        "mfa_download_recovery_codes",
        "mfa_reauthenticate",
        "account_reauthenticate",
        "account_logout",
        "account_confirm_email",
        "account_email_verification_sent",
        "healthz",
    }
)


def _has_second_factor(user) -> bool:
    from allauth.mfa.utils import is_mfa_enabled

    return is_mfa_enabled(user)


class RequireMFAMiddleware:
    """Send a trainer, registrar or staff member who has no activated authenticator to the TOTP
    set-up page, and refuse every other page (the Wagtail and Django admin included) until then.

    Placed after AuthenticationMiddleware and allauth's AccountMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not self._is_exempt(request)
            and requires_mfa(user)
            and not _has_second_factor(user)
        ):
            return self._refuse(request)
        return self.get_response(request)

    @staticmethod
    def _is_exempt(request) -> bool:
        path = request.path_info
        if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return True
        try:
            match = resolve(path)
        except Resolver404:
            return False
        return match.url_name in ALLOWED_URL_NAMES

    @staticmethod
    def _refuse(request):
        messages.warning(
            request,
            _(
                "Your role gives you access to other people's data, so you must set up "
                "two-factor authentication before you continue."
            ),
        )
        return redirect(reverse("mfa_activate_totp"))


class QueryLanguageMiddleware:
    """`?lang=ru` on an unprefixed URL (the QR code's /verify/<code>/) shows that language.

    Prefixed URLs (/kk/…) already name their language; unprefixed ones follow Accept-Language,
    which a person cannot change on someone else's phone, so the language switcher adds `?lang=`.
    Must come after LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.codes = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        code = request.GET.get("lang")
        if code in self.codes:
            translation.activate(code)
            request.LANGUAGE_CODE = code
        response = self.get_response(request)
        if code in self.codes:
            response.headers.setdefault("Content-Language", code)
        return response
