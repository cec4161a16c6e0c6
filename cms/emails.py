"""Emails written from templates, in the recipient's language."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def one_line(text: str) -> str:
    """Text fit for an e-mail header or a calendar title: every line break, tab or other
    whitespace run becomes one space. A CR or LF in a header makes Django refuse to send the
    message (and could add headers of its own), so text people typed is flattened first."""
    return " ".join(str(text).split())


def templated_email(*, template: str, context: dict, language: str, to: list[str]) -> EmailMessage:
    """The message of `<template>_subject.txt` and `<template>_body.txt`, both rendered with
    `language` active; the caller attaches files if any, then sends."""
    with translation.override(language):
        subject = one_line(render_to_string(f"{template}_subject.txt", context))
        body = render_to_string(f"{template}_body.txt", context)
    return EmailMessage(subject, body, to=to)


def language_of(user) -> str:
    """The language to write to a person in: the one she chose, else the site's default. The one
    definition: every e-mail and notification to a person asks here (a user may be None, e.g. the
    holder of a certificate whose account was deleted)."""
    return getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
