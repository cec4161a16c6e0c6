"""The report for the authority as a printable PDF, rendered by WeasyPrint with the fonts the
certificates ship (full Kazakh coverage), in the request's language."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string

from certificates.pdf import font_face_css, html_to_pdf


def report_pdf(context: dict) -> bytes:
    html = render_to_string(
        "quality/report_pdf.html",
        {**context, "font_face": font_face_css(), "course_hours": settings.COURSE_HOURS},
    )
    return html_to_pdf(html)
