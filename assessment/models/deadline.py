"""Deadlines of one cohort: when its practice works, its support plan and its theory test are due.
Each cohort runs on its own dates, so the programme cannot carry them (an assignment's own `due_at`
stays as a programme-wide default)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CohortDeadline(models.Model):
    class What(models.TextChoices):
        PRACTICE = "practice", _("Practice works")
        PLAN = "plan", _("Individual support plan")
        THEORY = "theory", _("Theory test")

    cohort = models.ForeignKey(
        "course.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="deadlines",
    )
    what = models.CharField(_("what is due"), max_length=10, choices=What.choices)
    due_on = models.DateField(_("due on"))

    class Meta:
        verbose_name = _("cohort deadline")
        verbose_name_plural = _("cohort deadlines")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "what"], name="one_deadline_per_cohort_what")
        ]

    def __str__(self) -> str:
        return f"{self.cohort_id} {self.what} {self.due_on}"

    @property
    def is_overdue(self) -> bool:
        # Due "on" a day: the whole day counts, in the site's time zone.
        return timezone.localdate() > self.due_on
