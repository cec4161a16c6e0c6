"""Places on the certificate pages where an app above certificates adds its own part.

Certificates sits below credentials (README, "Layout"), so its templates may not link to
credentials' pages. Credentials registers, from its AppConfig.ready(), a template for each place;
the page includes the registered templates (with its own context) in registration order."""

from __future__ import annotations

# Where: under the verification form; in a row of "My certificates" (context: `row`); on the
# public verification page (Jinja2; context: `c`, `statement`).
SLOTS = ("verify_form", "my_certificates_row", "verify_detail")

_templates: dict[str, list[str]] = {slot: [] for slot in SLOTS}


def register_slot_template(*, slot: str, template: str) -> None:
    """Include `template` at `slot`. Registering it again does nothing (ready() may run twice)."""
    if slot not in _templates:
        raise ValueError(f"Unknown certificate page slot: {slot!r}")
    if template not in _templates[slot]:
        _templates[slot].append(template)


def slot_templates(slot: str) -> tuple[str, ...]:
    return tuple(_templates[slot])
