"""The Wagtail admin's edit form as a browser posts it, for tests and benchmarks that publish a
page through the admin without its JavaScript."""

from __future__ import annotations


def admin_publish_data(form) -> dict:
    """The edit form's current values as POST data, with the publish button. The body (a
    StreamField the admin's JavaScript draws) is posted with no blocks: callers choose a page
    whose body is empty, or empty it first."""
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None or name == "body":
            continue
        if isinstance(value, list | tuple):
            data[name] = value
            continue
        formatted = field.widget.format_value(value)
        data[name] = "" if formatted is None else formatted
    for formset in form.formsets.values():
        management = formset.management_form
        for key in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
            data[f"{management.prefix}-{key}"] = management[key].value()
    data["body-count"] = "0"
    data["action-publish"] = "action-publish"
    return data
