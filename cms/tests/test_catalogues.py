"""Every shipped catalogue is complete: no Kazakh or Russian string left empty or marked fuzzy (a
fuzzy entry is not compiled, so the page would show the English)."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(
    path
    for language in ("kk", "ru")
    for path in ROOT.glob(f"*/locale/{language}/LC_MESSAGES/django.po")
)


def test_there_are_kazakh_and_russian_catalogues_for_every_app():
    apps = {path.parts[-5] for path in CATALOGUES}
    assert {
        "cms",
        "notifications",
        "course",
        "assessment",
        "certificates",
        "mentoring",
        "credentials",
    } <= apps


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: f"{p.parts[-5]}-{p.parts[-3]}")
def test_no_string_of_a_catalogue_is_left_untranslated_or_fuzzy(path):
    untranslated = [
        entry.msgid
        for entry in polib.pofile(str(path))
        if not entry.obsolete
        and ("fuzzy" in entry.flags or not (entry.msgstr or any(entry.msgstr_plural.values())))
    ]
    assert untranslated == []


JINJA_TEMPLATES = sorted(ROOT.glob("*/jinja2/**/*.html"))
JINJA_MSGID = re.compile(r"""\b_\((["'])(.+?)\1\)""")


@pytest.mark.parametrize("template", JINJA_TEMPLATES, ids=lambda p: p.name)
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_string_of_a_jinja2_template_is_translated(template, language):
    """Jinja2 templates are read by makemessages as Django templates, which finds only strings
    written as _("…") inside an expression: any other form would silently ship in English."""
    translated = {
        entry.msgid
        for path in ROOT.glob(f"*/locale/{language}/LC_MESSAGES/django.po")
        for entry in polib.pofile(str(path))
        if entry.msgstr and not entry.obsolete
    }
    msgids = [match[1] for match in JINJA_MSGID.findall(template.read_text())]

    assert msgids, "a Jinja2 template with no translatable string"
    assert [msgid for msgid in msgids if msgid not in translated] == []
    assert "{% trans" not in template.read_text()
