"""Public look-ups on the production cache, Redis: counting and logging in one round trip, the
counter expires with its window and names no address, and the log reaches the database through
the flush task."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.test import RequestFactory

from certificates import lookups
from certificates.models import VerificationLookup
from certificates.tasks import verification_lookups_flush_task

pytestmark = pytest.mark.services


@pytest.fixture
def redis_cache(settings, redis_url):
    base = redis_url.rsplit("/", 1)[0]
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"{base}/6",
            "KEY_PREFIX": "ratelimit-test",
        }
    }
    cache = caches["default"]
    cache.clear()
    yield cache
    cache.clear()


@pytest.fixture
def certificate(issue_certificate):
    return issue_certificate()


def _request(address: str = "203.0.113.9"):
    return RequestFactory().get("/verify/", REMOTE_ADDR=address)


def test_an_address_past_the_hourly_limit_is_refused_on_redis(redis_cache, settings):
    settings.VERIFY_RATE_LIMIT_PER_HOUR = 3

    answers = [lookups.lookup_allowed(_request()) for _ in range(4)]

    assert answers == [True, True, True, False]
    assert lookups.lookup_allowed(_request("203.0.113.10")) is True


def test_the_counter_on_redis_expires_within_the_window_and_names_no_address(redis_cache):
    lookups.lookup_allowed(_request())

    client = redis_cache._cache.get_client(write=False)
    keys = [key.decode() for key in client.keys("*")]
    assert len(keys) == 1
    assert "203.0.113.9" not in keys[0]
    assert 0 < client.ttl(keys[0]) <= lookups.WINDOW_SECONDS
    assert redis_cache.get(keys[0].split(":", 2)[2]) == 1


def test_a_page_look_up_on_redis_writes_nothing_to_the_database_until_the_flush(
    client, redis_cache, certificate, django_assert_num_queries
):
    with django_assert_num_queries(1):  # the certificate; the look-up went to Redis
        response = client.get(f"/verify/{certificate.code}.json")
    client.get("/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ.json")

    assert response.json()["status"] == "valid"
    assert VerificationLookup.objects.count() == 0

    assert verification_lookups_flush_task.delay().get() == 2
    logged = set(VerificationLookup.objects.values_list("certificate_id", "result"))
    assert logged == {(certificate.pk, "valid"), (None, "not_found")}
    assert lookups.flush_log() == 0  # nothing left, nothing written twice


def test_refused_look_ups_on_redis_are_not_logged(client, redis_cache, certificate, settings):
    settings.VERIFY_RATE_LIMIT_PER_HOUR = 2

    statuses = [client.get(f"/verify/{certificate.code}.json").status_code for _ in range(4)]
    lookups.flush_log()

    assert statuses == [200, 200, 429, 429]
    assert certificate.lookups.count() == 2


def test_the_flush_writes_in_batches_and_drops_look_ups_of_a_deleted_document(
    redis_cache, certificate, issue_certificate
):
    doomed = issue_certificate()
    for _ in range(5):
        lookups.record(_request(), certificate, "valid")
    lookups.record(_request(), doomed, "valid")
    doomed.delete()

    assert lookups.flush_log(batch=2) == 5
    assert certificate.lookups.count() == 5
    assert VerificationLookup.objects.count() == 5


def test_one_flush_writes_a_bounded_number_of_batches_and_the_next_one_goes_on(
    redis_cache, certificate, monkeypatch
):
    monkeypatch.setattr(lookups, "FLUSH_MAX_BATCHES", 2)
    for _ in range(5):
        lookups.record(_request(), certificate, "valid")

    assert lookups.flush_log(batch=2) == 4
    assert lookups.flush_log(batch=2) == 1
    assert certificate.lookups.count() == 5


def test_a_flush_already_running_elsewhere_is_left_alone(redis_cache, certificate):
    lookups.record(_request(), certificate, "valid")
    client = redis_cache._cache.get_client(write=True)
    key = redis_cache.make_and_validate_key(lookups.LOG_KEY)
    held = client.lock(f"{key}:flush", timeout=30)
    assert held.acquire()
    try:
        assert lookups.flush_log() == 0
    finally:
        held.release()

    assert lookups.flush_log() == 1


def test_the_log_on_redis_keeps_only_the_newest_look_ups_when_nobody_flushes_it(
    redis_cache, certificate, monkeypatch
):
    monkeypatch.setattr(lookups, "LOG_CAP", 3)
    for result in ["valid", "expired", "revoked", "superseded", "valid"]:
        lookups.record(_request(), certificate, result)
    lookups.log(None, "not_found")

    assert lookups.flush_log() == 3
    assert list(VerificationLookup.objects.order_by("at").values_list("result", flat=True)) == [
        "superseded",
        "valid",
        "not_found",
    ]


def test_without_redis_look_ups_are_written_at_once_and_the_flush_has_nothing_to_do(
    settings, certificate
):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

    assert lookups.record(_request(), certificate, "valid") is True
    assert certificate.lookups.count() == 1
    assert lookups.flush_log() == 0
