"""Signals other apps subscribe to. They carry ids only (`result_id`, `enrolment_id`) and are sent
after the transaction commits, so a receiver never sees a result that was rolled back."""

from __future__ import annotations

from django.dispatch import Signal

# A final result was finalised. kwargs: result_id, enrolment_id.
result_finalised = Signal()

# A score of an already finalised result changed (the certificate question re-opens).
# kwargs: result_id, enrolment_id.
result_changed_after_finalising = Signal()
