"""The admin's form for topic pages: the checks that need the parent a new page is added to."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm


class TopicPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        # A saved topic checks its number in TopicPage.clean(); a new one has no place in the tree
        # yet, so it is checked here against the module it is being added to.
        if self.instance.pk is None and self.parent_page is not None and cleaned.get("number"):
            self.instance.number = cleaned["number"]
            try:
                self.instance.clean_number_under(self.parent_page)
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned
