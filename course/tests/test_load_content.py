"""`manage.py load_content`: the glossary, the literature list and the aim and tasks, verbatim
from the approved programme, loaded once and then left alone."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from course.content_data import AIM, GLOSSARY, LITERATURE, TASKS
from course.models import GlossaryTermPage, LiteratureEntryPage, ProgrammePage

from .seed_text import seed_lines

pytestmark = pytest.mark.django_db


def _snapshot():
    pages = list(Page.objects.order_by("path").values_list("path", "title", "slug", "live"))
    return pages, Revision.objects.count()


def test_every_kazakh_text_is_the_seeds_own_at_the_lines_it_cites():
    for term in GLOSSARY:
        seed = seed_lines(*term["lines"])
        assert term["term"]["kk"] in seed, term["slug"]
        assert term["definition"]["kk"] in seed, term["slug"]
        assert term["source"]["kk"] in seed, term["slug"]
        if "note" in term:
            assert term["note"]["kk"] in seed, term["slug"]
    for entry in LITERATURE:
        assert entry["text"] in seed_lines(*entry["lines"]), entry["number"]
    assert AIM["kk"] in seed_lines(*AIM["lines"])
    for task in TASKS["kk"]:
        assert task in seed_lines(*TASKS["lines"])


def test_the_data_has_ten_glossary_entries_and_29_sources_numbered_1_to_29():
    assert len(GLOSSARY) == 10
    assert [e["number"] for e in LITERATURE] == list(range(1, 30))
    assert len(TASKS["kk"]) == len(TASKS["ru"]) == len(TASKS["en"]) == 8


def test_each_literature_entry_starts_where_the_seed_numbers_it():
    for entry in LITERATURE:
        first_line = seed_lines(entry["lines"][0], entry["lines"][0])
        assert first_line.startswith(f"{entry['number']}. "), entry["number"]


def test_the_glossary_is_loaded_in_three_languages_with_kazakh_as_approved():
    kk = GlossaryTermPage.objects.get(locale__language_code="kk", slug="inclusive-education")
    ru = GlossaryTermPage.objects.get(locale__language_code="ru", slug="inclusive-education")
    en = GlossaryTermPage.objects.get(locale__language_code="en", slug="inclusive-education")

    assert kk.title == "Инклюзивті білім беру"
    assert kk.definition == (
        "Ерекше білім беру қажеттіліктері мен жеке-дара мүмкіндіктерін ескере отырып, барлық "
        "білім алушылар үшін білім алуға тең қолжетімділікті қамтамасыз ететін процесс"
    )
    assert kk.source == '("Білім туралы" ҚР Заңының 1-базы 21-7) тармақшасын)'
    assert not kk.is_translation
    assert ru.title == "Инклюзивное образование" and ru.is_translation
    assert ru.translation_key == kk.translation_key
    assert ru.definition.startswith("Процесс, обеспечивающий равный доступ к образованию")
    # No English glossary was approved: the English page carries our translation, marked as one.
    assert en.title == "Inclusive education" and en.is_translation
    assert en.definition == (
        "A process that ensures equal access to education for all learners, taking into account "
        "their special educational needs and individual capabilities."
    )
    assert en.source == kk.source  # the legal act is cited as the approved text names it
    assert GlossaryTermPage.objects.filter(locale__language_code="kk").count() == 10


@pytest.mark.parametrize(
    ("lang", "words", "marked"),
    [
        ("kk", "алқалы органы болып табылады", False),
        ("ru", "коллегиальный орган организации образования", True),
        ("en", "the collegial body of an educational organisation", True),
    ],
)
def test_each_language_s_glossary_shows_definitions_in_that_language(client, lang, words, marked):
    html = client.get(f"/{lang}/programme/glossary/").content.decode()
    term = client.get(
        f"/{lang}/programme/glossary/psychological-pedagogical-support-service/"
    ).content.decode()

    assert words in html and words in term
    assert ("The approved text of the programme is in Kazakh" in term) is (lang == "en")
    assert ('class="muted"><i>' in term) is marked
    # The legal source is cited in Kazakh, as approved, and marked as Kazakh for screen readers.
    assert (
        '<span lang="kk"><a href="https://adilet.zan.kz/kaz/docs/V2500036047" rel="noopener">'
        "(Білім беру ұйымдарындағы"
    ) in term


def test_every_term_has_a_translated_definition_in_russian_and_english():
    for term in GLOSSARY:
        for lang in ("ru", "en"):
            assert term["definition"][lang].strip(), (term["slug"], lang)
    assert all("en" in term["note"] for term in GLOSSARY if "note" in term)


def test_each_term_has_its_own_page_with_its_definition_and_linked_source(client):
    response = client.get("/kk/programme/glossary/psychological-pedagogical-support-service/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Психологиялық-педагогикалық қолдау қызметі (ППҚҚ)" in html
    assert "алқалы органы болып табылады." in html
    assert 'href="https://adilet.zan.kz/kaz/docs/V2500036047"' in html


def test_the_russian_term_page_says_it_is_a_translation(client):
    html = client.get("/ru/programme/glossary/inclusive-education/").content.decode()

    assert "Инклюзивное образование" in html
    assert "Перевод. Утверждённый текст программы — на казахском языке." in html


def test_the_literature_list_shows_29_sources_numbered_as_approved_with_law_links(client):
    html = client.get("/kk/programme/literature/").content.decode()

    numbers = [int(n) for n in re.findall(r'<li value="(\d+)"', html)]
    assert numbers == list(range(1, 30))
    assert 'href="https://adilet.zan.kz/rus/docs/Z070000319_"' in html
    assert "Қазақстан Республикасының Заңы 27 шілде 2007 жыл № 319-III «Білім туралы»." in html
    assert LiteratureEntryPage.objects.filter(locale__language_code="ru").count() == 29


def test_the_programme_page_shows_the_aim_and_the_eight_tasks_verbatim(client):
    html = client.get("/kk/programme/").content.decode()

    assert "Бағдарламаның мақсаты" in html
    assert AIM["kk"] in html
    tasks = re.search(r"Бағдарлама міндеттері:</h3>\s*<ol>(.*?)</ol>", html, re.S).group(1)
    assert len(re.findall(r"<li>", tasks)) == 8
    assert "(task analysis), зейінді қолдау" in tasks
    # The outcomes come from the one source the certificate uses (programme_data).
    assert "Тыңдаушылар дағдыларға ие болады:" in html
    assert 'href="/kk/programme/glossary/"' in html and 'href="/kk/programme/literature/"' in html


def test_running_load_content_again_changes_nothing():
    before = _snapshot()
    out = StringIO()
    call_command("load_content", stdout=out)

    assert _snapshot() == before
    assert "0 created, 0 updated" in out.getvalue()
    assert "0 skipped" in out.getvalue()


def test_load_content_keeps_an_editors_change_and_lists_it(django_user_model):
    editor = django_user_model.objects.create_superuser(email="ed@example.com", password="x")
    term = GlossaryTermPage.objects.get(locale__language_code="ru", slug="individual-curriculum")
    term.definition = "Уточнённое определение редактора."
    term.save_revision(user=editor).publish(user=editor)

    out = StringIO()
    call_command("load_content", stdout=out)

    term.refresh_from_db()
    assert term.definition == "Уточнённое определение редактора."
    assert "Skipped, edited by a person: term individual-curriculum [ru]" in out.getvalue()
    assert "1 skipped" in out.getvalue()


def test_load_content_restores_a_loader_owned_page_that_drifted():
    programme = ProgrammePage.objects.get(locale__language_code="kk")
    entry = LiteratureEntryPage.objects.get(locale__language_code="kk", number=7)
    entry.text = "changed without a revision"
    entry.save()

    out = StringIO()
    call_command("load_content", stdout=out)

    entry.refresh_from_db()
    assert entry.text == LITERATURE[6]["text"]
    assert "1 updated" in out.getvalue()
    assert programme.live


def test_a_topic_lists_the_glossary_terms_its_text_uses(client):
    html = client.get("/kk/programme/module-1/topic-1-1/").content.decode()

    terms = re.search(r'<aside class="card topic-terms".*?</aside>', html, re.S).group(0)
    assert "Осы тақырыптағы терминдер" in terms
    links = re.findall(r'href="([^"]+)"', terms)
    # Its text names inclusive education, the support service (ППҚҚ) and needs assessment.
    assert "/kk/programme/glossary/inclusive-education/" in links
    assert "/kk/programme/glossary/psychological-pedagogical-support-service/" in links
    assert "/kk/programme/glossary/assessment-of-special-educational-needs/" in links
    assert "/kk/programme/glossary/individual-curriculum/" not in links


def test_the_terms_of_a_topic_are_worked_out_once_per_published_version(client, monkeypatch):
    from django.core.cache import cache

    from course import glossary

    cache.clear()
    calls = []
    real = glossary.find_terms
    monkeypatch.setattr(
        glossary, "find_terms", lambda text, terms: calls.append(1) or real(text, terms)
    )

    client.get("/kk/programme/module-1/topic-1-2/")
    client.get("/kk/programme/module-1/topic-1-2/")
    assert len(calls) == 1

    from course.models import TopicPage

    topic = TopicPage.objects.get(number="1.2", locale__language_code="kk")
    topic.save_revision().publish()
    client.get("/kk/programme/module-1/topic-1-2/")
    assert len(calls) == 2
