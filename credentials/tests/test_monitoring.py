"""The signing certificate's expiry, as the status page reports it."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.utils import translation

from cms.tests.test_monitoring import write_certificate
from credentials.monitoring import check_signing_certificate

NOON = datetime.datetime(2026, 12, 5, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("days_left", "state"), [(400, "ok"), (91, "ok"), (90, "warning"), (30, "critical")]
)
def test_the_signing_certificate_check_goes_by_the_days_left(settings, tmp_path, days_left, state):
    expires = NOON + datetime.timedelta(days=days_left, hours=1)
    settings.CREDENTIALS_SIGNING_CERT = str(write_certificate(tmp_path / "c.pem", expires=expires))
    with time_machine.travel(NOON, tick=False):
        check = check_signing_certificate()
    assert (check.name, check.state) == ("signing_certificate", state)
    assert check.reason.startswith(f"Expires on {expires.date()}, in {days_left} days.")
    assert ("rotate_keys --signing" in check.reason) == (state != "ok")


def test_a_missing_signing_certificate_is_critical_in_production(settings, tmp_path):
    settings.CREDENTIALS_DEV_KEYS = False
    settings.CREDENTIALS_SIGNING_CERT = str(tmp_path / "absent.pem")
    check = check_signing_certificate()
    assert check.state == "critical"
    assert check.reason.startswith(f"Cannot read {tmp_path / 'absent.pem'}")


def test_development_without_a_pair_yet_is_ok(settings, tmp_path):
    settings.CREDENTIALS_DEV_KEYS = True
    settings.CREDENTIALS_SIGNING_CERT = str(tmp_path / "absent.pem")
    check = check_signing_certificate()
    assert (check.state, check.reason) == ("ok", "A development pair is made on demand.")
