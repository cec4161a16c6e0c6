from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.models import OrganisationType, QualificationCategory

from .models import Question
from .outcomes import LEVEL_LABELS, LEVELS, OUTCOMES


class SelfAssessmentForm(forms.Form):
    """One radio group (1–4) per outcome, each level described."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for outcome in OUTCOMES:
            self.fields[outcome.code] = forms.TypedChoiceField(
                label=outcome.text(),
                choices=[(level, LEVEL_LABELS[level]) for level in LEVELS],
                coerce=int,
                widget=forms.RadioSelect,
            )

    def ratings(self) -> dict[str, int]:
        return {o.code: self.cleaned_data[o.code] for o in OUTCOMES}

    def groups(self):
        """(group code, bound fields) in the programme's order, for the template's fieldsets."""
        out: dict[str, list] = {}
        for outcome in OUTCOMES:
            out.setdefault(outcome.group, []).append(self[outcome.code])
        return list(out.items())


RATING_CHOICES = [(n, str(n)) for n in range(1, 6)]


# The needs questionnaire asks what the trainee's profile may already hold. Its answers are the
# positions of the choices in quality/questionnaire_data.py (the same in kk and ru); a profile value
# with no matching choice (or none at all) leaves the question for her to answer.
_QUALIFICATION_CHOICE = {
    QualificationCategory.PEDAGOGUE: 1,
    QualificationCategory.MODERATOR: 2,
    QualificationCategory.EXPERT: 3,
    QualificationCategory.RESEARCHER: 4,
    QualificationCategory.MASTER: 5,
}
_WORKPLACE_CHOICE = {
    OrganisationType.GENERAL_SCHOOL: 0,
    OrganisationType.PRESCHOOL: 2,
    OrganisationType.COLLEGE: 3,
}


def questionnaire_initial_from_profile(profile) -> dict:
    """Answers to pre-fill from the trainee's profile: initial values she can still change."""
    if profile is None:
        return {}
    initial: dict = {}
    if profile.years_of_experience is not None:
        initial["experience_years"] = profile.years_of_experience
    if profile.qualification_category in _QUALIFICATION_CHOICE:
        initial["qualification"] = _QUALIFICATION_CHOICE[profile.qualification_category]
    if profile.organisation_type in _WORKPLACE_CHOICE:
        initial["workplace"] = _WORKPLACE_CHOICE[profile.organisation_type]
    return initial


class QuestionnaireForm(forms.Form):
    """The questions of one questionnaire version, in the reader's language."""

    # The page says "* required": the field template marks the required questions.
    required_css_class = "required"

    def __init__(self, *args, questionnaire, language: str, trainers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questionnaire = questionnaire
        # Per-trainer questions: field code → (question code, trainer id), gathered by answers().
        self.per_trainer: dict[str, tuple[str, int]] = {}
        for question in questionnaire.questions.all():
            label, required = question.text(language), question.required
            choices = list(enumerate(question.choices(language)))
            kind = question.kind
            if kind == Question.Kind.TRAINERS:
                self._add_trainer_ratings(question, label, required, trainers, language)
                continue
            if kind == Question.Kind.RATING:
                field = forms.TypedChoiceField(
                    choices=RATING_CHOICES, coerce=int, widget=forms.RadioSelect
                )
                field.help_text = _("1 — very poor, 5 — excellent")
            elif kind == Question.Kind.SINGLE:
                field = forms.TypedChoiceField(
                    choices=choices, coerce=int, widget=forms.RadioSelect
                )
            elif kind == Question.Kind.MULTIPLE:
                field = forms.TypedMultipleChoiceField(
                    choices=choices, coerce=int, widget=forms.CheckboxSelectMultiple
                )
            elif kind == Question.Kind.NUMBER:
                field = forms.IntegerField(min_value=0, max_value=100)
            else:
                field = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
            field.label, field.required = label, required
            self.fields[question.code] = field
        # A pre-filled answer this version cannot take (no such question or choice) is dropped.
        self.initial = {
            code: value
            for code, value in self.initial.items()
            if code not in self.fields
            or not hasattr(self.fields[code], "choices")
            or value in dict(self.fields[code].choices)
        }

    def _add_trainer_ratings(self, question, label, required, trainers, language) -> None:
        from cms.names import display_name

        for trainer in trainers:
            code = f"{question.code}__{trainer.pk}"
            field = forms.TypedChoiceField(
                choices=RATING_CHOICES, coerce=int, widget=forms.RadioSelect, required=required
            )
            field.label = f"{label}: {display_name(trainer, language)}"
            field.help_text = _("1 — very poor, 5 — excellent")
            self.fields[code] = field
            self.per_trainer[code] = (question.code, trainer.pk)

    def answers(self) -> dict:
        out: dict = {}
        for code, value in self.cleaned_data.items():
            if value in (None, "", []):
                continue
            if code in self.per_trainer:
                question, trainer = self.per_trainer[code]
                out.setdefault(question, {})[str(trainer)] = value
            else:
                out[code] = value
        return out


class PeriodForm(forms.Form):
    start = forms.DateField(
        label=_("Cohorts that ended on or after"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = forms.DateField(
        label=_("Cohorts that ended on or before"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The start of the period is after its end."))
        return data

    def period(self) -> tuple[dt.date | None, dt.date | None]:
        if not self.is_valid():
            return None, None
        return self.cleaned_data.get("start"), self.cleaned_data.get("end")
