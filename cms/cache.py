"""The cache may fail; the site must not.

In production the cache is Redis. Pages that only use the cache to go faster (Wagtail's site root
paths, allauth's sign-in rate limits, progress of bulk jobs) must keep answering while Redis is
down or restarting: `ResilientRedisCache` answers a failed read as a miss and a failed write as
"not stored", and logs the outage once per CACHE_FAILURE_LOG_INTERVAL_SECONDS (per process), not
once per request. Sessions are written through to the database (SESSION_ENGINE cached_db), so
nobody is signed out by a Redis outage.

It also keeps one redis-py client per connection pool: Django makes a new `redis.Redis` for every
cache call, and each builds its table of some 170 response callbacks; with seven cache reads a
signed-in page, that was about a tenth of the dashboard's CPU (issue 22, cProfile)."""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# A Redis that cannot be reached or answers too late; not a command error (those are bugs).
REDIS_UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)

_last_logged: dict[str, float] = {}
_last_logged_guard = threading.Lock()


def log_once_per_interval(log: logging.Logger, topic: str, message: str, *args) -> bool:
    """Log `message` at WARNING unless `topic` was logged within the last
    CACHE_FAILURE_LOG_INTERVAL_SECONDS in this process; returns whether it logged. An outage seen
    by every request must not write a line per request."""
    now = time.monotonic()
    with _last_logged_guard:
        last = _last_logged.get(topic)
        if last is not None and now - last < settings.CACHE_FAILURE_LOG_INTERVAL_SECONDS:
            return False
        _last_logged[topic] = now
    log.warning(message, *args)
    return True


def _unavailable(operation: str, error: Exception) -> None:
    log_once_per_interval(
        logger,
        "cache",
        "cache unavailable, serving without it (%s): %s: %s",
        operation,
        type(error).__name__,
        error,
    )


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's client, handing out one `redis.Redis` per connection pool instead of a new one
    per call (redis.Redis is thread-safe: each command takes a connection from the pool)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's RedisCache, answering as an empty cache while Redis cannot be reached."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except REDIS_UNAVAILABLE as error:
            _unavailable("get", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except REDIS_UNAVAILABLE as error:
            _unavailable("get_many", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except REDIS_UNAVAILABLE as error:
            _unavailable("has_key", error)
            return False

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except REDIS_UNAVAILABLE as error:
            _unavailable("add", error)
            return False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set(key, value, timeout, version)
        except REDIS_UNAVAILABLE as error:
            _unavailable("set", error)
            return None

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except REDIS_UNAVAILABLE as error:
            _unavailable("set_many", error)
            return list(data)  # the keys that were not stored

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except REDIS_UNAVAILABLE as error:
            _unavailable("touch", error)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except REDIS_UNAVAILABLE as error:
            _unavailable("delete", error)
            return False

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except REDIS_UNAVAILABLE as error:
            _unavailable("delete_many", error)
            return None

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except REDIS_UNAVAILABLE as error:
            _unavailable("incr", error)
            # What Django raises for a missing key: callers of incr() already handle it.
            raise ValueError(f"Key '{key}' not found (cache unavailable)") from error

    def clear(self):
        try:
            return super().clear()
        except REDIS_UNAVAILABLE as error:
            _unavailable("clear", error)
            return False
