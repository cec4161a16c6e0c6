"""Access checks and form helpers shared by the assessment views of more than one capability."""

from __future__ import annotations

from django.utils.translation import gettext as _

from cms.roles import is_registrar

from .. import selectors


def _teaches(user, cohort) -> bool:
    return cohort.trainers.filter(pk=user.pk).exists()


def _assesses(user, enrolment) -> bool:
    """A trainer of the trainee's own cohort, or of the later cohort the retake is assessed with
    (the own cohort's trainers keep reading what the later cohort's trainers score)."""
    return selectors.assesses(user=user, enrolment=enrolment)


def _language() -> str:
    from django.utils import translation

    return translation.get_language() or "kk"


def _may_review(user, cohort) -> bool:
    return user.is_staff or is_registrar(user) or _teaches(user, cohort)


def _unstored_files_message(names: list[str]) -> str:
    return _(
        "Your text is saved, but these files could not be stored because the server is out of "
        "space or its storage failed: %(names)s. Attach them again later; nothing was submitted."
    ) % {"names": ", ".join(names)}
