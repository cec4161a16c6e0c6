"""The admin and the site's staff pages link to each other from a cohort."""

from __future__ import annotations

import pytest

from cms.tests.factories import RegistrarFactory, TrainerFactory

from .factories import CohortFactory

pytestmark = pytest.mark.django_db


def test_the_site_cohort_page_links_a_registrar_to_all_the_cohorts_pages(client, programme):
    cohort = CohortFactory(code="pa-links")
    client.force_login(RegistrarFactory())
    html = client.get("/en/study/cohorts/pa-links/").content.decode()
    for href in [
        "/en/study/cohorts/pa-links/import/",
        "/en/assessment/cohorts/pa-links/results/",
        "/en/certificates/register/?cohort=pa-links",
        "/en/certificates/cohorts/pa-links/pdfs.zip",
        f"/admin/cohort/inspect/{cohort.pk}/",
        f"/admin/enrolment/?cohort={cohort.pk}",
        f"/admin/livesession/?cohort={cohort.pk}",
    ]:
        assert f'href="{href}"' in html


def test_a_trainer_gets_no_registrar_links_on_the_cohort_page(client, programme):
    trainer = TrainerFactory()
    CohortFactory(code="pa-links", trainers=[trainer])
    client.force_login(trainer)
    html = client.get("/en/study/cohorts/pa-links/").content.decode()
    assert "/admin/" not in html
    assert "pdfs.zip" not in html


def test_the_admin_cohort_page_links_to_the_cohorts_pages_on_the_site(client, programme):
    cohort = CohortFactory(code="pa-links")
    client.force_login(RegistrarFactory())
    response = client.get(f"/admin/cohort/inspect/{cohort.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    for href in [
        "/kk/study/cohorts/pa-links/",
        "/kk/study/cohorts/pa-links/import/",
        "/kk/assessment/cohorts/pa-links/results/",
        "/kk/certificates/register/?cohort=pa-links",
        "/kk/certificates/cohorts/pa-links/pdfs.zip",
        f"/admin/enrolment/?cohort={cohort.pk}",
        f"/admin/livesession/?cohort={cohort.pk}",
    ]:
        assert f'href="{href}"' in html


def _groups(html: str) -> dict[str, list[str]]:
    """Heading → the list items under it (tags stripped, spaces collapsed)."""
    import re

    groups = {}
    for heading, items in re.findall(
        r'<h2 id="links-[a-z]+">([^<]+)</h2>\s*<ul class="link-list">(.*?)</ul>', html, re.S
    ):
        groups[heading] = [
            " ".join(re.sub(r"<[^>]+>", "", item).split())
            for item in re.findall(r"<li>(.*?)</li>", items, re.S)
        ]
    return groups


def test_the_registrars_links_stand_in_three_short_lists_each_link_its_own_item(client, programme):
    cohort = CohortFactory(code="pa-groups")
    client.force_login(RegistrarFactory())

    html = client.get("/en/study/cohorts/pa-groups/").content.decode()

    assert _groups(html) == {
        "Work to score": ["Module controls", "Results of the cohort"],
        "Cohort records": [
            "Import a list of trainees",
            "Who is waiting for a certificate, and why",
            "Certificates of the cohort and bulk issue",
            "Course quality",
            "The cohort in the administration",
            "Enrolments in the administration",
            "Live sessions in the administration",
        ],
        "Downloads": ["Export CSV", "Export XLSX", "PDFs of the cohort (ZIP)"],
    }
    # Every link kept its address.
    for href in [
        "/en/assessment/cohorts/pa-groups/controls/",
        "/en/assessment/cohorts/pa-groups/results/",
        "/en/study/cohorts/pa-groups/import/",
        "/en/certificates/pending/?cohort=pa-groups",
        "/en/certificates/register/?cohort=pa-groups",
        f"/en/quality/cohorts/{cohort.pk}/",
        f"/admin/cohort/inspect/{cohort.pk}/",
        f"/admin/enrolment/?cohort={cohort.pk}",
        f"/admin/livesession/?cohort={cohort.pk}",
        "/en/study/cohorts/pa-groups/export/csv/?status=&amp;sort=name",
        "/en/study/cohorts/pa-groups/export/xlsx/?status=&amp;sort=name",
        "/en/certificates/cohorts/pa-groups/pdfs.zip",
    ]:
        assert f'href="{href}"' in html
    assert " · <a" not in html.split('class="cohort-links"')[1].split("</div>")[0]


def test_a_trainer_sees_the_work_to_score_and_the_downloads_only(client, programme):
    trainer = TrainerFactory()
    CohortFactory(code="pa-groups", trainers=[trainer])
    client.force_login(trainer)

    html = client.get("/en/study/cohorts/pa-groups/").content.decode()

    assert _groups(html) == {
        "Work to score": ["Module controls", "Results of the cohort"],
        "Downloads": ["Export CSV", "Export XLSX"],
    }


def test_a_trainer_follows_the_results_link_to_the_cohorts_results(client, programme):
    trainer = TrainerFactory()
    CohortFactory(code="pa-results", trainers=[trainer])
    client.force_login(trainer)

    html = client.get("/kk/study/cohorts/pa-results/").content.decode()
    assert 'href="/kk/assessment/cohorts/pa-results/results/"' in html
    assert _groups(html)["Бағалайтын жұмыстар"][-1] == "Ағынның нәтижелері"

    response = client.get("/kk/assessment/cohorts/pa-results/results/")
    assert response.status_code == 200
    assert "pa-results" in response.content.decode()


def test_another_cohorts_trainer_reaches_neither_the_cohort_page_nor_its_results(client, programme):
    CohortFactory(code="pa-results", trainers=[TrainerFactory()])
    other = TrainerFactory()
    CohortFactory(code="pa-other", trainers=[other])
    client.force_login(other)

    assert client.get("/en/study/cohorts/pa-results/").status_code == 404
    assert client.get("/en/assessment/cohorts/pa-results/results/").status_code == 404
    own = client.get("/en/study/cohorts/pa-other/").content.decode()
    assert "/pa-results/" not in own


def test_the_headings_are_in_the_readers_language(client, programme):
    CohortFactory(code="pa-groups")
    client.force_login(RegistrarFactory())

    kk = client.get("/kk/study/cohorts/pa-groups/").content.decode()
    ru = client.get("/ru/study/cohorts/pa-groups/").content.decode()

    assert list(_groups(kk)) == ["Бағалайтын жұмыстар", "Ағын құжаттары", "Жүктеп алу"]
    assert list(_groups(ru)) == ["Работы для оценивания", "Документы потока", "Скачать"]
