"""The printable letter to a trainee's employer about an expulsion (WeasyPrint), for when the
profile has no employer e-mail or the employer wants it on paper. DejaVu Sans covers every
Kazakh letter; the same system font the support plan's PDF uses (assessment/pdf.py)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def expulsion_letter_pdf(*, event) -> bytes:
    from weasyprint import HTML

    from .services import expulsion_letter_context

    context = expulsion_letter_context(event=event)
    # In the cohort's language, as the e-mail would have been.
    with translation.override(context["language"]):
        html = render_to_string("course/expulsion_letter.html", {**context, "font": FONT})
    return HTML(string=html).write_pdf()
