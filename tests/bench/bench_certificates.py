"""Benchmark: issuing certificates through the whole pipeline against a bare WeasyPrint render.

    .venv/bin/python tests/bench/bench_certificates.py

Prints `name: value unit` lines:
- certificate_pipeline: one certificate through record + serial + QR + HTML + PDF + digital
  signature (settings.CERTIFICATES_PDF_POSTPROCESSORS) + storage + hash;
- certificate_bare_render: WeasyPrint rendering the same HTML string, nothing else;
- certificate_pipeline_vs_bare_render: their ratio (target at most 1.25);
- certificate_postprocess_signature: the signature step alone, part of the pipeline figure;
- certificates_issue_<N>: issuing N certificates for one cohort, with two worker processes on
  PostgreSQL (DATABASE_URL) or one worker on the default in-memory SQLite, and the per-certificate
  figure. BENCH_CERTIFICATES sets N (default 200).

Runs on a throw-away test database; nothing outside the process is touched."""

from __future__ import annotations

import multiprocessing
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")


def _median_seconds(func, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    import logging

    import django

    django.setup()
    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    from django.db import connection, connections
    from django.test.utils import setup_databases, setup_test_environment

    setup_test_environment()
    setup_databases(verbosity=0, interactive=False)

    from certificates.pdf import document_html, html_to_pdf
    from certificates.services import certificate_issue
    from certificates.tests.factories import CohortFactory, EnrolmentFactory
    from course.programme_data import MODULES, PROGRAMME
    from course.services import programme_load

    programme_load(programme=PROGRAMME, modules=MODULES)

    def issue(enrolment):
        return certificate_issue(enrolment=enrolment, score=90, band="excellent")

    # Warm up fonts, templates and WeasyPrint's caches so neither side pays the first-call cost.
    warm = issue(EnrolmentFactory())
    html = document_html(warm)
    html_to_pdf(html)

    repeat = int(os.environ.get("BENCH_REPEAT", "5"))
    enrolments = [EnrolmentFactory() for _ in range(repeat)]
    queue = iter(enrolments)
    pipeline = _median_seconds(lambda: issue(next(queue)), repeat)
    bare = _median_seconds(lambda: html_to_pdf(html), repeat)
    print(f"certificate_pipeline: {pipeline:.3f} s")
    print(f"certificate_bare_render: {bare:.3f} s")
    print(f"certificate_pipeline_vs_bare_render: {pipeline / bare:.2f} ratio")
    from certificates.services.documents import _postprocess

    pdf = html_to_pdf(html)
    signature = _median_seconds(lambda: _postprocess(pdf), repeat)
    print(f"certificate_postprocess_signature: {signature:.3f} s")

    count = int(os.environ.get("BENCH_CERTIFICATES", "200"))
    if count <= 0:
        return
    cohort = CohortFactory()
    batch = [EnrolmentFactory(cohort=cohort).pk for _ in range(count)]
    # Two worker processes, as two Celery workers would be: each its own interpreter (WeasyPrint
    # is CPU-bound Python, threads would share one core) and its own database connection.
    workers = 2 if connection.vendor == "postgresql" else 1

    from certificates.models import Certificate
    from course.models import Enrolment

    def work(ids) -> None:
        for enrolment in Enrolment.objects.select_related("cohort__programme", "trainee").filter(
            pk__in=ids
        ):
            issue(enrolment)

    started = time.perf_counter()
    if workers == 1:
        work(batch)
    else:
        connections.close_all()  # each child opens its own
        context = multiprocessing.get_context("fork")
        processes = [
            context.Process(target=_child, args=(work, batch[i::workers])) for i in range(workers)
        ]
        for process in processes:
            process.start()
        for process in processes:
            process.join()
        if any(process.exitcode for process in processes):
            raise SystemExit("a worker process failed")
    elapsed = time.perf_counter() - started
    issued = Certificate.objects.filter(enrolment__cohort=cohort, pdf__gt="").count()
    if issued != count:
        raise SystemExit(f"{issued} certificates with a PDF, expected {count}")
    print(f"certificates_issue_{count}_{workers}_workers: {elapsed:.1f} s")
    print(f"certificates_issue_per_certificate: {elapsed / count:.3f} s")


def _child(work, ids) -> None:
    from django.db import connections

    try:
        work(ids)
    finally:
        connections.close_all()


if __name__ == "__main__":
    main()
