"""One way to draw a form (settings.FORM_RENDERER, cms/renderers.py): a field shows its label,
help text and errors under the ids its widget's aria-describedby names; `{{ form }}` starts with
one error summary whose links lead to the fields."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from cms.tests.factories import TraineeFactory

from .test_profile_and_data import PROFILE_POST


@pytest.fixture(autouse=True)
def _english():
    """The texts are asserted in English whatever language an earlier test left active."""
    with translation.override("en"):
        yield


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.described_by, self.hrefs = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if attrs.get("aria-describedby"):
            self.described_by += attrs["aria-describedby"].split()
        if tag == "a" and (attrs.get("href") or "").startswith("#"):
            self.hrefs.append(attrs["href"][1:])


def _parse(html: str) -> _Ids:
    parser = _Ids()
    parser.feed(html)
    return parser


class ReportForm(forms.Form):
    email = forms.EmailField(label="Email", help_text="The school's address.")
    note = forms.CharField(label="Note", required=False)
    size = forms.ChoiceField(
        label="Size", choices=[("s", "Small"), ("l", "Large")], widget=forms.RadioSelect
    )
    agree = forms.BooleanField(label="I agree")
    lock_version = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self):
        raise forms.ValidationError("The report was changed meanwhile.")


class MarkedForm(ReportForm):
    required_css_class = "required"


def _invalid(form_class=ReportForm) -> forms.Form:
    form = form_class({"email": "not an address", "note": "ok", "lock_version": "x"})
    assert not form.is_valid()
    return form


def test_a_field_with_help_text_and_an_error_renders_the_ids_its_widget_points_to():
    html = str(_invalid()["email"].as_field_group())

    assert '<label for="id_email">Email</label>' in html
    assert '<p class="helptext" id="id_email_helptext">The school&#x27;s address.</p>' in html
    assert (
        '<ul class="errorlist" id="id_email_error"><li>Enter a valid email address.</li></ul>'
        in html
    )
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'class="field field-error"' in html
    parsed = _parse(html)
    assert parsed.described_by == ["id_email_helptext", "id_email_error"]
    assert set(parsed.described_by) <= set(parsed.ids)


def test_a_valid_field_without_help_text_points_nowhere_and_is_not_marked_invalid():
    html = str(_invalid()["note"].as_field_group())

    assert "aria-describedby" not in html
    assert "aria-invalid" not in html
    assert 'class="field"' in html


def test_a_group_of_radio_buttons_is_a_fieldset_named_by_its_legend_pointing_to_its_error():
    html = str(_invalid()["size"].as_field_group())

    assert '<fieldset class="field-group" aria-describedby="id_size_error">' in html
    assert "<legend>Size</legend>" in html
    assert '<ul class="errorlist" id="id_size_error"><li>This field is required.</li></ul>' in html
    parsed = _parse(html)
    assert {"id_size_0", "id_size_1", "id_size_error"} <= set(parsed.ids)


def test_a_check_box_comes_before_its_label():
    html = str(_invalid()["agree"].as_field_group())

    assert 'class="field field-error checkbox"' in html
    assert re.search(
        r'<input type="checkbox"[^>]*id="id_agree"[^>]*>\s*<label for="id_agree">', html
    )


def test_required_fields_are_marked_only_on_forms_that_ask_for_it():
    assert "*" not in str(_invalid()["email"].as_field_group())
    assert '<label for="id_email">Email <span aria-hidden="true">*</span></label>' in str(
        _invalid(MarkedForm)["email"].as_field_group()
    )


def test_the_form_starts_with_one_error_summary_whose_links_lead_to_the_fields():
    html = str(_invalid())

    assert html.count('class="error-summary"') == 1
    assert '<h2 id="error-summary-title">Please correct the following:</h2>' in html
    summary = html.split("</div>", 1)[0]
    assert "<li>The report was changed meanwhile.</li>" in summary
    assert "<li>Lock version: Enter a whole number.</li>" not in summary  # hidden: no label
    assert "<li>Enter a whole number.</li>" in summary
    assert '<a href="#id_email">Email: Enter a valid email address.</a>' in summary
    assert '<a href="#id_size_0">Size: This field is required.</a>' in summary
    assert '<a href="#id_agree">I agree: This field is required.</a>' in summary
    parsed = _parse(html)
    assert parsed.hrefs == ["id_email", "id_size_0", "id_agree"]
    assert set(parsed.hrefs) <= set(parsed.ids)
    assert set(parsed.described_by) <= set(parsed.ids)
    assert 'type="hidden" name="lock_version"' in html


def test_a_valid_form_shows_no_summary():
    form = ReportForm()

    assert "error-summary" not in str(form)


def test_the_included_summary_takes_a_heading_names_only_and_sentences_about_other_parts():
    template = Template(
        '{% include "cms/forms/error_summary.html" with heading="Not sent" names_only=True '
        "more_errors=rows %}"
    )
    html = template.render(Context({"form": _invalid(), "rows": ["Check the goals."]}))

    assert '<h2 id="error-summary-title">Not sent</h2>' in html
    assert '<a href="#id_email">Email</a>' in html
    assert "Enter a valid email address." not in html
    assert "<li>Check the goals.</li>" in html


def test_sentences_alone_make_a_summary_without_a_form():
    template = Template('{% include "cms/forms/error_summary.html" with more_errors=rows %}')

    assert "<li>Choose a later cohort.</li>" in template.render(
        Context({"rows": ["Choose a later cohort."]})
    )
    assert template.render(Context({"rows": []})).strip() == ""


@pytest.mark.django_db
def test_the_refused_profile_page_points_screen_readers_only_at_ids_it_renders(client):
    client.force_login(TraineeFactory())
    post = {**PROFILE_POST, "surname_ru": "", "years_of_experience": "99"}

    html = client.post("/en/accounts/profile/edit/", post).content.decode()

    parsed = _parse(html)
    assert "id_surname_ru_error" in parsed.described_by
    assert "id_years_of_experience_error" in parsed.described_by
    assert set(parsed.described_by) <= set(parsed.ids)
    assert {"id_surname_ru", "id_years_of_experience"} <= set(parsed.hrefs)
    assert 'Surname (Russian) <span aria-hidden="true">*</span>' in html


@pytest.mark.django_db
def test_the_verification_form_with_a_mistyped_code_points_only_at_ids_it_renders(client):
    html = client.get("/verify/", {"code": "K7QF"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    parsed = _parse(html)
    assert "id_code_error" in parsed.described_by
    assert set(parsed.described_by) <= set(parsed.ids)
