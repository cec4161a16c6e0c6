"""A cohort (one group studying one programme version) and its live sessions."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .pages import ProgrammePage, TopicPage


class StudyForm(models.TextChoices):
    """The form of study a certificate prints (copied at issue)."""

    ONLINE = "online", _("online")
    IN_PERSON = "in_person", _("in person")
    BLENDED = "blended", _("blended (online and in person)")


class Cohort(models.Model):
    """A stream of the course: one group of trainees studying together with their trainers."""

    class Language(models.TextChoices):
        KAZAKH = "kk", "Қазақша"
        RUSSIAN = "ru", "Русский"

    programme = models.ForeignKey(
        ProgrammePage, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="cohorts"
    )
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    language = models.CharField(
        _("language of instruction"), max_length=2, choices=Language.choices, default="kk"
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    study_form = models.CharField(
        _("form of study"),
        max_length=12,
        choices=StudyForm.choices,
        default=StudyForm.ONLINE,
        help_text=_("Printed on the certificates of this cohort."),
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        related_name="taught_cohorts",
        blank=True,
    )
    capacity = models.PositiveIntegerField(_("capacity"), default=30)
    enrolment_key = models.CharField(
        _("enrolment key"),
        max_length=40,
        blank=True,
        help_text=_("Trainees type this key to join. Leave empty to allow joining only by import."),
    )

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-starts_on", "code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="cohort_ends_after_start",
            ),
            # Joining looks a cohort up by its key (case-insensitively): two cohorts with one key
            # would make the later one steal the earlier one's trainees. An empty key means
            # "joining by import only" and may repeat.
            models.UniqueConstraint(
                Lower("enrolment_key"),
                condition=~models.Q(enrolment_key=""),
                name="one_cohort_per_enrolment_key",
                violation_error_message=_("Another cohort already uses this enrolment key."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    def clean(self):
        super().clean()
        # Plain messages at the fields, before the database's constraint would answer with its
        # name ("cohort_ends_after_start"); a field in error skips that constraint's check.
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The cohort cannot end before it starts.")
        if self.capacity is not None and self.capacity < 1:
            errors["capacity"] = _("A cohort has at least one place.")
        if errors:
            raise ValidationError(errors)
        if not self.programme_id:
            return
        before = (
            Cohort.objects.filter(pk=self.pk).values_list("programme_id", flat=True).first()
            if self.pk
            else None
        )
        if before != self.programme_id and not self.programme.live:
            raise ValidationError(
                {
                    "programme": _(
                        "Version %(version)s of the programme is not published yet: publish it "
                        "before a cohort studies it."
                    )
                    % {"version": self.programme.version}
                }
            )
        # A cohort's trainees study the version it points at: their progress is kept on its
        # topics and their certificates describe it, so a cohort with trainees keeps its version.
        if before is not None and before != self.programme_id and self.enrolments.exists():
            raise ValidationError(
                {
                    "programme": _(
                        "Trainees of this cohort study version %(version)s of the programme; a "
                        "cohort with trainees keeps its version."
                    )
                    % {"version": ProgrammePage.objects.get(pk=before).version}
                }
            )


class LiveSession(models.Model):
    """One scheduled live class of a cohort, about one topic (online or in a room)."""

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="sessions"
    )
    # Always the source-locale (Kazakh) topic: progress never depends on the page's language.
    topic = models.ForeignKey(
        TopicPage, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="live_sessions"
    )
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration, minutes"), default=90)
    online_link = models.URLField(_("online link"), blank=True)
    room = models.CharField(_("room"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("live session")
        verbose_name_plural = _("live sessions")
        ordering = ["starts_at"]

    def __str__(self) -> str:
        # Local time, as the admin's lists show it (stored in UTC).
        starts = timezone.localtime(self.starts_at) if self.starts_at else None
        return f"{self.cohort.code} · {self.topic.number} · {starts:%Y-%m-%d %H:%M}"

    def clean(self):
        super().clean()
        if not self.online_link and not self.room:
            raise ValidationError({"online_link": _("Give an online link or a room.")})
        if (
            self.topic_id
            and self.cohort_id
            and self.topic.locale_id != self.cohort.programme.locale_id
        ):
            raise ValidationError(
                {"topic": _("Choose the topic in the programme's own language (Kazakh).")}
            )
        if self.cohort_id and self.starts_at:
            day = timezone.localdate(self.starts_at)
            if not self.cohort.starts_on <= day <= self.cohort.ends_on:
                raise ValidationError(
                    {
                        "starts_at": _(
                            "The session must fall within the cohort's dates, %(start)s – %(end)s."
                        )
                        % {
                            "start": date_format(self.cohort.starts_on, "SHORT_DATE_FORMAT"),
                            "end": date_format(self.cohort.ends_on, "SHORT_DATE_FORMAT"),
                        }
                    }
                )
