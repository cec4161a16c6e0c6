"""settings.COURSE_HOURS, which the footers and the quality report print, is the approved
programme's total: the loaded programme's topic hours add up to it."""

from __future__ import annotations

from django.conf import settings


def test_the_loaded_programmes_topic_hours_add_up_to_the_course_hours_setting(programme):
    assert programme.derived_hours().total == settings.COURSE_HOURS == 80
