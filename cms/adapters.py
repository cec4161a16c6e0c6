"""allauth adapters of the site (ACCOUNT_ADAPTER, MFA_ADAPTER)."""

from __future__ import annotations

import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import translation

from cms import mfa_secrets
from cms.client_ip import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request) -> str:
        """The home page in the language of the login page. LOGIN_REDIRECT_URL "/" would pick the
        language from the browser again, so a teacher who signed in on /kk/ with an English or
        Russian browser landed on /en/ or /ru/. A `next` parameter still wins (allauth reads it
        before asking the adapter)."""
        language = translation.get_language()
        if language in dict(settings.LANGUAGES) and settings.LOGIN_REDIRECT_URL == "/":
            return f"/{language}/"
        return super().get_login_redirect_url(request)

    def login(self, request, user) -> None:
        super().login(request, user)
        from cms.services import account_language_keep_first

        account_language_keep_first(user=user, language=translation.get_language())

    def get_client_ip(self, request) -> str:
        """The address the login rate limit counts: the same helper as the verification limit,
        which believes X-Forwarded-For only from our own proxy (allauth's default would believe
        it from any peer once ALLAUTH_TRUSTED_PROXY_COUNT is set)."""
        address = client_ip(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """Do not ask for the password again to set up the first authenticator right after login.

        Trainers and staff are sent to the TOTP set-up page straight after signing in
        (cms.middleware.RequireMFAMiddleware); asking them to retype the password they typed
        seconds ago only confuses them. Once a second factor exists, every MFA change (and every
        change after the timeout) asks again, as allauth does by default."""
        required = super().is_reauthentication_required(app=app, **kwargs)
        if not required or app != "allauth.mfa":
            return required
        request = self.request or context.request
        if request is None or not request.user.is_authenticated:
            return required
        from allauth.account.internal.flows.login import get_authentication_records
        from allauth.mfa.utils import is_mfa_enabled

        if is_mfa_enabled(request.user):
            return required
        records = get_authentication_records(request, request.user)
        if not records:
            return required
        fresh = time.time() - records[-1]["at"] < account_settings.REAUTHENTICATION_TIMEOUT
        return not fresh


class MFAAdapter(DefaultMFAAdapter):
    """allauth's MFA adapter (MFA_ADAPTER) with TOTP keys and recovery-code seeds encrypted in
    the database (cms.mfa_secrets): a dump or backup holds no usable second factor."""

    def encrypt(self, text: str) -> str:
        return mfa_secrets.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return mfa_secrets.decrypt(encrypted_text)
