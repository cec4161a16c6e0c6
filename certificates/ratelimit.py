"""Per-address rate limit of public look-ups, kept in the cache only.

The address is hashed with the secret key before it becomes a cache key, and the entry expires with
its window, so no IP address is stored anywhere."""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def limit_per_hour() -> int:
    return int(getattr(settings, "VERIFY_RATE_LIMIT_PER_HOUR", 300))


def _key(request, window: int) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"certificates:verify:{digest}:{window}"


def lookup_allowed(request) -> bool:
    """Count this look-up; False once the address has made more than the hourly limit."""
    key = _key(request, int(time.time() // WINDOW_SECONDS))
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # the entry expired between add() and incr()
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count <= limit_per_hour()
