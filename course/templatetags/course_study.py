"""The study state of a topic page for the person reading it: enrolled or not, studied or not."""

from __future__ import annotations

from django import template

from .. import selectors, services

register = template.Library()


@register.simple_tag(takes_context=True)
def topic_study_state(context, page) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"anonymous": True}
    enrolment = selectors.enrolment_current(user)
    state: dict = {"enrolment": enrolment, "refusal": services.study_refusal(enrolment)}
    if enrolment is None:
        return state
    source = selectors.source_topic_for(page)
    completion = enrolment.completions.filter(topic=source).first()
    from ..study import opened_token, topic_questions

    state.update(
        completion=completion,
        is_lecture=page.kind == "lecture",
        # Stamped now: the form at the end of the page sends it back (course.study).
        opened_token=opened_token(user_id=user.pk, page_id=page.pk),
        questions=len(topic_questions(page)),
        progress=selectors.enrolment_progress(enrolment),
    )
    return state


@register.simple_tag
def topic_body_cache_seconds() -> int:
    """How long a topic's rendered body is kept (PAGE_CACHE_SECONDS; 0 keeps nothing)."""
    from django.conf import settings

    return max(settings.PAGE_CACHE_SECONDS, 0)


@register.simple_tag
def topic_body_cache_key(page) -> str:
    """The key of a topic's rendered introduction and body: the same for every reader of the page
    in one language (the body holds nothing personal: its quiz radios belong to the study form
    rendered outside it), so a signed-in trainee's page renders only the personal part. It holds
    the page's revision and the page cache's generation, which every save, publish, unpublish or
    move moves on (cms.page_cache): an editor's publish is seen at once (issue 22)."""
    from cms.page_cache import page_cache_generation

    return f"{page_cache_generation()}:{page.pk}:{page.latest_revision_id}"
