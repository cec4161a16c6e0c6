"""The site shell: the custom user, the home page and the settings a registrar edits."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

from .names import validate_person_name


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

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class HomePage(Page):
    """The front page of one locale's tree; the programme lives beneath it."""

    lead = models.CharField(_("lead"), max_length=300, blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["course.ProgrammePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from course.models import ProgrammePage

        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = ProgrammePage.objects.child_of(self).live().specific()
        return context


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """Who issues the certificates and who signs them. Copied into each certificate at issue."""

    name_kk = models.CharField(
        _("organisation name (Kazakh)"), max_length=255, default="ЖШС «Оқу және Даму Институты»"
    )
    name_ru = models.CharField(
        _("organisation name (Russian)"),
        max_length=255,
        default="ТОО «Институт обучения и развития»",
    )
    name_en = models.CharField(
        _("organisation name (English)"),
        max_length=255,
        default="Learning and Development Institute LLP",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signatory_name = models.CharField(_("signatory's name"), max_length=255, blank=True)
    signatory_position_kk = models.CharField(
        _("signatory's position (Kazakh)"), max_length=255, default="Директор"
    )
    signatory_position_ru = models.CharField(
        _("signatory's position (Russian)"), max_length=255, default="Директор"
    )
    signatory_acting = models.BooleanField(
        _("signatory is acting for the head"),
        default=False,
        help_text=_("Prints 'acting' (м.а. / и.о.) before the position."),
    )
    verification_host = models.CharField(
        _("verification host"),
        max_length=255,
        default="127.0.0.1:8000",
        help_text=_("Host name printed in the QR code, e.g. lms.example.kz"),
    )
    privacy_notice = RichTextField(_("privacy notice"), blank=True)
    privacy_notice_version = models.CharField(
        _("privacy notice version"), max_length=20, default="1"
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name_kk"),
                FieldPanel("name_ru"),
                FieldPanel("name_en"),
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
        FieldPanel("verification_host"),
        MultiFieldPanel(
            [FieldPanel("privacy_notice"), FieldPanel("privacy_notice_version")],
            heading=_("Personal data"),
        ),
    ]

    class Meta:
        verbose_name = _("organisation")

    def name_for(self, language: str) -> str:
        return {"kk": self.name_kk, "ru": self.name_ru}.get(language, self.name_en)


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


class PersonalDataConsent(models.Model):
    """A person's consent to the processing of their personal data, to one version of the notice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="personal_data_consents",
    )
    notice_version = models.CharField(_("privacy notice version"), max_length=20)
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
