"""Certificates and statements of attendance: frozen records, verifiable without an account.

Everything printed on a document (holder, course, hours, modules, score, signatory, organisation) is
COPIED here at issue time, so later edits to a profile, the course or the site settings never change
an issued document, and verification keeps working after the holder's account is deleted."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

# Migrations name the storage by this module's attribute: certificates.models.private_storage.
from cms.private_files import private_storage


class SerialCounter(models.Model):
    """The last serial number used in one year. Its row is locked (select_for_update) while a
    certificate is created, in the same transaction, so numbers are sequential and gapless even when
    several workers issue at once: a failed insert rolls the increment back with it."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("serial counter")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class RevocationReason(models.TextChoices):
    """The public reason shown on the verification page, in the reader's language. A fixed list,
    so nothing the registrar types about the holder is ever published (that goes in the
    internal note)."""

    ISSUED_IN_ERROR = "issued_in_error", _("Issued in error")
    REPLACED = "replaced", _("Replaced by a corrected certificate")
    ANNULLED_BY_ORDER = "annulled_by_order", _("Annulled by order of the head of the organisation")
    REQUIREMENTS_NOT_MET = (
        "requirements_not_met",
        _("Annulled: the course requirements were found not to have been met"),
    )
    HOLDER_REQUEST = "holder_request", _("Revoked at the holder's request")
    OTHER = "other", _("Revoked by the issuing organisation")


