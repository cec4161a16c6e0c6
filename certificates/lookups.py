"""Public look-ups: the per-address hourly limit and the look-up log.

The limit lives in the cache only. The address is hashed with the secret key before it becomes a
cache key, and the entry expires with its window, so no IP address is stored anywhere.

The log (`VerificationLookup`: when, which document, what was found) is written behind the request
on Redis, the production cache: the round trip that counts a look-up also appends it to a Redis
list, and `flush_log` (a Celery beat task, every minute) moves the list into the database in
batches. The page an employer's phone opens thus writes nothing to the database, and the
"checked N times" figures lag by up to a minute. Without Redis (SQLite, development) the row is
written at once.

While Redis is down (an outage, a restart) verification keeps answering: the limit fails open
(an employer's answer matters more than a client's hourly count; the outage is logged once per
CACHE_FAILURE_LOG_INTERVAL_SECONDS, not per request) and the look-up is written straight to the
database."""

from __future__ import annotations

import datetime
import functools
import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

from cms.cache import REDIS_UNAVAILABLE, log_once_per_interval
from cms.client_ip import rate_limit_address

logger = logging.getLogger(__name__)

WINDOW_SECONDS = 3600
LOG_KEY = "certificates:verify:log"
FLUSH_BATCH = 1000
# Batches one flush writes at most, well inside its lock's life; the rest waits a minute.
FLUSH_MAX_BATCHES = 100

# Look-ups kept on Redis at most, should beat stop flushing (about 25 MB); the oldest go first.
LOG_CAP = 500_000

# KEYS: the address's counter, the log list. ARGV: window, limit, log entry ('' for none), cap.
_COUNT_AND_LOG = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
if count <= tonumber(ARGV[2]) and ARGV[3] ~= '' then
  if redis.call('RPUSH', KEYS[2], ARGV[3]) > tonumber(ARGV[4]) then
    redis.call('LTRIM', KEYS[2], -tonumber(ARGV[4]), -1)
  end
end
return count
"""


def limit_per_hour() -> int:
    return int(settings.VERIFY_RATE_LIMIT_PER_HOUR)


def _key(request, window: int) -> str:
    address = rate_limit_address(request)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"certificates:verify:{digest}:{window}"


def _current_key(request) -> str:
    return _key(request, int(time.time() // WINDOW_SECONDS))


def _redis() -> RedisCache | None:
    cache = caches["default"]
    return cache if isinstance(cache, RedisCache) else None


@functools.lru_cache(maxsize=4)
def _redis_client(cache: RedisCache):
    """One client per cache object and process: Django builds a new one on every call, and
    building it costs more than the round trip."""
    return cache._cache.get_client(write=True)


@functools.lru_cache(maxsize=4)
def _count_and_log_script(cache: RedisCache):
    """Sent by its SHA1 (EVALSHA) after the first call; reloaded if Redis forgot it."""
    return _redis_client(cache).register_script(_COUNT_AND_LOG)


@functools.lru_cache(maxsize=4)
def _log_key(cache: RedisCache) -> str:
    """The log list's full key (prefix and version), made once: it never changes."""
    return cache.make_and_validate_key(LOG_KEY)


def _count_in_cache(key: str) -> int:
    cache = caches["default"]
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # the entry expired between add() and incr()
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        return 1


def _count_on_redis(cache: RedisCache, request, entry: str) -> int:
    """Add one to the window's counter and, under the limit, append `entry` to the log: one
    round trip, atomic."""
    keys = [cache.make_and_validate_key(_current_key(request)), _log_key(cache)]
    args = [WINDOW_SECONDS, limit_per_hour(), entry, LOG_CAP]
    return int(_count_and_log_script(cache)(keys=keys, args=args))


def _redis_down(error: Exception) -> None:
    log_once_per_interval(
        logger,
        "verification-limit",
        "verification limit not applied, Redis unavailable: %s: %s",
        type(error).__name__,
        error,
    )


