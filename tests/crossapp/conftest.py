"""Tests of behaviour that spans several apps (deletion, retention, the personal-data export).

They live outside the apps because cms, whose services they test, may import no app above it
(README, "Layout"); here they may use every app's models and factories. They run on SQLite and
PostgreSQL alike (unlike tests/integration, they need no service)."""

from __future__ import annotations

from cms.tests.conftest import _fresh_rate_limits  # noqa: F401 - autouse, as under cms/tests
