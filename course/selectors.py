"""Reads about the programme, cohorts, enrolments and progress (the hours arithmetic lives in
course/hours.py and is re-exported here)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.utils.translation import gettext as _

from cms.collation import name_sort_key
from cms.db.compiled import CompiledQuery
from cms.names import display_name

from .hours import (  # noqa: F401  (re-exported: the public path before the move)
    Hours,
    declared_hours_warnings,
    hours_by_module,
    hours_of_pages,
)

# --- Cohorts, enrolments and progress ----------------------------------------------------------
# Every read below runs a fixed number of queries whatever the size of the cohort: the dashboard
# and the cohort table are asserted to stay constant from 10 to 500 trainees.

SOURCE_LANGUAGE = "kk"
TOPIC_FIELDS = (
    "id",
    "title",
    "number",
    "kind",
    "hours",
    "path",
    "depth",
    "url_path",
    "translation_key",
    "locale_id",
    "live",
)


def source_topic_for(topic):
    """The Kazakh page of a topic read in any language (the same `translation_key`)."""
    from .models import TopicPage

    if topic.locale.language_code == SOURCE_LANGUAGE:
        return topic
    return TopicPage.objects.get(
        translation_key=topic.translation_key, locale__language_code=SOURCE_LANGUAGE
    )


def programme_topics(programme) -> list:
    """The live topics of a programme in programme order (one query)."""
    from .models import TopicPage

    topics = list(TopicPage.objects.live().descendant_of(programme).only(*TOPIC_FIELDS))
    topics.sort(key=lambda t: t.sort_key)
    return topics


@dataclass
class ModuleOutline:
    module: object
    topics: list

    @property
    def hours(self) -> int:
        return sum(t.hours for t in self.topics)


def programme_outline(programme) -> list[ModuleOutline]:
    """Modules with their topics; topics are matched to modules by tree path. The same for every
    trainee of the programme and read by every dashboard: kept in the cache under the page cache's
    generation (cms.page_cache: any page saved, published or moved starts a new one) for
    PAGE_CACHE_SECONDS; two queries when it is not there."""
    from django.conf import settings
    from django.core.cache import cache

    from cms.page_cache import page_cache_generation

    if settings.PAGE_CACHE_SECONDS <= 0:
        return _programme_outline(programme)
    key = f"pa-lms:programme-outline:{page_cache_generation()}:{programme.pk}"
    # Unpickling some hundred page objects from the shared cache cost a dashboard about 1 ms:
    # each process keeps the outlines of the current generation too (read-only; a purge moves
    # the generation on), for no longer than the shared cache keeps them.
    now = time.monotonic()
    outline, until = _outlines_here.get(key, (None, 0.0))
    if outline is None or until < now:
        outline = cache.get(key)
        if outline is None:
            outline = _programme_outline(programme)
            cache.set(key, outline, settings.PAGE_CACHE_SECONDS)
        if len(_outlines_here) >= 32:
            _outlines_here.clear()
        _outlines_here[key] = (outline, now + settings.PAGE_CACHE_SECONDS)
    return outline


_outlines_here: dict[str, tuple[list, float]] = {}


def _programme_outline(programme) -> list[ModuleOutline]:
    from .models import ModulePage

    modules = list(
        ModulePage.objects.live().child_of(programme).only("id", "title", "number", "path")
    )
    modules.sort(key=lambda m: m.number)
    by_path = {m.path: ModuleOutline(m, []) for m in modules}
    length = len(programme.path) + ModulePage.steplen
    for topic in programme_topics(programme):
        outline = by_path.get(topic.path[:length])
        if outline is not None:
            outline.topics.append(topic)
    return list(by_path.values())


def translated_topics(topics: list, language: str) -> dict[int, object]:
    """{source topic id: its page in `language`} (one query); the source page when missing."""
    from .models import TopicPage

    keys = {t.translation_key: t.pk for t in topics}
    result = {t.pk: t for t in topics}
    if language != SOURCE_LANGUAGE:
        rows = (
            TopicPage.objects.live()
            .filter(translation_key__in=list(keys), locale__language_code=language)
            .select_related("locale")
            .only(*TOPIC_FIELDS, "locale__language_code")
        )
        for page in rows:
            result[keys[page.translation_key]] = page
    return result


@dataclass
class ModuleProgress:
    module: object
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass
class Progress:
    done: int
    total: int
    modules: list[ModuleProgress]
    completed_ids: set[int]
    next_topic: object | None

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def progress_compute(outline: list[ModuleOutline], completed_ids: set[int]) -> Progress:
    modules, next_topic = [], None
    for item in outline:
        done = sum(t.hours for t in item.topics if t.pk in completed_ids)
        modules.append(ModuleProgress(item.module, done, item.hours))
        if next_topic is None:
            next_topic = next((t for t in item.topics if t.pk not in completed_ids), None)
    return Progress(
        done=sum(m.done for m in modules),
        total=sum(m.total for m in modules),
        modules=modules,
        completed_ids=completed_ids,
        next_topic=next_topic,
    )


def enrolment_progress(enrolment, outline: list[ModuleOutline] | None = None) -> Progress:
    outline = outline if outline is not None else programme_outline(enrolment.cohort.programme)
    return progress_compute(outline, set(_completed_topics(enrolment.pk)))


# The hot reads of the dashboard, compiled once (cms.db.compiled; issue 22): building each with
# the ORM cost more than running it.
def _completed_topics_of(enrolment_id):
    from .models import TopicCompletion

    return TopicCompletion.objects.filter(enrolment_id=enrolment_id).values_list(
        "topic_id", flat=True
    )


def _enrolments_of_trainee(trainee_id):
    from .models import Enrolment

    return (
        Enrolment.objects.filter(trainee_id=trainee_id)
        .select_related("cohort__programme")
        .order_by("-enrolled_at", "-pk")
    )


UPCOMING_SESSIONS = 5


def _sessions_of_cohort_from(cohort_id, since):
    from .models import LiveSession

    return LiveSession.objects.filter(cohort_id=cohort_id, starts_at__gte=since).order_by(
        "starts_at"
    )[:UPCOMING_SESSIONS]


_completed_topics = CompiledQuery(_completed_topics_of)
_enrolments_of = CompiledQuery(_enrolments_of_trainee)
_sessions_from = CompiledQuery(_sessions_of_cohort_from)


def enrolment_current(user, *, with_state: bool = False):
    """The trainee's active enrolment, else their latest one (None for none). `with_state`: with
    the facts the dashboard's panels registered (course.dashboard.enrolment_state), read for all
    the trainee's enrolments in one more query, so that no panel reads them again (issue 22)."""
    from .dashboard import state_keep, states_of_trainee
    from .models import Enrolment

    if not getattr(user, "is_authenticated", False):
        return None
    rows = _enrolments_of(user.pk)
    active = [e for e in rows if e.status == Enrolment.Status.ACTIVE]
    current = (active or rows or [None])[0]
    if with_state and current is not None:
        state_keep(current, states_of_trainee(user.pk)[current.pk])
    return current


