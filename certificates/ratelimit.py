"""Per-address rate limit of public look-ups, kept in the cache only.

The address is hashed with the secret key before it becomes a cache key, and the entry expires with
its window, so no IP address is stored anywhere."""

from __future__ import annotations

import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

WINDOW_SECONDS = 3600


def limit_per_hour() -> int:
    return int(getattr(settings, "VERIFY_RATE_LIMIT_PER_HOUR", 300))


def _key(request, window: int) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"certificates:verify:{digest}:{window}"


@functools.lru_cache(maxsize=4)
def _redis_client(cache: RedisCache):
    """One client per cache object and process: Django builds a new one on every call, and
    building it costs more than the round trip."""
    return cache._cache.get_client(write=True)


def _count(key: str) -> int:
    """Add one to the window's counter and return it. On Redis (production) in one round trip:
    INCR creates a missing counter at 1, EXPIRE bounds its life; elsewhere through the cache API."""
    cache = caches["default"]
    if isinstance(cache, RedisCache):
        full_key = cache.make_and_validate_key(key)
        pipe = _redis_client(cache).pipeline(transaction=False)
        pipe.incr(full_key)
        pipe.expire(full_key, WINDOW_SECONDS)
        count, _ = pipe.execute()
        return count
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # the entry expired between add() and incr()
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        return 1


def lookup_allowed(request) -> bool:
    """Count this look-up; False once the address has made more than the hourly limit."""
    return _count(_key(request, int(time.time() // WINDOW_SECONDS))) <= limit_per_hour()
