"""Reads: what a certificate copies at issue, current documents, verification look-ups."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Count, F

from course.models import ModulePage, ProgrammePage
from course.selectors import hours_by_module

from .codes import normalise_code, normalise_serial
from .completion import CompletionFacts, Missing, RuleValues, missing_conditions
from .job_reads import remembered
from .models import Certificate


@dataclass(frozen=True)
class HolderNames:
    kk: str
    ru: str
    surname_kk: str
    surname_ru: str


def _profile_value(profile, name: str) -> str:
    value = getattr(profile, name, "")
    if callable(value):
        value = value()
    return (value or "").strip()


def holder_names(*, user) -> HolderNames:
    """The holder's name in Kazakh and Russian spelling, from the trainee profile when it has one,
    else from the account."""
    profile = getattr(user, "trainee_profile", None)
    account_name = user.get_full_name().strip() or user.email
    kk = ru = account_name
    surname_kk = surname_ru = (user.last_name or "").strip()
    if profile is not None:
        kk = _profile_value(profile, "full_name_kk") or kk
        ru = _profile_value(profile, "full_name_ru") or ru
        surname_kk = _profile_value(profile, "surname_kk") or surname_kk
        surname_ru = _profile_value(profile, "surname_ru") or surname_ru or surname_kk
    if not surname_kk:
        surname_kk = kk.split()[0] if kk else ""
    return HolderNames(kk=kk, ru=ru, surname_kk=surname_kk, surname_ru=surname_ru or surname_kk)


def programme_snapshot(*, programme: ProgrammePage) -> dict:
    """Course titles in kk and ru, total hours and the module list with lecture/practice hours,
    as copied into a certificate (read once per bulk-issue job: job_reads)."""
    return remembered(
        ("programme_snapshot", programme.pk), lambda: _programme_snapshot(programme=programme)
    )


def _programme_snapshot(*, programme: ProgrammePage) -> dict:
    versions = {
        page.locale.language_code: page
        for page in programme.get_translations(inclusive=True).select_related("locale")
    }
    source = versions.get("kk", programme)
    russian = versions.get("ru", source)
    modules = list(ModulePage.objects.child_of(source).live().order_by("number"))
    per_module = hours_by_module(source, modules)
    ru_titles = dict(
        ModulePage.objects.filter(
            locale__language_code="ru", translation_key__in=[m.translation_key for m in modules]
        ).values_list("translation_key", "title")
    )
    rows = []
    for module in modules:
        hours = per_module[module.pk]
        rows.append(
            {
                "number": module.number,
                "title_kk": module.title,
                "title_ru": ru_titles.get(module.translation_key, module.title),
                "lecture": hours.lecture,
                "practice": hours.practice,
                "total": hours.total,
            }
        )
    return {
        "course_title_kk": source.title,
        "course_title_ru": russian.title,
        "hours": sum(r["total"] for r in rows),
        "modules": rows,
    }


def hours_completed(*, enrolment) -> int:
    """Academic hours of the topics counted as done for this enrolment."""
    from django.db.models import Sum

    from course.models import TopicCompletion

    total = TopicCompletion.objects.filter(enrolment=enrolment).aggregate(
        hours=Sum("topic__hours")
    )["hours"]
    return total or 0


def current_document(*, enrolment, kind: str = Certificate.Kind.CERTIFICATE) -> Certificate | None:
    """The enrolment's valid or revoked document of this kind (never a superseded one)."""
    return (
        Certificate.objects.filter(enrolment=enrolment, kind=kind)
        .exclude(status=Certificate.Status.SUPERSEDED)
        .first()
    )


_VERIFICATION_FIELDS = (
    "kind",
    "serial",
    "code",
    "holder_name_kk",
    "holder_name_ru",
    "course_title_kk",
    "course_title_ru",
    "hours",
    "issued_on",
    "valid_until",
    "attended_from",
    "attended_to",
    "course_from",
    "course_to",
    "status",
    "revoked_on",
    "revocation_code",
)


@dataclass(frozen=True)
class _VerificationQuery:
    sql: str
    fields: tuple[str, ...]  # attnames of the model columns, in select order
    positions: tuple[int, ...]  # where each is in a row
    successor: int  # where the successor's code is


