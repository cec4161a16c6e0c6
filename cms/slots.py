"""Places in a page where an app above the page's own app adds its part.

Dependencies run one way (README, "Layout"): a course or certificates template may not name the
URLs of an app above it. The app above registers, from its AppConfig.ready(), a template for each
place; the page includes the registered templates (with its own context) in registration order:

    {% load page_slots %}{% slot_templates "cohort_links" as extra %}
    {% for name in extra %}{% include name %}{% endfor %}
"""

from __future__ import annotations

# The places, each with the page it is on and the context its templates get.
SLOTS = (
    # certificates: under the verification form; a row of "My certificates" (`row`); the public
    # verification page (Jinja2; `c`, `statement`).
    "verify_form",
    "my_certificates_row",
    "verify_detail",
    # course: the links of a cohort page for the registrar (`cohort`); the staff sections of an
    # enrolment page (`enrolment`).
    "cohort_links",
    "enrolment_sections",
    # course: the cohort page's (and its admin page's) staff links besides the records
    # (`cohort_links`): the work to score, shown to the cohort's trainers too, and the downloads,
    # the registrar's only (`cohort`). Each template of these three places is one or more `<li>`
    # items.
    "cohort_score_links",
    "cohort_download_links",
    # course: the cohort page's sections for its trainers and registrars, above the hours table
    # (`cohort`, `rows`: the trainees' rows with their hours); the links of an enrolment page for
    # the trainee's trainers and registrars, never the trainee (`enrolment`).
    "cohort_sections",
    "enrolment_staff_links",
    # course: the links of a cohort page for everyone who may see it, trainers too (`cohort`).
    "cohort_staff_links",
    # assessment: the links of a cohort's results page for the registrar (`cohort`); a row's
    # actions there (`row`, `is_registrar`).
    "cohort_results_links",
    "cohort_results_row_actions",
    # course: under a programme page's curriculum (`page`); under a module page's topics (`page`).
    "programme_links",
    "module_links",
    # cms: the links under the person's own profile page (`user`).
    "profile_links",
)

_templates: dict[str, list[str]] = {slot: [] for slot in SLOTS}


def register_slot_template(*, slot: str, template: str) -> None:
    """Include `template` at `slot`. Registering it again does nothing (ready() may run twice)."""
    if slot not in _templates:
        raise ValueError(f"Unknown page slot: {slot!r}")
    if template not in _templates[slot]:
        _templates[slot].append(template)


def slot_templates(slot: str) -> tuple[str, ...]:
    return tuple(_templates[slot])
