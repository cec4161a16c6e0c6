"""A realistic mix of people on the site, for Locust (run headless by bench_http.py).

    BENCH_LOCUST_DATA=<json> locust -f tests/bench/locustfile.py --headless --host http://…

The JSON (written by bench_http.py after seeding a national year) names signed-in sessions of
trainees, a trainer and a registrar, verification codes and page paths. Each simulated person
waits 5–15 s between clicks (10 s on average, as people read), so N users make about N/10
requests a second. The mix, per 21 people: 12 trainees (dashboard, topics, the programme), 3
anonymous visitors of the course pages, 4 employers scanning a QR code, 1 trainer (grading
queue, cohort page), 1 registrar (the register, searched). Read-only: no drafts are saved (the
bench leaves the seeded data as it found it)."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import gevent
from locust import between, task
from locust.contrib.fasthttp import FastHttpUser

DATA = json.loads(Path(os.environ["BENCH_LOCUST_DATA"]).read_text(encoding="utf-8"))


class Person(FastHttpUser):
    abstract = True
    wait_time = between(5, 15)
    session_key = ""

    def on_start(self):
        self.headers = {"Cookie": f"sessionid={self.session_key}"} if self.session_key else {}
        # People arrive over a while, not all in the same second: without this, every user of a
        # step made its first request while the step was still starting (all within 3 s), a
        # burst that no real evening has, and its queue was still draining when the step's
        # measurement began (400 people: p95 2 s at 40 requests a second).
        gevent.sleep(random.uniform(0, 10))

    def open(self, path: str, name: str) -> None:
        self.client.get(path, headers=self.headers, name=name)


class Trainee(Person):
    weight = 12

    def on_start(self):
        self.session_key = random.choice(DATA["trainee_sessions"])
        super().on_start()

    @task(3)
    def dashboard(self):
        self.open(DATA["dashboard"], "trainee dashboard")

    @task(4)
    def topic(self):
        self.open(random.choice(DATA["topics"]), "topic page (trainee)")

    @task(1)
    def programme(self):
        self.open(DATA["programme"], "programme page (trainee)")


class Visitor(Person):
    weight = 3

    @task(1)
    def programme(self):
        self.open(DATA["programme"], "programme page (anonymous)")

    @task(3)
    def topic(self):
        self.open(random.choice(DATA["topics"]), "topic page (anonymous)")


class Employer(Person):
    weight = 4

    @task
    def verify(self):
        self.open(f"/verify/{random.choice(DATA['codes'])}/", "verification page")


class Trainer(Person):
    weight = 1

    def on_start(self):
        self.session_key = DATA["trainer_session"]
        super().on_start()

    @task(3)
    def queue(self):
        self.open(DATA["grading_queue"], "grading queue")

    @task(1)
    def cohort(self):
        self.open(DATA["cohort_page"], "cohort page")


class Registrar(Person):
    weight = 1

    def on_start(self):
        self.session_key = DATA["registrar_session"]
        super().on_start()

    @task(2)
    def register(self):
        self.open(DATA["register"], "register")

    @task(1)
    def search(self):
        self.open(DATA["register"] + "?q=" + random.choice(DATA["surnames"]), "register search")
