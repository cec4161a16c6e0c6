from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.widgets import LongSelect

from .codes import normalise_code
from .models import RevocationReason


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        required=False,
        max_length=40,
        help_text=_("16 letters and digits, e.g. K7QF-3M9X-TP2D-8W4R"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    serial = forms.CharField(
        label=_("Certificate number"),
        required=False,
        max_length=30,
        help_text=_("e.g. PA-2026-00042"),
    )
    surname = forms.CharField(label=_("Holder's surname"), required=False, max_length=150)

    def clean(self):
        data = super().clean()
        raw_code = (data.get("code") or "").strip()
        if raw_code:
            code = normalise_code(raw_code)
            if code is None:
                self.add_error(
                    "code",
                    _("A verification code has 16 letters and digits; please check it."),
                )
            data["code"] = code
            return data
        if not (data.get("serial") or "").strip() or not (data.get("surname") or "").strip():
            raise forms.ValidationError(
                _("Enter the verification code, or the certificate number and the surname.")
            )
        return data


class RevokeForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Public reason"),
        choices=[("", "—"), *RevocationReason.choices],
        help_text=_("Shown to anyone who checks the certificate, in their language."),
    )
    note = forms.CharField(
        label=_("Internal note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
        help_text=_("For staff only (e.g. the order's number); never published."),
    )
    confirm = forms.BooleanField(
        label=_(
            "I confirm: from now on everyone who checks this certificate will be told it is "
            "revoked, with the reason chosen above. This cannot be undone."
        ),
        required=True,
    )


class RegisterFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or number"), required=False, max_length=150)
    cohort = forms.ModelChoiceField(
        label=_("Cohort"), required=False, queryset=None, to_field_name="code", widget=LongSelect
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Any")),
            ("valid", _("Valid")),
            ("expired", _("Expired")),
            ("expiring", _("Expiring soon")),
            ("revoked", _("Revoked")),
            ("superseded", _("Superseded")),
            ("review", _("Needs review")),
        ],
    )
    kind = forms.ChoiceField(
        label=_("Document"),
        required=False,
        choices=[
            ("", _("Any")),
            ("certificate", _("Certificate")),
            ("statement", _("Statement of attendance")),
        ],
    )
    issued_from = forms.DateField(
        label=_("Issued from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    issued_to = forms.DateField(
        label=_("Issued to"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        from course.models import Cohort

        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = Cohort.objects.order_by("-starts_on", "code")


class ReissueForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for re-issuing (e.g. the corrected name)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )
