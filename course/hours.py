"""Hours of the programme derived from its topic rows: the arithmetic of lecture and practice
hours and the warnings where the declared split disagrees. Kept apart from the selectors so the
models can use it without importing the selectors."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Hours:
    lecture: int = 0
    practice: int = 0

    @property
    def total(self) -> int:
        return self.lecture + self.practice

    def __add__(self, other: Hours) -> Hours:
        return Hours(self.lecture + other.lecture, self.practice + other.practice)

    def add_topic(self, kind: str, hours: int) -> Hours:
        if kind == "lecture":
            return Hours(self.lecture + hours, self.practice)
        return Hours(self.lecture, self.practice + hours)


def hours_of_pages(topics: Iterable) -> Hours:
    """Sum a set of topics (a queryset or a list of TopicPage)."""
    pairs = (
        topics.values_list("kind", "hours")
        if hasattr(topics, "values_list")
        else ((topic.kind, topic.hours) for topic in topics)
    )
    result = Hours()
    for kind, hours in pairs:
        result = result.add_topic(kind, hours)
    return result


def hours_by_module(programme, modules) -> dict[int, Hours]:
    """Hours of each module in one query: topics are matched to modules by tree path."""
    from .models import TopicPage

    by_path = {m.path: m.pk for m in modules}
    result = {m.pk: Hours() for m in modules}
    module_path_length = len(programme.path) + TopicPage.steplen
    rows = TopicPage.objects.live().descendant_of(programme).values_list("path", "kind", "hours")
    for path, kind, hours in rows:
        module_pk = by_path.get(path[:module_path_length])
        if module_pk is not None:
            result[module_pk] = result[module_pk].add_topic(kind, hours)
    return result


def declared_hours_warnings(programme, derived: Hours) -> list[str]:
    """Where the programme's declared split disagrees with the topics, one sentence each.

    The declared final-work hours belong to practice in the topic table (topic 5.3 and module 5),
    so practice is compared with declared practice + final work, and the total with the sum."""
    warnings: list[str] = []
    declared_total = programme.declared_total
    if declared_total is None:
        return warnings
    lecture = programme.declared_lecture_hours
    practice = (programme.declared_practice_hours or 0) + (programme.declared_final_work_hours or 0)
    if lecture is not None and lecture != derived.lecture:
        warnings.append(
            _("Declared lecture hours are %(declared)s, but the topics add up to %(derived)s.")
            % {"declared": lecture, "derived": derived.lecture}
        )
    if programme.declared_practice_hours is not None and practice != derived.practice:
        warnings.append(
            _(
                "Declared practice and final-work hours are %(declared)s, "
                "but the practice topics add up to %(derived)s."
            )
            % {"declared": practice, "derived": derived.practice}
        )
    if declared_total != derived.total:
        warnings.append(
            _("Declared total is %(declared)s hours, but the topics add up to %(derived)s.")
            % {"declared": declared_total, "derived": derived.total}
        )
    return warnings
