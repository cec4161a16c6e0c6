from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.emails import one_line
from course.models import TopicPage

from .models import Consultation, Format, Ticket, Topic


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


ANONYMISED_LABEL = _(
    "I confirm the files contain no child's name, school, photo or scanned PMPK conclusion."
)


def course_topic_choices():
    """Topics of the programme in the language being shown, numbered as in the programme."""
    locale = Locale.get_active()
    topics = TopicPage.objects.live().filter(locale=locale).only("id", "number", "title")
    topics = sorted(topics, key=lambda t: t.sort_key)
    return [("", _("— not about one topic —"))] + [(t.pk, f"{t.number} {t.title}") for t in topics]


class TicketForm(forms.Form):
    topic = forms.ChoiceField(label=_("What do you need help with?"), choices=Topic.choices)
    course_topic = forms.TypedChoiceField(
        label=_("Course topic it relates to"), required=False, coerce=int, empty_value=None
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    description = forms.CharField(
        label=_("Describe the situation"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Describe the child only anonymously: age, class, what happens, what you tried."
        ),
    )
    preferred_format = forms.ChoiceField(
        label=_("Preferred format"), choices=Format.choices, widget=forms.RadioSelect
    )
    files = MultipleFileField(label=_("Attachments (optional)"), required=False)
    anonymised_confirmed = forms.BooleanField(label=ANONYMISED_LABEL, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course_topic"].choices = course_topic_choices()

    def clean_subject(self):
        # The subject goes into e-mail headers and calendar titles: one line only.
        return one_line(self.cleaned_data["subject"])

    def clean_course_topic(self):
        pk = self.cleaned_data.get("course_topic")
        return TopicPage.objects.filter(pk=pk).first() if pk else None


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Your message"), widget=forms.Textarea(attrs={"rows": 5}))
    files = MultipleFileField(label=_("Attachments (optional)"), required=False)
    anonymised_confirmed = forms.BooleanField(label=ANONYMISED_LABEL, required=False)


class CloseForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary of the help given"), widget=forms.Textarea(attrs={"rows": 4})
    )


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How helpful was it? (1 = not at all, 5 = very)"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ConsultationForm(forms.ModelForm):
    class Meta:
        model = Consultation
        fields = ["starts_at", "duration_minutes", "location"]
        widgets = {"starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"})}


class CaseForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    situation = forms.CharField(
        label=_("Situation (anonymised)"), widget=forms.Textarea(attrs={"rows": 6})
    )
    advice = forms.CharField(label=_("What helped"), widget=forms.Textarea(attrs={"rows": 6}))


class QueueFilterForm(forms.Form):
    view = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("new", _("New")),
            ("mine", _("Assigned to me")),
            ("waiting", _("Waiting for me")),
            ("overdue", _("Overdue")),
            ("all", _("All open")),
        ],
    )


STATUS_LABELS = dict(Ticket.Status.choices)
