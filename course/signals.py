"""Keep the locale trees in step: number, kind and hours match in every language."""

from __future__ import annotations

from django.dispatch import Signal
from wagtail.signals import page_published, pre_page_move

from .models import ModulePage, TopicPage

# Topics were counted as done for some enrolments (studied, attended, practice accepted, made up):
# the apps above react, e.g. a pending certificate whose hours now suffice. kwargs: enrolment_ids.
# Sent after the commit; bulk inserts (the attendance register) send it too.
topics_completed = Signal()

# A new version of a programme was made (course.versioning.programme_new_version), inside its
# transaction. Apps above course that keep rows per programme, module or topic (completion rules,
# mentoring policies, assignments, test questions) copy theirs onto the new version. kwargs:
# source and new (the Kazakh ProgrammePages), pages ({old Kazakh page pk: its copy's pk}).
programme_version_created = Signal()

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
    from .versioning import refuse_move_from_code

    pre_page_move.connect(refuse_move_from_code, dispatch_uid="course-versioning-move")
    for model in STRUCTURAL_FIELDS:
        page_published.connect(sync_structural_fields, sender=model, dispatch_uid=f"sync-{model}")
