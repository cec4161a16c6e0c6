"""Admin views shared by the apps' viewsets."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.views.generic import InspectView


class LocalTimeInspectView(InspectView):
    """An inspect view that shows date-times in the admin user's time zone, as the listings do
    (Wagtail's inspect view prints the stored UTC value)."""

    def get_field_display_value(self, field_name, field):
        value = getattr(self.object, field_name, None)
        if isinstance(value, datetime.datetime):
            return date_format(timezone.localtime(value), "DATETIME_FORMAT")
        return super().get_field_display_value(field_name, field)
