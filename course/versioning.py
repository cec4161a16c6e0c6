"""Versions of the approved programme, and the rules that protect a version cohorts use.

A cohort points at the Kazakh ProgrammePage of the version it studies (Cohort.programme). A
programme page and its translations share a `translation_key`; every version and translation of one
programme shares `programme_key`; `version` numbers the versions 1, 2, 3 …

A version is *in use* when a cohort points at it (derived, never stored). Its structure — which
topics and modules exist, where they sit, their numbers, hours and kinds — is then fixed, because
trainees' progress, their hours and their certificates are counted on it. Wording and content
blocks stay free. A structural change is made on a new version (`programme_new_version`): a copy of
the tree in every language, which new cohorts then choose.

The rules are checked here once and called from the Wagtail admin's hooks (course/wagtail_hooks.py),
the pages' clean() and a pre_page_move receiver, so the admin, bulk actions and code are all held.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from wagtail.actions.copy_page import CopyPageAction
from wagtail.models import Locale, Page


def _course_models():
    # course.models imports this module (for the pages' clean()), so the models come late.
    from . import models

    return models


def programme_of(page: Page):
    """The ProgrammePage (in the page's own language) that holds this page, or the page itself."""
    models = _course_models()
    if isinstance(page, models.ProgrammePage):
        return page
    if not page.path:
        return None
    return models.ProgrammePage.objects.ancestor_of(page).first()


def programme_in_use(programme) -> bool:
    """Whether any cohort studies this version (cohorts point at its Kazakh page; translations
    share its translation_key)."""
    models = _course_models()
    return models.Cohort.objects.filter(
        programme__translation_key=programme.translation_key
    ).exists()


def _in_use_programme_of(page: Page):
    programme = programme_of(page)
    if programme is not None and programme_in_use(programme):
        return programme
    return None


def _version_label(programme) -> str:
    return _("“%(title)s”, version %(version)s") % {
        "title": programme.title,
        "version": programme.version,
    }


def structure_refusal(page: Page) -> str | None:
    """Why the structure under (or of) this page may not change now, or None."""
    programme = _in_use_programme_of(page)
    if programme is None:
        return None
    return _(
        "Cohorts study %(programme)s, so its structure (topics and modules, their place, numbers, "
        "hours and kinds) cannot change. Wording and content can. For a structural change, use "
        "“Create a new version” on the programme page and change the new version; new cohorts "
        "then choose it."
    ) % {"programme": _version_label(programme)}


def topics_with_progress(page: Page) -> list:
    """The topics at or under this page (in any language) on which trainees have progress."""
    models = _course_models()
    pages = Page.objects.filter(pk=page.pk) | Page.objects.descendant_of(page)
    keys = list(pages.values_list("translation_key", flat=True))
    return list(
        models.TopicPage.objects.filter(
            locale__language_code="kk",
            translation_key__in=keys,
            completions__isnull=False,
        )
        .distinct()
        .order_by("path")
    )


def deletion_refusal(page: Page) -> str | None:
    """Why this page (with its descendants and its translations) may not be deleted, or None."""
    progress = topics_with_progress(page)
    if progress:
        return _(
            "Topic %(numbers)s has trainees' progress, so it is never deleted: their hours and "
            "certificates are counted on it."
        ) % {"numbers": ", ".join(topic.number for topic in progress)}
    return structure_refusal(page)


def move_refusal(page: Page, destination: Page) -> str | None:
    """Why this page may not move under `destination`, or None."""
    models = _course_models()
    page = page.specific_deferred
    parent = page.get_parent()
    if isinstance(page, models.TopicPage) and destination.pk != parent.pk:
        return _(
            "Topic %(number)s stays in its module: topics are numbered within their module. To "
            "teach it in another module, add a topic there in a new version of the programme."
        ) % {"number": page.number}
    if destination.pk == parent.pk:
        return None  # a change of order among siblings: numbers, not places, order the topics
    return structure_refusal(page) or structure_refusal(destination)


def refuse_move_from_code(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """pre_page_move receiver: Page.move() from code (or an admin path the hooks miss) is held by
    the same rule; raising here stops the move before the tree changes."""
    refusal = move_refusal(instance, parent_page_after)
    if refusal:
        raise ValidationError(refusal)


def new_page_refusal(page: Page) -> str | None:
    """For a module or topic being added (a copy, a page made in code): refused in a version in
    use, unless it is a translation of a page that exists (the translators' work, or the tree
    sync's alias), which changes no structure."""
    if page.pk is not None or not page.path:
        return None
    if Page.objects.filter(translation_key=page.translation_key).exists():
        return None
    return structure_refusal(page)


def copy_refusal(page: Page, destination: Page | None) -> str | None:
    """Why the admin's plain copy of this page (to `destination`) is refused, or None."""
    models = _course_models()
    if isinstance(page.specific_deferred, models.ProgrammePage):
        return _(
            "A programme is copied as its next version: use “Create a new version” on the "
            "programme page."
        )
    if destination is not None:
        return creation_refusal(destination)
    return None


def creation_refusal(parent: Page) -> str | None:
    """Why no page may be added under `parent`, or None."""
    return structure_refusal(parent)


def structural_errors(page: Page) -> dict[str, str]:
    """The refusals for a module or topic being saved: a new one or a structural edit."""
    refusal = new_page_refusal(page)
    if refusal:
        return {"__all__": refusal}
    return structural_edit_errors(page)


def structural_edit_errors(page: Page) -> dict[str, str]:
    """For a saved module or topic of a version in use: the structural fields the edit changes,
    each with the refusal. Wording is free."""
    models = _course_models()
    fields = {models.TopicPage: ("number", "kind", "hours"), models.ModulePage: ("number",)}.get(
        type(page)
    )
    if not fields or page.pk is None:
        return {}
    before = type(page).objects.filter(pk=page.pk).values(*fields).first()
    if before is None:
        return {}
    changed = [name for name in fields if before[name] != getattr(page, name)]
    if not changed:
        return {}
    refusal = structure_refusal(page)
    if refusal is None:
        return {}
    return dict.fromkeys(changed, refusal)


def topic_number_clash(*, number: str, parent: Page, exclude_pk: int | None = None):
    """Another topic with this number in the same version and language of the programme."""
    models = _course_models()
    programme = programme_of(parent)
    if programme is None or not number:
        return None
    topics = models.TopicPage.objects.descendant_of(programme).filter(number=number)
    if exclude_pk is not None:
        topics = topics.exclude(pk=exclude_pk)
    return topics.first()


def topic_number_clash_message(*, number: str) -> str:
    return _(
        "This version of the programme already has a topic %(number)s: topic numbers are unique "
        "within a version."
    ) % {"number": number}


class _VersionCopy(CopyPageAction):
    """Wagtail's copy, with one difference: a page's new translation_key comes from a mapping
    shared by the copies of every language, so the copied translations stay translations of the
    copied Kazakh pages (Wagtail's own copy gives every page a fresh key)."""

    def __init__(self, page, *, mapping: dict, **kwargs):
        super().__init__(page, **kwargs)
        self._uuid_mapping = mapping

    def _copy_page(self, page, to=None, update_attrs=None, exclude_fields=None, _mpnode_attrs=None):
        update_attrs = {
            **(update_attrs or {}),
            "translation_key": self.generate_translation_key(page.translation_key),
        }
        return super()._copy_page(
            page,
            to=to,
            update_attrs=update_attrs,
            exclude_fields=exclude_fields,
            _mpnode_attrs=_mpnode_attrs,
        )


def _free_slug(parent: Page, slug: str) -> str:
    from wagtail.coreutils import find_available_slug

    return find_available_slug(parent, slug)


def next_version_number(programme) -> int:
    models = _course_models()
    latest = models.ProgrammePage.objects.filter(programme_key=programme.programme_key).aggregate(
        latest=Max("version")
    )["latest"]
    return (latest or 0) + 1


@transaction.atomic
def programme_new_version(*, programme, by=None):
    """Copy a programme version — its tree in Kazakh and every translation — as the next version.

    The copy is a draft (nothing of it is public until an editor publishes it) with the same
    programme_key, the next version number and a slug of its own; its pages are translations of
    one another as the originals were (alias pages in another language stay aliases). Cohorts keep
    the version they point at. Returns the new Kazakh ProgrammePage."""
    models = _course_models()
    source = (
        programme.get_translation_or_none(Locale.objects.get(language_code="kk")) or programme
    ).specific
    number = next_version_number(source)
    mapping: dict = {}
    copies = {}
    translations = [source] + [
        page.specific for page in source.get_translations(inclusive=False).select_related("locale")
    ]
    for original in translations:
        parent = original.get_parent()
        copy = _VersionCopy(
            original,
            mapping=mapping,
            to=parent,
            recursive=True,
            copy_revisions=False,
            keep_live=False,
            user=by,
            update_attrs={
                "version": number,
                "slug": _free_slug(parent, f"{original.slug}-v{number}"),
            },
        ).execute(skip_permission_checks=True)
        copies[original.locale_id] = copy
    _keep_aliases(originals=translations, mapping=mapping)
    new = models.ProgrammePage.objects.get(pk=copies[source.locale_id].pk)
    from .signals import programme_version_created

    programme_version_created.send(
        sender=models.ProgrammePage,
        source=source,
        new=new,
        pages=_page_map(source, new, mapping),
    )
    return new


def _page_map(source, new, mapping: dict) -> dict[int, int]:
    """{page pk in the old Kazakh tree: pk of its copy}; `mapping` is old translation_key -> new."""
    old = Page.objects.descendant_of(source, inclusive=True).values_list("translation_key", "pk")
    copied = dict(
        Page.objects.descendant_of(new, inclusive=True).values_list("translation_key", "pk")
    )
    return {pk: copied[mapping[key]] for key, pk in old if mapping.get(key) in copied}


def _keep_aliases(*, originals: list, mapping: dict) -> None:
    """Wagtail's copy turns an alias into a page of its own (with the source's Kazakh text); an
    untranslated page must stay marked as such, so its copy becomes an alias of the copied source
    page again. `mapping` is old translation_key -> new one, shared by every language's copy."""
    for original in originals:
        aliases = Page.objects.descendant_of(original, inclusive=True).filter(
            alias_of__isnull=False
        )
        for alias in aliases.select_related("alias_of"):
            target = alias.alias_of
            copy = _copy_of(alias, mapping)
            target_copy = _copy_of(target, mapping)
            if copy is not None and target_copy is not None:
                Page.objects.filter(pk=copy).update(alias_of_id=target_copy)


def _copy_of(page: Page, mapping: dict) -> int | None:
    key = mapping.get(page.translation_key)
    if key is None:
        return None
    return (
        Page.objects.filter(translation_key=key, locale_id=page.locale_id)
        .values_list("pk", flat=True)
        .first()
    )
