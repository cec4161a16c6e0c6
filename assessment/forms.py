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
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Describe the case without anything that identifies the child."),
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

    def __init__(self, *args, cohorts, topics, statuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = cohorts
        self.fields["topic"].choices = [("", _("All"))] + [
            (t.pk, f"{t.number} {t.title}") for t in topics
        ]
        self.fields["status"].choices = [("", _("All")), *statuses]
