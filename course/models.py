"""The programme as Wagtail pages: ProgrammePage > ModulePage > TopicPage.

The topic rows are the only source of hours: module and programme totals, and the lecture/practice
split, are derived from the live topics beneath them and never stored."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.search import fold
from cms.translation_status import TranslationStatusPanel

from . import versioning
from .admin_forms import TopicPageForm
from .blocks import TopicBodyBlock
from .hours import Hours, declared_hours_warnings, hours_by_module, hours_of_pages
from .panels import HoursCheckPanel


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
        from .glossary import terms_in_topic

        context["module"] = module
        context["glossary_terms"] = terms_in_topic(self)
        context["siblings"] = sorted(siblings, key=lambda t: t.sort_key)
        if index is not None:
            context["previous_topic"] = programme_topics[index - 1] if index > 0 else None
            context["next_topic"] = (
                programme_topics[index + 1] if index + 1 < len(programme_topics) else None
            )
        return context


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


class CourseAgreement(models.Model):
    """The course agreement a trainee accepts on joining. The newest version is the one shown;
    each enrolment keeps the version it accepted."""

    version = models.CharField(_("version"), max_length=20, unique=True)
    text_kk = RichTextField(_("text (Kazakh)"))
    text_ru = RichTextField(_("text (Russian)"))
    text_en = RichTextField(_("text (English)"), blank=True)
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)

    panels = [
        FieldPanel("version"),
        FieldPanel("text_kk"),
        FieldPanel("text_ru"),
        FieldPanel("text_en"),
    ]

    class Meta:
        verbose_name = _("course agreement")
        verbose_name_plural = _("course agreements")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return str(_("Course agreement, version %(version)s") % {"version": self.version})

    def text_for(self, language: str) -> str:
        return (
            {"kk": self.text_kk, "ru": self.text_ru}.get(language) or self.text_en or self.text_ru
        )

    def clean(self):
        # What a trainee accepted is fixed: a version someone accepted is never rewritten (the
        # enrolment names the version); a change is published as a new version.
        super().clean()
        if self.pk is None:
            return
        before = CourseAgreement.objects.filter(pk=self.pk).first()
        if (
            before is None
            or not Enrolment.objects.filter(agreement_version=before.version).exists()
        ):
            return
        fields = ("version", "text_kk", "text_ru", "text_en")
        if any(getattr(before, name) != getattr(self, name) for name in fields):
            raise ValidationError(
                _(
                    "Trainees have accepted version %(version)s, so it cannot be changed. Copy it "
                    "and save the copy with a new version number instead."
                )
                % {"version": before.version}
            )


class Enrolment(models.Model):
    """One trainee in one cohort."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Studying")
        COMPLETED = "completed", _("Completed (passed)")
        NOT_PASSED = "not_passed", _("Not passed")
        TRANSFERRED = "transferred", _("Transferred")
        EXPELLED = "expelled", _("Expelled")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="enrolments"
    )
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    agreement_accepted_at = models.DateTimeField(_("agreement accepted at"), null=True, blank=True)
    agreement_version = models.CharField(_("agreement version"), max_length=20, blank=True)
    transferred_to = models.ForeignKey(
        "self",
        verbose_name=_("transferred to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="transferred_from",
    )

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["cohort", "trainee"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "trainee"], name="one_enrolment_per_cohort"),
            # One person studies the course once at a time: a second active enrolment would lead
            # to a second certificate for the same course. (The LMS runs one programme; its
            # versions are the same course, so the rule is per person.)
            models.UniqueConstraint(
                fields=["trainee"],
                condition=models.Q(status="active"),
                name="one_active_enrolment_per_person",
                violation_error_message=_("This person is already studying in another cohort."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.trainee} @ {self.cohort.code}"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


def _private_storage():
    from django.core.files.storage import storages

    return storages["private"]


class EnrolmentEvent(models.Model):
    """One change of an enrolment's status: the history the registrar and auditors read."""

    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="events"
    )
    from_status = models.CharField(
        _("from"), max_length=20, choices=Enrolment.Status.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=Enrolment.Status.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)
    # Expulsion: the order and the commission's decision.
    order_number = models.CharField(_("order number"), max_length=60, blank=True)
    decision_date = models.DateField(_("commission decision date"), null=True, blank=True)
    # Expulsion: whether and when the employer's contact was e-mailed (null: not sent — the
    # profile had no employer address, so the registrar prints the letter instead).
    notice_sent_at = models.DateTimeField(_("employer notified at"), null=True, blank=True)
    notice_sent_to = models.EmailField(_("employer notified at address"), blank=True)
    # Transfer: the supporting document may name a child or a diagnosis, so it is private.
    document = models.FileField(
        _("supporting document"),
        storage=_private_storage,
        upload_to="transfers/%Y/",
        blank=True,
    )
    to_cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("to cohort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("enrolment event")
        verbose_name_plural = _("enrolment events")
        ordering = ["at", "pk"]
        # The status history's admin list sorts by date, newest first, over every year kept.
        indexes = [models.Index(fields=["at", "id"], name="enrolment_event_at")]

    def __str__(self) -> str:
        return f"{self.enrolment_id}: {self.from_status or '—'} → {self.to_status}"


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
