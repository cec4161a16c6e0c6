"""The Jinja2 environment of the few pages rendered by Jinja2 instead of Django's template
language: the public verification page, which every QR-code scan opens (see the README, "Why the
verification page is a Jinja2 template"). Names mirror Django's tags: `_()` is gettext, `url()`
is reverse, `static()`, `date_format`, `language_nav()` (the header's language switcher)."""

from __future__ import annotations

import functools

from django.conf import settings
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from jinja2 import Environment, StrictUndefined

from cms.templatetags.shell import language_nav


@functools.lru_cache(maxsize=2048)
def _reverse(root_urlconf, urlconf, prefix, language, name, args, kwargs) -> str:
    # root_urlconf is only part of the cache key (tests swap ROOT_URLCONF; get_urlconf() is None).
    return reverse(name, urlconf=urlconf, args=args or None, kwargs=dict(kwargs) or None)


def url(name: str, *args, **kwargs) -> str:
    """reverse(), remembered: a URL depends only on the URLconf, the script prefix and the
    language (i18n_patterns), all part of the key, and reversing costs more than the rest of a
    link's rendering."""
    return _reverse(
        settings.ROOT_URLCONF,
        get_urlconf(),
        get_script_prefix(),
        translation.get_language(),
        name,
        args,
        tuple(sorted(kwargs.items())),
    )


def environment(**options) -> Environment:
    options.setdefault("extensions", []).append("jinja2.ext.i18n")
    # A misspelt name is an error, not an empty string on a page employers rely on.
    options["undefined"] = StrictUndefined
    env = Environment(**options)
    # Old-style gettext: `_("Expired on %(date)s")|format(date=…)`, so that makemessages, which
    # reads these files as Django templates, finds every msgid written as {{ _("…") }}.
    env.install_gettext_callables(gettext, ngettext, newstyle=False)
    env.globals.update(
        url=url,
        static=static,
        language_nav=language_nav,
        current_language=translation.get_language,
    )
    env.filters["date_format"] = date_format
    return env
