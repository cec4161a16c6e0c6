"""The site shell: the custom user, the home page and the settings a registrar edits, the trainee's
profile, the privacy records and the operations records. One module per kind of thing."""

from __future__ import annotations

from .operations import FailedTask, Heartbeat
from .organisation import AnnexHoursSplit, OrganisationSettings
from .pages import HomePage
from .privacy import AccountDeletionRequest, PersonalDataConsent, PrivacyNotice, RetentionRun
from .profile import OrganisationType, Position, QualificationCategory, Region, TraineeProfile
from .users import User, UserManager

__all__ = [
    "AccountDeletionRequest",
    "AnnexHoursSplit",
    "FailedTask",
    "Heartbeat",
    "HomePage",
    "OrganisationSettings",
    "OrganisationType",
    "PersonalDataConsent",
    "Position",
    "PrivacyNotice",
    "QualificationCategory",
    "Region",
    "RetentionRun",
    "TraineeProfile",
    "User",
    "UserManager",
]
