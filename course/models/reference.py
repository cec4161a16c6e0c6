"""The programme's reference pages: the glossary and the literature list."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.search import fold


class GlossaryPage(Page):
    """The programme's glossary (section 2 of the approved programme); its terms are its pages."""

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["course.ProgrammePage"]
    subpage_types = ["course.GlossaryTermPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("glossary")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["terms"] = GlossaryTermPage.objects.child_of(self).live().order_by("path")
        context["programme"] = self.get_parent().specific
        return context


class GlossaryTermPage(Page):
    """One term of the approved glossary: its definition and the legal act that defines it."""

    definition = models.TextField(_("definition"))
    note = models.TextField(
        _("note"), blank=True, help_text=_("A further rule the programme quotes with the term.")
    )
    source = models.TextField(_("legal source"), blank=True)
    source_url = models.URLField(_("link to the legal act"), max_length=500, blank=True)
    is_translation = models.BooleanField(
        _("translated text"),
        default=False,
        help_text=_("The approved text is the Kazakh one; this page shows a translation."),
    )
    match_words = models.TextField(
        _("words that mark the term in a topic"),
        blank=True,
        help_text=_(
            "One per line, lower case. A topic whose text contains one of them links to this term."
        ),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("search_text"),
        index.AutocompleteField("search_text"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("definition"),
        FieldPanel("note"),
        FieldPanel("source"),
        FieldPanel("source_url"),
        FieldPanel("is_translation"),
        FieldPanel("match_words"),
    ]
    parent_page_types = ["course.GlossaryPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("glossary term")

    def plain_text(self) -> str:
        return " ".join([self.title, self.definition, self.note, self.source])

    def search_text(self) -> str:
        return fold(self.plain_text())

    def match_keys(self) -> list[str]:
        return [fold(line.strip()) for line in self.match_words.splitlines() if line.strip()]


class LiteraturePage(Page):
    """The approved list of basic and additional literature (section 9), numbered as approved."""

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["course.ProgrammePage"]
    subpage_types = ["course.LiteratureEntryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("literature list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entries"] = LiteratureEntryPage.objects.child_of(self).live().order_by("number")
        context["programme"] = self.get_parent().specific
        return context


class LiteratureEntryPage(Page):
    """One source of the literature list, as the approved programme records it."""

    number = models.PositiveSmallIntegerField(_("number in the approved list"))
    text = models.TextField(_("bibliographic record"))
    link = models.URLField(_("link"), max_length=500, blank=True)
    is_law = models.BooleanField(_("a legal act"), default=False)

    search_fields = [
        *Page.search_fields,
        index.SearchField("search_text"),
        index.AutocompleteField("search_text"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("is_law")]),
        FieldPanel("text"),
        FieldPanel("link"),
    ]
    parent_page_types = ["course.LiteraturePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("literature entry")
        ordering = ["number"]

    def search_text(self) -> str:
        return fold(self.text)
