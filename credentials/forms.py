from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class PdfCheckForm(forms.Form):
    document = forms.FileField(
        label=_("Certificate PDF"),
        help_text=_("The PDF file exactly as it was downloaded. It is checked and not kept."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
        error_messages={"required": _("Choose the PDF file to check.")},
    )
