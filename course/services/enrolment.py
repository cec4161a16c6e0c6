"""Enrolment workflows: joining with a key, adding, importing, status changes, transfer,
expulsion and the agreement."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from cms.celery import enqueue_on_commit
from cms.errors import ServiceError
from cms.models import TraineeProfile, User


class EnrolmentError(ServiceError):
    """A refused action; `message` is translated and shown to the person."""


def _event(
    *,
    enrolment,
    to_status: str,
    by,
    from_status: str | None = None,
    **extra,
):
    from ..models import EnrolmentEvent

    return EnrolmentEvent.objects.create(
        enrolment=enrolment,
        from_status=enrolment.status if from_status is None else from_status,
        to_status=to_status,
        by=by if by is not None and getattr(by, "is_authenticated", False) else None,
        **extra,
    )


@transaction.atomic
def enrolment_join(*, trainee, enrolment_key: str, agreement, today: date | None = None):
    """A trainee joins a cohort with its enrolment key, accepting the current course agreement."""
    from django.utils.translation import gettext as _

    from ..models import Cohort, Enrolment

    today = today or timezone.localdate()
    profile = getattr(trainee, "trainee_profile", None) if trainee.pk else None
    if profile is None or not profile.is_complete:
        raise EnrolmentError(_("Fill in your profile before joining a cohort."))
    key = (enrolment_key or "").strip()
    # Lock the cohort row so two trainees taking the last place cannot both get it.
    cohort = (
        Cohort.objects.select_for_update().filter(enrolment_key__iexact=key).first()
        if key
        else None
    )
    if cohort is None:
        raise EnrolmentError(_("No cohort has this enrolment key. Check the key and try again."))
    if agreement is None:
        raise EnrolmentError(_("The course agreement is not published yet; joining is closed."))
    if today > cohort.ends_on:
        raise EnrolmentError(
            _("Cohort %(code)s ended on %(date)s; joining is closed.")
            % {"code": cohort.code, "date": date_format(cohort.ends_on)}
        )
    if Enrolment.objects.filter(cohort=cohort, trainee=trainee).exists():
        raise EnrolmentError(
            _("You are already enrolled in cohort %(code)s.") % {"code": cohort.code}
        )
    if Enrolment.objects.filter(trainee=trainee, status=Enrolment.Status.ACTIVE).exists():
        raise EnrolmentError(
            _("You are already studying in another cohort; ask the registrar for a transfer.")
        )
    taken = Enrolment.objects.filter(cohort=cohort, status=Enrolment.Status.ACTIVE).count()
    if taken >= cohort.capacity:
        raise EnrolmentError(
            _("Cohort %(code)s is full (%(capacity)s places).")
            % {"code": cohort.code, "capacity": cohort.capacity}
        )
    enrolment = Enrolment.objects.create(
        cohort=cohort,
        trainee=trainee,
        agreement_accepted_at=timezone.now(),
        agreement_version=agreement.version,
    )
    _event(enrolment=enrolment, from_status="", to_status=Enrolment.Status.ACTIVE, by=trainee)
    _ensure_trainee_role(trainee)
    return enrolment


def enrolment_add(*, cohort, trainee, by, reason: str):
    """Enrol a person on the registrar's decision (the CSV import, the admin's form): the
    enrolment, the first event of its history, and the trainee role."""
    from django.utils.translation import gettext as _

    from ..models import Enrolment

    active = (
        Enrolment.objects.filter(trainee=trainee, status=Enrolment.Status.ACTIVE)
        .select_related("cohort")
        .first()
    )
    if active is not None:
        raise EnrolmentError(
            _(
                "%(email)s is already studying in cohort %(code)s: one person has one active "
                "enrolment. Transfer them instead."
            )
            % {"email": trainee.email, "code": active.cohort.code}
        )
    enrolment = Enrolment.objects.create(cohort=cohort, trainee=trainee)
    _event(
        enrolment=enrolment,
        from_status="",
        to_status=Enrolment.Status.ACTIVE,
        by=by,
        reason=reason,
    )
    _ensure_trainee_role(trainee)
    return enrolment


def _ensure_trainee_role(user) -> None:
    from cms.roles import TRAINEE
    from cms.services import role_assign

    role_assign(user=user, role=TRAINEE)


# "Completed (passed)" is not here: only the certificates' completion service sets it, through
# enrolment_complete, when the certificate is issued.
_FINAL_STATUSES = {"not_passed", "withdrawn"}


@transaction.atomic
def enrolment_complete(*, enrolment, by=None):
    """The enrolment is certified: active → completed. Called by the certificate issue only."""
    from django.utils.translation import gettext as _

    from ..models import Enrolment

    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status != Enrolment.Status.ACTIVE:
        return enrolment
    _event(
        enrolment=enrolment,
        to_status=Enrolment.Status.COMPLETED,
        by=by,
        reason=_("Certificate issued"),
    )
    enrolment.status = Enrolment.Status.COMPLETED
    enrolment.save(update_fields=["status"])
    return enrolment


@transaction.atomic
def enrolment_not_passed(*, enrolment, reason: str):
    """The retake window closed without a pass: active → not passed (the daily task)."""
    from ..models import Enrolment

    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status != Enrolment.Status.ACTIVE:
        return enrolment
    _event(enrolment=enrolment, to_status=Enrolment.Status.NOT_PASSED, by=None, reason=reason)
    enrolment.status = Enrolment.Status.NOT_PASSED
    enrolment.save(update_fields=["status"])
    return enrolment


@transaction.atomic
def enrolment_status_set(*, enrolment, status: str, by, reason: str = ""):
    """Close an active enrolment as completed, not passed or withdrawn, recording who and why."""
    from django.utils.translation import gettext as _

    from ..models import Enrolment

    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if status not in _FINAL_STATUSES:
        raise EnrolmentError(_("This status cannot be set directly."))
    if enrolment.status != Enrolment.Status.ACTIVE:
        raise EnrolmentError(
            _("Only an active enrolment can change its status; this one is “%(status)s”.")
            % {"status": enrolment.get_status_display()}
        )
    _event(enrolment=enrolment, to_status=status, by=by, reason=reason)
    enrolment.status = status
    enrolment.save(update_fields=["status"])
    return enrolment


@transaction.atomic
def enrolment_transfer(*, enrolment, to_cohort, by, reason: str, document=None):
    """Move an active trainee to another cohort of the same year; their progress goes with them."""
    from django.utils.translation import gettext as _

    from ..models import Enrolment, TopicCompletion

    enrolment = Enrolment.objects.select_for_update().select_related("cohort").get(pk=enrolment.pk)
    if not (reason or "").strip():
        raise EnrolmentError(_("Give the reason for the transfer."))
    if enrolment.status != Enrolment.Status.ACTIVE:
        raise EnrolmentError(_("Only an active enrolment can be transferred."))
    if to_cohort.pk == enrolment.cohort_id:
        raise EnrolmentError(_("Choose a different cohort."))
    if to_cohort.starts_on.year != enrolment.cohort.starts_on.year:
        raise EnrolmentError(_("A transfer is possible only to a cohort of the same year."))
    if timezone.localdate() > to_cohort.ends_on:
        raise EnrolmentError(_("That cohort has already ended."))
    if Enrolment.objects.filter(cohort=to_cohort, trainee_id=enrolment.trainee_id).exists():
        raise EnrolmentError(_("The trainee already has an enrolment in that cohort."))
    taken = Enrolment.objects.filter(cohort=to_cohort, status=Enrolment.Status.ACTIVE).count()
    if taken >= to_cohort.capacity:
        raise EnrolmentError(
            _("Cohort %(code)s is full (%(capacity)s places).")
            % {"code": to_cohort.code, "capacity": to_cohort.capacity}
        )
    # The old enrolment stops being active first: one person has one active enrolment (a
    # database constraint, checked row by row).
    enrolment.status = Enrolment.Status.TRANSFERRED
    enrolment.save(update_fields=["status"])
    new = Enrolment.objects.create(
        cohort=to_cohort,
        trainee_id=enrolment.trainee_id,
        agreement_accepted_at=enrolment.agreement_accepted_at,
        agreement_version=enrolment.agreement_version,
    )
    TopicCompletion.objects.bulk_create(
        [
            TopicCompletion(
                enrolment=new, topic_id=c.topic_id, source=c.source, completed_at=c.completed_at
            )
            for c in enrolment.completions.all()
        ]
    )
    event = _event(
        enrolment=enrolment,
        from_status=Enrolment.Status.ACTIVE,
        to_status=Enrolment.Status.TRANSFERRED,
        by=by,
        reason=reason.strip(),
        to_cohort=to_cohort,
    )
    if document is not None:
        event.document.save(document.name, document, save=True)
    _event(
        enrolment=new,
        from_status="",
        to_status=Enrolment.Status.ACTIVE,
        by=by,
        reason=reason.strip(),
    )
    enrolment.status = Enrolment.Status.TRANSFERRED
    enrolment.transferred_to = new
    enrolment.save(update_fields=["status", "transferred_to"])
    return new


@transaction.atomic
def enrolment_expel(*, enrolment, by, order_number: str, decision_date: date, reason: str):
    """Expel a trainee for breaking the agreement; the employer is told by email after commit."""
    from django.utils.translation import gettext as _

    from ..models import Enrolment
    from ..tasks import expulsion_notice_send_task

    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if not (order_number or "").strip() or decision_date is None or not (reason or "").strip():
        raise EnrolmentError(
            _("Give the order number, the commission's decision date and the reason.")
        )
    if enrolment.status != Enrolment.Status.ACTIVE:
        raise EnrolmentError(_("Only an active enrolment can be expelled."))
    event = _event(
        enrolment=enrolment,
        to_status=Enrolment.Status.EXPELLED,
        by=by,
        reason=reason.strip(),
        order_number=order_number.strip(),
        decision_date=decision_date,
    )
    enrolment.status = Enrolment.Status.EXPELLED
    enrolment.save(update_fields=["status"])
    enqueue_on_commit(expulsion_notice_send_task, event.pk)
    return event


def expulsion_notice_send(*, event) -> bool:
    """Email the employer's contact about an expulsion. False when there is no address.
    A plain e-mail, not a notification: the employer has no account, and an official notice
    cannot be switched off."""
    from cms.emails import templated_email

    enrolment = event.enrolment
    profile = getattr(enrolment.trainee, "trainee_profile", None)
    recipient = getattr(profile, "employer_email", "") if profile else ""
    if not recipient:
        return False
    from ..letters import expulsion_letter_context

    context = expulsion_letter_context(event=event)
    language = context["language"]
    templated_email(
        template="course/email/expulsion", context=context, language=language, to=[recipient]
    ).send()
    from django.utils import timezone

    from ..models import EnrolmentEvent

    # Recorded for the enrolment page: the registrar sees whether and when the notice went.
    EnrolmentEvent.objects.filter(pk=event.pk).update(
        notice_sent_at=timezone.now(), notice_sent_to=recipient
    )
    return True


@transaction.atomic
def enrolment_agreement_accept(*, enrolment, agreement):
    """An imported trainee accepts the course agreement on first sign-in (joining by key accepts
    it on the way). Accepting again keeps the first acceptance."""
    from django.utils.translation import gettext as _

    from ..models import Enrolment

    if agreement is None:
        raise EnrolmentError(_("The course agreement is not published yet; joining is closed."))
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.agreement_accepted_at is None:
        enrolment.agreement_accepted_at = timezone.now()
        enrolment.agreement_version = agreement.version
        enrolment.save(update_fields=["agreement_accepted_at", "agreement_version"])
    return enrolment


def study_refusal(enrolment) -> str:
    """Why this enrolment may not study now ("" when it may)."""
    from django.utils.translation import gettext as _

    if enrolment is None:
        return _("Join a cohort to record your progress.")
    if enrolment.status == "expelled":
        return _("You were expelled from the course, so you cannot continue studying.")
    if enrolment.status == "withdrawn":
        return _("You have withdrawn from the course, so you cannot continue studying.")
    if enrolment.status == "transferred":
        return _("You were transferred to another cohort; continue your studies there.")
    if enrolment.status != "active":
        return _("Your studies in this cohort are finished.")
    if enrolment.agreement_accepted_at is None:
        return _("Accept the course agreement to start studying.")
    return ""


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)  # new accounts, enrolled and invited
    enrolled: list[str] = field(default_factory=list)  # existing accounts, enrolled
    skipped: list[str] = field(default_factory=list)  # already in the cohort
    errors: list[str] = field(default_factory=list)  # "row 4: …"


@dataclass
class ImportRow:
    """One row of a list as it would be imported: what happens to it, or why it cannot be."""

    number: int
    email: str
    school: str
    language: str
    names: dict[str, str]  # surname_kk … patronymic_ru
    action: str = ""  # "create", "enrol", "skip" or "error"
    message: str = ""

    def name_for(self, language: str) -> str:
        return getattr(TraineeProfile(**self.names), f"full_name_{language}")


def _split_name(name: str) -> dict[str, str]:
    parts = name.split()
    surname = parts[0] if parts else ""
    given = parts[1] if len(parts) > 1 else ""
    patronymic = " ".join(parts[2:])
    return {"surname": surname, "given": given, "patronymic": patronymic}


_LANGUAGE_WORDS = {
    "kk": {"kk", "kaz", "kazakh", "қаз", "қазақ", "қазақша", "каз", "казахский"},
    "ru": {"ru", "rus", "russian", "рус", "орыс", "орысша", "русский"},
}


def _row_names(row: dict) -> dict[str, str]:
    """The six name parts: from their own columns, else from "name" (the same spelling for both
    languages); a language left blank takes the other's spelling."""
    from ..importing import NAME_PARTS

    def clean(value) -> str:
        return " ".join(str(value or "").split())

    names = {part: clean(row.get(part)) for part in NAME_PARTS}
    if not any(names.values()):
        whole = _split_name(clean(row.get("name")))
        for language in ("kk", "ru"):
            names[f"surname_{language}"] = whole["surname"]
            names[f"given_name_{language}"] = whole["given"]
            names[f"patronymic_{language}"] = whole["patronymic"]
    for this, other in (("kk", "ru"), ("ru", "kk")):
        if not names[f"surname_{this}"] and not names[f"given_name_{this}"]:
            for part in ("surname", "given_name", "patronymic"):
                names[f"{part}_{this}"] = names[f"{part}_{other}"]
    return names


