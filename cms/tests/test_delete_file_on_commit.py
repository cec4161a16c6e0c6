"""Private files are deleted only once the transaction that deleted their row commits."""

from __future__ import annotations

import logging

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction

from cms.private_files import delete_file_on_commit

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored():
    storage = storages["private"]
    name = storage.save("tests/case.pdf", ContentFile(b"%PDF-1.4\n"))
    yield storage, name
    if storage.exists(name):
        storage.delete(name)


def test_a_rolled_back_transaction_keeps_the_file(stored, django_capture_on_commit_callbacks):
    storage, name = stored

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        delete_file_on_commit(storage, name)
        raise RuntimeError("refused")

    assert callbacks == []
    assert storage.exists(name)


def test_a_committed_delete_removes_the_file(stored, django_capture_on_commit_callbacks):
    storage, name = stored

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with transaction.atomic():
            delete_file_on_commit(storage, name)
        assert storage.exists(name)  # not before the commit
    for callback in callbacks:
        callback()

    assert len(callbacks) == 1
    assert not storage.exists(name)


class ReadOnlyStorage:
    def delete(self, name):
        raise PermissionError("read-only file system")


def test_a_file_that_cannot_be_deleted_is_logged_by_name_and_the_request_goes_on(
    caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.ERROR, logger="cms.private_files")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        delete_file_on_commit(ReadOnlyStorage(), "plans/1/case.pdf")

    [record] = caplog.records
    assert record.getMessage() == "could not delete the private file plans/1/case.pdf"


def test_an_empty_name_schedules_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        delete_file_on_commit(storages["private"], "")

    assert callbacks == []
