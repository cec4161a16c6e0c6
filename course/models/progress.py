"""A trainee's progress: topics completed and live sessions attended."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .cohort import LiveSession
from .enrolment import Enrolment
from .pages import TopicPage


class TopicCompletion(models.Model):
    """A topic counted as done for one enrolment. The topic is always the source-locale page."""

    class Source(models.TextChoices):
        STUDIED = "studied", _("Studied")
        ATTENDANCE = "attendance", _("Attended the live session")
        PRACTICE_ACCEPTED = "practice_accepted", _("Practice work accepted")
        # An excused absence the trainee made up, recorded by the registrar.
        MADE_UP = "made_up", _("Made up after an excused absence")

    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="completions"
    )
    # PROTECT: a topic with trainees' progress is never deleted, from the admin or from code
    # (course/versioning.py gives the admin its message first).
    topic = models.ForeignKey(
        TopicPage, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="completions"
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    completed_at = models.DateTimeField(_("when"), default=timezone.now)
    # Studied topics: from opening the page to sending the form at its end (for the trainer).
    seconds_spent = models.PositiveIntegerField(_("time spent, seconds"), null=True, blank=True)

    class Meta:
        verbose_name = _("topic completion")
        verbose_name_plural = _("topic completions")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "topic"], name="one_completion_per_topic")
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id}: {self.topic_id} ({self.source})"


class Attendance(models.Model):
    class Mark(models.TextChoices):
        PRESENT = "present", _("Present")
        ABSENT = "absent", _("Absent")
        EXCUSED = "excused", _("Excused")

    session = models.ForeignKey(
        LiveSession, verbose_name=_("live session"), on_delete=models.CASCADE, related_name="marks"
    )
    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="attendance"
    )
    mark = models.CharField(_("attendance"), max_length=10, choices=Mark.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("attendance mark")
        verbose_name_plural = _("attendance marks")
        constraints = [
            models.UniqueConstraint(fields=["session", "enrolment"], name="one_mark_per_session")
        ]

    def __str__(self) -> str:
        return f"{self.session_id}/{self.enrolment_id}: {self.mark}"
