"""Benchmark: the server time of the staff's actions on the demo data (issue 19's 300 ms).

    .venv/bin/python tests/bench/bench_staff_actions.py     (or: tests/bench/run.py staff_actions)

Seeds the demo (`seed_demo`) and then a national year behind it (`seed_scale`,
BENCH_SCALE_TRAINEES, default 5,000; 0 skips), then times each action BENCH_REPEAT times
(default 20) through Django's test client, in process: the Wagtail admin's edit of a topic page
(GET, and POST publishing it), the admin lists (cohorts, enrolments, status history, live
sessions, score-change log), the grading queue, the cohort page, the results page, the register,
accepting a practice work and finalising a result (with confirm=yes), each POST on a fresh work
or enrolment. Prints `<action>_p50` and `<action>_p95` in ms, the queries of one request
(`<action>_queries`), and how many Celery tasks the POSTs queued.

Celery: the test settings run tasks eagerly (inline), which would put the PDF and e-mail work of
finalising and accepting inside the measured time. Here `Task.apply_async` is replaced by a
function that only records the call, as a broker would queue it: what is timed is the request
and its on-commit hooks up to the hand-over, not the work a worker does later.

Runs on a throw-away test database (PostgreSQL when DATABASE_URL is set, as under run.py, else
SQLite in memory); nothing outside the process is touched. The machine is shared: figures are
indicative."""

from __future__ import annotations

import os
import statistics
import sys
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
# Wagtail's django-tasks (reference and search index) handed to Celery after the commit, as in
# production (the test settings run them inline); Celery itself only records them (see above).
os.environ.setdefault("TASKS_BACKEND", "cms.task_backend.CeleryOnCommitBackend")

REPEAT = int(os.environ.get("BENCH_REPEAT", "20"))
# BENCH_PROFILE=admin_score_changes,cohort_page: one more request of each, under cProfile, whose
# 60 dearest functions (cumulative time) and 25 by their own time are printed on stderr.
PROFILE = set(filter(None, os.environ.get("BENCH_PROFILE", "").split(",")))
SCALE_TRAINEES = int(os.environ.get("BENCH_SCALE_TRAINEES", "5000"))
# BENCH_ONLY=admin_enrolments,…: time only these actions (a quicker loop while fixing one).
ONLY = set(filter(None, os.environ.get("BENCH_ONLY", "").split(",")))
SCORES = {"theory": 15, "practice": 22, "plan": 22, "defence": 8, "participation": 7}
QUEUED: list[str] = []


def _queue_only(self, args=None, kwargs=None, **options):
    """Stands in for Celery's apply_async: the task is handed over, not run."""
    QUEUED.append(self.name)


def _percentiles(runs: list[float]) -> tuple[float, float]:
    runs = sorted(runs)
    return statistics.median(runs), runs[max(0, int(len(runs) * 0.95 + 0.5) - 1)]


def _print(name: str, runs: list[float], queries: int) -> None:
    p50, p95 = _percentiles(runs)
    print(f"{name}_p50: {p50:.1f} ms", flush=True)
    print(f"{name}_p95: {p95:.1f} ms", flush=True)
    print(f"{name}_queries: {queries} queries", flush=True)


