from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Attendance, Cohort, Enrolment

DOCUMENT_KINDS = ("pdf", "jpg", "png")
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
IMPORT_MAX_BYTES = 5 * 1024 * 1024


class JoinForm(forms.Form):
    enrolment_key = forms.CharField(
        label=_("Enrolment key"),
        max_length=40,
        help_text=_("The key the registrar gave you, e.g. DEMO-2026."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    accept_agreement = forms.BooleanField(
        label=_("I have read the course agreement and accept it."),
        error_messages={"required": _("You must accept the course agreement to join.")},
    )


class AgreementForm(forms.Form):
    accept_agreement = JoinForm.base_fields["accept_agreement"]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("List of trainees (CSV or XLSX)"),
        help_text=_("Its first row names the columns described above."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if not uploaded.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if uploaded.size > IMPORT_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return uploaded


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[
            (Enrolment.Status.NOT_PASSED, Enrolment.Status.NOT_PASSED.label),
            (Enrolment.Status.WITHDRAWN, Enrolment.Status.WITHDRAWN.label),
        ],
    )
    reason = forms.CharField(
        label=_("Reason or note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class TransferForm(forms.Form):
    to_cohort = forms.ModelChoiceField(
        label=_("Transfer to cohort"), queryset=Cohort.objects.none()
    )
    reason = forms.CharField(label=_("Valid reason"), widget=forms.Textarea(attrs={"rows": 2}))
    document = forms.FileField(
        label=_("Supporting document (PDF, JPG or PNG, up to 10 MB)"),
        help_text=_("Kept privately: only staff can download it."),
    )

    def __init__(self, *args, enrolment: Enrolment, **kwargs):
        super().__init__(*args, **kwargs)
        year = enrolment.cohort.starts_on.year
        self.fields["to_cohort"].queryset = Cohort.objects.filter(
            starts_on__year=year, ends_on__gte=timezone.localdate()
        ).exclude(pk=enrolment.cohort_id)

    def clean_document(self):
        # The shared check reads the file's first bytes: a renamed file is refused.
        from cms.uploads import validate_upload

        document = self.cleaned_data["document"]
        if document.size > DOCUMENT_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        document.name = validate_upload(document, kinds=DOCUMENT_KINDS)
        return document


class ExpelForm(forms.Form):
    order_number = forms.CharField(label=_("Order number"), max_length=60)
    decision_date = forms.DateField(
        label=_("Date of the commission's decision"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def clean_decision_date(self):
        value = self.cleaned_data["decision_date"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The decision date cannot be in the future."))
        return value


ATTENDANCE_CHOICES = Attendance.Mark.choices


class MakeUpForm(forms.Form):
    """The registrar records that a trainee made up a topic missed with an excused absence."""

    topic = forms.ModelChoiceField(label=_("Topic made up"), queryset=None)

    def __init__(self, *args, enrolment: Enrolment, **kwargs):
        super().__init__(*args, **kwargs)
        from .selectors import topics_to_make_up

        self.fields["topic"].queryset = topics_to_make_up(enrolment)
        self.fields["topic"].label_from_instance = lambda t: f"{t.number} {t.title}"
