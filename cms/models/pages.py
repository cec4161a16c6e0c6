"""The site's home page."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, get_page_models

from ..translation_status import TranslationStatusPanel


class HomePage(Page):
    """The front page of one locale's tree; the programme lives beneath it."""

    lead = models.CharField(_("lead"), max_length=300, blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = [
        TranslationStatusPanel(),
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    @classmethod
    def clean_subpage_models(cls):
        # cms sits below every app, so it names none of their page types: a home page takes the
        # page types that name it as their parent (course.ProgrammePage does), never one that
        # merely allows any parent (wagtailcore.Page itself, a future app's page).
        if cls._clean_subpage_models is None:
            cls._clean_subpage_models = [
                model
                for model in get_page_models()
                if getattr(model, "parent_page_types", None)
                and cls in model.clean_parent_page_models()
            ]
        return cls._clean_subpage_models

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Its children are the programme pages (the only page type it takes).
        context["programmes"] = self.get_children().live().specific()
        return context
