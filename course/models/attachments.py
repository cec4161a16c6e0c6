"""Files attached to a module or a topic page."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable
from wagtail.search import index

from cms.search import fold

from .pages import ModulePage, TopicPage


class AttachmentKind(models.TextChoices):
    SLIDES = "slides", _("Lecture slides")
    VIDEO = "video", _("Video")
    HANDOUT = "handout", _("Handout")
    OTHER = "other", _("Other material")


class AttachmentLanguage(models.TextChoices):
    ALL = "all", _("All languages")
    KAZAKH = "kk", "Қазақша"
    RUSSIAN = "ru", "Русский"
    ENGLISH = "en", "English"


class PageAttachment(index.Indexed, Orderable):
    """A file an editor adds to a module or a topic; the materials library lists it by module and
    kind. A video is a document (an MP4/WebM file on our own server: some schools' networks reach
    no video site) with optional WebVTT captions and a transcript.

    A file is in one language, or good for all (a template with both languages): the library and
    search in a language show that language's files and the ones for all, whichever language's
    page the editor attached them to. Left blank, it is the page's language.

    Indexed (folded like the pages) so site search finds a file with one query on the index."""

    kind = models.CharField(_("kind"), max_length=10, choices=AttachmentKind.choices)
    language = models.CharField(
        _("language of the file"),
        max_length=3,
        choices=AttachmentLanguage.choices,
        blank=True,
        help_text=_("Blank: the language of the page. “All languages”: a file for every reader."),
    )
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
        FieldRowPanel([FieldPanel("kind"), FieldPanel("language"), FieldPanel("title")]),
        FieldPanel("document"),
        FieldPanel("captions"),
        FieldPanel("transcript"),
    ]
    search_fields = [
        index.SearchField("search_text"),
        index.AutocompleteField("search_text"),
        index.FilterField("language"),
        index.FilterField("page"),
    ]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.language and self.page_id:
            self.language = self.page.locale.language_code
        super().save(*args, **kwargs)

    def search_text(self) -> str:
        return fold(f"{self.title} {self.transcript}")


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
