"""The materials library: per module, the generated templates (assessment.materials) and the files
editors attached to the module and its topics (course.models.ModuleAttachment/TopicAttachment).

It lives in assessment because the templates are built from the plan's structures, which course
may not import; course pages link to it through cms.slots, the menu through cms.navigation."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cms.facts import person_facts, register_person_fact
from cms.navigation import register_menu_item
from cms.roles import is_registrar, is_trainer
from cms.slots import register_slot_template

from .materials import Material, MaterialKind, materials_by_module

# A trainee who studies or studied the course keeps the library; one who left or was expelled
# does not (the materials are the course's, for its participants).
LIBRARY_ENROLMENT_STATUSES = ("active", "completed", "not_passed")


def library_allowed(user) -> bool:
    """Staff, and trainees enrolled in a cohort (studying or finished)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if is_registrar(user) or is_trainer(user):
        return True
    # With the person's other facts, in the request's one query (cms.facts).
    return bool(person_facts(user).get(LIBRARY_FACT))


LIBRARY_FACT = "assessment_library_enrolled"


def _library_enrolled():
    from django.db.models import Exists, OuterRef

    from course.models import Enrolment

    return Exists(
        Enrolment.objects.filter(trainee=OuterRef("pk"), status__in=LIBRARY_ENROLMENT_STATUSES)
    )


@dataclass
class KindGroup:
    label: str
    materials: list[Material] = field(default_factory=list)
    attachments: list = field(default_factory=list)


@dataclass
class LibraryModule:
    page: object  # course.models.ModulePage in the reader's language
    groups: list[KindGroup]

    @property
    def count(self) -> int:
        return sum(len(g.materials) + len(g.attachments) for g in self.groups)


def library_programme(user):
    """The programme the reader studies (their cohort's), else the first live one; in the active
    language when a translation exists."""
    from course.models import ProgrammePage
    from course.selectors import enrolment_current

    enrolment = enrolment_current(user)
    programme = enrolment.cohort.programme if enrolment is not None else None
    if programme is None:
        programme = ProgrammePage.objects.live().order_by("path").first()
    if programme is None:
        return None
    return programme.localized.specific


def attachments_for(*, language: str, programme=None, module_number: int | None = None):
    """The files editors attached to modules and topics of `programme` (every language's copy
    of it; all live programmes when None) that a reader in `language` gets: those in that
    language and those for all languages, each file once. Returns (module number, attachment)
    pairs, modules' files first, then topics' in programme order."""
    from course.models import ModuleAttachment, ProgrammePage, TopicAttachment

    languages = [language, "all"]
    roots = ProgrammePage.objects.live()
    if programme is not None:
        roots = roots.filter(translation_key=programme.translation_key)
    paths = list(roots.values_list("path", flat=True))
    if not paths:
        return []

    def under_programme(queryset):
        query = Q()
        for path in paths:
            query |= Q(page__path__startswith=path)
        return queryset.filter(query, page__live=True, language__in=languages)

    rows = [
        (attachment.page.number, attachment)
        for attachment in under_programme(ModuleAttachment.objects)
        .select_related("document", "captions", "page")
        .order_by("page__path", "sort_order")
    ]
    topic_rows = list(
        under_programme(TopicAttachment.objects).select_related("document", "captions", "page")
    )
    topic_rows.sort(key=lambda a: (a.page.sort_key, a.sort_order))
    rows += [(int(a.page.number.split(".")[0]), a) for a in topic_rows]
    if module_number is not None:
        rows = [(n, a) for n, a in rows if n == module_number]
    seen: set[int] = set()
    unique = []
    for number, attachment in rows:
        # A page's translation carries a copy of its files: the same document, listed once.
        if attachment.document_id not in seen:
            seen.add(attachment.document_id)
            unique.append((number, attachment))
    return unique


def library_modules(programme, *, number: int | None = None) -> list[LibraryModule]:
    """Modules by number, each with its templates and the attached files in the programme's
    language (or for all languages), grouped by kind."""
    from course.models import AttachmentKind, ModulePage

    modules = list(ModulePage.objects.live().child_of(programme))
    if number is not None:
        modules = [m for m in modules if m.number == number]
    modules.sort(key=lambda m: m.number)
    by_number: dict[int, list] = {m.number: [] for m in modules}
    language = programme.locale.language_code
    for module_number, attachment in attachments_for(
        language=language, programme=programme, module_number=number
    ):
        if module_number in by_number:
            by_number[module_number].append(attachment)

    templates = materials_by_module()
    result = []
    for module in modules:
        groups = []
        for kind in MaterialKind:
            found = [m for m in templates.get(module.number, []) if m.kind == kind]
            if found:
                groups.append(KindGroup(str(kind.label), materials=found))
        for kind in AttachmentKind:
            found = [a for a in by_number[module.number] if a.kind == kind]
            if found:
                groups.append(KindGroup(str(kind.label), attachments=found))
        result.append(LibraryModule(module, groups))
    return result


def language_names() -> dict[str, str]:
    return {"kk": "Қазақша", "ru": "Русский"}


def register() -> None:
    """The menu link and the links on the programme and module pages (course templates)."""
    register_person_fact(LIBRARY_FACT, _library_enrolled)
    register_menu_item(
        order=205,
        label=_("Materials library"),
        url_name="assessment:library",
        shown_to=library_allowed,
    )
    register_slot_template(
        slot="programme_links", template="assessment/library/slot_programme.html"
    )
    register_slot_template(slot="module_links", template="assessment/library/slot_module.html")


def active_language() -> str:
    return (translation.get_language() or "kk").split("-")[0]
