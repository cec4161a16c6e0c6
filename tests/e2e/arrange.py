"""What a journey needs to exist before a person starts it, made inside the site under test.

Run by Server.arrange() through `manage.py shell` in the server's own settings (this folder is on
its PYTHONPATH); each function prints one JSON object. Only what the journey's person could not do
in the browser is arranged here — the journey itself is done in the browser."""

from __future__ import annotations

import datetime
import json


def _person(email: str, password: str, first: str, last: str, *, profile: bool = True):
    from allauth.account.models import EmailAddress

    from cms.models import TraineeProfile, User
    from cms.roles import TRAINEE
    from cms.services import role_assign

    user, _ = User.objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": last}
    )
    user.set_password(password)
    user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    if profile:
        TraineeProfile.objects.update_or_create(
            user=user,
            defaults={
                "surname_kk": last,
                "given_name_kk": first,
                "surname_ru": last,
                "given_name_ru": first,
            },
        )
    role_assign(user=user, role=TRAINEE)
    return user


def _cohort(code: str, *, key: str = "", starts_on=None, ends_on=None):
    from course.models import Cohort, ProgrammePage

    today = datetime.date.today()
    cohort, _ = Cohort.objects.get_or_create(
        code=code,
        defaults={
            "programme": ProgrammePage.objects.get(locale__language_code="kk"),
            "name": f"E2E {code}",
            "starts_on": starts_on or today - datetime.timedelta(days=7),
            "ends_on": ends_on or today + datetime.timedelta(days=30),
            "enrolment_key": key,
        },
    )
    return cohort


def certificates(password: str) -> None:
    """Two holders of a finished cohort: one valid certificate, one revoked."""
    from certificates.services import certificate_issue, certificate_revoke
    from course.models import Enrolment

    cohort = _cohort(
        "e2e-graduates",
        starts_on=datetime.date(2026, 9, 1),
        ends_on=datetime.date(2026, 10, 15),
    )
    made = {}
    for status, (email, first, last) in {
        "valid": ("holder.valid@e2e.kz", "Айгерім", "Сәрсенбаева"),
        "revoked": ("holder.revoked@e2e.kz", "Гүлнар", "Өтебаева"),
    }.items():
        user = _person(email, password, first, last)
        enrolment, _ = Enrolment.objects.get_or_create(
            cohort=cohort, trainee=user, defaults={"status": Enrolment.Status.COMPLETED}
        )
        certificate = certificate_issue(
            enrolment=enrolment, score=88, band="excellent", issued_on=datetime.date(2026, 10, 20)
        )
        if status == "revoked" and certificate.status == certificate.Status.VALID:
            certificate = certificate_revoke(
                certificate=certificate,
                revoked_by=None,
                reason="Қорытынды жұмыс көшірілген / Итоговая работа списана",
            )
        made[status] = {"code": certificate.code, "email": email, "surname": last}
    print(json.dumps(made, ensure_ascii=False))


def open_cohort(key: str) -> None:
    """A cohort that has started, open to join with `key`, and the published course agreement."""
    from course.models import CourseAgreement

    CourseAgreement.objects.get_or_create(
        version="e2e-1",
        defaults={
            "text_kk": "<p>Тыңдаушы курстың барлық тақырыптарын оқуға міндеттенеді.</p>",
            "text_ru": "<p>Слушатель обязуется изучить все темы курса.</p>",
            "text_en": "<p>The trainee undertakes to study every topic of the course.</p>",
        },
    )
    cohort = _cohort("e2e-open", key=key)
    print(json.dumps({"code": cohort.code, "name": cohort.name}, ensure_ascii=False))
