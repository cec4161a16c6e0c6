"""The site shell: the custom user, the home page and the settings a registrar edits."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page


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
