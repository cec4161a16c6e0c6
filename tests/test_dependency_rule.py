"""The dependency rule (README, "Layout"): cms <- course <- assessment <- certificates <-
mentoring | credentials. An app may use the apps below it, never one above.

import-linter checks Python imports (the contract in pyproject.toml, also run by .ci/run). What it
cannot see is checked here by reading files: templates that load an app's tag library, name an
app's URL or include an app's template, and Python strings that name an app's model
("app.Model", subpage_types, apps.get_model)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]


def _ranks() -> dict[str, int]:
    """Each app's height in the layers contract: 0 for cms, higher for the apps above it."""
    (layers,) = [c["layers"] for c in CONTRACT["contracts"] if c["type"] == "layers"]
    return {
        app.strip(): height
        for height, layer in enumerate(reversed(layers))
        for app in layer.split("|")
    }


RANK = _ranks()
APPS = tuple(RANK)


def test_the_python_imports_keep_the_layers_contract():
    executable = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    run = subprocess.run(
        [executable, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 kept, 0 broken" in run.stdout


# --- templates ------------------------------------------------------------------------------

LOAD = re.compile(r"{%-?\s*load\s+([^%]+?)\s*-?%}")
URL_TAG = re.compile(r"""{%-?\s*url\s+(["'])([^"']+)\1""")
JINJA_URL = re.compile(r"""\burl\(\s*(["'])([^"']+)\1""")
TEMPLATE_NAME = re.compile(r"""{%-?\s*(?:extends|include)\s+(["'])([^"'/]+)/[^"']*\1""")


def _tag_libraries() -> dict[str, str]:
    """Tag library name -> the app that defines it."""
    return {
        module.stem: app
        for app in APPS
        for module in (ROOT / app / "templatetags").glob("*.py")
        if module.stem != "__init__"
    }


def _url_owners() -> dict[str, str]:
    """URL name ("ns:name" or "name") -> the app whose view it is, for the project's apps."""
    owners: dict[str, str] = {}

    def walk(patterns, namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                app = pattern.lookup_str.split(".")[0]
                if app in RANK:
                    owners.setdefault(f"{namespace}{pattern.name}", app)

    walk(get_resolver().url_patterns, "")
    return owners


def _templates() -> list[tuple[str, Path]]:
    return [
        (app, path)
        for app in APPS
        for folder in ("templates", "jinja2")
        for path in sorted((ROOT / app / folder).glob("**/*.html"))
    ]


def template_violations() -> list[str]:
    libraries = _tag_libraries()
    owners = _url_owners()
    found = []
    for app, path in _templates():
        text = path.read_text()
        where = path.relative_to(ROOT)
        for match in LOAD.finditer(text):
            for library in match[1].split():
                owner = libraries.get(library)
                if owner and RANK[owner] > RANK[app]:
                    found.append(f"{where}: loads {library!r} of {owner}")
        for pattern in (URL_TAG, JINJA_URL):
            for match in pattern.finditer(text):
                owner = owners.get(match[2])
                if owner and RANK[owner] > RANK[app]:
                    found.append(f"{where}: links to {match[2]!r} of {owner}")
        for match in TEMPLATE_NAME.finditer(text):
            owner = match[2]
            if owner in RANK and RANK[owner] > RANK[app]:
                found.append(f"{where}: uses the template folder {owner}/")
    return found


@pytest.mark.django_db
def test_no_template_loads_tags_names_urls_or_uses_templates_of_an_app_above_its_own():
    assert template_violations() == []


def test_the_template_check_sees_the_url_names_and_tag_libraries_of_every_app():
    # A check that found nothing because it read nothing would pass: it knows each app's URLs.
    owners = _url_owners()
    assert {owners["course:dashboard"], owners["credentials:check_pdf"]} == {
        "course",
        "credentials",
    }
    assert owners["certificates_public:verify_form"] == "certificates"
    assert _tag_libraries()["shell"] == "cms"
    assert len(_templates()) > 50


# --- strings in Python ----------------------------------------------------------------------

MODEL_STRING = re.compile(r"""(["'])(\w+)\.([A-Z]\w*)\1""")
GET_MODEL = re.compile(r"""get_model\(\s*(["'])(\w+)\1""")


def _python_files() -> list[tuple[str, Path]]:
    return [
        (app, path)
        for app in APPS
        for path in sorted((ROOT / app).glob("**/*.py"))
        # Migrations are generated; their cross-app references follow the models'.
        if "migrations" not in path.relative_to(ROOT).parts
    ]


def string_violations() -> list[str]:
    found = []
    for app, path in _python_files():
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            for pattern in (MODEL_STRING, GET_MODEL):
                for match in pattern.finditer(line):
                    owner = match[2]
                    if owner in RANK and RANK[owner] > RANK[app]:
                        found.append(f"{path.relative_to(ROOT)}:{number}: {match[0]}")
    return found


def test_no_python_string_names_a_model_or_page_type_of_an_app_above_its_own():
    assert string_violations() == []


def test_the_string_check_reads_the_page_type_declarations():
    declarations = [
        line for _app, path in _python_files() for line in path.read_text().splitlines()
    ]
    assert '    parent_page_types = ["cms.HomePage"]' in declarations
