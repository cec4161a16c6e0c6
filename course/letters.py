"""The letter to a trainee's employer about an expulsion: what it says (for the e-mail and the
printable letter alike) and the printable PDF (WeasyPrint), for when the profile has no employer
e-mail or the employer wants it on paper. DejaVu Sans covers every
Kazakh letter; the same system font the support plan's PDF uses (assessment/pdf.py)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone, translation

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def expulsion_letter_pdf(*, event) -> bytes:
    from weasyprint import HTML

    context = expulsion_letter_context(event=event)
    # In the cohort's language, as the e-mail would have been.
    with translation.override(context["language"]):
        html = render_to_string("course/expulsion_letter.html", {**context, "font": FONT})
    return HTML(string=html).write_pdf()


def expulsion_letter_context(*, event) -> dict:
    """What the employer's notice says, for the e-mail and for the printable letter alike: who,
    from which course (its approved title and hours, the cohort's dates), by which order on which
    decision, and who signs for the organisation."""
    from wagtail.models import Locale

    from cms.names import display_name
    from cms.selectors import organisation_name, organisation_settings_for

    enrolment = event.enrolment
    profile = getattr(enrolment.trainee, "trainee_profile", None)
    language = enrolment.cohort.language
    programme = enrolment.cohort.programme
    locale = Locale.objects.filter(language_code=language).first()
    translated = programme.get_translation_or_none(locale) if locale else None
    settings = organisation_settings_for(None)
    return {
        "event": event,
        "enrolment": enrolment,
        "cohort": enrolment.cohort,
        "name": display_name(enrolment.trainee, language, profile=profile),
        # The registered name from Settings → Organisation, never an invented translation.
        "organisation_name": organisation_name(language),
        "school": getattr(profile, "school", ""),
        "language": language,
        # The title of the version the cohort studies, in the letter's language (the approved
        # wording, loaded from the programme).
        "course_title": (translated or programme).title,
        "hours": programme.derived_hours().total,
        "signatory_name": settings.signatory_name if settings is not None else "",
        "signatory_position": settings.signatory_position_for(language) if settings else "",
        "written_on": timezone.localdate(),
    }