class StatementCounter(models.Model):
    """The last statement-of-attendance number used in one year: statements are numbered apart
    from certificates (their own prefix and sequence), locked the same way as SerialCounter."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("statement counter")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


MIN_HOURS_PERCENT_FLOOR = 80


class CompletionRule(models.Model):
    """What a trainee of one programme must have done, besides passing the final assessment, before
    a certificate is issued. Edited by the registrar; a programme without a row uses the defaults
    (the strictest rule: every hour)."""

    programme = models.OneToOneField(
        "course.ProgrammePage",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="completion_rule",
    )
    min_hours_percent = models.PositiveSmallIntegerField(
        _("minimum share of the programme's hours, %"),
        default=100,
        validators=[
            MinValueValidator(
                MIN_HOURS_PERCENT_FLOOR,
                _("The share of hours may not be set below %(limit_value)s %%."),
            ),
            MaxValueValidator(100, _("The share of hours cannot exceed %(limit_value)s %%.")),
        ],
        help_text=_(
            "Topics counted as done (studied, attended, practice accepted, or made up after an "
            "excused absence), as a share of the programme's hours. 100 % by default; never "
            "below 80 %."
        ),
    )
    require_practice_accepted = models.BooleanField(
        _("every practice work accepted"),
        default=True,
        help_text=_("Every assignment of the programme has an accepted submission."),
    )
    require_theory_test = models.BooleanField(
        _("theory test taken"),
        default=True,
        help_text=_("At least one finished attempt of the programme's theory test."),
    )
    require_plan_submitted = models.BooleanField(
        _("support plan submitted"),
        default=True,
        help_text=_("The individual support plan is submitted (not a draft, not returned)."),
    )
    require_defence_held = models.BooleanField(
        _("defence held"),
        default=True,
        help_text=_("The defence of the plan is recorded as held, with its date and assessor."),
    )
    require_cohort_ended = models.BooleanField(
        _("cohort's end date reached"),
        default=True,
        help_text=_("No certificate is issued before the last day of the cohort."),
    )
    require_module_controls = models.BooleanField(
        _("every module control passed"),
        default=False,
        help_text=_(
            "The best attempt at the control of every module of the programme reaches the pass "
            "mark. Off by default: the programme's approved rule does not ask for it."
        ),
    )

    panels = [
        FieldPanel("programme"),
        FieldPanel("min_hours_percent"),
        FieldPanel("require_practice_accepted"),
        FieldPanel("require_theory_test"),
        FieldPanel("require_plan_submitted"),
        FieldPanel("require_defence_held"),
        FieldPanel("require_cohort_ended"),
        FieldPanel("require_module_controls"),
    ]

    class Meta:
        verbose_name = _("completion rule")
        verbose_name_plural = _("completion rules")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_hours_percent__gte=80, min_hours_percent__lte=100),
                name="completion_rule_hours_between_80_and_100",
            )
        ]

    def __str__(self) -> str:
        return str(_("Completion rule: %(programme)s") % {"programme": self.programme})


class Certificate(models.Model):
    class Kind(models.TextChoices):
        CERTIFICATE = "certificate", _("Certificate")
        STATEMENT = "statement", _("Statement of attendance")

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")
        SUPERSEDED = "superseded", _("Superseded")

    kind = models.CharField(
        _("kind"), max_length=12, choices=Kind.choices, default=Kind.CERTIFICATE
    )
    serial = models.CharField(_("serial number"), max_length=20, unique=True)
    code = models.CharField(_("verification code"), max_length=19, unique=True)

    # Links to live data. SET_NULL: deleting an account or an enrolment must not delete the record;
    # the frozen fields below keep verification working.
    enrolment = models.ForeignKey(
        "course.Enrolment",
        verbose_name=_("enrolment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    cohort = models.ForeignKey(
        "course.Cohort",
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )

    # The programme, whatever its version (course.ProgrammePage.programme_key), copied at issue so
    # that the database can hold "one valid certificate per person and programme" (below).
    programme_key = models.UUIDField(_("programme key"), null=True, blank=True, editable=False)

    # Frozen at issue.
    holder_name_kk = models.CharField(_("holder's name (Kazakh)"), max_length=255)
    holder_name_ru = models.CharField(_("holder's name (Russian)"), max_length=255)
    holder_surname = models.CharField(_("holder's surname (Kazakh)"), max_length=150)
    holder_surname_ru = models.CharField(
        _("holder's surname (Russian)"), max_length=150, blank=True
    )
    holder_email = models.EmailField(_("holder's email at issue"), blank=True)
    course_title_kk = models.CharField(_("course title (Kazakh)"), max_length=255)
    course_title_ru = models.CharField(_("course title (Russian)"), max_length=255)
    hours = models.PositiveSmallIntegerField(_("hours"))
    # [{"number", "title_kk", "title_ru", "lecture", "practice", "total"}], in module order. For a
    # statement of attendance the hours are those actually attended.
    modules = models.JSONField(_("modules with hours"), default=list)
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    band = models.CharField(_("result band"), max_length=20, blank=True)
    attended_from = models.DateField(_("attended from"), null=True, blank=True)
    attended_to = models.DateField(_("attended to"), null=True, blank=True)
    # The course the document is for: the cohort's dates, form of study, and the hours the holder
    # completed, as they were at issue.
    course_from = models.DateField(_("course from"), null=True, blank=True)
    course_to = models.DateField(_("course to"), null=True, blank=True)
    study_form_kk = models.CharField(_("form of study (Kazakh)"), max_length=100, blank=True)
    study_form_ru = models.CharField(_("form of study (Russian)"), max_length=100, blank=True)
    hours_completed = models.PositiveSmallIntegerField(_("hours completed"), null=True, blank=True)
    # [{"code", "title_kk", "title_ru", "max", "score"}]: the rubric's criteria as approved, with
    # the holder's scores.
    criteria = models.JSONField(_("criteria with scores"), default=list, blank=True)
    # What the annex prints beside module hours: {"mode": "none" | "topics" | "declared", and for
    # "declared" the programme's "lecture", "practice", "final_work"} (OrganisationSettings).
    hours_split = models.JSONField(_("lecture/practice split printed"), default=dict, blank=True)
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    signatory_name = models.CharField(_("signatory's name"), max_length=255, blank=True)
    signatory_position_kk = models.CharField(_("signatory's position (Kazakh)"), max_length=255)
    signatory_position_ru = models.CharField(_("signatory's position (Russian)"), max_length=255)
    signatory_acting = models.BooleanField(_("signatory is acting"), default=False)
    organisation_name_kk = models.CharField(_("organisation (Kazakh)"), max_length=255)
    organisation_name_ru = models.CharField(_("organisation (Russian)"), max_length=255)
    city_kk = models.CharField(_("city (Kazakh)"), max_length=100, blank=True)
    city_ru = models.CharField(_("city (Russian)"), max_length=100, blank=True)
    verification_url = models.URLField(_("verification URL"), max_length=300)

    pdf = models.FileField(
        _("PDF"), storage=private_storage, upload_to="certificates/", blank=True, max_length=200
    )
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64, blank=True)

    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.VALID, db_index=True
    )
    # An expired certificate whose holder is being certified again: it no longer counts as the
    # person's valid certificate of the programme (the constraint below), while verification still
    # shows it as expired (public_status reads the date, not this flag).
    lapsed = models.BooleanField(_("lapsed"), default=False)
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    revocation_code = models.CharField(
        _("public reason for revocation"),
        max_length=24,
        choices=RevocationReason.choices,
        blank=True,
    )
    # Never published: not on the verification page, its JSON, or any export outside the staff
    # register detail.
    revocation_note = models.TextField(_("internal note on the revocation"), blank=True)
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("superseded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supersedes",
    )
    needs_review = models.BooleanField(_("needs review"), default=False)
    review_note = models.TextField(_("review note"), blank=True)

    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_on", "-serial"]
        indexes = [
            # The register's ordering: a page of it reads the index instead of sorting the table.
            models.Index(fields=["-issued_on", "-serial"], name="certificate_register_order"),
            # The Open Badges status list reads the few that are no longer valid on each build.
            models.Index(
                fields=["id"], condition=~models.Q(status="valid"), name="certificate_not_valid"
            ),
        ]
        constraints = [
            # The guarantee behind idempotent issuing: whatever races, one enrolment has at most
            # one current (valid or revoked) document of each kind; re-issue first marks the old
            # one superseded. A partial unique index, so the database enforces it.
            models.UniqueConstraint(
                fields=["enrolment", "kind"],
                condition=~models.Q(status="superseded"),
                name="one_current_document_per_enrolment",
            ),
            # A person holds at most one valid certificate of a programme (any of its versions),
            # whichever enrolment or cohort earned it: a second one is refused by the service with
            # a message, and by the database if anything gets past it. An expired one lapses when
            # the person is certified again (re-certification after the validity period).
            models.UniqueConstraint(
                fields=["holder", "programme_key"],
                condition=models.Q(status="valid", kind="certificate", lapsed=False),
                name="one_valid_certificate_per_person_and_programme",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.serial} — {self.holder_name_kk}"

    @property
    def is_statement(self) -> bool:
        return self.kind == self.Kind.STATEMENT

    def public_status(self, today: datetime.date | None = None) -> str:
        """The one status verification shows: valid, expired, revoked or superseded."""
        if self.status != self.Status.VALID:
            return self.status
        today = today or timezone.localdate()
        if self.valid_until is not None and today > self.valid_until:
            return "expired"
        return "valid"

    def revocation_reason_for(self, language: str) -> str | None:
        """The public reason in this language, or None if the document is not revoked."""
        if not self.revocation_code:
            return None
        from django.utils import translation

        with translation.override(language):
            return str(RevocationReason(self.revocation_code).label)

    def holder_name_for(self, language: str) -> str:
        return self.holder_name_ru if language == "ru" else self.holder_name_kk

    @property
    def holder_name(self) -> str:
        """The holder's name in the reader's language (lists and pages of the interface)."""
        from django.utils import translation

        return self.holder_name_for(translation.get_language() or "kk")

    def course_title_for(self, language: str) -> str:
        return self.course_title_ru if language == "ru" else self.course_title_kk


class AuditEntry(models.Model):
    """Who did what to a certificate: issue, revoke, re-issue, review flags."""

    class Action(models.TextChoices):
        ISSUED = "issued", _("Issued")
        REVOKED = "revoked", _("Revoked")
        REISSUED = "reissued", _("Re-issued")
        SUPERSEDED = "superseded", _("Superseded")
        FLAGGED = "flagged", _("Flagged for review")
        LAPSED = "lapsed", _("Lapsed: expired, the holder certified again")

    certificate = models.ForeignKey(
        Certificate, on_delete=models.CASCADE, related_name="audit_entries"
    )
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"


class VerificationLookup(models.Model):
    """One public look-up: when and what it found. No IP address is kept (the rate limit uses a
    hashed address in the cache, which expires with its window)."""

    certificate = models.ForeignKey(
        Certificate,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="lookups",
    )
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    result = models.CharField(_("result"), max_length=12)

    class Meta:
        verbose_name = _("verification look-up")
        verbose_name_plural = _("verification look-ups")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.result}"


class ExpiryReminder(models.Model):
    """An expiry reminder already sent, so the daily task never emails the same one twice."""

    certificate = models.ForeignKey(
        Certificate, on_delete=models.CASCADE, related_name="expiry_reminders"
    )
    days_before = models.PositiveSmallIntegerField(_("days before expiry"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("expiry reminder")
        verbose_name_plural = _("expiry reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "days_before"], name="one_reminder_per_threshold"
            )
        ]

    def __str__(self) -> str:
        return f"{self.certificate_id}: {self.days_before}"


def _mm(label, default):
    return models.DecimalField(label, max_digits=5, decimal_places=1, default=default)


@register_setting(icon="doc-full")
class BlankPrintLayout(BaseSiteSetting):
    """Where the variable fields go on the pre-printed security blank (decree No 1162), in
    millimetres from the top-left corner of the sheet. The registrar prints a calibration page,
    measures, and adjusts these numbers (or the printer offsets) until the text lands in the
    blank's boxes."""

    FIELDS = ("holder", "course", "hours", "issued_on", "valid_until", "serial", "signatory")

    page_width_mm = _mm(_("sheet width, mm"), 297)
    page_height_mm = _mm(_("sheet height, mm"), 210)
    font_size_pt = models.PositiveSmallIntegerField(_("font size, pt"), default=14)
    offset_x_mm = _mm(_("printer offset right, mm"), 0)
    offset_y_mm = _mm(_("printer offset down, mm"), 0)
    holder_x_mm = _mm(_("holder's name: from the left, mm"), 60)
    holder_y_mm = _mm(_("holder's name: from the top, mm"), 80)
    course_x_mm = _mm(_("course title: from the left, mm"), 60)
    course_y_mm = _mm(_("course title: from the top, mm"), 105)
    # The title is long (about 100 characters): it wraps inside this width instead of running
    # off the sheet.
    course_width_mm = _mm(_("course title: width of its box, mm"), 170)
    hours_x_mm = _mm(_("hours: from the left, mm"), 60)
    hours_y_mm = _mm(_("hours: from the top, mm"), 125)
    issued_on_x_mm = _mm(_("issue date: from the left, mm"), 60)
    issued_on_y_mm = _mm(_("issue date: from the top, mm"), 140)
    valid_until_x_mm = _mm(_("valid until: from the left, mm"), 120)
    valid_until_y_mm = _mm(_("valid until: from the top, mm"), 140)
    serial_x_mm = _mm(_("number: from the left, mm"), 200)
    serial_y_mm = _mm(_("number: from the top, mm"), 140)
    signatory_x_mm = _mm(_("signatory: from the left, mm"), 180)
    signatory_y_mm = _mm(_("signatory: from the top, mm"), 170)

    class Meta:
        verbose_name = _("print layout for security blanks")

    def widths(self) -> dict[str, object]:
        """{field: width mm} for the fields that wrap inside a box."""
        return {"course": self.course_width_mm}

    def positions(self) -> dict[str, tuple]:
        """{field: (left mm, top mm)} with the printer offsets applied."""
        return {
            name: (
                getattr(self, f"{name}_x_mm") + self.offset_x_mm,
                getattr(self, f"{name}_y_mm") + self.offset_y_mm,
            )
            for name in self.FIELDS
        }


class PendingPass(models.Model):
    """Why a finalised pass has no certificate yet, as the certificate sweep last found it: the
    reasons in each language of the site. The registrar's worklist reads these rows in one query
    instead of running the completion check for every pending pass each time the admin home
    loads (issue 22). The list of pending passes itself is still checked live."""

    enrolment = models.OneToOneField(
        "course.Enrolment",
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="pending_pass",
    )
    # {"kk": [reason, ...], "ru": [...], "en": [...]}
    reasons = models.JSONField(_("reasons"), default=dict)
    checked_at = models.DateTimeField(_("checked at"), auto_now=True)

    class Meta:
        verbose_name = _("pending pass")
        verbose_name_plural = _("pending passes")

    def __str__(self) -> str:
        return f"{self.enrolment_id}"
