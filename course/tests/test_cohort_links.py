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
