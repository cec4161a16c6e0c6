"""Rich text of practice submissions: the one allow-list of HTML a trainee's answer may hold.

The editor in the browser (django-prose-editor, assessment/static/assessment/rich_text.js) offers
exactly this markup, but nothing a browser sends is trusted: `sanitise` runs in the service layer
on every save (form, autosave, any script), and `as_html` cleans again on display, so a row written
before the editor existed, or by hand in the database, cannot carry a script onto a trainer's page.

Answers written before the editor are plain text: text with no tag at all is kept as it is and
shown with its line breaks."""

from __future__ import annotations

import re

import nh3
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

TAGS = frozenset(
    {
        "p",
        "br",
        "h2",
        "h3",
        "h4",
        "strong",
        "b",
        "em",
        "i",
        "u",
        "ul",
        "ol",
        "li",
        "a",
        "blockquote",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
)
ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Tags whose content is dropped with them (the text of a script is not an answer).
DROP_WITH_CONTENT = frozenset({"script", "style", "template", "iframe", "object", "noscript"})
LINK_REL = "noopener noreferrer"

# Names of real HTML elements (the allowed ones and the dangerous ones): "<closes the book>" in an
# older plain answer is not a tag, and is shown as written. Plain text is always escaped on
# display, so whatever this misses can only show as text, never run.
_ELEMENTS = TAGS | DROP_WITH_CONTENT | {
    "h1", "h5", "h6", "div", "span", "img", "svg", "math", "embed", "link", "meta", "base",
    "form", "input", "button", "select", "textarea", "video", "audio", "source", "body", "html",
    "head", "s", "sub", "sup", "code", "pre", "hr", "font", "details", "summary", "frame",
    "frameset", "applet", "marquee", "picture", "object", "dialog",
}  # fmt: skip
_TAG = re.compile(
    r"</?(" + "|".join(sorted(_ELEMENTS, key=len, reverse=True)) + r")(\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_EMPTY = re.compile(r"^\s*(<p>\s*(<br\s*/?>)?\s*</p>\s*)*$")


def is_html(text: str) -> bool:
    """Whether the text holds any tag; plain text (older answers, no-JavaScript users who typed
    no markup) holds none."""
    return bool(_TAG.search(text or ""))


def sanitise(text: str) -> str:
    """The text to store: HTML reduced to the allow-list, plain text unchanged, and an editor's
    empty paragraph stored as an empty answer."""
    text = text or ""
    if not is_html(text):
        return text
    cleaned = nh3.clean(
        text,
        tags=set(TAGS),
        clean_content_tags=set(DROP_WITH_CONTENT),
        attributes={tag: set(attrs) for tag, attrs in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    )
    return "" if _EMPTY.match(cleaned) else cleaned


def as_html(text: str) -> SafeString:
    """The answer for a page: sanitised HTML, or plain text escaped with its line breaks."""
    text = text or ""
    if is_html(text):
        return mark_safe(sanitise(text))  # cleaned by nh3 just above
    return mark_safe(linebreaks(text, autoescape=True))  # linebreaks escapes the text itself
