from __future__ import annotations

from django.conf import settings
from django.utils import translation

from .selectors import organisation_name


def site_shell(request):
    """What the base template needs on every page: the languages and the one being shown."""
    return {
        "LANGUAGE_CHOICES": settings.LANGUAGES,
        "CURRENT_LANGUAGE": translation.get_language(),
        "ORGANISATION_NAME": organisation_name(translation.get_language() or "kk"),
        "COURSE_HOURS": settings.COURSE_HOURS,
    }
