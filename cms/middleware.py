"""Trainers, mentors and staff must pass a second factor in this very session before they see
anything else."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from cms.roles import requires_mfa

# Pages a person who has no second factor yet may open: setting one up, re-entering the password
# allauth asks for first, confirming an email address, and signing out.
SETUP_URL_NAMES = frozenset(
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
# Pages a session may open when its person has a second factor but the session did not pass it
# (a password alone): only the code prompt and signing out. Not the recovery codes, not the MFA
# settings: a stolen password must not lead to the second factor.
CHALLENGE_URL_NAMES = frozenset({"mfa_reauthenticate", "account_logout", "healthz"})


def _has_second_factor(user) -> bool:
    from allauth.mfa.utils import is_mfa_enabled

    return is_mfa_enabled(user)


def session_passed_mfa(request, user) -> bool:
    """Whether this session's sign-in (or a later re-authentication) included a second factor.

    allauth keeps a record of every authentication step of the session, tied to the user's id;
    its MFA steps (the code at sign-in, the code asked again) are recorded as method "mfa"."""
    from allauth.account.authentication import get_authentication_records

    return any(
        record.get("method") == "mfa" for record in get_authentication_records(request, user)
    )


class RequireMFAMiddleware:
    """Refuse every page (the Wagtail admin and its API included) to a session of a trainer,
    mentor, registrar or staff member that did not pass a second factor:

    - no authenticator yet: sent to the TOTP set-up page;
    - an authenticator, but this session signed in without it (a password alone, or an older
      login made before the authenticator existed): sent to the code prompt, then back.

    Placed after AuthenticationMiddleware and allauth's AccountMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not requires_mfa(user):
            return self.get_response(request)
        if not _has_second_factor(user):
            if not self._is_exempt(request, SETUP_URL_NAMES):
                return self._refuse_without_authenticator(request)
        elif not session_passed_mfa(request, user) and not self._is_exempt(
            request, CHALLENGE_URL_NAMES
        ):
            return self._refuse_without_mfa_session(request)
        return self.get_response(request)

    @staticmethod
    def _is_exempt(request, url_names: frozenset[str]) -> bool:
        path = request.path_info
        if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return True
        try:
            match = resolve(path)
        except Resolver404:
            return False
        return match.url_name in url_names

    @staticmethod
    def _refuse_without_authenticator(request):
        messages.warning(
            request,
            _(
                "Your role gives you access to other people's data, so you must set up "
                "two-factor authentication before you continue."
            ),
        )
        return redirect(reverse("mfa_activate_totp"))

    @staticmethod
    def _refuse_without_mfa_session(request):
        messages.warning(
            request,
            _(
                "Your role gives you access to other people's data: enter the code from your "
                "authenticator app to continue."
            ),
        )
        return redirect_to_login(request.get_full_path(), login_url=reverse("mfa_reauthenticate"))


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
