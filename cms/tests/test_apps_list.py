"""The one list of the project's apps (the import-linter contract's root packages) agrees with
the layers of the dependency rule and with the installed apps."""

from __future__ import annotations

from django.apps import apps

from cms.apps_list import project_apps


def test_the_project_apps_are_the_contracts_root_packages_bottom_layer_first():
    assert project_apps()[:5] == ("cms", "notifications", "course", "assessment", "certificates")
    assert {"mentoring", "credentials", "quality"} <= set(project_apps())


def test_every_app_of_the_layers_contract_is_a_project_app_and_installed():
    import tomllib

    from cms.apps_list import PYPROJECT

    contract = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]
    (layers,) = [c["layers"] for c in contract["contracts"] if c["type"] == "layers"]
    in_layers = {app.strip() for layer in layers for app in layer.split("|")}
    assert in_layers == set(project_apps())
    installed = {config.name for config in apps.get_app_configs()}
    assert set(project_apps()) <= installed
