"""The one error type services raise, and the one helper views map it with.

A service that refuses raises `ServiceError` (or an app's subclass of it: `EnrolmentError`,
`CertificateError`, ...) with a sentence the person understands, already translated (or lazy),
and changes nothing. The view catches it and calls `apply_service_error`, which puts the sentence
on the form (on the named field when the form has it) or into the messages shown on the next page.

`ServiceError` is a Django `ValidationError`: it may carry one sentence, a list of them, or a
{field: [sentences]} dictionary (a plan with several incomplete parts), the same helper maps them
all, and Django's form machinery understands a refusal raised inside `clean()`.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError


def _rebuild(cls, state):
    error = Exception.__new__(cls)
    error.__dict__.update(state)
    return error


class ServiceError(ValidationError):
    """A refused action: `message` is for the person (translated or lazy), or a list of such, or a
    {field: [messages]} dictionary; `field` names the form field a single message belongs to, if
    any; `code` lets callers and tests tell refusals apart."""

    def __init__(self, message, *, field: str | None = None, code: str | None = None):
        super().__init__(message, code=code)
        self.field = field

    def __str__(self) -> str:
        # ValidationError shows a list ("['...']"); a refusal reads as its sentence in logs,
        # messages and task records.
        return " ".join(str(message) for message in self.messages)

    def __reduce__(self):
        # Subclasses take their own arguments (CompletionNotMet takes the missing parts), so
        # pickling (Celery's result backend) restores the state rather than calling __init__.
        return _rebuild, (type(self), self.__dict__.copy())


def _field_errors(error: ValidationError) -> list[tuple[str | None, str]]:
    """(field or None, message) pairs of any ValidationError, ServiceError included."""
    if hasattr(error, "error_dict"):  # several fields at once (a ServiceError may carry them too)
        return [(key, message) for key, values in error.message_dict.items() for message in values]
    if isinstance(error, ServiceError):
        return [(error.field, message) for message in error.messages]
    return [(None, message) for message in error.messages]


def apply_service_error(
    error: ValidationError,
    *,
    form=None,
    request=None,
    field_for: Callable[[str], str] | None = None,
) -> None:
    """Show a refusal: on `form` when given (each message on its field when the form has that
    field, else above the form), otherwise as one error message on the next page of `request`.
    `field_for` turns the service's field names into the form's (e.g. a criterion code into its
    score field)."""
    if form is None and request is None:
        raise TypeError("apply_service_error needs a form or a request")
    pairs = _field_errors(error)
    if form is None:
        messages.error(request, " ".join(str(message) for _field, message in pairs))
        return
    for field, message in pairs:
        if field is not None and field != "__all__" and field_for is not None:
            field = field_for(field)
        form.add_error(field if field in form.fields else None, message)
