"""Demo documents for `seed_demo`: certificates in every state and statements of attendance.

Runs after course/demo.py and assessment/demo.py: the demo cohort's passed final results get
certificates (one then revoked, one re-issued so its first copy is superseded), its failed ones get
statements of attendance, and an alumna of a 2022 cohort holds an expired certificate. Idempotent:
a second run finds every document and changes nothing."""

from __future__ import annotations

import datetime

DEMO_COHORT = "demo-2026"
ALUMNI_COHORT = "demo-2022"
ALUMNA = {
    "email": "alumna@demo.kz",
    "password": "demo-trainee-2026",
    "first_name": "Зәуре",
    "last_name": "Есімова",
    "surname_ru": "Есимова",
    "given_name_ru": "Зауре",
}
ALUMNI_ISSUED_ON = datetime.date(2022, 10, 20)
REVOCATION_REASON = (
    "Қорытынды жұмыс басқа тыңдаушының жұмысының көшірмесі болып шықты / "
    "Итоговая работа оказалась копией работы другого слушателя"
)
REISSUE_REASON = "Тегінің жазылуы түзетілді / Исправлено написание фамилии"


def _alumna():
    from allauth.account.models import EmailAddress

    from cms.models import TraineeProfile, User
    from cms.roles import TRAINEE
    from cms.services import role_assign

    user, created = User.objects.get_or_create(
        email=ALUMNA["email"],
        defaults={"first_name": ALUMNA["first_name"], "last_name": ALUMNA["last_name"]},
    )
    if created or not user.check_password(ALUMNA["password"]):
        user.set_password(ALUMNA["password"])
        user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    TraineeProfile.objects.get_or_create(
        user=user,
        defaults={
            "surname_kk": ALUMNA["last_name"],
            "given_name_kk": ALUMNA["first_name"],
            "surname_ru": ALUMNA["surname_ru"],
            "given_name_ru": ALUMNA["given_name_ru"],
        },
    )
    role_assign(user=user, role=TRAINEE)
    return user


def _expired_certificate():
    from course.models import Cohort, Enrolment, ProgrammePage

    from .services import certificate_issue

    programme = ProgrammePage.objects.get(locale__language_code="kk")
    cohort, _ = Cohort.objects.get_or_create(
        code=ALUMNI_COHORT,
        defaults={
            "programme": programme,
            "name": "Демо 2022",
            "starts_on": datetime.date(2022, 9, 1),
            "ends_on": datetime.date(2022, 10, 15),
        },
    )
    alumna = _alumna()
    enrolment, _ = Enrolment.objects.get_or_create(
        cohort=cohort, trainee=alumna, defaults={"status": Enrolment.Status.COMPLETED}
    )
    return alumna, certificate_issue(
        enrolment=enrolment, score=78, band="good", issued_on=ALUMNI_ISSUED_ON
    )


def seed(result: dict) -> None:
    from assessment.selectors import final_result_for
    from course.models import Enrolment

    from .models import Certificate
    from .services import (
        certificate_issue,
        certificate_reissue,
        certificate_revoke,
        statement_issue,
    )

    alumna, _expired = _expired_certificate()
    result["accounts"].append(
        {"email": alumna.email, "password": ALUMNA["password"], "role": "trainee"}
    )

    enrolments = (
        Enrolment.objects.filter(cohort__code=DEMO_COHORT)
        .select_related("cohort__programme", "trainee")
        .order_by("trainee__email")
    )
    passed = []
    for enrolment in enrolments:
        final = final_result_for(enrolment=enrolment)
        if final is None:
            continue
        if final.passed:
            passed.append(certificate_issue(enrolment=enrolment))
        else:
            statement_issue(enrolment=enrolment)

    # One revoked and one re-issued, chosen by position so a second run picks the same ones.
    if len(passed) >= 2 and passed[1].status == Certificate.Status.VALID:
        certificate_revoke(
            certificate=passed[1],
            revoked_by=None,
            reason="requirements_not_met",
            note=REVOCATION_REASON,
        )
    if (
        len(passed) >= 3
        and passed[2].status == Certificate.Status.VALID
        and not passed[2].supersedes.exists()
    ):
        certificate_reissue(certificate=passed[2], reissued_by=None, reason=REISSUE_REASON)

    documents = Certificate.objects.filter(cohort__code__in=[DEMO_COHORT, ALUMNI_COHORT]).order_by(
        "serial"
    )
    for document in documents:
        if document.kind == Certificate.Kind.STATEMENT:
            result["statements"].append(
                {"code": document.code, "holder_email": document.holder_email}
            )
        else:
            result["certificates"].append(
                {
                    "code": document.code,
                    "status": document.public_status(),
                    "holder_email": document.holder_email,
                }
            )
