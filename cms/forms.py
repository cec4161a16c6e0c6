"""Forms of the site shell: the consent on sign-up and the trainee profile."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.models import TraineeProfile


class TraineeProfileForm(forms.ModelForm):
    # The page says "Fields marked * are required": the field template marks them.
    required_css_class = "required"

    class Meta:
        model = TraineeProfile
        fields = list(TraineeProfile.FORM_FIELDS)
        widgets = {"last_refresher_course_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in TraineeProfile.REQUIRED_FIELDS:
            self.fields[name].required = True
        self.fields["years_of_experience"].max_value = 60
        self.fields["years_of_experience"].widget.attrs["max"] = 60
        autocomplete = {
            "surname_kk": "family-name",
            "given_name_kk": "given-name",
            "patronymic_kk": "additional-name",
            "surname_ru": "family-name",
            "given_name_ru": "given-name",
            "patronymic_ru": "additional-name",
            "school": "organization",
            "employer_email": "off",
        }
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        # Lang attributes help screen readers pronounce the names in their language.
        for name in TraineeProfile.NAME_FIELDS_KK:
            self.fields[name].widget.attrs["lang"] = "kk"
        for name in TraineeProfile.NAME_FIELDS_RU:
            self.fields[name].widget.attrs["lang"] = "ru"

    def clean_years_of_experience(self):
        value = self.cleaned_data["years_of_experience"]
        if value is not None and value > 60:
            raise forms.ValidationError(_("Years of experience must be between 0 and 60."))
        return value


class AccountDeleteForm(forms.Form):
    confirm = forms.BooleanField(
        required=True,
        label=_("I understand that my account and my data will be deleted for good."),
        error_messages={"required": _("Tick the box to confirm the deletion.")},
    )
