"""Tags for quality's own templates (included by lower apps' pages through cms.slots)."""

from __future__ import annotations

from django import template

register = template.Library()


@register.simple_tag
def cohort_trainer_shortfalls(cohort) -> list:
    """The cohort's trainers who fall short of order 338 (name, shortfalls), for the warning on
    the registrar's cohort page."""
    from course.models import Cohort

    from ..selectors import cohorts_with_trainer_shortfalls

    found = cohorts_with_trainer_shortfalls(cohorts=Cohort.objects.filter(pk=cohort.pk))
    return found[0][1] if found else []
