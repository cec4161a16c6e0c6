"""manage.py backup_state, which deploy/backup runs before its dump, writes the public look-ups
still queued on Redis into the database, so the backup holds them."""

from __future__ import annotations

import io

import pytest
from django.core.cache import caches
from django.core.management import call_command

from certificates import lookups
from certificates.models import VerificationLookup

pytestmark = [pytest.mark.services, pytest.mark.django_db]


@pytest.fixture
def redis_cache(settings, redis_url):
    base = redis_url.rsplit("/", 1)[0]
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"{base}/7",
            "KEY_PREFIX": "backup-state-test",
        }
    }
    cache = caches["default"]
    cache.clear()
    yield cache
    cache.clear()


def test_look_ups_queued_on_redis_are_in_the_database_before_the_dump(
    redis_cache, issue_certificate
):
    certificate = issue_certificate()
    lookups.log(certificate.pk, "valid")
    lookups.log(None, "not_found")
    lookups.log(certificate.pk, "valid")
    assert VerificationLookup.objects.count() == 0

    out = io.StringIO()
    call_command("backup_state", stdout=out)

    assert "lookups_flushed=3" in out.getvalue().splitlines()
    assert sorted(VerificationLookup.objects.values_list("result", flat=True)) == [
        "not_found",
        "valid",
        "valid",
    ]
    assert lookups.flush_log() == 0
