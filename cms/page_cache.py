"""Whole-page cache for anonymous visitors of the public course pages (issue 22).

The programme, module and topic pages are the same for every visitor who is not signed in, yet
each was routed through the page tree and rendered on every request (0.03 of a bare view). An app
marks a page as shareable while Wagtail serves it (`page_cache_mark`, from a `before_serve_page`
hook); `PageCacheMiddleware` then stores the rendered answer and serves it to the next anonymous
visitor of the same address before any routing, query or rendering.

Purged, not only expired: every key holds a generation number that any saved, deleted or moved
page (publishing, unpublishing, editing) or any view restriction change moves on, so an editor's
publish is seen at once on every worker. PAGE_CACHE_SECONDS bounds the rest (0 turns it off).

Routes too: the page each address leads to is kept under the same generation, so a signed-in
person's page is not routed through the tree again (`PageCacheMiddleware.process_view`).

Never stored (as a whole page): anything for a signed-in person, a request with a query string or
pending messages, an answer that sets a cookie (a CSRF token would be shared), anything but a 200.
Nothing personal or whose staleness could mislead (a result, a certificate's status) is on these
pages."""

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
        if seconds <= 0:
            return self.get_response(request)
        if not _may_share(request):
            response = self.get_response(request)
            _route_keep(request, seconds)
            return response
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
        _route_keep(request, seconds)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """A page a signed-in person opens (or an anonymous visitor's page not cached whole) is
        still routed from the cache: Wagtail walks the page tree from the site's root, a query
        or two per level, about a third of a signed-in topic page's time (issue 22). The page
        an address led to is kept under the same generation as the pages, so a publish, move,
        rename or unpublish is seen at once; the page itself is read fresh (one query), and
        Wagtail's own hooks (view restrictions) still run on it."""
        if (
            settings.PAGE_CACHE_SECONDS <= 0
            or view_func is not _wagtail_serve()
            or request.method not in ("GET", "HEAD")
        ):
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        key = (
            f"pa-lms:page-route:{page_cache_generation()}:{request.get_host()}:"
            f"{translation.get_language()}:{path}"
        )
        stored = cache.get(key)
        page = _live_page(*stored) if stored is not None else None
        if page is not None:
            # What Wagtail's Page.route_for_request keeps on the request: it routes no more.
            request._wagtail_route_for_request = (page, [], {})
        else:
            setattr(request, _ROUTE_KEY, key)
        return None


_ROUTE_KEY = "_pa_lms_page_route_key"


def _wagtail_serve():
    from wagtail.views import serve

    return serve


def _live_page(page_id: int, content_type_id: int):
    from django.contrib.contenttypes.models import ContentType

    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return model.objects.live().filter(pk=page_id).first() if model is not None else None


def _route_keep(request, seconds: int) -> None:
    """Keep the page Wagtail routed this request's address to (not a page's own sub-route: a
    route with arguments is not kept)."""
    key = getattr(request, _ROUTE_KEY, None)
    route = getattr(request, "_wagtail_route_for_request", None)
    if key is None or route is None:
        return
    page, args, kwargs = route
    if not args and not kwargs:
        cache.set(key, (page.pk, page.content_type_id), seconds)


def _purge_on_change(sender, **kwargs) -> None:
    page_cache_purge()


def connect_purge_signals() -> None:
    """Called from cms's AppConfig.ready(): any page saved (a draft, a publish, a move), deleted
    or unpublished, and any view restriction added or removed, purges the cache."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_purge_on_change, dispatch_uid=f"page_cache_{signal!r}")
    # A site's root or host decides where an address leads (the routes kept above).
    for model in (Page, PageViewRestriction, Site):
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
