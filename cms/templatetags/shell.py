"""Template helpers of the site shell: the language switcher and the apps' menu links."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from cms import roles
from cms.navigation import menu_items_for

register = template.Library()


@register.filter
def may_open_admin(user) -> bool:
    return roles.may_open_admin(user)


LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def _same_page_in(request, code: str) -> str:
    """The URL of the current page in another language, by string work alone (this runs on every
    page, the verification page included, so it must not resolve or reverse URLs).

    Prefixed pages swap their /kk/ prefix: no path is translated. Unprefixed pages (the QR code's
    /verify/<code>/) take `?lang=`, which cms.middleware.QueryLanguageMiddleware honours."""
    path = request.path
    first, _, rest = path.lstrip("/").partition("/")
    if first in LANGUAGE_CODES:
        url = f"/{code}/{rest}"
        query = request.GET.urlencode()
        return f"{url}?{query}" if query else url
    # The query string's last value of each name (as QueryDict.items() gives), `lang` replaced.
    params = dict(request.GET.items())
    params["lang"] = code
    return f"{path}?{urlencode(sorted(params.items()))}"


def language_links_for(request, page=None) -> list[dict]:
    """One link per language to the same page in that language.

    Wagtail pages link to their translation (the other locale's tree); other pages swap the URL's
    language prefix."""
    current = translation.get_language()
    translations = {}
    if page is not None and hasattr(page, "get_translations"):
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[other.locale.language_code] = other.get_url(request)
    links = []
    for code, name in settings.LANGUAGES:
        url = translations.get(code)
        if url is None and request is not None:
            url = _same_page_in(request, code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


_CURRENT = mark_safe(' aria-current="true"')
# On a phone the switcher shows each language's own abbreviation (the full name stays in the
# link's accessible name), so that it fits on one row with the brand and the menu button.
_SHORT_NAMES = {"kk": "ҚАЗ", "ru": "РУС", "en": "ENG"}


def language_nav(request, page=None) -> str:
    """The language switcher of the site header, for the Django and the Jinja2 shell alike."""
    items = format_html_join(
        "",
        '<li><a href="{}" lang="{}" hreflang="{}"{}><span class="lang-short">{} </span>'
        '<span class="lang-name">{}</span></a></li>',
        (
            (
                link["url"],
                link["code"],
                link["code"],
                _CURRENT if link["current"] else "",
                _SHORT_NAMES.get(link["code"], link["code"].upper()),
                link["name"],
            )
            for link in language_links_for(request, page)
        ),
    )
    return format_html(
        '<nav aria-label="{}" class="lang-nav"><ul>{}</ul></nav>', gettext("Language"), items
    )


@register.simple_tag(takes_context=True)
def language_switcher(context) -> str:
    return language_nav(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def main_menu_items(context) -> str:
    """The menu links the apps registered (cms.navigation), those the signed-in person may see."""
    user = context.get("user")
    items = menu_items_for(user)
    return format_html_join(
        "\n",
        '<li><a href="{}">{}</a></li>',
        ((reverse(i.url_name), i.label_of(user)) for i in items),
    )
