from __future__ import annotations

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from cms.checks import site_url_problem


@pytest.mark.parametrize(
    "value",
    [
        "https://127.0.0.1:8000",
        "https://localhost",
        "https://[::1]",
        "https://0.0.0.0",
        "http://lms.example.kz",
        "",
        "lms.example.kz",
        "https://lms.example.kz/verify",
    ],
)
def test_a_site_url_that_no_employer_could_open_is_a_problem(value):
    assert site_url_problem(value) is not None


def test_a_public_https_site_url_is_no_problem():
    assert site_url_problem("https://lms.example.kz") is None
    assert site_url_problem("https://lms.example.kz:8443") is None


def test_check_deploy_fails_on_a_loopback_site_url(settings):
    settings.SITE_URL = "https://127.0.0.1:8000"

    with pytest.raises(SystemCheckError) as excinfo:
        call_command("check", "--deploy")

    assert "cms.E001" in str(excinfo.value)
    assert "SITE_URL points at this machine (127.0.0.1)" in str(excinfo.value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "SITE_URL is not set."),
        ("http://lms.example.kz", "SITE_URL must start with https://"),
        ("https://localhost:8000", "SITE_URL points at this machine (localhost)"),
    ],
)
def test_the_deploy_check_says_what_is_wrong(settings, value, message):
    settings.SITE_URL = value

    errors = [e for e in run_checks(include_deployment_checks=True) if e.id == "cms.E001"]

    assert len(errors) == 1 and message in errors[0].msg
    assert "SITE_URL=https://lms.example.kz" in errors[0].hint


def test_the_deploy_check_passes_a_public_https_site_url(settings):
    settings.SITE_URL = "https://lms.example.kz"

    assert [e for e in run_checks(include_deployment_checks=True) if e.id == "cms.E001"] == []


def test_the_check_runs_only_for_deploy(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"  # development: fine

    assert [e for e in run_checks() if e.id == "cms.E001"] == []