def enrolment_import_check(*, cohort, rows: list[dict]) -> list[ImportRow]:
    """What importing the list would do, row by row, without writing anything: the registrar's
    preview, and the plan `enrolment_import` carries out."""
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email
    from django.utils.translation import gettext as _

    from cms.models import User
    from cms.names import NAME_MESSAGE, is_person_name

    from ..models import Enrolment

    checked: list[ImportRow] = []
    taken = Enrolment.objects.filter(cohort=cohort, status=Enrolment.Status.ACTIVE).count()
    seen: set[str] = set()
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        email = str(row.get("email") or "").strip().lower()
        school = str(row.get("school") or "").strip()
        names = _row_names(row)
        raw_language = str(row.get("language") or "").strip().lower()
        language = next((c for c, words in _LANGUAGE_WORDS.items() if raw_language in words), "")
        item = ImportRow(number, email, school, language or cohort.language, names)
        if not email and not school and not any(names.values()):
            continue
        checked.append(item)
        item.action = "error"
        try:
            validate_email(email)
        except ValidationError:
            item.message = _("Row %(row)s: “%(email)s” is not a valid email address.") % {
                "row": number,
                "email": email,
            }
            continue
        if not any(names.values()):
            item.message = _("Row %(row)s: the name is empty.") % {"row": number}
            continue
        bad = next(
            (
                item.name_for(code)
                for code in ("kk", "ru")
                if item.name_for(code) and not is_person_name(item.name_for(code))
            ),
            None,
        )
        if bad is not None:
            # The name is printed on a signed certificate: letters only, refused here with the
            # row named, rather than found on the document.
            item.message = _("Row %(row)s: “%(name)s”: %(message)s") % {
                "row": number,
                "name": bad,
                "message": NAME_MESSAGE,
            }
            continue
        if not names["surname_kk"] or not names["given_name_kk"]:
            item.message = _("Row %(row)s: both the surname and the given name are needed.") % {
                "row": number
            }
            continue
        if raw_language and not language:
            item.message = _(
                "Row %(row)s: the language “%(language)s” is not known; write kk or ru."
            ) % {"row": number, "language": raw_language}
            continue
        if email in seen:
            item.message = _("Row %(row)s: %(email)s appears twice in the file.") % {
                "row": number,
                "email": email,
            }
            continue
        seen.add(email)
        user = User.objects.filter(email__iexact=email).first()
        if user is not None and Enrolment.objects.filter(cohort=cohort, trainee=user).exists():
            item.action = "skip"
            item.message = _("Row %(row)s: %(email)s is already in this cohort.") % {
                "row": number,
                "email": email,
            }
            continue
        if user is not None and Enrolment.objects.filter(trainee=user, status="active").exists():
            item.message = _("Row %(row)s: %(email)s is already studying in another cohort.") % {
                "row": number,
                "email": email,
            }
            continue
        if taken >= cohort.capacity:
            item.message = _("Row %(row)s: the cohort is full (%(capacity)s places).") % {
                "row": number,
                "capacity": cohort.capacity,
            }
            continue
        item.action = "create" if user is None else "enrol"
        taken += 1
    return checked


