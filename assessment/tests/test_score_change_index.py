"""The score-change log is listed newest first in the admin; an index on its date keeps a page of
that list from sorting the whole log (issue 22)."""

from __future__ import annotations

import pytest
from django.db import connection

from assessment.models import ScoreChange

pytestmark = pytest.mark.django_db


def test_the_score_change_log_has_an_index_on_its_date_newest_first():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, ScoreChange._meta.db_table)
    index = constraints["score_change_changed_at"]
    assert index["index"] is True
    assert index["columns"] == ["changed_at", "id"]
    assert index["orders"] == ["DESC", "DESC"]
