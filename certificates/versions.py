"""A new version of a programme keeps the completion rule of the version it was copied from."""

from __future__ import annotations


def on_programme_version_created(sender, *, source, new, **kwargs) -> None:
    from .models import CompletionRule

    rule = CompletionRule.objects.filter(programme=source).first()
    if rule is None or CompletionRule.objects.filter(programme=new).exists():
        return
    rule.pk, rule.programme = None, new
    rule.save()


def connect() -> None:
    from course.signals import programme_version_created

    programme_version_created.connect(
        on_programme_version_created, dispatch_uid="certificates.programme_version"
    )