def lookup_allowed(request) -> bool:
    """Count this look-up; False once the address has made more than the hourly limit."""
    cache = _redis()
    if cache is not None:
        try:
            return _count_on_redis(cache, request, "") <= limit_per_hour()
        except REDIS_UNAVAILABLE as error:
            _redis_down(error)
            return True
    return _count_in_cache(_current_key(request)) <= limit_per_hour()


def _entry(certificate_id: int | None, result: str) -> str:
    return f"{time.time():.6f} {certificate_id or ''} {result}"


def record(request, certificate, result: str) -> bool:
    """Count a look-up against the address's limit and, if it is allowed, log what it found.
    Returns whether it is allowed; a refused look-up is not logged. Called after the look-up's
    one indexed query, so that counting and logging take one round trip: a refused request
    costs that query as well."""
    cache = _redis()
    certificate_id = certificate.pk if certificate is not None else None
    if cache is not None:
        try:
            return (
                _count_on_redis(cache, request, _entry(certificate_id, result)) <= limit_per_hour()
            )
        except REDIS_UNAVAILABLE as error:
            _redis_down(error)
            _log_to_database(certificate_id, result)
            return True
    if _count_in_cache(_current_key(request)) > limit_per_hour():
        return False
    log(certificate_id, result)
    return True


def log(certificate_id: int | None, result: str) -> None:
    """Log a look-up already counted: on Redis into the list `flush_log` empties, else at once."""
    cache = _redis()
    if cache is not None:
        key = _log_key(cache)
        pipe = _redis_client(cache).pipeline(transaction=False)
        try:
            pipe.rpush(key, _entry(certificate_id, result)).ltrim(key, -LOG_CAP, -1).execute()
        except REDIS_UNAVAILABLE as error:
            _redis_down(error)
        else:
            return
    _log_to_database(certificate_id, result)


def _log_to_database(certificate_id: int | None, result: str) -> None:
    from .models import VerificationLookup

    VerificationLookup.objects.create(certificate_id=certificate_id, result=result)


def _parse(entry: bytes):
    at, certificate_id, result = entry.decode().split(" ")
    when = datetime.datetime.fromtimestamp(float(at), tz=datetime.UTC)
    return when, int(certificate_id) if certificate_id else None, result


def flush_log(batch: int = FLUSH_BATCH) -> int:
    """Move the look-ups waiting on Redis into the database; returns how many were written.

    At least once: a batch leaves Redis only after its rows are committed, so a database error
    keeps it for the next run. A lock keeps two runs from writing the same batch. Look-ups of a
    document deleted in the meantime are dropped with it."""
    from .models import Certificate, VerificationLookup

    cache = _redis()
    if cache is None:
        return 0
    client = _redis_client(cache)
    key = _log_key(cache)
    lock = client.lock(f"{key}:flush", timeout=300, blocking=False)
    if not lock.acquire():
        return 0
    written = 0
    try:
        for _ in range(FLUSH_MAX_BATCHES):
            entries = client.lrange(key, 0, batch - 1)
            if not entries:
                break
            rows = [_parse(entry) for entry in entries]
            ids = {certificate_id for _, certificate_id, _ in rows if certificate_id}
            existing = set(Certificate.objects.filter(pk__in=ids).values_list("pk", flat=True))
            created = VerificationLookup.objects.bulk_create(
                VerificationLookup(at=at, certificate_id=certificate_id, result=result)
                for at, certificate_id, result in rows
                if certificate_id is None or certificate_id in existing
            )
            client.ltrim(key, len(entries), -1)
            written += len(created)
    finally:
        lock.release()
    if written:
        logger.info("verification look-ups moved to the database: %s", written)
    return written


def prune(*, now: datetime.datetime | None = None) -> int:
    """Delete look-ups older than VERIFICATION_LOOKUP_RETENTION_DAYS (beat, nightly): the table
    gains a row per scan and would otherwise grow for ever. Returns how many went."""
    from django.utils import timezone

    from .models import VerificationLookup

    days = settings.VERIFICATION_LOOKUP_RETENTION_DAYS
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    deleted, _by_model = VerificationLookup.objects.filter(at__lt=cutoff).delete()
    return deleted
