"""Reads of post-course mentoring: allowances, suggestions from the final result, queues, report."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from statistics import median

from django.db.models import Avg, Count, Prefetch, Q, Subquery
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from assessment.selectors import final_result_for
from certificates.models import Certificate
from cms.dates import add_months
from cms.roles import in_group, is_registrar

from .models import Case, MentoringPolicy, Message, Ticket, Topic
from .workdays import working_days_between

MENTOR_GROUP = "mentor"

# Which kind of consultation helps with a weak criterion of the final assessment.
CRITERION_TOPICS = {
    "theory": Topic.PRACTICE,
    "practice": Topic.TOOLS,
    "plan": Topic.PLAN,
    "defence": Topic.MATERIALS,
    "participation": Topic.EXCHANGE,
}


def is_mentor(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return is_registrar(user) or in_group(user, MENTOR_GROUP)


def policy_for(*, certificate: Certificate) -> MentoringPolicy:
    """The mentoring policy of the certificate's programme, in one query; the defaults if the
    programme has none."""
    programme = Certificate.objects.filter(pk=certificate.pk).values(
        "enrolment__cohort__programme_id"
    )
    policy = MentoringPolicy.objects.filter(programme_id=Subquery(programme)).first()
    return policy or MentoringPolicy()


@dataclass(frozen=True)
class Allowance:
    total: int
    used: int
    period_ends_on: datetime.date
    refusal: str | None

    @property
    def remaining(self) -> int:
        return max(self.total - self.used, 0)

    @property
    def can_open(self) -> bool:
        return self.refusal is None


def allowance_for(
    *, certificate: Certificate, policy: MentoringPolicy | None = None, used: int | None = None
) -> Allowance:
    """How many tickets the certificate still brings, and why none can be opened, if so."""
    policy = policy or policy_for(certificate=certificate)
    today = timezone.localdate()
    if used is None:
        used = certificate.mentoring_tickets.count()
    period_ends_on = add_months(certificate.issued_on, policy.support_months)
    status = certificate.public_status(today)
    refusal = None
    if certificate.kind != Certificate.Kind.CERTIFICATE:
        refusal = _("Mentoring comes with a certificate, not with a statement of attendance.")
    elif status == "revoked":
        refusal = _("This certificate was revoked on %(date)s, so it brings no mentoring.") % {
            "date": certificate.revoked_on
        }
    elif status == "superseded":
        refusal = _("This certificate was replaced by a new one; open tickets with the new one.")
    elif status == "expired":
        refusal = _("This certificate expired on %(date)s.") % {"date": certificate.valid_until}
    elif today > period_ends_on:
        refusal = _("The post-course support period ended on %(date)s.") % {"date": period_ends_on}
    elif used >= policy.tickets_per_certificate:
        refusal = _("All %(total)s mentoring tickets of this certificate have been used.") % {
            "total": policy.tickets_per_certificate
        }
    return Allowance(policy.tickets_per_certificate, used, period_ends_on, refusal)


@dataclass(frozen=True)
class Suggestion:
    criterion: str
    title: str
    score: int
    maximum: int
    comment: str
    topic: str

    @property
    def share(self) -> float:
        return self.score / self.maximum if self.maximum else 1.0


def suggestions_for(
    *, certificate: Certificate, policy: MentoringPolicy | None = None
) -> list[Suggestion]:
    """Criteria of the final result scored below the policy's share, weakest first."""
    if certificate.enrolment_id is None:
        return []
    policy = policy or policy_for(certificate=certificate)
    result = final_result_for(enrolment=certificate.enrolment)
    if result is None:
        return []
    threshold = policy.weak_share_percent / 100
    suggestions = []
    for criterion, score, comment in result.criterion_scores():
        if score is None or not criterion.max_score:
            continue
        if score / criterion.max_score < threshold:
            suggestions.append(
                Suggestion(
                    criterion=criterion.code,
                    title=criterion.title,
                    score=score,
                    maximum=criterion.max_score,
                    comment=comment,
                    topic=CRITERION_TOPICS.get(criterion.code, Topic.PRACTICE),
                )
            )
    suggestions.sort(key=lambda s: (s.share, s.criterion))
    return suggestions


def certificates_with_allowance(*, user) -> list[tuple[Certificate, Allowance, MentoringPolicy]]:
    """The holder's certificates, each with what it still brings and the policy that says so."""
    certificates = list(
        Certificate.objects.filter(holder=user, kind=Certificate.Kind.CERTIFICATE)
        .annotate(tickets_used=Count("mentoring_tickets"))
        .order_by("-issued_on")
    )
    rows = []
    for certificate in certificates:
        policy = policy_for(certificate=certificate)
        allowance = allowance_for(
            certificate=certificate, policy=policy, used=certificate.tickets_used
        )
        rows.append((certificate, allowance, policy))
    return rows


