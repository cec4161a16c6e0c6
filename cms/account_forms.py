"""allauth's sign-up form with the consent to personal-data processing (ACCOUNT_FORMS["signup"]).

Kept apart from cms.forms because allauth's form module reads the settings at import time."""

from __future__ import annotations

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _


class SignupForm(AllauthSignupForm):
    consent = forms.BooleanField(
        required=True,
        error_messages={
            "required": _("You can sign up only if you agree to the processing of personal data.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = format_html(
            '{} <a href="{}" target="_blank" rel="noopener">{}</a>',
            _("I agree to the processing of my personal data as described in the"),
            reverse("privacy_notice"),
            _("privacy notice (opens in a new tab)"),
        )
        # The consent comes last, after the password fields, where a person reads it last.
        self.fields["consent"] = self.fields.pop("consent")

    def clean(self):
        from cms.selectors import privacy_notice_open_for_signup

        cleaned = super().clean()
        if privacy_notice_open_for_signup() is None:
            raise forms.ValidationError(
                _(
                    "Sign-up is closed until the organisation publishes its privacy notice. "
                    "Please contact the course registrar."
                ),
                code="no_privacy_notice",
            )
        return cleaned

    def save(self, request):
        from cms.services import account_signup_complete

        user = super().save(request)
        # The notice version is read now, so the consent names the version the person was shown.
        account_signup_complete(request=request, user=user)
        return user
