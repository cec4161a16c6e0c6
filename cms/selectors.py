"""Reads of the site shell: profiles, consents and a person's own data."""

from __future__ import annotations

from typing import Any

from cms.models import PersonalDataConsent, TraineeProfile


def profile_for(user: Any) -> TraineeProfile | None:
    """The trainee profile of a person, or None (anonymous, or not filled in yet)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    try:
        return TraineeProfile.objects.get(user=user)
    except TraineeProfile.DoesNotExist:
        return None


def consent_latest(*, user: Any) -> PersonalDataConsent | None:
    return PersonalDataConsent.objects.filter(user=user).order_by("-accepted_at").first()