@functools.cache
def _verification_query() -> _VerificationQuery:
    """The look-up's SQL, compiled by the ORM once per process, and where each column lands in a
    row: building the query costs more than running it, and the verification page is the hottest
    public page. One placeholder, the code."""
    query = (
        Certificate.objects.only(*_VERIFICATION_FIELDS)
        .annotate(successor_code=F("superseded_by__code"))
        .filter(code="")
        .query
    )
    compiler = query.get_compiler(using=DEFAULT_DB_ALIAS)
    sql, params = compiler.as_sql()
    if params != ("",):  # pragma: no cover - a Django upgrade changed the compiled shape
        raise RuntimeError(f"unexpected parameters in the verification query: {params!r}")
    positions = tuple(compiler.klass_info["select_fields"])
    return _VerificationQuery(
        sql=sql,
        fields=tuple(compiler.select[i][0].target.attname for i in positions),
        positions=positions,
        successor=compiler.annotation_col_map["successor_code"],
    )


def certificate_for_verification(*, code: str) -> Certificate | None:
    """One query: the certificate and, as `successor_code`, the code of the document that
    supersedes it (None if none). Run on a plain cursor: a RawQuerySet would work out the row's
    shape again on every call."""
    normalised = normalise_code(code)
    if normalised is None:
        return None
    shape = _verification_query()
    connection = connections[DEFAULT_DB_ALIAS]
    if hasattr(connection, "fetchone_prepared"):  # PostgreSQL: prepared once per connection
        row = connection.fetchone_prepared(shape.sql, [normalised])
    else:
        with connection.cursor() as cursor:
            cursor.execute(shape.sql, [normalised])
            row = cursor.fetchone()
    if row is None:
        return None
    values = [row[i] for i in shape.positions]
    certificate = Certificate.from_db(DEFAULT_DB_ALIAS, shape.fields, values)
    certificate.successor_code = row[shape.successor]
    return certificate


def certificate_by_serial_and_surname(*, serial: str, surname: str) -> Certificate | None:
    """The serial is unique; the surname must match too (compared in Python, because SQLite's
    case-insensitive match knows only ASCII and surnames are Cyrillic)."""
    surname = (surname or "").strip().casefold()
    if not surname:
        return None
    certificate = Certificate.objects.filter(serial=normalise_serial(serial)).first()
    if certificate is None:
        return None
    spellings = {certificate.holder_surname, certificate.holder_surname_ru}
    if surname not in {s.strip().casefold() for s in spellings if s}:
        return None
    return certificate


def certificates_of_holder(*, user):
    """The holder's documents with how many times each was checked (found look-ups)."""
    return (
        Certificate.objects.filter(holder=user)
        .select_related("superseded_by")
        .annotate(check_count=Count("lookups"))
        .order_by("-issued_on", "-pk")
    )


def attendance_snapshot(*, enrolment) -> dict:
    """Hours actually attended per module (topics counted as done), and the dates of the first and
    last, for a statement of attendance."""
    from course.models import TopicCompletion
    from course.selectors import programme_outline

    snapshot = programme_snapshot(programme=enrolment.cohort.programme)
    completions = dict(
        TopicCompletion.objects.filter(enrolment=enrolment).values_list("topic_id", "completed_at")
    )
    by_number = {row["number"]: row for row in snapshot["modules"]}
    rows = []
    for outline in programme_outline(enrolment.cohort.programme):
        done = [t for t in outline.topics if t.pk in completions]
        lecture = sum(t.hours for t in done if t.kind == "lecture")
        practice = sum(t.hours for t in done if t.kind != "lecture")
        base = by_number.get(outline.module.number, {"title_kk": outline.module.title})
        rows.append(
            {
                "number": outline.module.number,
                "title_kk": base.get("title_kk", outline.module.title),
                "title_ru": base.get("title_ru", outline.module.title),
                "lecture": lecture,
                "practice": practice,
                "total": lecture + practice,
                "of_total": outline.hours,
            }
        )
    from django.utils import timezone

    dates = sorted(timezone.localdate(when) for when in completions.values())
    cohort = enrolment.cohort
    return {
        "course_title_kk": snapshot["course_title_kk"],
        "course_title_ru": snapshot["course_title_ru"],
        "hours": sum(r["total"] for r in rows),
        "modules": rows,
        "attended_from": dates[0] if dates else cohort.starts_on,
        "attended_to": dates[-1] if dates else min(timezone.localdate(), cohort.ends_on),
    }


