from __future__ import annotations

import pytest

from mentoring import demo
from mentoring.models import Case, Ticket

pytestmark = pytest.mark.django_db


def test_the_demo_gives_graduates_open_answered_and_closed_tickets_once(graduate, make_certificate):
    from cms.tests.factories import TraineeFactory

    for user in (graduate, TraineeFactory(), TraineeFactory()):
        make_certificate(user)
    result = {"accounts": [], "certificates": [], "statements": []}
    demo.seed(result)
    demo.seed({"accounts": [], "certificates": [], "statements": []})

    statuses = sorted(Ticket.objects.values_list("status", flat=True))
    assert statuses == ["answered", "closed", "new"]
    assert Case.objects.count() == 1
    assert {"email": "mentor@demo.kz", "password": "demo-mentor-2026", "role": "trainer"} in (
        result["accounts"]
    )
