"""Widgets of the site's forms."""

from __future__ import annotations

from django import forms


class LongSelect(forms.Select):
    """A select of many options (every cohort ever, in the register's filter), drawn as Django's
    Select draws it, byte for byte, but with each option written in the loop: Django's own
    template includes a template per option (and another for its attributes), which took half
    of the register page's time with a national year's 200 cohorts (issue 19)."""

    template_name = "cms/widgets/long_select.html"
