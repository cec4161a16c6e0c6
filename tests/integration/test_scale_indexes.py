"""The indexes issue 22 added, used by PostgreSQL for the queries they were made for: the
register's search (trigram indexes on UPPER(column)), its ordering, and the cohort import's
`email__iexact`. The tables are small here, so sequential scans are switched off: the question is
whether an index *can* answer the query, which is what a large table needs."""

from __future__ import annotations

import pytest
from django.db import connection

from certificates.models import Certificate
from cms.models import User

pytestmark = [pytest.mark.services, pytest.mark.django_db]


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_register_search_is_answered_by_the_trigram_indexes(postgres):
    plan = _plan(Certificate.objects.filter(holder_surname__icontains="сәрсен").order_by())
    assert "certificate_holder_surname_trgm" in plan, plan
    plan = _plan(Certificate.objects.filter(holder_email__icontains="example").order_by())
    assert "certificate_holder_email_trgm" in plan, plan


def test_a_page_of_the_register_is_read_from_its_ordering_index(postgres):
    plan = _plan(Certificate.objects.order_by("-issued_on", "-serial")[:50])
    assert "certificate_register_order" in plan, plan


def test_an_email_looked_up_whatever_its_case_uses_an_index(postgres):
    plan = _plan(User.objects.filter(email__iexact="Someone@Example.kz").order_by())
    assert "user_email_upper" in plan, plan


def test_a_page_of_the_score_change_log_is_read_from_its_date_index(postgres):
    from assessment.models import ScoreChange

    plan = _plan(ScoreChange.objects.order_by("-changed_at", "-pk")[:50])
    assert "score_change_changed_at" in plan, plan
