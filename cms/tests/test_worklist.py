from __future__ import annotations

import re

import pytest
from django.test import RequestFactory

from cms.models import AccountDeletionRequest, FailedTask
from cms.tests.factories import RegistrarFactory, TraineeFactory, TrainerFactory
from cms.worklist import WorklistEntry, worklist_panel_add

pytestmark = pytest.mark.django_db


def _home(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_admin_home_counts_waiting_deletion_requests_and_open_failed_tasks(client):
    AccountDeletionRequest.objects.create(user=TraineeFactory())
    FailedTask.objects.create(task_name="certificates.issue", exception="boom")
    FailedTask.objects.create(task_name="x", exception="old", resolved_at="2026-01-01T00:00Z")
    html = _home(client, RegistrarFactory())
    # The admin speaks the registrar's admin language: Kazakh by default.
    assert (
        '<a href="/admin/people/deletion-requests/">'
        "Қаралуды күтетін тіркелгіні жою өтініштері</a>: <strong>1</strong>"
    ) in html
    assert (
        '<a href="/admin/failed-tasks/">'
        "Қайталанбаған және шешілмеген сәтсіз фондық тапсырмалар</a>: <strong>1</strong>"
    ) in html


def test_the_admin_home_links_the_registrars_staff_pages_of_the_site(client):
    html = _home(client, RegistrarFactory())
    panel = html[html.index('id="worklist-staff-pages-section"') :]
    panel = panel[: panel.index("</section>")]
    # The admin speaks the registrar's admin language (Kazakh by default), so do its links.
    assert re.findall(r'<a href="(/kk/[^"]+)">', panel) == [
        "/kk/study/cohorts/",
        "/kk/assessment/grading/",
        "/kk/certificates/register/",
        "/kk/certificates/pending/",
    ]


def test_only_registrars_get_worklist_panels():
    request = RequestFactory().get("/admin/")
    for user, expected in [(TrainerFactory(), 0), (TraineeFactory(), 0), (RegistrarFactory(), 1)]:
        request.user = user
        panels = []
        worklist_panel_add(
            request,
            panels,
            name="x",
            heading="X",
            entries=lambda: [WorklistEntry("a", "/a/", 1)],
            order=1,
        )
        assert len(panels) == expected


def test_the_site_menu_gives_a_registrar_cohorts_and_the_register_but_not_a_trainee(client):
    client.force_login(RegistrarFactory())
    html = client.get("/en/study/").content.decode()
    assert '<a href="/en/study/cohorts/"' in html
    assert '<a href="/en/certificates/register/"' in html
    client.force_login(TraineeFactory())
    html = client.get("/en/study/").content.decode()
    assert "/en/study/cohorts/" not in html
    assert "/en/certificates/register/" not in html


def test_the_site_menu_leads_a_registrar_to_the_admin(client):
    # Registrars open the admin by its permission, not as Django "staff": the menu linked it
    # only for is_staff, so a registrar had to type the address.
    user = RegistrarFactory(is_staff=False)
    client.force_login(user)
    html = client.get("/kk/").content.decode()
    assert '<a href="/admin/">Әкімшілік бөлім</a>' in html


@pytest.mark.parametrize("factory", [TraineeFactory, TrainerFactory])
def test_the_site_menu_has_no_admin_link_for_trainees_and_trainers(client, factory):
    client.force_login(factory())
    html = client.get("/kk/").content.decode()
    assert 'href="/admin/"' not in html


@pytest.mark.parametrize("factory", [TraineeFactory, TrainerFactory])
def test_deciding_the_admin_link_for_a_trainee_or_trainer_checks_no_permission(
    factory, django_assert_num_queries
):
    from cms.roles import may_open_admin

    person = factory()
    with django_assert_num_queries(1):  # their group names, read once per request
        assert may_open_admin(person) is False
    with django_assert_num_queries(0):
        assert may_open_admin(person) is False


def test_a_registrar_may_open_the_admin_through_the_groups_permission():
    from cms.roles import may_open_admin

    assert may_open_admin(RegistrarFactory(is_staff=False)) is True
