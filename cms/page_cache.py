"""Whole-page cache for anonymous visitors of the public course pages (issue 22).

The programme, module and topic pages are the same for every visitor who is not signed in, yet
each was routed through the page tree and rendered on every request (0.03 of a bare view). An app
marks a page as shareable while Wagtail serves it (`page_cache_mark`, from a `before_serve_page`
hook); `PageCacheMiddleware` then stores the rendered answer and serves it to the next anonymous
visitor of the same address before any routing, query or rendering.

Purged, not only expired: every key holds a generation number that any saved, deleted or moved
page (publishing, unpublishing, editing) or any view restriction change moves on, so an editor's
publish is seen at once on every worker. PAGE_CACHE_SECONDS bounds the rest (0 turns it off).

Never stored: anything for a signed-in person, a request with a query string or pending messages,
an answer that sets a cookie (a CSRF token would be shared), anything but a 200. Nothing personal
or whose staleness could mislead (a result, a certificate's status) is on these pages."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation

GENERATION_KEY = "pa-lms:page-cache:generation"
_MARK = "_pa_lms_page_cache"
# Headers a cached answer keeps; the middlewares around this one add theirs to every answer.
_KEPT_HEADERS = ("Content-Type", "Content-Language")


def page_cache_mark(request) -> None:
    """Say that the page being served is the same for every anonymous visitor."""
    setattr(request, _MARK, True)


def page_cache_purge() -> None:
    """Forget every cached page (the next request of each renders it again)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there yet (or evicted): any new value differs from the old ones
        cache.set(GENERATION_KEY, time.time_ns(), None)


def page_cache_generation():
    """The number every page-derived cache key holds: it moves on at each purge, so anything
    derived from the page tree (a programme's outline too) may be cached under it."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = time.time_ns()
        if not cache.add(GENERATION_KEY, generation, None):
            generation = cache.get(GENERATION_KEY, generation)
    return generation


def _may_share(request) -> bool:
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    if request.user.is_authenticated:
        return False
    # Messages for this visitor ("you have signed out") are shown once, to them alone.
    return not len(get_messages(request))


def _key(request, generation) -> str:
    return (
        f"pa-lms:page-cache:{generation}:{request.get_host()}:"
        f"{translation.get_language()}:{request.path}"
    )


class PageCacheMiddleware:
    """Last in MIDDLEWARE: it sees the request after sessions, language, user and messages, and
    a cached answer still passes back through every middleware (security headers, CSP)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if seconds <= 0 or not _may_share(request):
            return self.get_response(request)
        generation = page_cache_generation()
        key = _key(request, generation)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers.items():
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if (
            getattr(request, _MARK, False)
            and response.status_code == 200
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not getattr(response, "streaming", False)
        ):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            headers = {name: response[name] for name in _KEPT_HEADERS if response.has_header(name)}
            cache.set(key, (response.content, headers), seconds)
            response["X-Page-Cache"] = "miss"
        return response


def _purge_on_change(sender, **kwargs) -> None:
    page_cache_purge()


def connect_purge_signals() -> None:
    """Called from cms's AppConfig.ready(): any page saved (a draft, a publish, a move), deleted
    or unpublished, and any view restriction added or removed, purges the cache."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page, PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_purge_on_change, dispatch_uid=f"page_cache_{signal!r}")
    for model in (Page, PageViewRestriction):
        for signal in (post_save, post_delete):
            # Page subclasses send with their own class as sender: listen to every sender.
            signal.connect(
                _purge_if(model), weak=False, dispatch_uid=f"page_cache_{model.__name__}_{signal!r}"
            )


def _purge_if(model):
    def receiver(sender, **kwargs):
        if isinstance(sender, type) and issubclass(sender, model):
            page_cache_purge()

    return receiver