def _time(name: str, request, expected: int) -> None:
    """Times `request(i)` REPEAT times after a warm-up; prints p50/p95 and one run's queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if ONLY and name not in ONLY:
        return
    response = request(-1)
    assert response.status_code == expected, (name, response.status_code)
    runs = []
    queries = 0
    for i in range(REPEAT):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = request(i)
            runs.append((time.perf_counter() - started) * 1000)
        assert response.status_code == expected, (name, response.status_code)
        queries = len(captured)
    _print(name, runs, queries)
    if name in PROFILE:
        for query in captured.captured_queries:  # the last run's, abbreviated, with their time
            print(f"  {query['time']} s  {query['sql'][:160]}", file=sys.stderr)
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(request, REPEAT)
        stats = pstats.Stats(profiler, stream=sys.stderr)
        # The dearest functions by their own time too: the cumulative list is mostly wrappers.
        stats.sort_stats("cumulative").print_stats(60)
        stats.sort_stats("tottime").print_stats(25)


def _client(user):
    from django.test import Client

    from cms.tests.factories import session_record_mfa

    client = Client()
    client.force_login(user)
    session_record_mfa(client, user)
    return client


def main() -> None:
    import django

    django.setup()
    from django.test.utils import setup_databases, setup_test_environment

    setup_test_environment()
    setup_databases(verbosity=0, interactive=False)

    from celery.app.task import Task
    from django.conf import settings
    from django.core.management import call_command
    from django.urls import reverse
    from django.utils import translation

    Task.apply_async = _queue_only  # see the docstring: queued, not run inline

    started = time.monotonic()
    settings.DEBUG = True  # the seeds refuse otherwise
    call_command("seed_demo", stdout=StringIO())
    if SCALE_TRAINEES:
        call_command(
            "seed_scale", "--trainees", str(SCALE_TRAINEES), "--seed", "3", stdout=StringIO()
        )
    settings.DEBUG = False
    print(f"# seeded in {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)

    from assessment import services as assessment_services
    from assessment.models import Submission
    from assessment.tests.factories import EnrolmentFactory
    from cms.models import User
    from course.demo import COHORT_CODE, REGISTRAR, TRAINERS
    from course.models import Cohort, TopicPage

    cohort = Cohort.objects.get(code=COHORT_CODE)
    trainer = User.objects.get(email=TRAINERS[0][0])
    registrar = User.objects.get(email=REGISTRAR[0])
    editor = User.objects.filter(is_superuser=True).first() or User.objects.create_superuser(
        email="bench-editor@example.com", password="bench-editor-x"
    )
    from cms.tests.admin_forms import admin_publish_data
    from cms.tests.factories import totp_activate

    totp_activate(editor)
    trainer_client, registrar_client, editor_client = (
        _client(trainer),
        _client(registrar),
        _client(editor),
    )

    with translation.override("kk"):
        # The Wagtail admin: a demo topic page with an empty body (see admin_publish_data).
        topic = (
            TopicPage.objects.filter(locale__language_code="kk", live=True).order_by("path").last()
        )
        edit = f"/admin/pages/{topic.pk}/edit/"
        _time("admin_page_edit_get", lambda i: editor_client.get(edit), 200)
        form = editor_client.get(edit).context["form"]
        data = admin_publish_data(form)
        _time("admin_page_edit_publish", lambda i: editor_client.post(edit, data), 302)

        for label, name in [
            ("admin_cohorts", "cohort:index"),
            ("admin_enrolments", "enrolment:index"),
            ("admin_status_history", "enrolmentevent:index"),
            ("admin_live_sessions", "livesession:index"),
            ("admin_score_changes", "wagtailsnippets_assessment_scorechange:list"),
        ]:
            path = reverse(name)
            _time(label, lambda i, p=path: registrar_client.get(p), 200)

        pages = [
            ("grading_queue", reverse("assessment:grading_queue")),
            ("cohort_page", reverse("course:cohort_detail", args=[cohort.code])),
            ("results_page", reverse("assessment:cohort_results", args=[cohort.code])),
        ]
        for label, path in pages:
            _time(label, lambda i, p=path: trainer_client.get(p), 200)
        register = reverse("certificates:register")
        _time("register_page", lambda i: registrar_client.get(register), 200)
        _time("register_search", lambda i: registrar_client.get(register + "?q=demo"), 200)

        # Accepting: a fresh submitted work each time, in the demo cohort, by its trainer.
        assignment = (
            Submission.objects.filter(enrolment__cohort=cohort).values_list("assignment", flat=True)
        ).first()
        works = [EnrolmentFactory(cohort=cohort) for _ in range(REPEAT + 2)]
        from assessment.models import Assignment

        practice = Assignment.objects.get(pk=assignment)
        submissions = []
        for enrolment in works:
            version = assessment_services.submission_draft_save(
                assignment=practice, enrolment=enrolment, text="Жұмыс мәтіні."
            )
            assessment_services.submission_submit(
                submission=version.submission, anonymised_confirmed=True
            )
            submissions.append(Submission.objects.get(pk=version.submission_id))
        before = len(QUEUED)

        def accept(i):
            submission = submissions[i + 1]
            return trainer_client.post(
                reverse("assessment:submission_review", args=[submission.pk]),
                {
                    "decision": "accepted",
                    "feedback": "Жақсы.",
                    "lock_version": submission.lock_version,
                },
            )

        _time("accept_practice_work", accept, 302)
        print(f"accept_practice_work_tasks_queued: {len(QUEUED) - before} tasks", flush=True)

        finals = [EnrolmentFactory(cohort=cohort, plan_submitted=True) for _ in range(REPEAT + 2)]
        score = {f"score_{code}": value for code, value in SCORES.items()}
        score |= {f"comment_{code}": "Түсініктеме." for code in SCORES}
        score |= {"action": "finalise", "confirm": "yes"}
        before = len(QUEUED)

        def finalise(i):
            path = reverse("assessment:score", args=[finals[i + 1].pk])
            return trainer_client.post(path, score)

        _time("finalise_result", finalise, 302)
        print(f"finalise_result_tasks_queued: {len(QUEUED) - before} tasks", flush=True)
        print(f"# tasks queued: {sorted(set(QUEUED))}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
