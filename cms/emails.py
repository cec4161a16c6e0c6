"""Emails written from templates, in the recipient's language."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def templated_email(*, template: str, context: dict, language: str, to: list[str]) -> EmailMessage:
    """The message of `<template>_subject.txt` and `<template>_body.txt`, both rendered with
    `language` active; the caller attaches files if any, then sends."""
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}_body.txt", context)
    return EmailMessage(subject, body, to=to)


def language_of(user, default: str = "kk") -> str:
    return getattr(user, "preferred_language", "") or default
