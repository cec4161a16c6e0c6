"""The admin action of the translation status panel (cms.translation_status)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page

from cms.errors import apply_service_error
from cms.translation_status import TranslationRefused, language_name, page_translation_create


@require_POST
def page_translation_create_view(request, page_id: int, language_code: str):
    # Under /admin/: Wagtail's admin URLs already require a signed-in person with admin access.
    page = get_object_or_404(Page, pk=page_id)
    locale = get_object_or_404(Locale, language_code=language_code)
    try:
        translation = page_translation_create(page=page, locale=locale, by=request.user)
    except TranslationRefused as refusal:
        apply_service_error(refusal, request=request)
        return redirect("wagtailadmin_pages:edit", page.pk)
    messages.success(
        request,
        _("The %(language)s version was created from this page: translate it and publish.")
        % {"language": language_name(translation)},
    )
    return redirect("wagtailadmin_pages:edit", translation.pk)
