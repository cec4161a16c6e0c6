from __future__ import annotations

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English; a test that checks a translation overrides this."""
    with translation.override("en"):
        yield
