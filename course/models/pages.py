"""The programme as Wagtail pages: ProgrammePage > ModulePage > TopicPage.

The topic rows are the only source of hours: module and programme totals, and the lecture/practice
split, are derived from the live topics beneath them and never stored."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.search import fold
from cms.translation_status import TranslationStatusPanel

from .. import versioning
from ..admin_forms import TopicPageForm
from ..blocks import TopicBodyBlock
from ..hours import Hours, declared_hours_warnings, hours_by_module, hours_of_pages
from ..panels import HoursCheckPanel
from .reference import GlossaryPage, LiteraturePage


class TopicKind(models.TextChoices):
    LECTURE = "lecture", _("Lecture")
    PRACTICE = "practice", _("Practice")


class UntranslatedMixin:
    """The admin's tree sync (wagtail.contrib.simple_translation) adds a new page to the other
    languages' trees as an alias: the source page's own (Kazakh) text. Such a page is shown marked
    as not yet translated, in its own language's `lang`, never as if it were this language's."""

    @cached_property
    def untranslated_language(self) -> str | None:
        if self.alias_of_id is None:
            return None
        source = (
            Page.objects.filter(pk=self.alias_of_id)
            .values_list("locale__language_code", flat=True)
            .first()
        )
        if source is None or source == self.locale.language_code:
            return None
        return source


class ProgrammePage(UntranslatedMixin, Page):
    # Versions (course/versioning.py): a cohort studies one version; a structural change to a
    # version cohorts use is made on a copy, the next version. Both fields are set by the copy,
    # never typed: the same programme_key in every version and translation of the programme.
    version = models.PositiveSmallIntegerField(_("version"), default=1, editable=False)
    programme_key = models.UUIDField(
        _("programme key"), default=uuid.uuid4, editable=False, db_index=True
    )
    introduction = RichTextField(_("introduction"), blank=True)
    aim_and_tasks = RichTextField(_("aim and tasks"), blank=True)
    outcomes = RichTextField(_("expected outcomes"), blank=True)
    provider = models.CharField(_("provider"), max_length=255, blank=True)
    # The split as declared in the approved document. Shown to editors beside the derived figures;
    # never used as a figure on public pages.
    declared_lecture_hours = models.PositiveSmallIntegerField(
        _("declared lecture hours"), null=True, blank=True
    )
    declared_practice_hours = models.PositiveSmallIntegerField(
        _("declared practice hours"), null=True, blank=True
    )
    declared_final_work_hours = models.PositiveSmallIntegerField(
        _("declared final-work hours"), null=True, blank=True
    )

    content_panels = [
        TranslationStatusPanel(),
        *Page.content_panels,
        FieldPanel("provider"),
        FieldPanel("introduction"),
        FieldPanel("aim_and_tasks"),
        FieldPanel("outcomes"),
        MultiFieldPanel(
            [
                HoursCheckPanel(),
                FieldRowPanel(
                    [
                        FieldPanel("declared_lecture_hours"),
                        FieldPanel("declared_practice_hours"),
                        FieldPanel("declared_final_work_hours"),
                    ]
                ),
            ],
            heading=_("Hours"),
        ),
    ]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["course.ModulePage", "course.GlossaryPage", "course.LiteraturePage"]
    # The explorer keeps the order course.wagtail_hooks gives the children: by number.
    admin_default_ordering = "ord"

    class Meta:
        verbose_name = _("programme")

    def get_admin_display_title(self):
        # The admin's explorer and the cohort form tell the versions apart.
        return _("%(title)s (version %(version)s)") % {
            "title": super().get_admin_display_title(),
            "version": self.version,
        }

    @property
    def in_use(self) -> bool:
        return versioning.programme_in_use(self)

    @property
    def declared_total(self) -> int | None:
        parts = [
            self.declared_lecture_hours,
            self.declared_practice_hours,
            self.declared_final_work_hours,
        ]
        if all(p is None for p in parts):
            return None
        return sum(p or 0 for p in parts)

    def derived_hours(self) -> Hours:
        return hours_of_pages(TopicPage.objects.live().descendant_of(self))

    def hours_warnings(self) -> list[str]:
        return declared_hours_warnings(self, self.derived_hours())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        modules = list(ModulePage.objects.child_of(self).live().specific().order_by("number"))
        per_module = hours_by_module(self, modules)
        context["modules"] = [(m, per_module[m.pk]) for m in modules]
        context["hours"] = sum(per_module.values(), Hours())
        context["reference_pages"] = [
            *GlossaryPage.objects.child_of(self).live(),
            *LiteraturePage.objects.child_of(self).live(),
        ]
        return context


class ModulePage(UntranslatedMixin, Page):
    number = models.PositiveSmallIntegerField(_("module number"), validators=[MinValueValidator(1)])
    description = RichTextField(_("description"), blank=True)
    outcomes = RichTextField(_("learning outcomes"), blank=True)

    content_panels = [
        TranslationStatusPanel(),
        *Page.content_panels,
        FieldPanel("number"),
        FieldPanel("description"),
        FieldPanel("outcomes"),
        InlinePanel("attachments", heading=_("Files for the library"), label=_("File")),
    ]
    parent_page_types = ["course.ProgrammePage"]
    subpage_types = ["course.TopicPage"]
    admin_default_ordering = "ord"

    class Meta:
        verbose_name = _("module")
        ordering = ["number"]

    def clean(self):
        super().clean()
        errors = versioning.structural_errors(self)
        if errors:
            raise ValidationError(errors)

    def derived_hours(self) -> Hours:
        return hours_of_pages(TopicPage.objects.live().child_of(self))

    def get_admin_display_title(self) -> str:
        # The explorer, choosers and breadcrumbs show the number and the hours.
        return _("Module %(number)s. %(title)s · %(hours)s h") % {
            "number": self.number,
            "title": self.draft_title or self.title,
            "hours": self.derived_hours().total if self.pk else 0,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = list(TopicPage.objects.child_of(self).live().specific())
        topics.sort(key=lambda t: t.sort_key)
        context["topics"] = topics
        context["hours"] = hours_of_pages(topics)
        context["programme"] = self.get_parent().specific
        return context


class TopicPage(UntranslatedMixin, Page):
    number = models.CharField(
        _("topic number"),
        max_length=8,
        validators=[RegexValidator(r"^\d+\.\d+$", _("Use the form 1.1, 2.3 …"))],
        help_text=_("As in the approved programme, e.g. 2.3"),
    )
    # The approved title, whole (topic 1.2's is 275 characters); the page title above (Wagtail's,
    # at most 255) is the short one for menus.
    official_title = models.TextField(
        _("official title"),
        blank=True,
        help_text=_(
            "The topic's title exactly as in the approved programme. The page title above is "
            "the short one used in menus."
        ),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=TopicKind.choices)
    hours = models.PositiveSmallIntegerField(
        _("hours"),
        validators=[MinValueValidator(1, _("A topic must last at least one hour."))],
        help_text=_("Academic hours. Module and programme totals are computed from these."),
    )
    introduction = RichTextField(_("introduction"), blank=True)
    body = StreamField(TopicBodyBlock(), verbose_name=_("body"), blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("search_text"),
        index.AutocompleteField("search_text"),
    ]

    content_panels = [
        TranslationStatusPanel(),
        *Page.content_panels,
        FieldPanel("official_title"),
        FieldRowPanel([FieldPanel("number"), FieldPanel("kind"), FieldPanel("hours")]),
        FieldPanel("introduction"),
        FieldPanel("body"),
        InlinePanel("attachments", heading=_("Files for the library"), label=_("File")),
    ]
    parent_page_types = ["course.ModulePage"]
    subpage_types: list[str] = []
    base_form_class = TopicPageForm

    class Meta:
        verbose_name = _("topic")

    @property
    def full_title(self) -> str:
        return self.official_title or self.title

    def get_admin_display_title(self) -> str:
        return _("%(number)s %(title)s · %(hours)s h") % {
            "number": self.number,
            "title": self.draft_title or self.title,
            "hours": self.hours,
        }

    @property
    def sort_key(self) -> tuple[int, ...]:
        return tuple(int(part) for part in self.number.split(".") if part.isdigit())

    def plain_text(self) -> str:
        """The topic's words as a reader sees them: titles, introduction and body, no markup."""
        from django.utils.html import strip_tags

        parts = [self.number, self.full_title, strip_tags(self.introduction)]
        for block in self.body:
            parts.append(strip_tags(str(block.render())))
        return " ".join(" ".join(parts).split())

    def search_text(self) -> str:
        # Folded (cms.search.fold) so that a query typed without Kazakh letters finds the topic.
        return fold(self.plain_text())

    def clean(self):
        super().clean()
        if self.hours is not None and self.hours <= 0:
            raise ValidationError(
                {
                    "hours": _("A topic must last at least one hour; %(hours)s is not allowed.")
                    % {"hours": self.hours}
                }
            )
        errors = versioning.structural_errors(self)
        if errors:
            raise ValidationError(errors)
        # A new page has no place in the tree until it is added; the admin's form checks it
        # against the parent it is being added to (course/admin_forms.py).
        if self.path and self.depth:
            self.clean_number_under(self.get_parent())

    def clean_number_under(self, parent: Page) -> None:
        if versioning.topic_number_clash(number=self.number, parent=parent, exclude_pk=self.pk):
            raise ValidationError(
                {"number": versioning.topic_number_clash_message(number=self.number)}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        module = self.get_parent().specific
        siblings = list(TopicPage.objects.child_of(module).live().only("id", "number", "title"))
        programme_topics = list(
            TopicPage.objects.live()
            .descendant_of(module.get_parent())
            .only("id", "number", "title", "url_path", "path")
        )
        programme_topics.sort(key=lambda t: t.sort_key)
        index = next((i for i, t in enumerate(programme_topics) if t.pk == self.pk), None)
        from ..glossary import terms_in_topic

        context["module"] = module
        context["glossary_terms"] = terms_in_topic(self)
        context["siblings"] = sorted(siblings, key=lambda t: t.sort_key)
        if index is not None:
            context["previous_topic"] = programme_topics[index - 1] if index > 0 else None
            context["next_topic"] = (
                programme_topics[index + 1] if index + 1 < len(programme_topics) else None
            )
        return context
