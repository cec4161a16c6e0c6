"""Forms of the assessment pages. Range checks live in the services (one message for the form,
the admin and any script); the forms only collect input."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ScoreForm(forms.Form):
    """One integer and one comment per rubric criterion, plus a reason and a rationale."""

    reason = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when the result is already finalised."),
    )
    rationale = forms.CharField(
        label=_("Rationale for the agreed score"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The markers' totals differ by more than the threshold: write how you agreed on "
            "these scores (or ask a third marker)."
        ),
    )
    # The version of the result the page showed; empty when there was no result yet.
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, criteria, initial_scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        initial_scores = initial_scores or {}
        for criterion in self.criteria:
            score, comment = initial_scores.get(criterion.code, (None, ""))
            self.fields[f"score_{criterion.code}"] = forms.IntegerField(
                label=_("Score for “%(criterion)s” (0–%(max)s)")
                % {"criterion": criterion.title, "max": criterion.max_score},
                required=False,
                initial=score,
                widget=forms.NumberInput(
                    attrs={"min": 0, "max": criterion.max_score, "inputmode": "numeric"}
                ),
            )
            self.fields[f"comment_{criterion.code}"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": criterion.title},
                required=False,
                initial=comment,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def rows(self):
        for criterion in self.criteria:
            yield criterion, self[f"score_{criterion.code}"], self[f"comment_{criterion.code}"]

    def entered_scores(self) -> dict:
        from .services import ScoreInput

        out = {}
        for criterion in self.criteria:
            score = self.cleaned_data.get(f"score_{criterion.code}")
            if score is None:
                continue
            out[criterion.code] = ScoreInput(
                score, self.cleaned_data.get(f"comment_{criterion.code}", "")
            )
        return out


class MarkersForm(forms.Form):
    second_marker = forms.ModelChoiceField(label=_("Second marker"), queryset=None, required=False)
    third_marker = forms.ModelChoiceField(label=_("Third marker"), queryset=None, required=False)

    def __init__(self, *args, trainers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["second_marker"].queryset = trainers
        self.fields["third_marker"].queryset = trainers


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)]


class DraftForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        required=False,
        # data-rich-text: rich_text.js puts the editor over it; without JavaScript it is a
        # plain textarea. The service cleans the HTML whichever way it came.
        widget=forms.Textarea(attrs={"rows": 14, "data-rich-text": ""}),
        help_text=_(
            "Describe the case without anything that identifies the child. You can use "
            "headings, bold and italic text, lists, links and tables."
        ),
    )
    files = MultipleFileField(
        label=_("Attach files"),
        required=False,
        help_text=_("PDF, DOCX, ODT, XLSX, JPG or PNG; each file at most %(size)s."),
    )
    anonymised = forms.BooleanField(
        label=_(
            "I confirm the child is anonymised: no name, school, photo or scanned PMPK conclusion."
        ),
        required=False,
    )

    def __init__(self, *args, max_size_label: str = "20 MB", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = self.fields["files"].help_text % {"size": max_size_label}


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("accepted", _("Accept")),
            ("returned", _("Return for revision")),
        ],
        widget=forms.RadioSelect,
    )
    feedback = forms.CharField(
        label=_("Feedback"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput)


class QueueFilterForm(forms.Form):
    cohort = forms.ModelChoiceField(label=_("Cohort"), queryset=None, required=False)
    topic = forms.TypedChoiceField(label=_("Topic"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False)
    late = forms.BooleanField(label=_("Late only"), required=False)
    show_all = forms.BooleanField(label=_("Show reviewed work too"), required=False)

    def __init__(self, *args, cohorts, topics, statuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = cohorts
        self.fields["topic"].choices = [("", _("All"))] + [
            (t.pk, f"{t.number} {t.title}") for t in topics
        ]
        self.fields["status"].choices = [("", _("Waiting for review")), *statuses]


class PlanForm(forms.ModelForm):
    tools = forms.MultipleChoiceField(
        label=_("Support tools chosen"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    anonymised = forms.BooleanField(
        label=_(
            "I confirm the child is anonymised: no name, school, photo or scanned PMPK conclusion."
        ),
        required=False,
    )
    files = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("PDF, DOCX, ODT, XLSX, JPG or PNG. Stored privately."),
    )

    class Meta:
        from .models import SupportPlan
        from .models.plan import PLAN_FIELDS

        model = SupportPlan
        fields = list(PLAN_FIELDS)
        widgets = {
            "review_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "recommendations": forms.Textarea(attrs={"rows": 3}),
            "strengths": forms.Textarea(attrs={"rows": 4}),
            "barriers": forms.Textarea(attrs={"rows": 4}),
            "tools_rationale": forms.Textarea(attrs={"rows": 5}),
            "role_teacher": forms.Textarea(attrs={"rows": 3}),
            "role_specialists": forms.Textarea(attrs={"rows": 3}),
            "role_parents": forms.Textarea(attrs={"rows": 3}),
            "monitoring_indicators": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        from .models import SupportTool

        super().__init__(*args, **kwargs)
        self.fields["tools"].choices = SupportTool.choices
        self.fields["learner_age"].validators.append(_age_validator)

    def plan_data(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}


def _age_validator(value):
    from django.core.exceptions import ValidationError

    if value is not None and not 3 <= value <= 25:
        raise ValidationError(_("Give the learner's age in years, from 3 to 25."))


class ABCForm(forms.Form):
    antecedent = forms.CharField(
        label=_("Antecedent (what happened before)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    behaviour = forms.CharField(
        label=_("Behaviour"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    consequence = forms.CharField(
        label=_("Consequence (what followed)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        data = super().clean()
        filled = [
            bool((data.get(k) or "").strip()) for k in ("antecedent", "behaviour", "consequence")
        ]
        if any(filled) and not all(filled):
            raise forms.ValidationError(
                _("Fill the antecedent, the behaviour and the consequence, or leave the row empty.")
            )
        return data


class GoalForm(forms.Form):
    term = forms.ChoiceField(
        label=_("Term"),
        required=False,
        choices=[("", "—"), ("short", _("Short-term")), ("long", _("Long-term"))],
    )
    goal = forms.CharField(
        label=_("Goal"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    measure = forms.CharField(label=_("How it is measured"), required=False, max_length=300)
    target_date = forms.DateField(
        label=_("Target date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean(self):
        data = super().clean()
        filled = [bool(data.get(k)) for k in ("term", "goal", "measure", "target_date")]
        if any(filled) and not all(filled):
            raise forms.ValidationError(
                _(
                    "Give the term, the goal, how it is measured and the target date, or leave "
                    "the row empty."
                )
            )
        return data


def rows_of(formset) -> list[dict]:
    """The filled rows of a valid formset, leaving out the rows ticked for removal."""
    rows = []
    for form in formset.forms:
        data = {k: v for k, v in (form.cleaned_data or {}).items() if k != "DELETE"}
        if (form.cleaned_data or {}).get("DELETE") or not any(data.values()):
            continue
        rows.append(data)
    return rows


class _RowFormSet(forms.BaseFormSet):
    """Rows of the plan: one empty row without JavaScript (save to get another), more with the
    "Add" button (plan_rows.js clones `empty_form`); any row can be ticked for removal."""

    deletion_widget = forms.CheckboxInput

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this row when saving")


ABCFormSet = forms.formset_factory(
    ABCForm, formset=_RowFormSet, extra=1, can_delete=True, can_delete_extra=True
)
GoalFormSet = forms.formset_factory(
    GoalForm, formset=_RowFormSet, extra=1, can_delete=True, can_delete_extra=True
)


class DefenceForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    duration_minutes = forms.IntegerField(label=_("Duration, minutes"), min_value=5, initial=20)
    place = forms.CharField(label=_("Room or link"), max_length=300)


class DefenceHeldForm(forms.Form):
    held_on = forms.DateField(
        label=_("Date the defence was held"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class PlanReturnForm(forms.Form):
    """Return a submitted plan for revision. The feedback is required (checked by the service, so
    the message is the same wherever the return comes from)."""

    feedback = forms.CharField(
        label=_("Feedback: what to revise"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The trainee sees it on the plan form and gets it by email."),
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput)


class CohortDeadlinesForm(forms.Form):
    """The cohort's three deadlines; an empty field has none."""

    practice = forms.DateField(
        label=_("Practice works"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    plan = forms.DateField(
        label=_("Individual support plan"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    theory = forms.DateField(
        label=_("Theory test"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
