"""LongSelect draws exactly what Django's Select draws, only faster (cms/widgets.py)."""

from __future__ import annotations

from django import forms

from cms.widgets import LongSelect

CHOICES = [
    ("", "Any"),
    ("pa-2026-001", "pa-2026-001 — Ақмола <A&B>"),
    ("pa-2026-002", 'pa-2026-002 — "Алматы"'),
    ("Regions", [("kz-1", "Абай"), ("kz-2", "Жетісу")]),
]


def _both(value, attrs=None) -> tuple[str, str]:
    django_select = forms.Select(choices=CHOICES, attrs=attrs)
    long_select = LongSelect(choices=CHOICES, attrs=attrs)
    return (
        django_select.render("cohort", value, attrs={"id": "id_cohort"}),
        long_select.render("cohort", value, attrs={"id": "id_cohort"}),
    )


def test_a_long_select_draws_the_same_html_as_djangos_select_with_a_choice_made():
    expected, drawn = _both("pa-2026-002", attrs={"aria-describedby": "id_cohort_helptext"})
    assert drawn == expected
    assert '<option value="pa-2026-002" selected>pa-2026-002 — &quot;Алматы&quot;</option>' in drawn
    assert "Ақмола &lt;A&amp;B&gt;" in drawn
    assert '<optgroup label="Regions">' in drawn


def test_a_long_select_draws_the_same_html_as_djangos_select_with_nothing_chosen():
    expected, drawn = _both(None)
    assert drawn == expected
    assert " selected" in drawn.split("</option>")[0]  # the empty choice, as Django marks it
