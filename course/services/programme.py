"""Loading the approved programme into the Wagtail page tree: the home page, programme, modules
and topics in Kazakh, with Russian and English translations kept in step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms.models import HomePage

from ..models import ModulePage, ProgrammePage, TopicPage

LANGUAGES = ("kk", "ru", "en")


SOURCE_LANGUAGE = "kk"


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())


def _bullets(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


# Under a Russian or English text the programme fixes: the approved wording is the Kazakh one.
TRANSLATION_NOTE = {
    "ru": "Перевод. Утверждённый текст программы — на казахском языке.",
    "en": "Translation. The approved text of the programme is in Kazakh.",
}


def _outcomes(outcomes: dict, code: str) -> str:
    """The 16 approved outcomes in their three groups, each under the programme's own heading."""
    html = _paragraphs(outcomes["lead"][code])
    for group in outcomes["groups"]:
        html += f"<h3>{escape(group['heading'][code])}</h3>" + _bullets(group["items"][code])
    if code in TRANSLATION_NOTE:
        html += f"<p><i>{escape(TRANSLATION_NOTE[code])}</i></p>"
    return html


def short_title(title: str, limit: int = 255) -> str:
    """A title that fits Wagtail's page title (menus, breadcrumbs): the whole title when it fits,
    else the part before its first colon, else cut at a word. The whole, official, title is kept
    in TopicPage.official_title and never truncated."""
    if len(title) <= limit:
        return title
    head = title.split(":", 1)[0].strip()
    if head and len(head) <= limit:
        return head
    return title[: limit - 1].rsplit(" ", 1)[0] + "…"


def _edited_by_person(page: Page) -> str | None:
    """Who changed this page by hand, if anyone: the loader saves revisions with no user."""
    if page.has_unpublished_changes and page.latest_revision and page.latest_revision.user_id:
        return str(page.latest_revision.user)
    revision = page.latest_revision
    if revision is not None and revision.user_id is not None:
        return str(revision.user)
    return None


def _sync_page(
    *,
    report: LoadReport,
    label: str,
    existing: Page | None,
    create: Callable[[], Page],
    values: dict,
) -> Page:
    """Create the page, or bring a loader-owned page up to date; never touch a page a person
    edited since the loader last wrote it."""
    if existing is None:
        page = create()
        for name, value in values.items():
            setattr(page, name, value)
        page.save()
        page.save_revision(user=None, log_action=False).publish(log_action=False)
        report.created.append(label)
        return page

    page = existing.specific
    if page.alias_of_id is not None:
        # An alias made by the admin's tree sync: turn it into a real translation we own.
        from wagtail.actions.convert_alias import ConvertAliasPageAction

        ConvertAliasPageAction(page, user=None, log_action=False).execute(
            skip_permission_checks=True
        )
        page = Page.objects.get(pk=page.pk).specific
    editor = _edited_by_person(page)
    if editor is not None:
        report.skipped.append(f"{label} (edited by {editor})")
        return page
    if all(getattr(page, name) == value for name, value in values.items()) and page.live:
        report.unchanged.append(label)
        return page
    for name, value in values.items():
        setattr(page, name, value)
    page.save_revision(user=None, log_action=False).publish(log_action=False)
    report.updated.append(label)
    return page


def _translation(page: Page, locale: Locale) -> Page | None:
    return page.get_translation_or_none(locale)


def _ensure_locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}


def _ensure_home(locales: dict[str, Locale], programme: dict, report: LoadReport) -> HomePage:
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=locales[SOURCE_LANGUAGE]).first()
    if home is None:
        home = HomePage(
            title=programme["title"][SOURCE_LANGUAGE][:255],
            slug="course",
            locale=locales[SOURCE_LANGUAGE],
            lead=programme["provider"][SOURCE_LANGUAGE],
        )
        root.add_child(instance=home)
        home.save_revision(user=None, log_action=False).publish(log_action=False)
        report.created.append("home [kk]")
        # Wagtail's placeholder "Welcome" page is replaced by ours.
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
        else:
            old_root = site.root_page
            site.root_page = home
            site.site_name = "PA LMS"
            site.save()
            if type(old_root.specific) is Page and old_root.pk != home.pk and old_root.is_leaf():
                old_root.delete()
    return home


@transaction.atomic
def programme_load(*, programme: dict, modules: list[dict]) -> LoadReport:
    """Build (or bring up to date) the programme tree in every locale. Running it twice changes
    nothing; pages an editor has changed are reported and left alone."""
    report = LoadReport()
    locales = _ensure_locales()
    home = _ensure_home(locales, programme, report)

    for code in LANGUAGES:
        locale = locales[code]
        home_here = home if code == SOURCE_LANGUAGE else _translation(home, locale)
        if home_here is None:
            home_here = home.copy_for_translation(locale)
            home_here.title = programme["title"][code][:255]
            home_here.lead = programme["provider"][code]
            home_here.save_revision(user=None, log_action=False).publish(log_action=False)
            report.created.append(f"home [{code}]")

    source_programme = _load_tree(home, locales[SOURCE_LANGUAGE], programme, modules, report)
    for code in LANGUAGES:
        if code != SOURCE_LANGUAGE:
            _load_translation(source_programme, locales[code], programme, modules, report)
    return report


