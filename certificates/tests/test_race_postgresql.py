"""Issuing under real concurrency: worker threads with their own PostgreSQL connections.

SQLite has no row locks, so this module runs only with DATABASE_URL pointing at PostgreSQL
(`scripts/with-services.sh .venv/bin/python -m pytest certificates/tests/test_race_postgresql.py`).
Its tests commit for real, so the module restores the database for the tests after it."""

from __future__ import annotations

import os
import threading
from unittest import mock

import pytest
from django.db import connections

from certificates.models import Certificate, SerialCounter
from certificates.services import certificate_issue
from course.models import Enrolment
from course.tests.database import restore_committed_database

from .factories import EnrolmentFactory

pytestmark = [
    pytest.mark.services,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs PostgreSQL row locks: run with DATABASE_URL=postgres://…",
    ),
]


@pytest.fixture(autouse=True)
def _no_signing(settings):
    # The PDF is faked to keep the race short; a signature cannot be applied to a fake.
    settings.CERTIFICATES_PDF_POSTPROCESSORS = []


@pytest.fixture(scope="module", autouse=True)
def _restore_database_afterwards(django_db_setup, django_db_blocker):
    yield
    restore_committed_database(django_db_blocker)


def _run_in_threads(targets):
    barrier = threading.Barrier(len(targets))
    results, errors = [], []

    def run(target):
        try:
            barrier.wait()
            results.append(target())
        except Exception as exc:  # reported by the test below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(t,)) for t in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results, errors


def _issuer(enrolment_id):
    def issue():
        enrolment = Enrolment.objects.select_related("cohort__programme", "trainee").get(
            pk=enrolment_id
        )
        return certificate_issue(enrolment=enrolment, score=90, band="excellent").pk

    return issue


# The PDF is not what races here; a stand-in keeps eight renders from dominating the run.
_FAKE_PDF = mock.patch(
    "certificates.services.documents.document_pdf", return_value=b"%PDF-1.7 test"
)


# One test for both races: a transactional test empties the tables when it ends, and the programme
# is put back only once, after the module.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_racing_workers_make_one_certificate_per_enrolment_with_gapless_serials(programme):
    same = EnrolmentFactory()
    others = [EnrolmentFactory() for _ in range(5)]

    with _FAKE_PDF:
        duplicates, duplicate_errors = _run_in_threads([_issuer(same.pk), _issuer(same.pk)])
        results, errors = _run_in_threads([_issuer(e.pk) for e in others])

    assert duplicate_errors == [] and errors == []
    assert len(duplicates) == 2 and duplicates[0] == duplicates[1]
    assert Certificate.objects.filter(enrolment=same).count() == 1
    assert len(set(results)) == 5
    serials = sorted(Certificate.objects.values_list("serial", flat=True))
    year = serials[0][3:7]
    assert serials == [f"PA-{year}-{n:05d}" for n in range(1, 7)]
    assert SerialCounter.objects.get(year=int(year)).last == 6
