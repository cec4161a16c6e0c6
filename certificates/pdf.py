"""Rendering documents to PDF with WeasyPrint: the certificate with its annex, the statement of
attendance, and the calibration page for security blanks.

Fonts are the DejaVu files shipped in certificates/static/certificates/fonts (full Kazakh Cyrillic
coverage), referenced by file URL in @font-face, so the PDF never depends on the server's fonts."""

from __future__ import annotations

from pathlib import Path

import segno
from django.template.loader import render_to_string
from django.utils import translation

FONT_DIR = Path(__file__).resolve().parent / "static" / "certificates" / "fonts"

# The programme's declared split (seed 004, lines 1154-1162), in its own Kazakh words; printed on
# the annex only when the registrar chooses "declared" (OrganisationSettings.annex_hours_split).
DECLARED_SPLIT_KK = (
    "Дәрістік сабақтар – {lecture} сағат, Практикалық сабақтар (тренингтер, кейстер, "
    "жағдаяттарды модельдеу) – {practice} сағат, Қортынды жұмыс және оны қорғау – {final_work} "
    "сағат"
)
DECLARED_SPLIT_RU = (
    "Лекционные занятия – {lecture} ч, практические занятия (тренинги, кейсы, моделирование "
    "ситуаций) – {practice} ч, итоговая работа и её защита – {final_work} ч"
)


def band_phrases(code: str) -> tuple[str, str]:
    """The result as the approved programme words it (Kazakh, verbatim) and its Russian
    translation."""
    from assessment.rubric import BANDS_BY_CODE, OFFICIAL_BAND_KK

    band = BANDS_BY_CODE.get(code)
    if band is None:
        return "", ""
    with translation.override("ru"):
        russian = str(band.label)
    return OFFICIAL_BAND_KK[code], russian


def qr_svg_data_uri(url: str) -> str:
    # Error correction M survives a scratched or badly printed annex; SVG stays sharp at any DPI.
    return segno.make_qr(url, error="m").svg_data_uri(scale=4, border=4)


def font_face_css() -> str:
    regular = (FONT_DIR / "DejaVuSans.ttf").as_uri()
    bold = (FONT_DIR / "DejaVuSans-Bold.ttf").as_uri()
    return (
        f"@font-face {{ font-family: 'PA Sans'; src: url('{regular}'); font-weight: normal; }}\n"
        f"@font-face {{ font-family: 'PA Sans'; src: url('{bold}'); font-weight: bold; }}\n"
    )


def hours_phrase(hours: int, language: str) -> str:
    """ "23 академических часа": the number with the words agreeing with it (ngettext), in the
    document's language whatever the request's."""
    from django.utils.translation import ngettext

    with translation.override(language):
        return ngettext("%(n)s academic hour", "%(n)s academic hours", hours) % {"n": hours}


def document_html(certificate) -> str:
    """The HTML of a certificate (two pages) or a statement of attendance (one page). The document
    is bilingual whatever language the request is in, so the template is rendered with no active
    translation."""
    band_kk, band_ru = band_phrases(certificate.band)
    split = certificate.hours_split or {}
    declared = None
    if split.get("mode") == "declared":
        numbers = {k: split.get(k) for k in ("lecture", "practice", "final_work")}
        declared = (DECLARED_SPLIT_KK.format(**numbers), DECLARED_SPLIT_RU.format(**numbers))
    context = {
        "c": certificate,
        "font_face": font_face_css(),
        "qr": qr_svg_data_uri(certificate.verification_url),
        "band_kk": band_kk,
        "band_ru": band_ru,
        "split_topics": split.get("mode") == "topics",
        "split_declared": declared,
        "criteria_total": sum(c["score"] or 0 for c in certificate.criteria),
        "lecture_total": sum(m.get("lecture", 0) for m in certificate.modules),
        "practice_total": sum(m.get("practice", 0) for m in certificate.modules),
        "hours_kk": hours_phrase(certificate.hours, "kk"),
        "hours_ru": hours_phrase(certificate.hours, "ru"),
    }
    template = (
        "certificates/pdf/statement.html"
        if certificate.kind == "statement"
        else "certificates/pdf/certificate.html"
    )
    with translation.override(None):
        return render_to_string(template, context)


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    return HTML(string=html, base_url=str(FONT_DIR)).write_pdf(font_config=FontConfiguration())


def document_pdf(certificate) -> bytes:
    return html_to_pdf(document_html(certificate))


def _signatory_line(certificate) -> str:
    acting = "м.а. " if certificate.signatory_acting else ""
    return f"{acting}{certificate.signatory_position_kk} {certificate.signatory_name}".strip()


def blank_pdf(certificate, layout) -> bytes:
    """Only the variable fields, at the layout's positions, for printing on a security blank."""
    fields = {
        "holder": f"{certificate.holder_name_kk} / {certificate.holder_name_ru}",
        "course": certificate.course_title_kk,
        "hours": str(certificate.hours),
        "issued_on": certificate.issued_on.strftime("%d.%m.%Y"),
        "valid_until": certificate.valid_until.strftime("%d.%m.%Y")
        if certificate.valid_until
        else "",
        "serial": certificate.serial,
        "signatory": _signatory_line(certificate),
    }
    return _positioned_pdf(layout, [(name, fields[name]) for name in layout.FIELDS], grid=False)


def calibration_labels() -> dict[str, str]:
    """Each field's name in the active language (the registrar's), for the calibration page."""
    from django.utils.translation import gettext

    return {
        "holder": gettext("Holder's name"),
        "course": gettext("Course title"),
        "hours": gettext("Hours"),
        "issued_on": gettext("Issue date"),
        "valid_until": gettext("Valid until"),
        "serial": gettext("Number"),
        "signatory": gettext("Signatory"),
    }


def calibration_pdf(layout) -> bytes:
    """A millimetre grid with a cross and the field's name (in the registrar's language) at each
    configured position: print it on plain paper, lay it over a blank against the light, and
    correct the numbers."""
    labels = calibration_labels()
    items = [(name, f"+ {labels[name]}") for name in layout.FIELDS]
    return _positioned_pdf(layout, items, grid=True)


def _positioned_pdf(layout, items, *, grid: bool) -> bytes:
    positions = layout.positions()
    context = {
        "font_face": font_face_css(),
        "layout": layout,
        "items": [
            {
                "name": name,
                "text": text,
                "left": positions[name][0],
                "top": positions[name][1],
                "width": layout.widths().get(name),
            }
            for name, text in items
        ],
        "grid": grid,
        "ticks_x": range(0, int(layout.page_width_mm) + 1, 10),
        "ticks_y": range(0, int(layout.page_height_mm) + 1, 10),
    }
    with translation.override(None):
        html = render_to_string("certificates/pdf/blank.html", context)
    return html_to_pdf(html)