def tickets_of_graduate(*, user):
    return (
        Ticket.objects.filter(graduate=user)
        .select_related("certificate", "mentor")
        .order_by("-created_at")
    )


QUEUE_VIEWS = ("new", "mine", "waiting", "overdue", "all")


def mentor_queue(*, user, view: str, now: datetime.datetime | None = None):
    """The mentor's queue: new (nobody assigned), assigned to me, waiting for me (the graduate
    wrote last), overdue (no first reply by the target), or all open tickets."""
    now = now or timezone.now()
    tickets = Ticket.objects.exclude(status=Ticket.Status.CLOSED).select_related(
        "graduate", "mentor", "certificate"
    )
    if view == "new":
        tickets = tickets.filter(mentor__isnull=True)
    elif view == "mine":
        tickets = tickets.filter(mentor=user)
    elif view == "waiting":
        tickets = tickets.filter(
            Q(mentor=user) | Q(mentor__isnull=True),
            status__in=[Ticket.Status.NEW, Ticket.Status.WAITING_FOR_MENTOR],
        )
    elif view == "overdue":
        tickets = tickets.filter(first_response_at__isnull=True, first_reply_due__lt=now)
    return tickets.order_by("first_reply_due", "pk")


def ticket_with_thread(*, pk: int):
    return (
        Ticket.objects.select_related("graduate", "mentor", "certificate", "course_topic")
        .prefetch_related(
            Prefetch(
                "messages",
                queryset=Message.objects.select_related("author").prefetch_related("attachments"),
            ),
            "attachments",
            "consultations",
        )
        .filter(pk=pk)
        .first()
    )


def cases(*, topic: str | None = None):
    queryset = Case.objects.select_related("course_topic")
    if topic:
        queryset = queryset.filter(topic=topic)
    return queryset


@dataclass
class Report:
    total: int
    by_topic: list[tuple[str, int]]
    by_month: list[tuple[str, int]]
    by_module: list[tuple[str, int]]
    by_course_topic: list[tuple[str, int]]
    median_first_response_days: float | None
    median_resolution_days: float | None
    overdue_open: int
    ratings: dict[int, int]
    average_rating: float | None


def report(*, since: datetime.date | None = None, until: datetime.date | None = None) -> Report:
    """Figures for the institute, counted by the database (issue 22: the whole history of tickets
    was loaded to be counted here). Only the two medians read per-ticket values, and only the
    timestamps they need: working days cannot be counted in SQL portably."""
    tickets = Ticket.objects.order_by()
    if since:
        tickets = tickets.filter(created_at__date__gte=since)
    if until:
        tickets = tickets.filter(created_at__date__lte=until)
    now = timezone.now()
    labels = dict(Topic.choices)
    figures = tickets.aggregate(
        total=Count("pk"),
        overdue_open=Count(
            "pk",
            filter=Q(first_response_at__isnull=True, first_reply_due__lt=now)
            & ~Q(status=Ticket.Status.CLOSED),
        ),
        average_rating=Avg("rating"),
    )
    by_topic = tickets.values("topic").annotate(n=Count("pk")).order_by("-n", "topic")
    months = (
        tickets.annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    by_course_topic = (
        tickets.filter(course_topic__isnull=False)
        .values("course_topic", "course_topic__number", "course_topic__title")
        .annotate(n=Count("pk"))
        .order_by("-n", "course_topic__number")
    )
    course_topics = [
        (row["course_topic__number"], row["course_topic__title"], row["n"])
        for row in by_course_topic
    ]
    by_module: dict[str, int] = defaultdict(int)
    for number, _title, n in course_topics:  # one row per course topic, not per ticket
        by_module[number.split(".")[0]] += n
    ratings = dict(
        tickets.filter(rating__isnull=False)
        .values_list("rating")
        .annotate(n=Count("pk"))
        .values_list("rating", "n")
    )
    first = [
        working_days_between(opened, answered)
        for opened, answered in tickets.filter(first_response_at__isnull=False).values_list(
            "created_at", "first_response_at"
        )
    ]
    resolution = [
        working_days_between(opened, closed)
        for opened, closed in tickets.filter(closed_at__isnull=False).values_list(
            "created_at", "closed_at"
        )
    ]
    average = figures["average_rating"]
    return Report(
        total=figures["total"],
        by_topic=[(str(labels[row["topic"]]), row["n"]) for row in by_topic],
        by_month=[(timezone.localtime(row["month"]).strftime("%Y-%m"), row["n"]) for row in months],
        by_module=sorted(by_module.items()),
        by_course_topic=[(f"{number} {title}", n) for number, title, n in course_topics[:10]],
        median_first_response_days=round(median(first), 2) if first else None,
        median_resolution_days=round(median(resolution), 2) if resolution else None,
        overdue_open=figures["overdue_open"],
        ratings={score: ratings.get(score, 0) for score in range(1, 6)},
        average_rating=round(average, 2) if average is not None else None,
    )
