"""The progress bar, drawn in Python: the dashboard shows one per module, and an included
template per bar cost more than the rest of the page's markup (issue 22, cProfile)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def progress_bar(id, label, done, total, percent) -> str:
    """A progress bar readable without colour: the figures are written out, and <progress>
    carries the value for assistive technology."""
    figures = gettext("%(done)s of %(total)s h") % {"done": done, "total": total}
    return format_html(
        '<div class="course-progress">\n'
        '  <p class="course-progress-label" id="progress-{id}-label">{label}: '
        '<strong>{figures}</strong> <span class="muted">({percent}%)</span></p>\n'
        '  <progress id="progress-{id}" max="{total}" value="{done}" '
        'aria-labelledby="progress-{id}-label">{figures}</progress>\n'
        "</div>",
        id=id,
        label=label,
        figures=figures,
        percent=percent,
        total=total,
        done=done,
    )
