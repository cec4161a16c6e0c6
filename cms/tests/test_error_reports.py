"""The error report itself (text and HTML): no POST value, file, cookie, frame variable or
password-bearing setting, whatever view failed."""

from __future__ import annotations

import sys

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.views.debug import get_exception_reporter_class

# Each value is written in two pieces: the HTML report quotes the source lines around the failure,
# and the assertions look for text that exists only when the two pieces are joined.
CHILD = "Әлия, 8 жаста" + ", сабақта жылайды"
FILE_NAME = "Aliya" + "-case.pdf"
SESSION = "live-session" + "-abc123"
BROKER_PASSWORD = "hunter2" + "-broker"


def _report(settings):
    settings.CELERY_BROKER_URL = f"redis://:{BROKER_PASSWORD}@redis:6379/0"
    request = RequestFactory().post(
        "/kk/anything/",
        {
            "description": CHILD,
            "attachment": SimpleUploadedFile(FILE_NAME, b"%PDF-1.4"),
        },
    )
    request.COOKIES["sessionid"] = SESSION
    try:
        description = request.POST["description"]  # noqa: F841 — a frame variable with child data
        raise ValueError("boom")
    except ValueError:
        reporter = get_exception_reporter_class(request)(request, *sys.exc_info())
    return reporter.get_traceback_text(), reporter.get_traceback_html()


def test_the_report_keeps_field_names_but_no_value_typed_or_uploaded(settings):
    text, html = _report(settings)

    for report in (text, html):
        assert "boom" in report
        assert "description" in report and "attachment" in report
        assert CHILD not in report and "жаста, сабақта" not in report
        assert FILE_NAME not in report


def test_the_report_hides_cookies_and_passwords_inside_urls(settings):
    text, html = _report(settings)

    for report in (text, html):
        assert "sessionid" in report
        assert SESSION not in report
        assert BROKER_PASSWORD not in report
