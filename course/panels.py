"""An editor-only panel that compares the declared hours with the hours derived from topics."""

from __future__ import annotations

from wagtail.admin.panels import Panel


class HoursCheckPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "course/panels/hours_check.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            if page.pk:
                derived = page.derived_hours()
                context["derived"] = derived
                context["warnings"] = page.hours_warnings()
            return context
