"""The Jinja2 environment of the few pages rendered by Jinja2 instead of Django's template
language: the public verification page, which every QR-code scan opens (see the README, "Why the
verification page is a Jinja2 template"). Names mirror Django's tags: `_()` is gettext, `url()`
is reverse, `static()`, `date_format`, `language_nav()` (the header's language switcher).

What these helpers return depends only on the language, the URLconf and settings, so each is
remembered per process, and `request_helpers`, a context processor, looks the language and the
URLconf up once per page instead of once per string: they live in context-local storage (asgiref),
which costs more to read than the translation itself."""

from __future__ import annotations

import datetime
import functools
from pathlib import Path

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static as django_static
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.autoreload import file_changed
from django.utils.formats import date_format as django_date_format
from django.utils.translation import gettext, ngettext
from jinja2 import Environment, StrictUndefined

from cms.navigation import public_menu_items
from cms.roles import may_open_admin
from cms.templatetags.shell import language_nav


@functools.lru_cache(maxsize=2048)
def _reverse(root_urlconf, urlconf, prefix, language, name, args, kwargs) -> str:
    # root_urlconf is only part of the cache key (tests swap ROOT_URLCONF; get_urlconf() is None).
    return reverse(name, urlconf=urlconf, args=args or None, kwargs=dict(kwargs) or None)


def _url_for(where: tuple, name: str, *args, **kwargs) -> str:
    return _reverse(*where, name, args, tuple(sorted(kwargs.items())))


def _where() -> tuple:
    """What a reversed URL depends on besides its name and arguments: the URLconf, the script
    prefix and the language (i18n_patterns)."""
    return (settings.ROOT_URLCONF, get_urlconf(), get_script_prefix(), translation.get_language())


def url(name: str, *args, **kwargs) -> str:
    """reverse(), remembered: reversing costs more than the rest of a link's rendering."""
    return _url_for(_where(), name, *args, **kwargs)


@functools.lru_cache(maxsize=4096)
def _gettext_in(language: str, message: str) -> str:
    with translation.override(language):
        return gettext(message)


@functools.lru_cache(maxsize=1024)
def _ngettext_in(language: str, singular: str, plural: str, number: int) -> str:
    with translation.override(language):
        return ngettext(singular, plural, number)


@functools.lru_cache(maxsize=256)
def static(path: str) -> str:
    """The static file's URL (hashed name in production), remembered."""
    return django_static(path)


@functools.lru_cache(maxsize=1024)
def _date_format_in(language: str, value, format_name: str | None) -> str:
    with translation.override(language):
        return django_date_format(value, format_name)


def date_format(value, format_name: str | None = None) -> str:
    """Django's date_format in the active language's format, remembered for dates. Datetimes are
    formatted afresh: two of them can be equal (one instant) yet read differently (time zones)."""
    if type(value) is datetime.date:
        return _date_format_in(translation.get_language(), value, format_name)
    return django_date_format(value, format_name)


@receiver(setting_changed)
def _forget(**kwargs) -> None:
    """Tests change settings (languages, URLconfs, storages): start afresh."""
    for remembered in (_reverse, _gettext_in, _ngettext_in, static, _date_format_in):
        remembered.cache_clear()


@receiver(file_changed)
def _forget_translations(file_path, **kwargs) -> None:
    """runserver reloads a recompiled catalogue without restarting: so do these."""
    if Path(file_path).suffix == ".mo":
        _forget()


def _gettext_for(language: str):
    def translate(message):
        if type(message) is not str:  # a safe or lazy string: as Django's gettext does, afresh
            with translation.override(language):
                return gettext(message)
        return _gettext_in(language, message)

    return translate


def request_helpers(request) -> dict:
    """Context processor of the Jinja2 engine: `_()`/gettext, ngettext and url() bound to this
    page's language and URLconf (Jinja2's i18n extension looks gettext up in the context
    first). Without a request, the environment's globals do the same a little slower.

    Django applies context processors after the view's context, so these three names are
    reserved: a view's own `url`, `gettext` or `ngettext` would be replaced."""
    where = _where()
    language = where[-1]
    return {
        "gettext": _gettext_for(language),
        "ngettext": functools.partial(_ngettext_in, language),
        "url": functools.partial(_url_for, where),
    }


def _organisation_name() -> str:
    from cms.selectors import organisation_name

    return organisation_name(translation.get_language() or "kk")


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
        public_menu_items=public_menu_items,
        may_open_admin=may_open_admin,
        current_language=translation.get_language,
        organisation_name=_organisation_name,
        course_hours=settings.COURSE_HOURS,
    )
    env.filters["date_format"] = date_format
    return env
