"""Which language a page is in, and whether its translations keep up with it.

Kazakh (LANGUAGE_CODE, Wagtail's default locale) is the source: the approved programme is Kazakh.
A translation is *out of date* when the source was last saved after it, *up to date* otherwise, and
*missing* when the locale has no page of the set or only an alias (the page tree's automatic copy,
wagtail.contrib.simple_translation, which shows the Kazakh text). Dates are the pages'
`latest_revision_created_at`: every save in the editor moves it.

Why not wagtail-localize: see the README ("Translations of pages")."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.models import Locale, Page

from cms.errors import ServiceError

UP_TO_DATE = "up_to_date"
OUT_OF_DATE = "out_of_date"
MISSING = "missing"
SOURCE = "source"

STATUS_LABELS = {
    SOURCE: _("Source"),
    UP_TO_DATE: _("Up to date"),
    OUT_OF_DATE: _("Out of date"),
    MISSING: _("Missing"),
}
LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}


@dataclass(frozen=True)
class TranslationRow:
    locale: Locale
    page: Page | None  # None when missing; an alias counts as missing but is kept for its link
    status: str

    @property
    def language_name(self) -> str:
        return LANGUAGE_NAMES.get(self.locale.language_code, self.locale.language_code)

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


def language_name(page: Page) -> str:
    code = page.locale.language_code
    return LANGUAGE_NAMES.get(code, code)


def page_translation_status(page: Page) -> list[TranslationRow]:
    """One row per locale, the source first, for the set of translations `page` belongs to."""
    pages = {
        p.locale_id: p
        for p in Page.objects.filter(translation_key=page.translation_key).select_related("locale")
    }
    source_locale = Locale.get_default()
    source = pages.get(source_locale.pk)
    rows = []
    order = [code for code, _name in settings.LANGUAGES]
    for locale in sorted(
        Locale.objects.all(),
        key=lambda loc: (
            loc.pk != source_locale.pk,
            order.index(loc.language_code) if loc.language_code in order else len(order),
        ),
    ):
        translated = pages.get(locale.pk)
        if locale.pk == source_locale.pk:
            status = SOURCE if translated is not None else MISSING
        elif translated is None or translated.alias_of_id is not None:
            status = MISSING
        elif source is not None and _older(translated, source):
            status = OUT_OF_DATE
        else:
            status = UP_TO_DATE
        rows.append(TranslationRow(locale, translated, status))
    return rows


def _older(translation: Page, source: Page) -> bool:
    if source.latest_revision_created_at is None:
        return False
    if translation.latest_revision_created_at is None:
        return True
    return translation.latest_revision_created_at < source.latest_revision_created_at


class TranslationRefused(ServiceError):
    pass


@transaction.atomic
def page_translation_create(*, page: Page, locale: Locale, by) -> Page:
    """Create the missing translation of `page` in `locale` as a draft copy of it (the editor then
    translates it), or turn the automatic alias into such a page. Refused when the parent has no
    page in that language yet, or when the person may not edit the page."""
    page = page.specific
    if not page.permissions_for_user(by).can_edit():
        raise TranslationRefused(_("You may not edit this page."))
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.alias_of_id is None:
        raise TranslationRefused(_("This page already has a translation in that language."))
    if existing is not None:
        # An alias of the source: make it a page of its own, keeping its place and address.
        from wagtail.actions.convert_alias import ConvertAliasPageAction

        ConvertAliasPageAction(existing.specific, user=by).execute(skip_permission_checks=True)
        return Page.objects.get(pk=existing.pk).specific
    parent = page.get_parent()
    if parent.depth > 1 and parent.get_translation_or_none(locale) is None:
        raise TranslationRefused(_("Translate the parent page into that language first."))
    return page.copy_for_translation(locale)


class TranslationStatusPanel(Panel):
    """At the top of the editor: the page's language, large, and its translations' status."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/translation_status.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["language_name"] = language_name(page) if page.locale_id else ""
            context["language_code"] = page.locale.language_code if page.locale_id else ""
            context["rows"] = page_translation_status(page) if page.pk else []
            return context
