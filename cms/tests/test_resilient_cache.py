"""With Redis down, the cache answers as an empty cache and the outage is logged once per
interval, not once per request (cms/cache.py)."""

from __future__ import annotations

import logging

import pytest

from cms.cache import ResilientRedisCache

# Nothing listens on port 1 of the loopback: every connection is refused at once.
DEAD_REDIS = "redis://127.0.0.1:1/0"


@pytest.fixture
def cache(settings):
    settings.CACHE_FAILURE_LOG_INTERVAL_SECONDS = 60
    from cms import cache as module

    module._last_logged.clear()
    yield ResilientRedisCache(DEAD_REDIS, {"OPTIONS": {"socket_connect_timeout": 0.5}})
    module._last_logged.clear()


def test_a_read_is_a_miss_and_a_write_is_not_stored(cache):
    assert cache.get("page", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("page") is False
    assert cache.add("page", 1) is False
    assert cache.set("page", 1) is None
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.touch("page") is False
    assert cache.delete("page") is False
    assert cache.get_or_set("page", 7) == 7


def test_an_increment_fails_as_for_a_missing_key(cache):
    with pytest.raises(ValueError, match="cache unavailable"):
        cache.incr("counter")


def test_the_outage_is_logged_once_per_interval_not_per_call(cache, caplog):
    caplog.set_level(logging.WARNING, logger="cms.cache")

    for _ in range(5):
        cache.get("page")

    [record] = caplog.records
    assert record.getMessage().startswith("cache unavailable, serving without it (get): ")


def test_redis_is_configured_through_the_resilient_backend_with_short_timeouts(monkeypatch):
    import importlib

    import cms.settings.base as base

    monkeypatch.setenv("REDIS_CACHE_URL", "redis://cache.internal:6379/1")
    try:
        reloaded = importlib.reload(base)
        assert reloaded.CACHES["default"] == {
            "BACKEND": "cms.cache.ResilientRedisCache",
            "LOCATION": "redis://cache.internal:6379/1",
            "OPTIONS": {"socket_connect_timeout": 1.0, "socket_timeout": 1.0},
        }
    finally:
        monkeypatch.delenv("REDIS_CACHE_URL")
        importlib.reload(base)


def test_one_redis_client_serves_every_call_of_a_process(cache):
    # Django's client made a redis.Redis per call, each building its table of callbacks.
    assert cache._cache.get_client() is cache._cache.get_client(write=True)


@pytest.fixture
def signed_in(client, django_user_model):
    from cms.tests.factories import TraineeFactory

    trainee = TraineeFactory()
    client.force_login(trainee)
    return client


def dashboard_is_signed_in(client) -> bool:
    return client.get("/kk/study/").status_code == 200


def test_a_session_is_read_from_the_cache_without_a_query(signed_in, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
    signed_in.get("/kk/study/")  # the first read from the database keeps it in the cache
    with CaptureQueriesContext(connection) as queries:
        assert dashboard_is_signed_in(signed_in)

    assert not [q for q in queries if "django_session" in q["sql"]]


def test_a_session_outlives_the_cache_losing_it(signed_in):
    from django.core.cache import cache

    signed_in.get("/kk/study/")
    cache.clear()  # an eviction, or Redis restarted empty

    assert dashboard_is_signed_in(signed_in)


def test_a_session_outlives_redis_being_down(signed_in, settings):
    # The resilient cache answers a miss, and the session is read from the database.
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.cache.ResilientRedisCache",
            "LOCATION": DEAD_REDIS,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }

    assert dashboard_is_signed_in(signed_in)