AIM_HEADINGS = {
    "kk": ("Бағдарламаның мақсаты", "Бағдарлама міндеттері:"),
    "ru": ("Цель программы", "Задачи программы:"),
    "en": ("Aim of the programme", "Tasks of the programme:"),
}


def _aim_and_tasks(aim: dict, tasks: dict, code: str) -> str:
    """Section 5's aim and its eight numbered tasks, under the programme's own headings."""
    aim_heading, tasks_heading = AIM_HEADINGS[code]
    html = f"<h3>{escape(aim_heading)}</h3>" + _paragraphs(aim[code])
    html += f"<h3>{escape(tasks_heading)}</h3>"
    html += "<ol>" + "".join(f"<li>{escape(task)}</li>" for task in tasks[code]) + "</ol>"
    if code in TRANSLATION_NOTE:
        html += f"<p><i>{escape(TRANSLATION_NOTE[code])}</i></p>"
    return html


def _programme_values(programme: dict, code: str) -> dict:
    from ..content_data import AIM, TASKS

    return {
        "title": programme["title"][code][:255],
        "provider": programme["provider"][code],
        "introduction": _paragraphs(programme["introduction"][code]),
        "aim_and_tasks": _aim_and_tasks(AIM, TASKS, code),
        "outcomes": _outcomes(programme["outcomes"], code),
        "declared_lecture_hours": programme["declared_lecture_hours"],
        "declared_practice_hours": programme["declared_practice_hours"],
        "declared_final_work_hours": programme["declared_final_work_hours"],
    }


def _module_values(module: dict, code: str) -> dict:
    return {
        "title": module["title"][code][:255],
        "number": module["number"],
        "description": _paragraphs(module["description"][code]),
        # Module "learning outcomes" are not in the approved programme (only the course's 16
        # are): they are not loaded, so nothing invented is shown as official.
        "outcomes": "",
    }


def _topic_values(topic: dict, code: str) -> dict:
    return {
        "title": short_title(topic["title"][code]),
        "official_title": topic["title"][code],
        "number": topic["number"],
        "kind": topic["kind"],
        "hours": topic["hours"],
        "introduction": _paragraphs(topic["summary"][code]),
    }


def _add_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    return page


def _load_tree(home, locale, programme, modules, report) -> ProgrammePage:
    code = locale.language_code
    programme_page = _sync_page(
        report=report,
        label=f"programme [{code}]",
        existing=ProgrammePage.objects.child_of(home).first(),
        create=lambda: _add_child(home, ProgrammePage(slug="programme", title="-", locale=locale)),
        values=_programme_values(programme, code),
    )
    for module in modules:
        number = module["number"]
        module_page = _sync_page(
            report=report,
            label=f"module {number} [{code}]",
            existing=ModulePage.objects.child_of(programme_page).filter(number=number).first(),
            create=lambda n=number: _add_child(
                programme_page, ModulePage(slug=f"module-{n}", title="-", number=n, locale=locale)
            ),
            values=_module_values(module, code),
        )
        for topic in module["topics"]:
            slug = "topic-" + topic["number"].replace(".", "-")
            _sync_page(
                report=report,
                label=f"topic {topic['number']} [{code}]",
                existing=TopicPage.objects.child_of(module_page)
                .filter(number=topic["number"])
                .first(),
                create=lambda s=slug, t=topic, m=module_page: _add_child(
                    m,
                    TopicPage(
                        slug=s,
                        title="-",
                        number=t["number"],
                        kind=t["kind"],
                        hours=t["hours"],
                        locale=locale,
                    ),
                ),
                values=_topic_values(topic, code),
            )
    return programme_page


def _copy_for(source: Page, locale: Locale) -> Callable[[], Page]:
    return lambda: source.copy_for_translation(locale).specific


def _load_translation(source_programme, locale, programme, modules, report) -> None:
    code = locale.language_code
    _sync_page(
        report=report,
        label=f"programme [{code}]",
        existing=_translation(source_programme, locale),
        create=_copy_for(source_programme, locale),
        values=_programme_values(programme, code),
    )
    source_modules = {m.number: m for m in ModulePage.objects.child_of(source_programme)}
    for module in modules:
        source_module = source_modules[module["number"]]
        _sync_page(
            report=report,
            label=f"module {module['number']} [{code}]",
            existing=_translation(source_module, locale),
            create=_copy_for(source_module, locale),
            values=_module_values(module, code),
        )
        source_topics = {t.number: t for t in TopicPage.objects.child_of(source_module)}
        for topic in module["topics"]:
            source_topic = source_topics[topic["number"]]
            _sync_page(
                report=report,
                label=f"topic {topic['number']} [{code}]",
                existing=_translation(source_topic, locale),
                create=_copy_for(source_topic, locale),
                values=_topic_values(topic, code),
            )


def source_topic(topic: TopicPage) -> TopicPage:
    """The Kazakh (source-locale) page of a topic read in any language: progress is kept there."""
    from ..selectors import source_topic_for

    return source_topic_for(topic)