def _register_search(rows, q: str):
    """By number, verification code, e-mail or name. Every word must appear in the Kazakh or in
    the Russian name, in any order ("Айгүл Серікова" finds "Серікова Айгүл Бекқызы"), in any
    case, on SQLite as on PostgreSQL (cms.collation.Folded)."""
    from django.db.models import Q

    from cms.collation import Folded, fold

    from .codes import normalise_code

    code = normalise_code(q)
    exact = Q(holder_email__icontains=q)
    if code is not None:
        exact |= Q(code=code)
    rows = rows.annotate(
        name_kk_folded=Folded("holder_name_kk"), name_ru_folded=Folded("holder_name_ru")
    )
    by_name_kk, by_name_ru = Q(), Q()
    for word in fold(q).split():
        by_name_kk &= Q(name_kk_folded__contains=word)
        by_name_ru &= Q(name_ru_folded__contains=word)
    return rows.filter(exact | Q(serial__icontains=q) | by_name_kk | by_name_ru)


def register_rows(*, filters: dict, today=None):
    """The staff register: every document, filtered by the register form's cleaned data."""
    from django.db.models import Q
    from django.utils import timezone

    today = today or timezone.localdate()
    rows = Certificate.objects.select_related("cohort").order_by("-issued_on", "-serial")
    q = (filters.get("q") or "").strip()
    if q:
        rows = _register_search(rows, q)
    if filters.get("cohort"):
        rows = rows.filter(cohort=filters["cohort"])
    if filters.get("kind"):
        rows = rows.filter(kind=filters["kind"])
    status = filters.get("status")
    if status == "expired":
        rows = rows.filter(status=Certificate.Status.VALID, valid_until__lt=today)
    elif status == "valid":
        rows = rows.filter(status=Certificate.Status.VALID).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=today)
        )
    elif status == "expiring":
        rows = certificates_expiring(rows=rows, today=today)
    elif status == "review":
        rows = rows.filter(needs_review=True)
    elif status:
        rows = rows.filter(status=status)
    if filters.get("issued_from"):
        rows = rows.filter(issued_on__gte=filters["issued_from"])
    if filters.get("issued_to"):
        rows = rows.filter(issued_on__lte=filters["issued_to"])
    return rows


def certificates_expiring(*, rows=None, today=None):
    """Valid certificates whose last valid day falls within the registrar's worklist window
    (settings.REGISTRAR_WORKLIST_EXPIRY_DAYS), today included."""
    import datetime

    from django.conf import settings
    from django.utils import timezone

    today = today or timezone.localdate()
    rows = Certificate.objects.all() if rows is None else rows
    return rows.filter(
        kind=Certificate.Kind.CERTIFICATE,
        status=Certificate.Status.VALID,
        valid_until__gte=today,
        valid_until__lte=today + datetime.timedelta(days=settings.REGISTRAR_WORKLIST_EXPIRY_DAYS),
    )


# --- The completion rule ------------------------------------------------------------------


def completion_rule_for(*, programme):
    """The programme's completion rule, or an unsaved one with the defaults (every hour, every
    condition) when the registrar has not written one."""
    from .models import CompletionRule

    def read():
        rule = CompletionRule.objects.filter(programme=programme).first()
        return rule if rule is not None else CompletionRule(programme=programme)

    return remembered(("completion_rule", programme.pk), read)


def rule_values(rule) -> RuleValues:
    return RuleValues(
        min_hours_percent=rule.min_hours_percent,
        require_practice_accepted=rule.require_practice_accepted,
        require_theory_test=rule.require_theory_test,
        require_plan_submitted=rule.require_plan_submitted,
        require_defence_held=rule.require_defence_held,
        require_cohort_ended=rule.require_cohort_ended,
        require_module_controls=rule.require_module_controls,
    )


