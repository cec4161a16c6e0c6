"""The one way forms are drawn (settings.FORM_RENDERER): `{{ form }}` is the error summary and its
fields, `{{ field.as_field_group }}` is one field with its label, help text and errors.

Django gives each field's widget `aria-describedby="<id>_helptext <id>_error"` and
`aria-invalid`; the field template renders exactly those ids, so screen readers find what they
are pointed at."""

from __future__ import annotations

from django.forms.renderers import DjangoTemplates


class FormRenderer(DjangoTemplates):
    # DjangoTemplates looks in every installed app's templates/, so these live in cms/templates.
    form_template_name = "cms/forms/form.html"
    field_template_name = "cms/forms/field.html"
