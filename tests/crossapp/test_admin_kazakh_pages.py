"""The Wagtail admin in Kazakh, page by page: the admin pages a registrar uses (home, page
explorer and editor, snippets, cohorts, enrolments, users, documents, images, search, reports) show
no English admin word. Cross-app: the pages list the course's cohorts and enrolments."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from cms.tests.factories import RegistrarFactory

# The admin pages a registrar uses, walked in Kazakh: none of these English words may be left in
# what the page shows or reads out (text, labels, placeholders, titles). Content (page titles of
# the English pages, people's names) holds none of them; nor do the language names, each written
# in its own language ("English" beside «Қазақша»).
ENGLISH_ADMIN_WORDS = (
    "Search", "Snippets", "Add", "Edit", "Delete", "Filter", "Sort", "Status", "Actions", "Bulk",
    "Select", "Upload", "Documents", "Images", "Users", "Settings", "Reports", "Dashboard",
    "Preview", "Publish", "Save", "History", "Updated", "Owner", "Locale", "Copy", "Move", "Live",
    "Private", "Comments", "Usage", "Workflow", "Page", "Pages", "ago", "Toggle", "Sidebar",
    "Pagination", "Type", "Created", "Loading",
)  # fmt: skip
ENGLISH_WORD = re.compile(r"\b(" + "|".join(ENGLISH_ADMIN_WORDS) + r")\b")
# Wagtail 8 writes these two in its templates without gettext (wagtailadmin/shared/header.html,
# headers/_actions.html): no catalogue reaches them. Both are for screen readers only.
HARD_CODED = (("input", "value", "Search"), ("nav", "aria-label", "Actions"))


def _shown_text(html: str) -> list[str]:
    """What a sighted reader sees and a screen reader reads: text nodes, and the labels,
    placeholders and titles of elements; not scripts or templates for later."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template", "noscript"]):
        hidden.decompose()
    texts = list(soup.stripped_strings)
    for element in soup.find_all(True):
        shown = [(name, element.get(name)) for name in ("aria-label", "placeholder", "title")]
        if element.name == "input" and element.get("type") in {"submit", "button"}:
            shown.append(("value", element.get("value")))
        texts += [
            value
            for name, value in shown
            if value and (element.name, name, value) not in HARD_CODED
        ]
    return texts


@pytest.fixture
def admin_pages(programme):
    """The admin addresses of a registrar's day, with something in each list."""
    from course.models import ProgrammePage, TopicPage
    from course.tests.factories import CohortFactory, EnrolmentFactory

    registrar = RegistrarFactory()
    enrolment = EnrolmentFactory(cohort=CohortFactory())
    kk_programme = ProgrammePage.objects.get(locale__language_code="kk")
    topic = TopicPage.objects.filter(locale__language_code="kk").first()
    return registrar, [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{kk_programme.pk}/",
        f"/admin/pages/{topic.pk}/edit/",
        f"/admin/pages/{topic.pk}/history/",
        "/admin/pages/search/?q=бала",
        "/admin/pages/search/?q=жоқсөз",
        "/admin/snippets/",
        "/admin/snippets/assessment/question/",
        "/admin/cohort/",
        f"/admin/cohort/edit/{enrolment.cohort.pk}/",
        "/admin/enrolment/",
        f"/admin/enrolment/inspect/{enrolment.pk}/",
        "/admin/users/",
        f"/admin/users/edit/{registrar.pk}/",
        "/admin/documents/",
        "/admin/images/",
        "/admin/reports/site-history/",
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
    ]


@pytest.mark.django_db
def test_the_admin_pages_a_registrar_uses_show_no_english_admin_word_in_kazakh(client, admin_pages):
    registrar, paths = admin_pages
    client.force_login(registrar)
    found = {}
    for path in paths:
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="kk")
        assert response.status_code == 200, path
        english = sorted(
            {text for text in _shown_text(response.content.decode()) if ENGLISH_WORD.search(text)}
        )
        if english:
            found[path] = english
    assert found == {}


@pytest.mark.django_db
def test_the_admin_scripts_speak_kazakh(client):
    # The sidebar's "Search" and the editor's buttons come from the admin's script catalogue.
    client.force_login(RegistrarFactory())
    catalogue = client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert '"Search": "\\u0406\\u0437\\u0434\\u0435\\u0443"' in catalogue  # «Іздеу»
    # A string is in the catalogue only when it has a translation.
    assert '"Toggle sidebar":' in catalogue


def test_a_snippet_breadcrumb_built_in_one_language_reads_in_the_requests_language():
    """Wagtail builds the breadcrumb when the admin's URLs load (in the first request's language)
    and keeps it: our snippet viewsets' labels are lazy, read in each request's language."""
    from django.utils import translation

    from assessment.wagtail_hooks import QuestionViewSet

    with translation.override("en"):
        items = QuestionViewSet().breadcrumbs_items
    with translation.override("kk"):
        labels = [str(item["label"]) for item in items]
        assert labels == [translation.gettext("Home"), translation.gettext("Snippets")]
    assert "Snippets" not in labels
