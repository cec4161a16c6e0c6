"""/healthz: 200 when the database and the broker answer, 503 otherwise (CONTRACTS.md)."""

from __future__ import annotations

import socket

import pytest
from django.db.utils import OperationalError

from .conftest import reset_celery_connections


@pytest.fixture
def broker(settings):
    """Point the Celery app at a broker URL for one test, then restore it."""
    from cms.celery import app

    saved = app.conf.broker_url

    def use(url: str) -> None:
        settings.CELERY_TASK_ALWAYS_EAGER = False
        app.conf.broker_url = url
        reset_celery_connections(app)

    yield use
    app.conf.broker_url = saved
    reset_celery_connections(app)


@pytest.mark.django_db
def test_it_answers_200_with_an_eager_broker(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "eager"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_it_answers_503_when_the_database_fails(client, monkeypatch):
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "error", "broker": "eager"}


@pytest.mark.services
@pytest.mark.django_db
def test_it_answers_200_with_a_real_redis_broker(client, redis_url, broker):
    broker(redis_url)
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok"}


@pytest.mark.django_db
def test_it_answers_503_when_the_broker_is_down(client, broker):
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    broker(f"redis://127.0.0.1:{port}/0")
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "broker": "error"}
