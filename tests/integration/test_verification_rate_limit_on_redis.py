"""The verification rate limit on the production cache, Redis: one round trip per look-up, the
counter expires with its window, and no address is stored."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.test import RequestFactory

from certificates import ratelimit

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


def test_an_address_past_the_hourly_limit_is_refused_on_redis(redis_cache, settings):
    settings.VERIFY_RATE_LIMIT_PER_HOUR = 3
    request = RequestFactory().get("/verify/", REMOTE_ADDR="203.0.113.9")
    other = RequestFactory().get("/verify/", REMOTE_ADDR="203.0.113.10")

    answers = [ratelimit.lookup_allowed(request) for _ in range(4)]

    assert answers == [True, True, True, False]
    assert ratelimit.lookup_allowed(other) is True


def test_the_counter_on_redis_expires_within_the_window_and_names_no_address(redis_cache):
    request = RequestFactory().get("/verify/", REMOTE_ADDR="203.0.113.9")
    ratelimit.lookup_allowed(request)

    client = redis_cache._cache.get_client(write=False)
    keys = [key.decode() for key in client.keys("*")]
    assert len(keys) == 1
    assert "203.0.113.9" not in keys[0]
    assert 0 < client.ttl(keys[0]) <= ratelimit.WINDOW_SECONDS
    assert redis_cache.get(keys[0].split(":", 2)[2]) == 1
