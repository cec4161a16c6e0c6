"""Why each pending pass waits, stored for the registrar's worklist (issue 22).

The worklist on the admin home said why every finalised pass without a certificate was waiting by
running the whole completion check for each of them, a set of queries per pass, on every load of
the admin home. Now the events that run the check anyway (the issuing task after finalising, the
certificate sweep every CERTIFICATES_SWEEP_EVERY_MINUTES) store its reasons, in each language of
the site, on a `PendingPass` row, and the worklist reads the rows in one query. The reasons are as
of that check; the pending page (`certificates:pending`) still checks each pass live."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from django.conf import settings
from django.utils import translation

from .completion import missing_conditions
from .models import Certificate, PendingPass


def pending_pass_reasons(*, enrolment, today=None) -> dict[str, list[str]]:
    """{language: [reason, ...]}: what completion_missing says, in each language of the site (the
    facts are read once; only the wording is made per language)."""
    from .selectors import completion_facts, completion_rule_for, rule_values

    rule = rule_values(completion_rule_for(programme=enrolment.cohort.programme))
    facts = completion_facts(enrolment=enrolment, today=today)
    reasons = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            worded = replace(facts, status_label=str(enrolment.get_status_display()))
            reasons[language] = [m.reason for m in missing_conditions(facts=worded, rule=rule)]
    return reasons


def pending_pass_record(*, enrolment, today=None) -> PendingPass:
    """Store why the enrolment's pass waits (called where the completion check refused)."""
    row, _created = PendingPass.objects.update_or_create(
        enrolment=enrolment,
        defaults={"reasons": pending_pass_reasons(enrolment=enrolment, today=today)},
    )
    return row


def pending_pass_summary(*, language: str | None = None) -> tuple[int, Counter]:
    """(passes waiting, Counter of reasons in `language`) for the worklist, in one query: the
    stored rows of enrolments that still have no current certificate."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    current = (
        Certificate.objects.filter(kind=Certificate.Kind.CERTIFICATE, enrolment__isnull=False)
        .exclude(status=Certificate.Status.SUPERSEDED)
        .values("enrolment_id")
    )
    rows = list(
        PendingPass.objects.exclude(enrolment_id__in=current).values_list("reasons", flat=True)
    )
    reasons: Counter = Counter()
    for stored in rows:
        reasons.update(stored.get(language) or stored.get(settings.LANGUAGE_CODE) or [])
    return len(rows), reasons
