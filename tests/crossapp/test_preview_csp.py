"""Live preview in the Wagtail editor under the production Content-Security-Policy: the editor may
frame its own origin, and only the preview (which Wagtail marks framable by its own origin) may be
framed, by the same origin; every other page still refuses any frame."""

from __future__ import annotations

import pytest

from cms.csp_policy import production_policy
from cms.tests.factories import RegistrarFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def production_csp(settings):
    settings.CONTENT_SECURITY_POLICY = production_policy(media_origins=[])
    settings.X_FRAME_OPTIONS = "DENY"
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(
        middleware.index("django.middleware.security.SecurityMiddleware") + 1,
        "cms.csp.SiteCSPMiddleware",
    )
    settings.MIDDLEWARE = middleware


def _directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def _module_page():
    from course.models import ModulePage

    return ModulePage.objects.get(locale__language_code="kk", number=2)


def _edit_form_data(client, page) -> list[tuple[str, str]]:
    """The editor's form as the browser sends it, unchanged: read from the edit page's HTML."""
    import lxml.html

    document = lxml.html.fromstring(client.get(f"/admin/pages/{page.pk}/edit/").content)
    form = document.get_element_by_id("page-edit-form")
    data = []
    for element in form.xpath(".//input[@name]|.//textarea[@name]|.//select[@name]"):
        name, kind = element.get("name"), (element.get("type") or "").lower()
        if kind in ("checkbox", "radio") and element.get("checked") is None:
            continue
        if kind in ("submit", "file", "button"):
            continue
        if element.tag == "select":
            chosen = element.xpath(".//option[@selected]") or element.xpath(".//option")[:1]
            data += [(name, option.get("value", option.text or "")) for option in chosen]
        elif element.tag == "textarea":
            data.append((name, element.text or ""))
        else:
            data.append((name, element.get("value", "")))
    return data


def test_the_editor_page_may_frame_its_own_origin_and_may_not_be_framed(client, production_csp):
    registrar = RegistrarFactory()
    client.force_login(registrar)
    page = _module_page()

    response = client.get(f"/admin/pages/{page.pk}/edit/")

    assert response.status_code == 200
    directives = _directives(response)
    assert "'self'" in directives["frame-src"]
    assert "https://www.youtube.com" in directives["frame-src"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_preview_of_a_page_being_edited_may_be_framed_by_the_admin_alone(
    client, production_csp
):
    registrar = RegistrarFactory()
    client.force_login(registrar)
    page = _module_page()
    preview = f"/admin/pages/{page.pk}/edit/preview/"

    from urllib.parse import urlencode

    posted = client.post(
        preview, urlencode(_edit_form_data(client, page)), "application/x-www-form-urlencoded"
    )
    response = client.get(preview, {"in_preview_panel": "true", "mode": ""})

    assert posted.json() == {"is_valid": True, "is_available": True}
    assert response.status_code == 200
    assert page.title in response.content.decode()
    directives = _directives(response)
    assert directives["frame-ancestors"] == ["'self'"]
    # The rest is the public page's own strict policy.
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_a_public_page_still_refuses_every_frame(client, production_csp):
    page = _module_page()

    response = client.get(page.url)

    assert _directives(response)["frame-ancestors"] == ["'none'"]
    assert "'self'" not in _directives(response)["frame-src"]
    assert response["X-Frame-Options"] == "DENY"


def test_an_admin_page_that_wagtail_did_not_mark_framable_refuses_every_frame(
    client, production_csp
):
    client.force_login(RegistrarFactory())

    response = client.get("/admin/")

    assert _directives(response)["frame-ancestors"] == ["'none'"]


def test_the_production_settings_take_their_policy_from_the_one_tested_here():
    source = (
        __import__("pathlib").Path(__file__).resolve().parents[2]
        / "cms"
        / "settings"
        / "production.py"
    ).read_text()

    assert "_csp = production_policy(media_origins=_media_origins)" in source
