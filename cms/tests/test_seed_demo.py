"""`seed_demo --json` prints one JSON object and nothing else, and refuses to run with DEBUG off."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_seed_demo_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError) as excinfo:
        call_command("seed_demo")
    assert "runs only with DEBUG on" in str(excinfo.value)


def test_seed_demo_json_lists_accounts_certificates_in_every_state_and_statements(settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("seed_demo", "--json", stdout=out)
    data = json.loads(out.getvalue())
    roles = {account["role"] for account in data["accounts"]}
    assert roles == {"trainee", "trainer", "registrar"}
    statuses = {c["status"] for c in data["certificates"]}
    assert {"valid", "expired", "revoked", "superseded"} <= statuses
    assert data["statements"]
    assert all({"code", "holder_email"} <= set(s) for s in data["statements"])
