"""One error type from services (cms.errors.ServiceError) and one helper that shows it: on the
form's field, above the form, or as a message on the next page."""

from __future__ import annotations

import pickle

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext_lazy

from cms.errors import ServiceError, apply_service_error

REFUSAL = "Only a registrar may approve a deletion request."
REFUSAL_KK = "Жою туралы өтінішті тек тіркеуші мақұлдай алады."


class NameForm(forms.Form):
    name = forms.CharField()
    score_care = forms.IntegerField(required=False)


def _bound_form() -> NameForm:
    form = NameForm({"name": "Aigerim"})
    assert form.is_valid()
    return form


def _request():
    request = RequestFactory().post("/")
    request._messages = CookieStorage(request)
    return request


class Missing(ServiceError):
    """A subclass with arguments of its own, as certificates' CompletionNotMet has."""

    def __init__(self, parts: list[str]):
        self.parts = parts
        super().__init__("Missing: " + ", ".join(parts), code="missing")


def test_a_refusal_without_a_field_is_shown_above_the_form():
    form = _bound_form()

    apply_service_error(ServiceError("The cohort is full."), form=form)

    assert form.non_field_errors() == ["The cohort is full."]
    assert form.errors.keys() == {"__all__"}


def test_a_refusal_naming_a_field_of_the_form_is_shown_at_that_field():
    form = _bound_form()

    apply_service_error(ServiceError("Write the name again.", field="name"), form=form)

    assert form.errors == {"name": ["Write the name again."]}


def test_a_refusal_naming_a_field_the_form_lacks_is_shown_above_the_form():
    form = _bound_form()

    apply_service_error(ServiceError("The file is too large.", field="file"), form=form)

    assert form.errors == {"__all__": ["The file is too large."]}


def test_a_plain_validation_error_with_fields_puts_each_message_at_its_field_or_above():
    form = _bound_form()
    error = ValidationError({"name": ["Too short.", "Not a name."], "files": "Too large."})

    apply_service_error(error, form=form)

    assert form.errors == {"name": ["Too short.", "Not a name."], "__all__": ["Too large."]}


def test_a_plain_validation_error_with_a_list_of_messages_goes_above_the_form():
    form = _bound_form()

    apply_service_error(ValidationError(["First.", "Second."]), form=form)

    assert form.non_field_errors() == ["First.", "Second."]


def test_field_for_turns_the_services_names_into_the_forms_field_names():
    form = _bound_form()
    error = ValidationError({"care": "Give 0 to 5.", "__all__": "Scores are missing."})

    apply_service_error(error, form=form, field_for=lambda key: f"score_{key}")

    assert form.errors == {"score_care": ["Give 0 to 5."], "__all__": ["Scores are missing."]}


def test_without_a_form_the_refusal_becomes_one_error_message_on_the_next_page():
    request = _request()

    apply_service_error(ValidationError(["The plan is returned.", "Read it."]), request=request)

    shown = [(m.level_tag, m.message) for m in get_messages(request)]
    assert shown == [("error", "The plan is returned. Read it.")]


def test_a_form_takes_the_refusal_rather_than_the_messages_when_both_are_given():
    request, form = _request(), _bound_form()

    apply_service_error(ServiceError("The cohort is full."), form=form, request=request)

    assert form.non_field_errors() == ["The cohort is full."]
    assert list(get_messages(request)) == []


def test_the_helper_refuses_to_drop_a_refusal_with_nowhere_to_show_it():
    with pytest.raises(TypeError, match="needs a form or a request"):
        apply_service_error(ServiceError("Lost."))


def test_a_lazy_refusal_is_translated_in_the_language_it_is_shown_in():
    error = ServiceError(gettext_lazy(REFUSAL), code="not_registrar")

    with translation.override("kk"):
        assert str(error) == REFUSAL_KK
        form = _bound_form()
        apply_service_error(error, form=form)
        assert form.non_field_errors() == [REFUSAL_KK]
    with translation.override("en"):
        assert str(error) == REFUSAL
    assert error.code == "not_registrar"


def test_a_service_error_is_a_validation_error_so_older_callers_still_catch_it():
    with pytest.raises(ValidationError) as caught:
        raise ServiceError("Refused.", field="name", code="refused")

    assert caught.value.messages == ["Refused."]
    assert (caught.value.field, caught.value.code) == ("name", "refused")


def test_a_refusal_survives_pickling_with_its_class_message_field_and_own_state():
    copy = pickle.loads(pickle.dumps(Missing(["the test", "the plan"])))

    assert type(copy) is Missing
    assert str(copy) == "Missing: the test, the plan"
    assert (copy.parts, copy.code, copy.field) == (["the test", "the plan"], "missing", None)
