"""The Open Badges status list at a national scale (issue 22): built once and reused for a short
time, cleared by every revocation and re-issue, and a second list opened before the first fills."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from certificates.services import certificate_reissue, certificate_revoke
from certificates.tests.factories import EnrolmentFactory
from credentials import openbadges, services
from credentials.models import CredentialRecord
from credentials.services import credential_record_ensure

from .test_openbadges import _status_bits


@pytest.fixture
def certificate(enrolment, issue):
    return issue(enrolment, issued_on=datetime.date(2026, 10, 20))


def _get(client, number: int = 1):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/credentials/status/{number}", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    return response, len(queries)


def test_a_second_request_for_the_status_list_is_answered_from_the_cache(client, certificate):
    credential_record_ensure(certificate=certificate)
    first, built = _get(client)
    second, reused = _get(client)
    assert built == 1 and reused == 0
    assert second.content == first.content
    assert second.json()["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert "no-cache" in second["Cache-Control"]  # still never kept by anyone downstream


def test_a_revocation_is_in_the_very_next_status_list(client, certificate):
    index = credential_record_ensure(certificate=certificate).status_index
    assert not openbadges.bit_is_set(_status_bits(client), index)  # now cached, bit clear

    certificate_revoke(certificate=certificate, revoked_by=None, reason="annulled_by_order")

    assert openbadges.bit_is_set(_status_bits(client), index)


def test_a_reissue_is_in_the_very_next_status_list(client, certificate):
    old_index = credential_record_ensure(certificate=certificate).status_index
    assert not openbadges.bit_is_set(_status_bits(client), old_index)

    new = certificate_reissue(certificate=certificate, reissued_by=None, reason="Аты түзетілді")

    bits = _status_bits(client)
    assert openbadges.bit_is_set(bits, old_index)
    assert not openbadges.bit_is_set(bits, credential_record_ensure(certificate=new).status_index)


def test_with_the_cache_off_each_request_builds_the_list(client, certificate, settings):
    settings.STATUS_LIST_CACHE_SECONDS = 0
    credential_record_ensure(certificate=certificate)
    assert _get(client)[1] == 1
    assert _get(client)[1] == 1


def test_entries_go_to_a_second_list_once_the_first_reaches_its_rollover_point(
    client, programme, issue, monkeypatch
):
    monkeypatch.setattr(services, "STATUS_LIST_ROLLOVER_AT", 2)
    records = [credential_record_ensure(certificate=issue(EnrolmentFactory())) for _ in range(3)]

    assert [r.status_list for r in records] == [1, 1, 2]
    assert CredentialRecord.objects.filter(status_list=2).count() == 1
    # The second list is published, and a revocation in it is set there, not in the first.
    certificate_revoke(
        certificate=records[2].certificate, revoked_by=None, reason="annulled_by_order"
    )
    assert openbadges.bit_is_set(_status_bits(client, 2), records[2].status_index)
    assert not any(_status_bits(client, 1))


def test_the_rollover_point_leaves_a_quarter_of_the_first_list_free():
    assert services.STATUS_LIST_ROLLOVER_AT == 98_304
    assert services.STATUS_LIST_ROLLOVER_AT < CredentialRecord.LIST_SIZE
