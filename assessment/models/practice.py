"""Practice work (case studies): assignments, a trainee's submission and its versions and files."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from .common import _in_language, private_storage


def _submission_upload_to(instance, filename: str) -> str:
    import uuid

    version = instance.version
    # A random part keeps two uploads of the same name apart and makes names unguessable.
    return (
        f"submissions/{version.submission_id}/v{version.number}/{uuid.uuid4().hex[:12]}-{filename}"
    )


class Assignment(ClusterableModel):
    """The task of one practice topic: brief, materials, due date and what to hand in."""

    topic = models.ForeignKey(
        "course.TopicPage",
        verbose_name=_("practice topic"),
        on_delete=models.PROTECT,
        related_name="assignments",
        limit_choices_to={"kind": "practice", "locale__language_code": "kk"},
    )
    brief_kk = RichTextField(_("brief (Kazakh)"))
    brief_ru = RichTextField(_("brief (Russian)"), blank=True)
    brief_en = RichTextField(_("brief (English)"), blank=True)
    hand_in_kk = models.TextField(_("what to hand in (Kazakh)"), blank=True)
    hand_in_ru = models.TextField(_("what to hand in (Russian)"), blank=True)
    hand_in_en = models.TextField(_("what to hand in (English)"), blank=True)
    due_at = models.DateTimeField(_("due"), null=True, blank=True)

    panels = [
        FieldPanel("topic"),
        FieldPanel("due_at"),
        MultiFieldPanel(
            [FieldPanel("brief_kk"), FieldPanel("brief_ru"), FieldPanel("brief_en")],
            heading=_("Brief"),
        ),
        MultiFieldPanel(
            [FieldPanel("hand_in_kk"), FieldPanel("hand_in_ru"), FieldPanel("hand_in_en")],
            heading=_("What to hand in"),
        ),
        InlinePanel("materials", heading=_("Materials and templates"), label=_("Material")),
    ]

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["topic__path"]

    def __str__(self) -> str:
        return f"{self.topic.number} {self.topic.title}"

    @property
    def title(self) -> str:
        """The practice topic's title in the reader's language: the title of the topic's page in
        that language's tree (titles are page fields, one page per language). Lists look the
        pages up for all their assignments in one query (selectors.assignments_localize); alone,
        an assignment looks its page up when first asked."""
        from django.utils import translation

        language = translation.get_language() or "kk"
        titles = self.__dict__.setdefault("_titles", {})
        if language not in titles:
            from course.selectors import translated_topics

            titles[language] = translated_topics([self.topic], language)[self.topic_id].title
        return titles[language]

    @property
    def brief(self) -> str:
        return _in_language(self, "brief")

    @property
    def hand_in(self) -> str:
        return _in_language(self, "hand_in")


class AssignmentMaterial(Orderable):
    """A template or material to download (a public Wagtail document: nothing about children)."""

    assignment = ParentalKey(Assignment, on_delete=models.CASCADE, related_name="materials")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]


class Submission(models.Model):
    """One trainee's work on one assignment, across its versions. `lock_version` grows with every
    state change so that a second reviewer working from a stale page is refused, not silently
    overwriting the first (optimistic locking)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted, waiting for review")
        RETURNED = "returned", _("Returned for revision")
        ACCEPTED = "accepted", _("Accepted")

    assignment = models.ForeignKey(
        Assignment,
        verbose_name=_("assignment"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    enrolment = models.ForeignKey(
        "course.Enrolment",
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    lock_version = models.PositiveIntegerField(_("record version"), default=0)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "enrolment"], name="one_submission_per_assignment"
            )
        ]
        # The grading queue pages waiting work newest first.
        indexes = [models.Index(fields=["submitted_at"], name="submission_submitted_at_idx")]

    def __str__(self) -> str:
        return f"{self.assignment} — {self.enrolment}"

    @property
    def is_late(self) -> bool:
        due = self.assignment.due_at
        return bool(due and self.submitted_at and self.submitted_at > due)


class SubmissionVersion(models.Model):
    """One version of the work. A draft is edited (and autosaved); once submitted it never changes;
    returning it for revision opens the next version."""

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned for revision")

    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    text = models.TextField(_("text"), blank=True)
    anonymised_confirmed = models.BooleanField(_("child anonymised (confirmed)"), default=False)
    saved_at = models.DateTimeField(_("last saved"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    feedback = models.TextField(_("feedback"), blank=True)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("submission version")
        verbose_name_plural = _("submission versions")
        ordering = ["submission", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "number"], name="one_version_number_per_submission"
            )
        ]

    def __str__(self) -> str:
        return f"{self.submission_id} v{self.number}"

    @property
    def is_draft(self) -> bool:
        return self.submitted_at is None


class SubmissionFile(models.Model):
    version = models.ForeignKey(
        SubmissionVersion, verbose_name=_("version"), on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=_submission_upload_to, max_length=300
    )
    name = models.CharField(_("file name"), max_length=120)
    size = models.PositiveIntegerField(_("size"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    # Set when the retention schedule deleted the file (cms.retention); the row stays as a record.
    file_deleted_at = models.DateTimeField(_("file deleted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("submitted file")
        verbose_name_plural = _("submitted files")
        ordering = ["version", "pk"]

    def __str__(self) -> str:
        return self.name