def sessions_upcoming(cohort, *, topics: dict, now=None) -> list:
    """The cohort's next live sessions (UPCOMING_SESSIONS at most). `topics` ({id: topic page},
    from the programme's outline): each session's topic is taken from it, so none is read per
    session (a topic missing from it, e.g. unpublished since, is read when shown)."""
    from django.utils import timezone

    now = now or timezone.now()
    sessions = _sessions_from(cohort.pk, now - _session_grace())
    for session in sessions:
        if session.topic_id in topics:
            session.topic = topics[session.topic_id]
    return sessions


def _session_grace():
    from datetime import timedelta

    # A session that started within the last three hours is still "upcoming": people join late.
    return timedelta(hours=3)


def expulsion_of(enrolment):
    from .models import EnrolmentEvent

    if enrolment is None or enrolment.status != "expelled":
        return None
    return (
        EnrolmentEvent.objects.filter(enrolment=enrolment, to_status="expelled")
        .order_by("-at")
        .first()
    )


def cohorts_visible(user):
    """Cohorts a person may look after: all for registrars, taught ones for trainers."""
    from cms.roles import is_registrar

    from .models import Cohort

    if is_registrar(user):
        return Cohort.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Cohort.objects.none()
    return Cohort.objects.filter(trainers=user)


@dataclass
class CohortRow:
    enrolment: object
    name: str
    modules: list[ModuleProgress]
    done: int
    total: int
    present: int
    marked: int

    @property
    def attendance_rate(self) -> int | None:
        """Present out of sessions counted (an excused absence is not counted against)."""
        return round(100 * self.present / self.marked) if self.marked else None

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def trainee_name(user, language: str) -> str:
    """The trainee's name for a reader of `language` (cms.names.display_name)."""
    return display_name(user, language)