def completion_facts(*, enrolment, today=None) -> CompletionFacts:
    """What the enrolment has done, read from the course and assessment apps."""
    from django.utils import timezone

    from assessment.models import DefenceSlot, Submission, SupportPlan, TestAttempt, TheoryTest
    from assessment.selectors import assignments_of_programme, module_results_of_enrolment
    from course.models import TopicCompletion
    from course.selectors import programme_topics

    programme = enrolment.cohort.programme

    def programme_reads():
        return (
            programme_topics(programme),
            [a.pk for a in assignments_of_programme(programme)],
            TheoryTest.objects.filter(programme=programme).exists(),
        )

    # The same for every enrolment of the programme: once per bulk-issue job (job_reads).
    topics, assignment_ids, theory_test_exists = remembered(
        ("completion_programme", programme.pk), programme_reads
    )
    done_ids = set(
        TopicCompletion.objects.filter(enrolment=enrolment).values_list("topic_id", flat=True)
    )
    accepted = Submission.objects.filter(
        enrolment=enrolment,
        assignment_id__in=assignment_ids,
        status=Submission.Status.ACCEPTED,
    ).count()
    controls = module_results_of_enrolment(enrolment=enrolment)
    return CompletionFacts(
        status=enrolment.status,
        status_label=str(enrolment.get_status_display()),
        hours_done=sum(t.hours for t in topics if t.pk in done_ids),
        hours_total=sum(t.hours for t in topics),
        practice_total=len(assignment_ids),
        practice_accepted=accepted,
        theory_test_exists=theory_test_exists,
        theory_test_taken=TestAttempt.objects.filter(
            enrolment=enrolment, finished_at__isnull=False
        ).exists(),
        plan_submitted=SupportPlan.objects.filter(
            enrolment=enrolment, status=SupportPlan.Status.SUBMITTED
        ).exists(),
        defence_held=DefenceSlot.objects.filter(
            plan__enrolment=enrolment, held_on__isnull=False
        ).exists(),
        cohort_ends_on=enrolment.cohort.ends_on,
        today=today or timezone.localdate(),
        controls_total=len(controls),
        controls_passed=sum(1 for cell in controls if cell.passed),
    )


def completion_missing(*, enrolment, today=None) -> list[Missing]:
    """The conditions of the programme's completion rule this enrolment has not met yet (empty
    when it may be certified, once it has passed)."""
    rule = completion_rule_for(programme=enrolment.cohort.programme)
    return missing_conditions(
        facts=completion_facts(enrolment=enrolment, today=today), rule=rule_values(rule)
    )


@dataclass(frozen=True)
class PendingRow:
    enrolment: object
    result: object
    missing: list[Missing]


def certificate_pending(*, enrolment, today=None) -> list[Missing] | None:
    """For a finalised pass without a certificate: the missing conditions ("passed — certificate
    pending"). None when the trainee has not passed (yet), or has a certificate."""
    from assessment.selectors import final_result_for

    if current_document(enrolment=enrolment) is not None:
        return None
    result = final_result_for(enrolment=enrolment)
    if result is None or not result.passed:
        return None
    return completion_missing(enrolment=enrolment, today=today)


def pending_rows(*, cohort=None, today=None) -> list[PendingRow]:
    """Finalised passes without a certificate, with what blocks each: the registrar's list."""
    from assessment.models import FinalResult
    from assessment.selectors import final_result_for
    from cms.collation import name_sort_key
    from course.models import Enrolment

    enrolments = (
        Enrolment.objects.filter(
            final_results__status=FinalResult.Status.FINALISED,
        )
        .exclude(
            pk__in=Certificate.objects.filter(kind=Certificate.Kind.CERTIFICATE)
            .exclude(status=Certificate.Status.SUPERSEDED)
            .exclude(enrolment=None)
            .values("enrolment_id")
        )
        .select_related("cohort__programme", "trainee")
        .distinct()
        .order_by("cohort__code", "trainee__last_name", "pk")
    )
    if cohort is not None:
        enrolments = enrolments.filter(cohort=cohort)
    rows = []
    for enrolment in enrolments:
        result = final_result_for(enrolment=enrolment)
        if result is None or not result.passed:
            continue
        rows.append(
            PendingRow(
                enrolment=enrolment,
                result=result,
                missing=completion_missing(enrolment=enrolment, today=today),
            )
        )
    rows.sort(
        key=lambda row: (row.enrolment.cohort.code, name_sort_key(row.enrolment.trainee.last_name))
    )
    return rows


def released_to_holder(*, certificate) -> bool:
    """A document is the holder's to see once the result it rests on is released: a certificate
    must not be downloadable while the result page still says "not published yet". A statement
    for a trainee who left without a result has nothing to wait for."""
    from assessment.models import FinalResult

    if certificate.enrolment_id is None:
        return True
    latest = (
        FinalResult.objects.filter(
            enrolment_id=certificate.enrolment_id, status=FinalResult.Status.FINALISED
        )
        .order_by("-attempt")
        .only("released_at")
        .first()
    )
    return latest is None or latest.released_at is not None


def valid_certificates_issued_between(*, start, end):
    """Valid certificates (not statements) issued from `start` to `end` inclusive whose enrolment
    still exists, with the holder's account: the post-course follow-up (quality) reads the
    certificate date here."""
    return Certificate.objects.filter(
        kind=Certificate.Kind.CERTIFICATE,
        status=Certificate.Status.VALID,
        issued_on__gte=start,
        issued_on__lte=end,
        enrolment__isnull=False,
    ).select_related("enrolment__trainee", "enrolment__cohort")