@transaction.atomic
def enrolment_import(*, cohort, rows: list[dict], by) -> ImportReport:
    """Enrol a registrar's list (names, email, school, language): new people get an account, a
    profile with the name in parts, their language and an invitation (in that language) to set
    their password. Bad rows are reported and skipped; the agreement is accepted by the trainee
    on first sign-in, so it stays unset here."""
    from allauth.account.models import EmailAddress
    from django.utils.translation import gettext as _

    from ..models import Cohort
    from ..tasks import invitation_send_task

    # The cohort's row serialises imports into it: capacity is counted once, by one import.
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    report = ImportReport()
    invited: list[int] = []
    for item in enrolment_import_check(cohort=cohort, rows=rows):
        if item.action == "error":
            report.errors.append(item.message)
            continue
        if item.action == "skip":
            report.skipped.append(item.message)
            continue
        if item.action == "create":
            user = User.objects.create_user(
                email=item.email,
                password=None,
                first_name=item.names["given_name_kk"],
                last_name=item.names["surname_kk"],
                preferred_language=item.language,
            )
            TraineeProfile.objects.create(user=user, school=item.school, **item.names)
            # The invitation goes to this address and is the only way into the account: using
            # it proves the address, so the trainee is not asked to confirm it a second time.
            EmailAddress.objects.create(user=user, email=item.email, primary=True, verified=True)
            report.created.append(item.email)
            invited.append(user.pk)
        else:
            user = User.objects.get(email__iexact=item.email)
            TraineeProfile.objects.get_or_create(user=user, defaults={"school": item.school})
            report.enrolled.append(item.email)
        enrolment_add(cohort=cohort, trainee=user, by=by, reason=_("Imported by the registrar"))
    for user_id in invited:
        enqueue_on_commit(invitation_send_task, user_id)
    return report


def invitation_send(*, user) -> None:
    """Email a set-password link (allauth's password-reset key) to an imported trainee.
    A plain e-mail, not a notification: she cannot sign in before she sets the password."""
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    from cms.emails import language_of, templated_email

    language = language_of(user)
    with translation.override(language):
        path = reverse(
            "account_reset_password_from_key",
            kwargs={
                "uidb36": user_pk_to_url_str(user),
                "key": default_token_generator.make_token(user),
            },
        )
    # SITE_URL: the one public address (the admin's base URL may differ, e.g. another port).
    context = {"user": user, "url": settings.SITE_URL + path}
    templated_email(
        template="course/email/invitation", context=context, language=language, to=[user.email]
    ).send()
