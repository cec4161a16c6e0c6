"""Showing a trainee's answer (sanitised rich text, or older plain text with its line breaks) and
the words of the answer editor in the page's language."""

from __future__ import annotations

from django import template
from django.utils.html import json_script
from django.utils.translation import pgettext

from assessment import rich_text as _rich_text

register = template.Library()


@register.filter
def rich_text(value) -> str:
    return _rich_text.as_html(value or "")


def _editor_labels() -> dict[str, str]:
    """The editor's own English words (its button titles and dialog texts) in our language. The
    context "editor" keeps them apart from the same words in other apps' catalogues ("Heading",
    "Title"), which come first in the merged catalogue."""
    return {
        "Formatting": pgettext("editor", "Formatting"),
        "bold": pgettext("editor", "Bold"),
        "italic": pgettext("editor", "Italic"),
        "heading 2": pgettext("editor", "Heading"),
        "heading 3": pgettext("editor", "Subheading"),
        "heading 4": pgettext("editor", "Minor heading"),
        "paragraph": pgettext("editor", "Paragraph"),
        "Paragraph": pgettext("editor", "Paragraph"),
        "Heading 2": pgettext("editor", "Heading"),
        "Heading 3": pgettext("editor", "Subheading"),
        "Heading 4": pgettext("editor", "Minor heading"),
        "List properties": pgettext("editor", "List properties"),
        "unordered list": pgettext("editor", "Bulleted list"),
        "ordered list": pgettext("editor", "Numbered list"),
        "insert link": pgettext("editor", "Insert a link"),
        "remove link": pgettext("editor", "Remove the link"),
        "undo": pgettext("editor", "Undo"),
        "redo": pgettext("editor", "Redo"),
        "insert table": pgettext("editor", "Insert a table"),
        "Insert table": pgettext("editor", "Insert a table"),
        "Merge cells": pgettext("editor", "Merge cells"),
        "Split cell": pgettext("editor", "Split the cell"),
        "Add column": pgettext("editor", "Add a column"),
        "Delete column": pgettext("editor", "Delete the column"),
        "Add row": pgettext("editor", "Add a row"),
        "Delete row": pgettext("editor", "Delete the row"),
        "Toggle header cell": pgettext("editor", "Header cell on or off"),
        "Delete table": pgettext("editor", "Delete the table"),
        "Edit Link": pgettext("editor", "Link"),
        "URL": pgettext("editor", "Address (URL)"),
        "Title": pgettext("editor", "Title"),
        "Update": pgettext("editor", "Apply"),
        "Cancel": pgettext("editor", "Cancel"),
        "Insert Table": pgettext("editor", "Insert a table"),
        "Rows": pgettext("editor", "Rows"),
        "Columns": pgettext("editor", "Columns"),
        "Include header row": pgettext("editor", "Include a header row"),
        "Insert": pgettext("editor", "Insert"),
        "Table Properties": pgettext("editor", "Table properties"),
    }


@register.simple_tag
def rich_text_labels() -> str:
    return json_script(_editor_labels(), "rich-text-labels")
