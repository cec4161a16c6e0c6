"""allauth MFA forms of the site (MFA_FORMS)."""

from __future__ import annotations

from allauth.account.internal.flows.login import record_authentication
from allauth.core import context
from allauth.mfa.totp.forms import ActivateTOTPForm as AllauthActivateTOTPForm


class ActivateTOTPForm(AllauthActivateTOTPForm):
    """Setting up TOTP means typing a valid code from the new authenticator: that is a second
    factor passed in this session. It is recorded the way allauth records the code at sign-in, so
    cms.middleware.RequireMFAMiddleware does not ask for another code straight after.

    Recorded once the code is valid; should the activation then fail, the person still has no
    authenticator and the middleware keeps sending them to the set-up page."""

    def clean_code(self) -> str:
        code = super().clean_code()
        request = context.request
        if request is not None and request.user == self.user:
            record_authentication(request, self.user, "mfa", type="totp", activated=True)
        return code
