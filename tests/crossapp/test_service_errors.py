"""Services refuse with one error type: every exception class a services module (or the few
modules whose refusals views show) defines is a cms.errors.ServiceError."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from cms.apps_list import project_apps
from cms.errors import ServiceError

ROOT = Path(__file__).resolve().parents[2]
APPS = project_apps()
# Refusals raised outside a services module but shown to people by views the same way.
OTHER_MODULES = ("course.importing", "credentials.openbadges", "cms.translation_status")


def _service_modules() -> list[str]:
    names = []
    for app_name in APPS:
        if (ROOT / app_name / "services.py").exists():
            names.append(f"{app_name}.services")
        package = ROOT / app_name / "services"
        if (package / "__init__.py").exists():
            names.append(f"{app_name}.services")
            names += [
                f"{app_name}.services.{info.name}" for info in pkgutil.iter_modules([str(package)])
            ]
    return names


def _exceptions_defined_in(module_name: str) -> list[type]:
    module = importlib.import_module(module_name)
    return [
        cls
        for _name, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, BaseException) and cls.__module__ == module_name
    ]


def test_every_error_a_services_module_defines_is_a_service_error():
    found = {
        cls.__name__: cls
        for module_name in _service_modules() + list(OTHER_MODULES)
        for cls in _exceptions_defined_in(module_name)
    }

    not_service_errors = [name for name, cls in found.items() if not issubclass(cls, ServiceError)]
    assert not_service_errors == []
    # The refusals of this writing, no fewer: the check reads the real modules.
    assert {
        "EnrolmentError",
        "ContentLoadError",
        "ImportFileError",
        "CertificateError",
        "OrganisationSettingsMissing",
        "CompletionNotMet",
        "AccountDeletionRefused",
        "DeletionRequestError",
        "FailedTaskError",
        "TranslationRefused",
        "CredentialError",
    } <= found.keys()


def test_no_services_module_raises_a_plain_validation_error():
    """Every refusal a service raises is a ServiceError (or an app's subclass), never a bare
    ValidationError: one type to catch and to map."""
    import re

    raising = []
    for module_name in _service_modules():
        module = importlib.import_module(module_name)
        source = Path(inspect.getfile(module)).read_text(encoding="utf-8")
        for number, line in enumerate(source.splitlines(), start=1):
            if re.search(r"\braise (ValidationError|PermissionDenied)\(", line):
                raising.append(f"{module_name}:{number}")
    assert raising == []