def cohort_table(
    cohort, *, language: str, status: str = "", sort: str = "name"
) -> tuple[list[ModuleOutline], list[CohortRow]]:
    """Trainees × modules with hours done, attendance rate and status, in a fixed number of
    queries (enrolments, outline ×2, completions, attendance)."""
    from django.db.models import Count, Q

    from cms.models import TraineeProfile

    from .models import Attendance, Enrolment, TopicCompletion

    outline = programme_outline(cohort.programme)
    enrolments = Enrolment.objects.filter(cohort=cohort).select_related("trainee")
    if status:
        enrolments = enrolments.filter(status=status)
    enrolments = list(enrolments)
    ids = [e.pk for e in enrolments]
    profiles = {
        p.user_id: p
        for p in TraineeProfile.objects.filter(user__enrolments__cohort=cohort).only(
            "user_id", *TraineeProfile.NAME_FIELDS
        )
    }
    completed: dict[int, set[int]] = {pk: set() for pk in ids}
    for enrolment_id, topic_id in TopicCompletion.objects.filter(
        enrolment__cohort=cohort
    ).values_list("enrolment_id", "topic_id"):
        if enrolment_id in completed:
            completed[enrolment_id].add(topic_id)
    marks = {
        row["enrolment_id"]: row
        for row in Attendance.objects.filter(session__cohort=cohort)
        .values("enrolment_id")
        .annotate(
            present=Count("pk", filter=Q(mark="present")),
            marked=Count("pk", filter=Q(mark__in=["present", "absent"])),
        )
    }
    rows = []
    for enrolment in enrolments:
        progress = progress_compute(outline, completed[enrolment.pk])
        name = display_name(enrolment.trainee, language, profile=profiles.get(enrolment.trainee_id))
        mark = marks.get(enrolment.pk, {})
        rows.append(
            CohortRow(
                enrolment=enrolment,
                name=name,
                modules=progress.modules,
                done=progress.done,
                total=progress.total,
                present=mark.get("present", 0),
                marked=mark.get("marked", 0),
            )
        )
    if sort == "progress":
        rows.sort(key=lambda r: (-r.done, name_sort_key(r.name)))
    else:
        rows.sort(key=lambda r: name_sort_key(r.name))
    return outline, rows


def topics_to_make_up(enrolment):
    """Topics this enrolment missed with an excused absence and has not done yet: what the
    registrar may record as made up."""
    from .models import Attendance, TopicCompletion, TopicPage

    excused = Attendance.objects.filter(enrolment=enrolment, mark=Attendance.Mark.EXCUSED).values(
        "session__topic_id"
    )
    done = TopicCompletion.objects.filter(enrolment=enrolment).values("topic_id")
    return TopicPage.objects.filter(pk__in=excused).exclude(pk__in=done).order_by("path")


@dataclass(frozen=True)
class OnboardingStep:
    label: str
    done: bool


def onboarding_steps(user, enrolment, progress: Progress | None) -> list[OnboardingStep]:
    """A new trainee's first three steps (profile → join → first topic), or [] once all are done
    or for people who are not trainees (trainers, registrars)."""
    from cms.facts import person_facts
    from cms.roles import is_registrar, is_trainer

    if is_registrar(user) or is_trainer(user):
        return []
    steps = [
        # With the person's other facts, in the request's one query (cms.facts).
        OnboardingStep(
            _("Complete your profile"), bool(person_facts(user)["cms_profile_complete"])
        ),
        OnboardingStep(_("Join your cohort with the enrolment key"), enrolment is not None),
        OnboardingStep(_("Study your first topic"), bool(progress and progress.done)),
    ]
    return [] if all(step.done for step in steps) else steps
