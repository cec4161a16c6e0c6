"""Files attached to a module or a topic page."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .pages import ModulePage, TopicPage


class AttachmentKind(models.TextChoices):
    SLIDES = "slides", _("Lecture slides")
    VIDEO = "video", _("Video")
    HANDOUT = "handout", _("Handout")
    OTHER = "other", _("Other material")


class PageAttachment(Orderable):
    """A file an editor adds to a module or a topic; the materials library lists it by module and
    kind. A video is a document (an MP4/WebM file on our own server: some schools' networks reach
    no video site) with optional WebVTT captions and a transcript."""

    kind = models.CharField(_("kind"), max_length=10, choices=AttachmentKind.choices)
    title = models.CharField(_("title"), max_length=255)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.CASCADE, related_name="+"
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("captions (WebVTT)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For a video: a .vtt captions file in the page's language."),
    )
    transcript = models.TextField(
        _("transcript"),
        blank=True,
        help_text=_("For a video: the text of what is said, for people who cannot hear it."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("title")]),
        FieldPanel("document"),
        FieldPanel("captions"),
        FieldPanel("transcript"),
    ]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self) -> str:
        return self.title


class ModuleAttachment(PageAttachment):
    page = ParentalKey(ModulePage, on_delete=models.CASCADE, related_name="attachments")

    class Meta(PageAttachment.Meta):
        verbose_name = _("module file")
        verbose_name_plural = _("module files")


class TopicAttachment(PageAttachment):
    page = ParentalKey(TopicPage, on_delete=models.CASCADE, related_name="attachments")

    class Meta(PageAttachment.Meta):
        verbose_name = _("topic file")
        verbose_name_plural = _("topic files")
