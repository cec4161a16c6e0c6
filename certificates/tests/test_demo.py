from __future__ import annotations

from assessment import demo as assessment_demo
from certificates import demo
from certificates.models import Certificate
from course import demo as course_demo


def _seed():
    result = {"accounts": [], "certificates": [], "statements": []}
    course_demo.seed(result)
    assessment_demo.seed(result)
    demo.seed(result)
    return result


def test_the_demo_has_certificates_in_every_state_and_statements(programme):
    result = _seed()

    statuses = {c["status"] for c in result["certificates"]}
    assert statuses == {"valid", "expired", "revoked", "superseded"}
    assert result["statements"]
    assert all(set(s) == {"code", "holder_email"} for s in result["statements"])
    assert all(set(c) == {"code", "status", "holder_email"} for c in result["certificates"])
    assert {"email": "alumna@demo.kz", "password": "demo-trainee-2026", "role": "trainee"} in (
        result["accounts"]
    )
    assert all(c.pdf_sha256 for c in Certificate.objects.all())


def test_seeding_twice_changes_nothing(programme):
    first = _seed()
    count = Certificate.objects.count()

    second = _seed()

    assert Certificate.objects.count() == count
    assert second["certificates"] == first["certificates"]
    assert second["statements"] == first["statements"]
