"""The site shell: the custom user, the home page and the settings a registrar edits."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, get_page_models

from .names import validate_person_name
from .translation_status import TranslationStatusPanel


class UserManager(DjangoUserManager):
    """Users are identified by their email address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    # The account's name is printed on a certificate when there is no profile: letters only.
    first_name = models.CharField(
        _("first name"), max_length=150, blank=True, validators=[validate_person_name]
    )
    last_name = models.CharField(
        _("last name"), max_length=150, blank=True, validators=[validate_person_name]
    )
    email = models.EmailField(_("email address"), unique=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=[("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")],
        default="kk",
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        indexes = [
            # `email__iexact` (the cohort import, sign-in) compares UPPER(email) on PostgreSQL,
            # which the unique index on email cannot answer: a scan of every account per row.
            models.Index(Upper("email"), name="user_email_upper"),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email


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


class AnnexHoursSplit(models.TextChoices):
    """What the certificate's annex prints beside each module's hours. The approved programme
    contradicts itself (its topic table gives 28 h lectures + 52 h practice, its section 7 says
    32 + 40 + 8), so the annex prints no split unless the registrar chooses one knowingly."""

    NONE = "none", _("No split: module hours and the total only")
    TOPICS = "topics", _("Lectures and practice as the topic table gives them (28 + 52)")
    DECLARED = "declared", _("The split the programme declares (32 + 40 + 8 final work)")


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """Who issues the certificates and who signs them. Copied into each certificate at issue.

    No defaults: the approved programme names the provider in Kazakh only, and any Russian or
    English name, the signatory and the city must come from the organisation itself. Issuing is
    refused while the names or the signatory are blank (certificates.services)."""

    name_kk = models.CharField(
        _("organisation name (Kazakh)"),
        max_length=255,
        blank=True,
        help_text=_("As in the organisation's registration, e.g. ЖШС «Оқу және Даму Институты»."),
    )
    name_ru = models.CharField(
        _("organisation name (Russian)"),
        max_length=255,
        blank=True,
        help_text=_("The registered Russian name; printed on certificates."),
    )
    name_en = models.CharField(
        _("organisation name (English)"),
        max_length=255,
        blank=True,
        help_text=_("Shown on English pages only; never printed on documents."),
    )
    city_kk = models.CharField(_("city (Kazakh)"), max_length=100, blank=True)
    city_ru = models.CharField(_("city (Russian)"), max_length=100, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signatory_name = models.CharField(
        _("signatory's name"),
        max_length=255,
        blank=True,
        help_text=_("Initials and surname of the head who signs, e.g. А. Б. Сапарова."),
    )
    signatory_position_kk = models.CharField(
        _("signatory's position (Kazakh)"), max_length=255, blank=True
    )
    signatory_position_ru = models.CharField(
        _("signatory's position (Russian)"), max_length=255, blank=True
    )
    signatory_acting = models.BooleanField(
        _("signatory is acting for the head"),
        default=False,
        help_text=_("Prints 'acting' (м.а. / и.о.) before the position."),
    )
    annex_hours_split = models.CharField(
        _("lecture/practice split on the annex"),
        max_length=10,
        choices=AnnexHoursSplit.choices,
        default=AnnexHoursSplit.NONE,
        help_text=_(
            "The approved programme gives two different splits (its topic table: 28 h lectures + "
            "52 h practice; its section 7: 32 + 40 + 8). The annex always prints each module's "
            "hours and the total of 80; choose a split only if the organisation has decided "
            "which one is right."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name_kk"),
                FieldPanel("name_ru"),
                FieldPanel("name_en"),
                FieldPanel("city_kk"),
                FieldPanel("city_ru"),
                FieldPanel("logo"),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("signatory_name"),
                FieldPanel("signatory_position_kk"),
                FieldPanel("signatory_position_ru"),
                FieldPanel("signatory_acting"),
            ],
            heading=_("Signatory"),
        ),
        FieldPanel("annex_hours_split"),
        # The privacy notice is versioned apart (PrivacyNotice): a consent names the exact text.
    ]

    # What a certificate cannot be issued without.
    REQUIRED_FOR_ISSUE = (
        "name_kk",
        "name_ru",
        "signatory_name",
        "signatory_position_kk",
        "signatory_position_ru",
    )

    class Meta:
        verbose_name = _("organisation")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        from django.core.cache import cache

        from cms.selectors import ORGANISATION_NAME_CACHE_KEY

        languages = [code for code, _name in settings.LANGUAGES]
        cache.delete_many([ORGANISATION_NAME_CACHE_KEY.format(language=code) for code in languages])

    def name_for(self, language: str) -> str:
        """The name for a page in this language; the Kazakh (official) one when that is blank."""
        name = {"kk": self.name_kk, "ru": self.name_ru, "en": self.name_en}.get(language, "")
        return name or self.name_kk

    def missing_for_issue(self) -> list[str]:
        """The verbose names of the settings a certificate needs and that are still blank."""
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in self.REQUIRED_FOR_ISSUE
            if not (getattr(self, name) or "").strip()
        ]


class Region(models.TextChoices):
    """The 17 regions and 3 cities of republican significance of Kazakhstan (since 2022)."""

    ASTANA = "astana", _("Astana city")
    ALMATY_CITY = "almaty_city", _("Almaty city")
    SHYMKENT = "shymkent", _("Shymkent city")
    ABAI = "abai", _("Abai region")
    AKMOLA = "akmola", _("Akmola region")
    AKTOBE = "aktobe", _("Aktobe region")
    ALMATY = "almaty", _("Almaty region")
    ATYRAU = "atyrau", _("Atyrau region")
    EAST_KAZAKHSTAN = "east_kazakhstan", _("East Kazakhstan region")
    JAMBYL = "jambyl", _("Jambyl region")
    JETISU = "jetisu", _("Jetisu region")
    KARAGANDA = "karaganda", _("Karaganda region")
    KOSTANAY = "kostanay", _("Kostanay region")
    KYZYLORDA = "kyzylorda", _("Kyzylorda region")
    MANGYSTAU = "mangystau", _("Mangystau region")
    NORTH_KAZAKHSTAN = "north_kazakhstan", _("North Kazakhstan region")
    PAVLODAR = "pavlodar", _("Pavlodar region")
    TURKISTAN = "turkistan", _("Turkistan region")
    ULYTAU = "ulytau", _("Ulytau region")
    WEST_KAZAKHSTAN = "west_kazakhstan", _("West Kazakhstan region")


class OrganisationType(models.TextChoices):
    GENERAL_SCHOOL = "general_school", _("General education school")
    PRESCHOOL = "preschool", _("Preschool organisation")
    COLLEGE = "college", _("College")


class QualificationCategory(models.TextChoices):
    """The categories of the teachers' attestation rules (Kazakh names are the official ones)."""

    PEDAGOGUE = "pedagogue", _("pedagogue")
    MODERATOR = "moderator", _("pedagogue-moderator")
    EXPERT = "expert", _("pedagogue-expert")
    RESEARCHER = "researcher", _("pedagogue-researcher")
    MASTER = "master", _("pedagogue-master")


class Position(models.TextChoices):
    PEDAGOGUE_ASSISTANT = "pedagogue_assistant", _("Pedagogue-assistant")
    TEACHER_ASSISTANT = "teacher_assistant", _("Teacher's assistant")
    OTHER = "other", _("Other")


class TraineeProfile(models.Model):
    """What a trainee tells us before enrolment, above all the name a certificate must print.

    The name is kept in parts, per language (Kazakh and Russian spellings differ: "Нұрлан" /
    "Нурлан"), because the public certificate look-up asks for the surname alone and a certificate
    prints "Surname Given-name Patronymic". A certificate copies these at issue time; editing the
    profile later never changes an issued certificate."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="trainee_profile",
    )
    surname_kk = models.CharField(
        _("surname (Kazakh)"), max_length=100, blank=True, validators=[validate_person_name]
    )
    given_name_kk = models.CharField(
        _("given name (Kazakh)"), max_length=100, blank=True, validators=[validate_person_name]
    )
    patronymic_kk = models.CharField(
        _("patronymic (Kazakh)"), max_length=100, blank=True, validators=[validate_person_name]
    )
    surname_ru = models.CharField(
        _("surname (Russian)"), max_length=100, blank=True, validators=[validate_person_name]
    )
    given_name_ru = models.CharField(
        _("given name (Russian)"), max_length=100, blank=True, validators=[validate_person_name]
    )
    patronymic_ru = models.CharField(
        _("patronymic (Russian)"), max_length=100, blank=True, validators=[validate_person_name]
    )
    position = models.CharField(
        _("position"), max_length=30, choices=Position.choices, default=Position.PEDAGOGUE_ASSISTANT
    )
    school = models.CharField(_("school or organisation"), max_length=255, blank=True)
    region = models.CharField(_("region"), max_length=30, choices=Region.choices, blank=True)
    organisation_type = models.CharField(
        _("type of organisation"), max_length=20, choices=OrganisationType.choices, blank=True
    )
    qualification_category = models.CharField(
        _("qualification category"),
        max_length=20,
        choices=QualificationCategory.choices,
        blank=True,
    )
    years_of_experience = models.PositiveSmallIntegerField(
        _("years of teaching experience"), null=True, blank=True
    )
    employer_email = models.EmailField(
        _("employer's contact email"),
        blank=True,
        help_text=_(
            "The school's or head's address; used for official notices about your studies."
        ),
    )
    last_refresher_course_on = models.DateField(
        _("date of the last refresher course"), null=True, blank=True
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    # What must be filled before a trainee may enrol; patronymics and the last course are optional.
    REQUIRED_FIELDS = (
        "surname_kk",
        "given_name_kk",
        "surname_ru",
        "given_name_ru",
        "position",
        "school",
        "region",
        "organisation_type",
        "qualification_category",
        "years_of_experience",
        "employer_email",
    )

    class Meta:
        verbose_name = _("trainee profile")
        verbose_name_plural = _("trainee profiles")

    def __str__(self) -> str:
        return self.full_name_kk or self.full_name_ru or str(self.user)

    @staticmethod
    def _join(*parts: str) -> str:
        return " ".join(part.strip() for part in parts if part and part.strip())

    @property
    def full_name_kk(self) -> str:
        return self._join(self.surname_kk, self.given_name_kk, self.patronymic_kk)

    @property
    def full_name_ru(self) -> str:
        return self._join(self.surname_ru, self.given_name_ru, self.patronymic_ru)

    def full_name_for(self, language: str) -> str:
        """The name in the language asked for, falling back to the other spelling."""
        if language == "ru":
            return self.full_name_ru or self.full_name_kk
        return self.full_name_kk or self.full_name_ru

    @property
    def is_complete(self) -> bool:
        return all(getattr(self, name) not in (None, "") for name in self.REQUIRED_FIELDS)

    @property
    def missing_fields(self) -> list[str]:
        return [name for name in self.REQUIRED_FIELDS if getattr(self, name) in (None, "")]


class PrivacyNotice(models.Model):
    """One published version of the privacy notice, in Kazakh, Russian and English. Never edited:
    publishing a change makes the next version, so what a person consented to can be shown later
    word for word."""

    LANGUAGES = ("kk", "ru", "en")

    version = models.PositiveIntegerField(_("version"), unique=True, editable=False)
    text_kk = RichTextField(_("text (Kazakh)"), blank=True)
    text_ru = RichTextField(_("text (Russian)"), blank=True)
    text_en = RichTextField(_("text (English)"), blank=True)
    published_at = models.DateTimeField(_("published at"), default=timezone.now, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    panels = [FieldPanel("text_kk"), FieldPanel("text_ru"), FieldPanel("text_en")]

    class Meta:
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")
        ordering = ["-version"]

    def __str__(self) -> str:
        return str(_("Privacy notice, version %(version)s") % {"version": self.version})

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A published privacy notice is never edited; publish a new version.")
        if self.version is None:
            last = PrivacyNotice.objects.order_by("-version").values_list("version", flat=True)
            self.version = (last.first() or 0) + 1
        super().save(*args, **kwargs)

    @property
    def is_blank(self) -> bool:
        return not any(self.text(language).strip() for language in self.LANGUAGES)

    def text(self, language: str) -> str:
        return getattr(self, f"text_{language}", "") or ""

    def text_for(self, language: str) -> tuple[str, str]:
        """(text, language it is in): the reader's language, else Kazakh, Russian, English."""
        for candidate in (language, *self.LANGUAGES):
            if self.text(candidate).strip():
                return self.text(candidate), candidate
        return "", language


class PersonalDataConsent(models.Model):
    """A person's consent to the processing of their personal data, to one version of the notice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="personal_data_consents",
    )
    notice_version = models.CharField(_("privacy notice version"), max_length=20)
    # The exact text consented to (null only for consents given before notices were versioned).
    notice = models.ForeignKey(
        PrivacyNotice,
        verbose_name=_("privacy notice"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consents",
    )
    accepted_at = models.DateTimeField(_("accepted at"), default=timezone.now)

    class Meta:
        verbose_name = _("personal data consent")
        verbose_name_plural = _("personal data consents")
        ordering = ["-accepted_at"]

    def __str__(self) -> str:
        return f"{self.user} — v{self.notice_version} — {self.accepted_at:%Y-%m-%d %H:%M}"


class FailedTask(models.Model):
    """A background task that failed for good (its retries exhausted, or an error no retry can
    cure): kept so staff can see it in the admin, retry it once the cause is mended, or mark it
    resolved. Written by cms.celery on Celery's task_failure signal, in every environment."""

    task_name = models.CharField(_("task"), max_length=200, db_index=True)
    task_id = models.CharField(_("task id"), max_length=64, blank=True)
    # Our tasks take record ids, never personal data; kept so a retry can repeat the call.
    args = models.JSONField(_("arguments"), default=list, blank=True)
    kwargs = models.JSONField(_("keyword arguments"), default=dict, blank=True)
    exception = models.TextField(_("error"))
    traceback = models.TextField(_("traceback"), blank=True)
    failed_at = models.DateTimeField(_("failed at"), default=timezone.now, db_index=True)
    retried_at = models.DateTimeField(_("retried at"), null=True, blank=True)
    retried_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("retried by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    retry_task_id = models.CharField(_("task id of the retry"), max_length=64, blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("failed background task")
        verbose_name_plural = _("failed background tasks")
        ordering = ["-failed_at"]

    def __str__(self) -> str:
        return f"{self.task_name} — {timezone.localtime(self.failed_at):%Y-%m-%d %H:%M}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None and self.retried_at is None


class Heartbeat(models.Model):
    """The last sign of life of a background process, written by the process itself ("beat" when
    beat sends the heartbeat task, "worker" when a worker runs it) and read by the status page:
    the web process has no other way to see that the others are alive."""

    name = models.CharField(_("process"), max_length=40, unique=True)
    at = models.DateTimeField(_("last seen at"))
    detail = models.CharField(_("detail"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self) -> str:
        return f"{self.name} {self.at:%Y-%m-%d %H:%M:%S}"


class AccountDeletionRequest(models.Model):
    """A person with academic records asked to delete the account. A registrar reviews what will be
    kept and what removed, then approves: the login and contact data go, and the records stay
    under a pseudonym for the retention period (settings.ACADEMIC_RECORDS_RETENTION_YEARS)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved: account pseudonymised")

    # The account row itself stays (pseudonymised), so the request stays with it as evidence.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="deletion_requests",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("account deletion request")
        verbose_name_plural = _("account deletion requests")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status="pending"),
                name="one_pending_deletion_request_per_user",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_status_display()}"


class RetentionRun(models.Model):
    """One run of the file retention schedule: how many files about children it deleted, of each
    kind. Kept so staff can see that the schedule runs and what it removed (names stay out)."""

    ran_at = models.DateTimeField(_("ran at"), default=timezone.now, db_index=True)
    removed = models.JSONField(_("files deleted, by kind"), default=dict)
    total = models.PositiveIntegerField(_("files deleted"), default=0)

    class Meta:
        verbose_name = _("file retention run")
        verbose_name_plural = _("file retention runs")
        ordering = ["-ran_at"]

    def __str__(self) -> str:
        return f"{timezone.localtime(self.ran_at):%Y-%m-%d %H:%M} — {self.total}"
