"""Registrars (the editors) upload documents, videos and images through the Wagtail admin: Wagtail
asks for collection permissions, which the registrar group now has."""

from __future__ import annotations

import base64
import importlib

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, GroupCollectionPermission

from cms.tests.factories import RegistrarFactory, TrainerFactory

pytestmark = pytest.mark.django_db

# A 1×1 transparent PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def _upload_document(client, name: str, content: bytes):
    return client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_a_registrar_uploads_a_document_through_the_admin(client):
    client.force_login(RegistrarFactory())

    response = _upload_document(client, "slides.pdf", b"%PDF-1.4\n%%EOF\n")

    assert response.status_code == 302
    assert Document.objects.filter(title="slides.pdf").count() == 1


def test_a_registrar_uploads_a_lecture_video_and_its_webvtt_captions(client):
    client.force_login(RegistrarFactory())

    video = _upload_document(client, "lecture.mp4", b"\x00\x00\x00\x18ftypmp42")
    captions = _upload_document(client, "lecture.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\n")

    assert (video.status_code, captions.status_code) == (302, 302)
    assert sorted(Document.objects.values_list("title", flat=True)) == [
        "lecture.mp4",
        "lecture.vtt",
    ]


def test_a_registrar_uploads_an_image_through_the_admin(client):
    client.force_login(RegistrarFactory())

    response = client.post(
        "/admin/images/add/",
        {
            "title": "Көрнекі кесте",
            "file": SimpleUploadedFile("schedule.png", PNG, content_type="image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 302
    assert Image.objects.filter(title="Көрнекі кесте").count() == 1


def test_a_trainer_still_cannot_upload_a_document(client):
    client.force_login(TrainerFactory())

    response = _upload_document(client, "slides.pdf", b"%PDF-1.4\n%%EOF\n")

    assert response.status_code in (302, 403)
    assert Document.objects.count() == 0


def test_the_data_migration_grants_the_registrar_the_six_collection_permissions():
    GroupCollectionPermission.objects.filter(group__name="registrar").delete()
    migration = importlib.import_module("cms.migrations.0013_registrar_collection_permissions")

    migration.grant(apps, None)

    granted = set(
        GroupCollectionPermission.objects.filter(
            group__name="registrar", collection__depth=1
        ).values_list("permission__codename", flat=True)
    )
    assert granted == {
        "add_document",
        "change_document",
        "choose_document",
        "add_image",
        "change_image",
        "choose_image",
    }
