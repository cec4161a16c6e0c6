"""Every private file (practice work, support plans, certificate PDFs, expulsion orders,
mentoring attachments, trainers' CVs) is stored through the one cms.private_files.private_storage
(issue 18, "each fact once"), never the public media storage."""

from __future__ import annotations

from django.apps import apps
from django.db import models

from cms.private_files import private_storage

PRIVATE_FILE_FIELDS = {
    ("assessment", "planattachment", "file"),
    ("assessment", "submissionfile", "file"),
    ("certificates", "certificate", "pdf"),
    ("course", "enrolmentevent", "document"),
    ("mentoring", "attachment", "file"),
    ("quality", "trainerqualification", "cv"),
}


def test_each_private_file_field_is_stored_through_the_one_private_storage():
    uses_it = {
        (model._meta.app_label, model._meta.model_name, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
        and getattr(field, "_storage_callable", None) is private_storage
    }

    assert uses_it == PRIVATE_FILE_FIELDS
