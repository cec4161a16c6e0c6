"""The demo gives each of the 14 practice topics its own brief, in Kazakh and Russian."""

from __future__ import annotations

from assessment.demo_briefs import BRIEFS
from course.programme_data import MODULES


def test_every_practice_topic_of_the_programme_has_its_own_brief_in_kazakh_and_russian():
    practice = [t["number"] for m in MODULES for t in m["topics"] if t["kind"] == "practice"]

    assert sorted(BRIEFS) == sorted(practice) and len(practice) == 14
    assert len({kk for kk, _ru in BRIEFS.values()}) == 14
    assert len({ru for _kk, ru in BRIEFS.values()}) == 14
    for kk, ru in BRIEFS.values():
        assert kk.startswith("<p>") and ru.startswith("<p>")
