"""A new version of a programme keeps the mentoring policy of the version it was copied from."""

from __future__ import annotations


def on_programme_version_created(sender, *, source, new, **kwargs) -> None:
    from .models import MentoringPolicy

    policy = MentoringPolicy.objects.filter(programme=source).first()
    if policy is None or MentoringPolicy.objects.filter(programme=new).exists():
        return
    policy.pk, policy.programme = None, new
    policy.save()


def connect() -> None:
    from course.signals import programme_version_created

    programme_version_created.connect(
        on_programme_version_created, dispatch_uid="mentoring.programme_version"
    )
