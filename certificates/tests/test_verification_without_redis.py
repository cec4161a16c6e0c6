"""Employers scanning a QR code get an answer whenever the database answers, Redis or not: the
limit fails open (logged once per interval), the look-up goes straight to the database."""

from __future__ import annotations

import datetime
import logging

import pytest

from certificates import lookups
from certificates.models import VerificationLookup

DEAD_REDIS = "redis://127.0.0.1:1/0"


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.cache.ResilientRedisCache",
            "LOCATION": DEAD_REDIS,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.CACHE_FAILURE_LOG_INTERVAL_SECONDS = 60
    from cms import cache

    cache._last_logged.clear()
    yield
    cache._last_logged.clear()


@pytest.fixture
def certificate(enrolment, issue):
    return issue(enrolment, issued_on=datetime.date(2026, 10, 20))


def test_the_page_and_its_json_answer_with_the_status_while_redis_is_down(
    client, certificate, redis_down
):
    page = client.get(f"/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE="en")
    data = client.get(f"/verify/{certificate.code}.json")

    assert page.status_code == 200
    assert certificate.serial in page.content.decode()
    assert data.status_code == 200
    assert (data.json()["status"], data.json()["serial"]) == ("valid", certificate.serial)


def test_an_unknown_code_still_answers_404_not_found_while_redis_is_down(client, db, redis_down):
    response = client.get("/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ.json")

    assert response.status_code == 404
    assert response.json() == {"status": "not_found"}


def test_look_ups_go_straight_to_the_database_while_redis_is_down(client, certificate, redis_down):
    client.get(f"/verify/{certificate.code}.json")
    client.get("/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ.json")

    logged = sorted(VerificationLookup.objects.values_list("result", flat=True))
    assert logged == ["not_found", "valid"]


def test_the_open_limit_is_logged_once_per_interval_not_per_request(
    client, certificate, redis_down, caplog
):
    caplog.set_level(logging.WARNING, logger="certificates.lookups")

    for _ in range(4):
        client.get(f"/verify/{certificate.code}.json")

    [record] = [r for r in caplog.records if r.name == "certificates.lookups"]
    assert record.getMessage().startswith("verification limit not applied, Redis unavailable: ")


def test_the_limit_is_open_while_redis_is_down(rf, redis_down, settings, db):
    settings.VERIFY_RATE_LIMIT_PER_HOUR = 1
    request = rf.get("/verify/", REMOTE_ADDR="203.0.113.9")

    assert [lookups.lookup_allowed(request) for _ in range(3)] == [True, True, True]
