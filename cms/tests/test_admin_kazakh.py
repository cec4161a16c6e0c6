"""The Wagtail admin in Kazakh: Wagtail ships no Kazakh catalogue, cms/admin_locale supplies the
strings a registrar sees."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.utils import translation

from cms.tests.factories import RegistrarFactory

CATALOGUE = Path(__file__).resolve().parents[1] / "admin_locale/kk/LC_MESSAGES/django.po"


def test_the_admin_override_catalogue_is_fully_translated():
    entries = polib.pofile(str(CATALOGUE))
    assert len(entries) > 50
    assert not [
        e.msgid
        for e in entries
        if not (e.msgstr or all(e.msgstr_plural.values())) or "fuzzy" in e.flags
    ]


def test_the_admin_strings_are_kazakh():
    with translation.override("kk"):
        assert translation.gettext("Snippets") == "Үзінділер"
        assert translation.gettext("Add %(model_name)s") % {"model_name": "ағын"} == "ағын қосу"
        assert (
            translation.gettext("Page %(page_num)s of %(total_pages)s")
            % {"page_num": 1, "total_pages": 1}
            == "1 беттің 1-беті"
        )


@pytest.mark.django_db
def test_the_admin_home_of_a_registrar_reads_in_kazakh(client):
    client.force_login(RegistrarFactory())
    html = client.get("/admin/").content.decode()
    assert "Басқару тақтасы" in html
    assert ">Dashboard<" not in html
