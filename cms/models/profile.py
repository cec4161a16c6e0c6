"""The trainee's profile: where she works and what she does, with the choices it offers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..names import validate_person_name


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

    # The one list of the profile's fields (the form, the admin, pseudonymisation and the
    # registers read these): the name in Kazakh and in Russian, then the work.
    NAME_FIELDS_KK = ("surname_kk", "given_name_kk", "patronymic_kk")
    NAME_FIELDS_RU = ("surname_ru", "given_name_ru", "patronymic_ru")
    NAME_FIELDS = (*NAME_FIELDS_KK, *NAME_FIELDS_RU)
    WORK_FIELDS = (
        "position",
        "school",
        "region",
        "organisation_type",
        "qualification_category",
        "years_of_experience",
        "employer_email",
        "last_refresher_course_on",
    )
    # What the trainee fills in, in the order the form shows it.
    FORM_FIELDS = (*NAME_FIELDS, *WORK_FIELDS)
    # What must be filled before a trainee may enrol; patronymics and the last course are optional.
    OPTIONAL_FIELDS = ("patronymic_kk", "patronymic_ru", "last_refresher_course_on")
    REQUIRED_FIELDS = tuple(sorted(set(FORM_FIELDS) - set(OPTIONAL_FIELDS), key=FORM_FIELDS.index))
    # What says who or where a person is, emptied when the account is pseudonymised; the
    # statistical fields (position, region, type of organisation, category, experience) stay for
    # the authority's reports and identify no one.
    IDENTIFYING_FIELDS = (*NAME_FIELDS, "school", "employer_email", "last_refresher_course_on")

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
