from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth keeps rate-limit counters in the cache; every test starts with none."""
    cache.clear()
    yield
    cache.clear()
