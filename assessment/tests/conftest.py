"""Fixtures and helpers the assessment tests share: English messages, URLs, the people of a
cohort, and what the error-report and full-disk tests of practice work and the support plan need
(a child's description that must never reach a report, a small PDF, production's logging, a disk
that fills up halfway through a file)."""

from __future__ import annotations

import errno
import os

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation

# What a trainee may type about a child: no error report may carry it.
CHILD = "Айдос Серікұлы, 7 жаста, үзілісте айқайлайды"

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

MESSAGE = "Your text is saved, but these files could not be stored"


def pdf(name="case.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def report_text(message) -> str:
    """An error e-mail's whole text: the plain body and every alternative (the HTML report)."""
    return message.body + "".join(str(content) for content, _type in message.alternatives)


def files_under(root) -> list[str]:
    return [os.path.join(d, f) for d, _dirs, files in os.walk(root) for f in files]


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English; a test that checks a translation overrides this."""
    with translation.override("en"):
        yield


def url(name: str, *args) -> str:
    """An assessment URL in English, so tests read the messages as written in the code."""
    from django.urls import reverse

    with translation.override("en"):
        return reverse(f"assessment:{name}", args=args)


@pytest.fixture
def trainer(db):
    from .factories import TrainerFactory

    return TrainerFactory()


@pytest.fixture
def cohort(programme, trainer):
    from .factories import CohortFactory

    return CohortFactory(trainers=[trainer])


@pytest.fixture
def enrolment(cohort):
    from .factories import EnrolmentFactory

    return EnrolmentFactory(cohort=cohort)


def named_enrolment(trainer, status, **kwargs):
    """An enrolment in a new cohort of `trainer`, in `status`, of a trainee with a Kazakh name
    (the name must reach the e-mails and pages the tests read)."""
    from .factories import CohortFactory, EnrolmentFactory

    return EnrolmentFactory(
        cohort=CohortFactory(trainers=[trainer]),
        status=status,
        trainee__first_name="Айгүл",
        trainee__last_name="Серикова",
        **kwargs,
    )


@pytest.fixture
def outsiders(programme):
    """Another trainee (of the same cohort's programme, other cohort) and another cohort's
    trainer: both must get a 404 on one person's assessment pages."""
    from .factories import CohortFactory, EnrolmentFactory, TrainerFactory

    other_trainer = TrainerFactory()
    other = EnrolmentFactory(cohort=CohortFactory(trainers=[other_trainer]))
    return {"trainee": other.trainee, "trainer": other_trainer}


# Who may open one trainee's private page (her work, her plan, their files), as (`who` of the
# `person` fixture, the status expected).
PRIVATE_PAGE_READERS = [
    ("author", 200),
    ("own_trainer", 200),
    ("registrar", 200),
    ("other_trainee", 404),
    ("other_trainer", 404),
]


@pytest.fixture
def person(enrolment, trainer, outsiders):
    """The user a parametrised `who` names, for the tests that one trainee's pages are shown to
    the right people only: the trainee ("trainee" or "author"), her trainer ("own_trainer"), a
    registrar, another trainee ("other_trainee") or another cohort's trainer ("other_trainer")."""

    def named(who: str):
        from .factories import RegistrarFactory

        if who == "registrar":
            return RegistrarFactory()
        return {
            "trainee": enrolment.trainee,
            "author": enrolment.trainee,
            "own_trainer": trainer,
            "other_trainee": outsiders["trainee"],
            "other_trainer": outsiders["trainer"],
        }[who]

    return named


@pytest.fixture
def assignment(programme):
    """The practice work of the programme's first practice topic."""
    from assessment.models import Assignment
    from course.models import TopicPage

    topic = (
        TopicPage.objects.filter(kind="practice", locale__language_code="kk")
        .order_by("path")
        .first()
    )
    return Assignment.objects.create(
        topic=topic, brief_kk="<p>Кейс</p>", brief_en="<p>Describe the case</p>"
    )


@pytest.fixture
def production_logging(settings):
    """Production's logging, which mails ADMINS on a server error (development only prints)."""
    import logging.config

    from cms.logs import django_logging

    logging.config.dictConfig(django_logging(level="INFO", json_lines=False, mail_admins=True))
    yield
    logging.config.dictConfig(settings.LOGGING)


@pytest.fixture
def failing_client(settings, enrolment, production_logging):
    """The trainee's browser on a server that mails a report of every error to ADMINS."""
    settings.ADMINS = [("Ops", "ops@example.kz")]
    client = Client(raise_request_exception=False)
    client.force_login(enrolment.trainee)
    return client


@pytest.fixture
def full_disk(monkeypatch, settings):
    """The private storage writes part of a file, then the disk is full."""

    def write_then_fail(self, name, content):
        with open(self.path(name), "wb") as partial:
            partial.write(PDF[:10])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(FileSystemStorage, "_save", write_then_fail)
    os.makedirs(settings.PRIVATE_MEDIA_ROOT, exist_ok=True)
    return settings.PRIVATE_MEDIA_ROOT
