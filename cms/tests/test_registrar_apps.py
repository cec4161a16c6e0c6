from __future__ import annotations

from pathlib import Path

from django.apps import apps
from django.conf import settings

from cms import roles


def test_every_app_of_the_project_above_cms_declares_what_registrars_manage_in_it():
    # cms names no app above it, so a new app that forgot to declare would silently give
    # registrars nothing: every app of this repository must say, even if it gives nothing.
    base = Path(settings.BASE_DIR).resolve()
    ours = {
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == base and config.label != "cms"
    }
    assert len(ours) == 7
    assert roles.registrar_apps_declared() == ours


def test_only_apps_declared_as_managed_give_registrars_every_model(monkeypatch):
    monkeypatch.setattr(roles, "_registrar_apps", {})
    roles.registrar_app_declare(app_label="a", manages_every_model=True)
    roles.registrar_app_declare(app_label="b", manages_every_model=False)
    roles.registrar_app_declare(app_label="c", manages_every_model=True)
    assert roles.registrar_apps() == ("a", "c")
    assert roles.registrar_apps_declared() == {"a", "b", "c"}
