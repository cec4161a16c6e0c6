"""The organisation's settings a registrar edits: names, signatory, what the documents print."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


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

    def signatory_position_for(self, language: str) -> str:
        """The signatory's position for a letter in this language, "acting" (м.а. / и.о.) in
        front when the signatory acts for the head."""
        position = self.signatory_position_ru if language == "ru" else self.signatory_position_kk
        if position and self.signatory_acting:
            position = ("и.о. " if language == "ru" else "м.а. ") + position
        return position

    def missing_for_issue(self) -> list[str]:
        """The verbose names of the settings a certificate needs and that are still blank."""
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in self.REQUIRED_FOR_ISSUE
            if not (getattr(self, name) or "").strip()
        ]
