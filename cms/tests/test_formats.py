from __future__ import annotations

import datetime

from django.utils import formats, translation


def test_kazakh_pages_write_dates_day_first_with_dots_not_the_american_way():
    day = datetime.date(2027, 1, 15)
    with translation.override("kk"):
        assert formats.date_format(day) == "15.01.2027"
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "15.01.2027"
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1


def test_kazakh_forms_still_accept_the_iso_dates_that_date_inputs_send():
    with translation.override("kk"):
        assert "%Y-%m-%d" in formats.get_format("DATE_INPUT_FORMATS")


def test_russian_dates_keep_djangos_russian_format():
    with translation.override("ru"):
        assert formats.date_format(datetime.date(2027, 1, 15), "SHORT_DATE_FORMAT") == "15.01.2027"
