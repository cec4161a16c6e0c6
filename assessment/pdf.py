"""The support plan as a PDF for the defence (WeasyPrint). DejaVu Sans covers every Kazakh letter
(Ә Ғ Қ Ң Ө Ұ Ү Һ І); its path can be changed with ASSESSMENT_PDF_FONT."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string

DEFAULT_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DEFAULT_BOLD_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def plan_pdf(plan, *, trainee_name: str) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "assessment/plan_pdf.html",
        {
            "plan": plan,
            "trainee_name": trainee_name,
            "font": getattr(settings, "ASSESSMENT_PDF_FONT", DEFAULT_FONT),
            "bold_font": getattr(settings, "ASSESSMENT_PDF_BOLD_FONT", DEFAULT_BOLD_FONT),
        },
    )
    return HTML(string=html).write_pdf()
