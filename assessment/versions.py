"""A new version of a programme gets copies of the assessment that hangs on its pages: the theory
test (on the programme), the question bank and the module controls (on modules) and the practice
assignments (on topics), with their choices and materials. A cohort's control settings (time limit,
attempts) belong to the cohort, not the version. Trainees' attempts and submissions stay with
the old version."""

from __future__ import annotations


def on_programme_version_created(sender, *, source, new, pages: dict[int, int], **kwargs) -> None:
    from .models import Assignment, ModuleControl, Question, TheoryTest

    for test in TheoryTest.objects.filter(programme=source):
        test.pk, test.programme = None, new
        test.save()
    for question in Question.objects.filter(module_id__in=pages):
        _copy_cluster(question, module_id=pages[question.module_id])
    for control in ModuleControl.objects.filter(module_id__in=pages):
        control.pk, control.module_id = None, pages[control.module_id]
        control.save()
    for assignment in Assignment.objects.filter(topic_id__in=pages):
        _copy_cluster(assignment, topic_id=pages[assignment.topic_id])


def _copy_cluster(instance, **changes) -> None:
    copy, _children = instance.copy_cluster()
    for name, value in changes.items():
        setattr(copy, name, value)
    copy.save()


def connect() -> None:
    from course.signals import programme_version_created

    programme_version_created.connect(
        on_programme_version_created, dispatch_uid="assessment.programme_version"
    )
