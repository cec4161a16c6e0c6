"""Keep the locale trees in step: number, kind and hours match in every language."""

from __future__ import annotations

from wagtail.signals import page_published

from .models import ModulePage, TopicPage

STRUCTURAL_FIELDS = {TopicPage: ("number", "kind", "hours"), ModulePage: ("number",)}


def sync_structural_fields(sender, instance, **kwargs):
    fields = STRUCTURAL_FIELDS.get(type(instance))
    if not fields:
        return
    # An update of the other locales' rows, not a new revision: these fields are not translatable,
    # so the translations must never disagree with the page just published.
    type(instance).objects.filter(translation_key=instance.translation_key).exclude(
        pk=instance.pk
    ).update(**{name: getattr(instance, name) for name in fields})


def connect() -> None:
    for model in STRUCTURAL_FIELDS:
        page_published.connect(sync_structural_fields, sender=model, dispatch_uid=f"sync-{model}")
