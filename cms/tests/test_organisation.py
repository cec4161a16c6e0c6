from __future__ import annotations

from django.core.cache import cache
from django.utils import translation

from cms.models import OrganisationSettings


def test_a_new_organisation_has_no_invented_names_or_signatory():
    organisation = OrganisationSettings()

    for name in ("name_kk", "name_ru", "name_en", "signatory_name", "signatory_position_kk"):
        assert getattr(organisation, name) == ""
    assert organisation.annex_hours_split == "none"
    with translation.override("en"):
        assert "signatory's name" in organisation.missing_for_issue()


def test_footers_show_the_names_the_registrar_entered_and_nothing_invented(client, programme):
    cache.clear()
    organisation = OrganisationSettings.objects.get()
    organisation.name_ru = "ТОО «Тест Ұйымы»"
    organisation.name_en = ""
    organisation.save()

    russian = client.get("/ru/programme/").content.decode()
    english = client.get("/en/programme/").content.decode()
    verify = client.get("/verify/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    assert "ТОО «Тест Ұйымы»" in russian and "ТОО «Тест Ұйымы»" in verify
    # No English name registered: the official Kazakh one, never a made-up translation.
    assert "ЖШС «Оқу және Даму Институты»" in english
    for page in (russian, english, verify):
        assert "Институт обучения и развития" not in page
        assert "Learning and Development Institute" not in page
