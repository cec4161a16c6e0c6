"""Load test: gunicorn with several workers on PostgreSQL, driven over loopback.

    .venv/bin/python tests/bench/bench_http.py     (tests/bench/run.py starts the services)

Needs DATABASE_URL (PostgreSQL; a database of its own is created next to it and dropped after)
and PA_LMS_REDIS_URL. Seeds a national year first (`seed_scale`, BENCH_SCALE_TRAINEES, default
5,000; 0 skips). Measures, one after another in the same run and against the same gunicorn: a
bare Django view (the floor), the public certificate verification page and its JSON, the
programme, a module and a topic page for anonymous visitors, the topic page and the dashboard of
a signed-in trainee. Prints `name: value unit` lines: requests/s, p50, p95 and p99 latency for
each, and `<page>_vs_bare_view_throughput` for each page (issue 22's targets: verification
≥ 0.40, course pages ≥ 0.50, dashboard ≥ 0.10). Each page is driven right after a bare-view run,
in BENCH_ROUNDS (default 3) rounds; its throughput is the median round, and the ratio the median
of the rounds' ratios. The bare view, the verification page, the topic page and the dashboard are
then driven by wrk, a C load generator (installed from Debian's packages when missing), and
printed as `*_wrk` lines: the ratios without the Python clients' share.

Bounded: each round is driven for BENCH_SECONDS (default 5) or BENCH_MAX_REQUESTS requests per
client thread, whichever comes first; only 127.0.0.1 is contacted. The clients (httpx, in
Python) share the machine's two cores with the server, as does PostgreSQL."""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
MAX_REQUESTS = int(os.environ.get("BENCH_MAX_REQUESTS", "20000"))
WORKERS = int(os.environ.get("BENCH_GUNICORN_WORKERS", str(2 * (os.cpu_count() or 2))))
CLIENT_PROCESSES = 2
CLIENT_THREADS = 6
# Driven by wrk too (the pages whose targets issue 22 sets), each round after the bare view.
# verify_django: the same page by a Django template (tests/bench/http_urls.py), to decide whether
# Jinja2 is still needed (issue 22).
WRK_PAIRED = ["verify", "verify_django", "topic_page", "trainee_dashboard"]
# Trainees of the national year seeded before measuring (seed_scale); 0: an empty site.
SCALE_TRAINEES = int(os.environ.get("BENCH_SCALE_TRAINEES", "5000"))
# Each page below alternates with the bare view, round after round; its ratio is the median of
# the rounds' page/bare throughputs, so that a slow spell of the machine weighs on both.
PAIRED = [
    "verify",
    "verify_django",
    "verify_json",
    "programme_page",
    "module_page",
    "topic_page",
    "topic_page_trainee",
    "trainee_dashboard",
]
# BENCH_PAGES=verify,verify_django: only these pages (and the bare view), e.g. to measure one pair.
if os.environ.get("BENCH_PAGES"):
    _ONLY = os.environ["BENCH_PAGES"].split(",")
    PAIRED = [name for name in PAIRED if name in _ONLY]
    WRK_PAIRED = [name for name in WRK_PAIRED if name in _ONLY]

SETUP = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from certificates.services import certificate_issue
from certificates.tests.factories import EnrolmentFactory
from certificates.models import Certificate
from cms.demo import organisation_fill
from cms.tests.factories import RegistrarFactory, TrainerFactory, totp_activate
from course.models import Cohort, Enrolment, ModulePage, ProgrammePage, TopicPage

# Certificates are refused while the organisation's names and signatory are blank.
organisation_fill()
enrolment = EnrolmentFactory(status=Enrolment.Status.ACTIVE)
finished = EnrolmentFactory()
certificate = certificate_issue(enrolment=finished, score=88, band="excellent")
user = enrolment.trainee
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
programme = ProgrammePage.objects.get(locale__language_code="kk")
module = ModulePage.objects.child_of(programme).get(number=2)
topic = TopicPage.objects.get(number="2.1", locale__language_code="kk")


def session_for(person, *, mfa=False):
    # A signed-in session, as after signing in (with the second factor, for staff).
    import time
    from allauth.account.internal.flows import login as flows

    store = SessionStore()
    store[SESSION_KEY] = str(person.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = person.get_session_auth_hash()
    if mfa:
        store[flows._AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(person.pk)
        store[flows.AUTHENTICATION_METHODS_SESSION_KEY] = [
            {"method": "password", "at": time.time(), "email": person.email},
            {"method": "mfa", "at": time.time(), "type": "totp"},
        ]
    store.create()
    return store.session_key


# For the Locust mix: people of the seeded national year when there is one.
current = Cohort.objects.filter(enrolments__status="active").order_by("-starts_on").first()
trainer = current.trainers.first() if current and current.trainers.exists() else None
if trainer is None:
    trainer = TrainerFactory()
    current = enrolment.cohort
    current.trainers.add(trainer)
totp_activate(trainer)
registrar = RegistrarFactory()
active = list(
    Enrolment.objects.filter(status="active").select_related("trainee").order_by("?")[:50]
)
codes = list(
    Certificate.objects.filter(status="valid").order_by("?").values_list("code", flat=True)[:200]
)
surnames = list(
    Certificate.objects.order_by("?").values_list("holder_surname", flat=True)[:50]
) or ["a"]
locust = {
    "trainee_sessions": [session_for(e.trainee) for e in active],
    "trainer_session": session_for(trainer, mfa=True),
    "registrar_session": session_for(registrar, mfa=True),
    "codes": codes,
    "surnames": [name.split("-")[0][:6] for name in surnames],
    "topics": [
        t.get_url(None) for t in TopicPage.objects.filter(locale__language_code="kk")
    ],
    "programme": programme.get_url(None),
    "dashboard": "/kk/study/",
    "grading_queue": "/kk/assessment/grading/",
    "cohort_page": f"/kk/study/cohorts/{current.code}/",
    "register": "/kk/certificates/register/",
}
print(json.dumps({
    "verify": f"/verify/{certificate.code}/",
    "programme": programme.get_url(None),
    "module": module.get_url(None),
    "topic": topic.get_url(None),
    "dashboard": "/kk/study/",
    "session": session.session_key,
    "locust": locust,
}))
"""


def log(message: str) -> None:
    print(f"# {message}", file=sys.stderr, flush=True)


def run_django(command: list[str], env: dict) -> subprocess.CompletedProcess:
    """Run a Django command quietly; on failure show its error output, then raise."""
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        log(done.stderr[-3000:])
        done.check_returncode()
    return done


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def admin_execute(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(with_database(url, "postgres"), autocommit=True) as conn:
        conn.execute(sql)


def drive(args: tuple[str, dict, float, int, int]) -> tuple[list[float], int]:
    """One client process: `threads` keep-alive connections hammering `url` until the deadline."""
    import threading

    import httpx

    url, cookies, seconds, threads, max_requests = args
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def loop() -> None:
        mine: list[float] = []
        bad = 0
        with httpx.Client(cookies=cookies, timeout=30, follow_redirects=False) as client:
            for _ in range(max_requests):
                start = time.perf_counter()
                if start >= deadline:
                    break
                response = client.get(url)
                mine.append(time.perf_counter() - start)
                bad += response.status_code != 200
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    pool = [threading.Thread(target=loop) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return latencies, errors[0]


def drive_for(executor, url: str, cookies: dict) -> tuple[float, list[float], int]:
    """Warm every gunicorn worker up (connections, templates, caches), then drive `url` from all
    clients for SECONDS: requests/s, latencies, non-200 answers."""
    list(executor.map(drive, [(url, cookies, 1.0, CLIENT_THREADS, 200)] * CLIENT_PROCESSES))
    started = time.perf_counter()
    results = list(
        executor.map(
            drive, [(url, cookies, SECONDS, CLIENT_THREADS, MAX_REQUESTS)] * CLIENT_PROCESSES
        )
    )
    elapsed = time.perf_counter() - started
    latencies = [value for values, _ in results for value in values]
    return len(latencies) / elapsed, latencies, sum(bad for _, bad in results)


def check(name: str, url: str, cookies: dict) -> None:
    import httpx

    answer = httpx.get(url, cookies=cookies, timeout=30)
    if answer.status_code != 200:
        raise SystemExit(f"{name}: {url} answered {answer.status_code}, expected 200")


def report(name: str, runs: list[tuple[float, list[float], int]]) -> float:
    """Print a target's figures: the median requests/s of its rounds, latencies of all of them."""
    throughput = statistics.median(rate for rate, _, _ in runs)
    latencies = sorted(value for _, values, _ in runs for value in values)
    errors = sum(bad for _, _, bad in runs)
    if not latencies:  # the machine so busy that no request finished in time
        print(f"http_{name}_throughput: 0.0 req/s", flush=True)
        return throughput
    p50 = statistics.median(latencies) * 1000
    p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))] * 1000
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
    print(f"http_{name}_throughput: {throughput:.1f} req/s", flush=True)
    print(f"http_{name}_p50: {p50:.1f} ms", flush=True)
    print(f"http_{name}_p95: {p95:.1f} ms", flush=True)
    print(f"http_{name}_p99: {p99:.1f} ms", flush=True)
    if errors:
        print(f"http_{name}_errors: {errors} requests", flush=True)
    return throughput


WRK_LATENCY = re.compile(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
WRK_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def drive_wrk(url: str, cookies: dict) -> tuple[float, dict[str, float], int]:
    """Drive `url` with wrk (C, 2 threads, as many connections as the Python clients): requests/s,
    p50/p99 in ms, non-2xx answers."""
    command = ["wrk", "-t2", f"-c{CLIENT_PROCESSES * CLIENT_THREADS}", "--latency"]
    if cookies:
        command += ["-H", "Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items())]
    subprocess.run([*command, "-d1s", url], capture_output=True, check=True)  # warm-up
    out = subprocess.run(
        [*command, f"-d{max(1, round(SECONDS))}s", url], capture_output=True, text=True, check=True
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = {f"p{q}": float(v) * WRK_UNIT_MS[unit] for q, v, unit in WRK_LATENCY.findall(out)}
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return rate, latency, int(bad.group(1)) if bad else 0


def compare_with_wrk(targets: dict) -> None:
    """The bare view and the verification page again, driven by wrk instead of Python clients.
    A Python client spends about as much CPU per request as the bare view itself, on the same two
    cores, which narrows the gap between a cheap page and a dear one: this is the figure with the
    client's share made small. Skipped (and said so) without wrk (Debian's package)."""
    if shutil.which("wrk") is None and os.geteuid() == 0:
        subprocess.run(["apt-get", "update", "-qq"], capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], capture_output=True)
    if shutil.which("wrk") is None:
        log("wrk not available: the comparison with a C load generator is skipped")
        return
    runs: dict[str, list] = {name: [] for name in ("bare_view", *WRK_PAIRED)}
    for _ in range(ROUNDS):
        for name, found in runs.items():
            found.append(drive_wrk(*targets[name]))
    for name, found in runs.items():
        rate = statistics.median(r for r, _, _ in found)
        print(f"http_{name}_throughput_wrk: {rate:.1f} req/s", flush=True)
        for q in ("p50", "p99"):
            value = statistics.median(latency.get(q, float("nan")) for _, latency, _ in found)
            print(f"http_{name}_{q}_wrk: {value:.1f} ms", flush=True)
        if sum(bad for _, _, bad in found):
            print(f"http_{name}_errors_wrk: {sum(b for _, _, b in found)} requests", flush=True)
    for name in WRK_PAIRED:
        ratios = [v[0] / b[0] for b, v in zip(runs["bare_view"], runs[name], strict=True)]
        log(f"wrk rounds, {name}/bare: " + ", ".join(f"{ratio:.2f}" for ratio in ratios))
        ratio = statistics.median(ratios)
        print(f"{name}_vs_bare_view_throughput_wrk: {ratio:.2f} ratio", flush=True)


# BENCH_LOCUST_USERS=0 skips the load test.
LOCUST_STEPS = [
    int(n) for n in os.environ.get("BENCH_LOCUST_USERS", "100,200,400,800").split(",") if int(n)
]
LOCUST_SECONDS = int(os.environ.get("BENCH_LOCUST_SECONDS", "20"))
LOCUST_P95_LIMIT_MS = 300


def locust_step(base: str, data_file: Path, users: int, prefix: Path) -> dict[str, dict]:
    """One headless Locust run of `users` people (tests/bench/locustfile.py), all started within
    3 s, each making a first click within 10 s of starting (locustfile.py), measured from when all
    have started for LOCUST_SECONDS + 10 s: its statistics per page and aggregated."""
    import csv

    subprocess.run(
        [
            str(Path(PY).with_name("locust")), "-f", str(ROOT / "tests/bench/locustfile.py"),
            "--headless", "--host", base, "-u", str(users),
            "-r", str(max(1, users // 3)), "-t", f"{LOCUST_SECONDS + 13}s",
            "--reset-stats", "--only-summary", "--loglevel", "ERROR", "--csv", str(prefix),
        ],
        cwd=ROOT, env={**os.environ, "BENCH_LOCUST_DATA": str(data_file)},
        capture_output=True, timeout=LOCUST_SECONDS + 60,
    )  # fmt: skip
    with open(f"{prefix}_stats.csv", encoding="utf-8") as stats:
        # A page nobody opened in the step has "N/A" percentiles: left out.
        return {
            row["Name"]: row
            for row in csv.DictReader(stats)
            if row.get("95%", "N/A") not in ("N/A", "")
        }


def load_test(base: str, data: dict, tmp: Path) -> None:
    """The realistic mix at growing numbers of simulated people (BENCH_LOCUST_USERS), stopping
    at the first whose p95 passes 300 ms: requests/s and p95 per page for each step, and the
    most people held with p95 under 300 ms."""
    if not LOCUST_STEPS:
        log("BENCH_LOCUST_USERS=0: the load test is skipped")
        return
    if not Path(PY).with_name("locust").exists():
        log("locust not installed (pip install -e '.[test]'): the load test is skipped")
        return
    data_file = tmp / "locust.json"
    data_file.write_text(json.dumps(data))
    held = 0
    for users in LOCUST_STEPS:
        rows = locust_step(base, data_file, users, tmp / f"locust_{users}")
        total = rows.pop("Aggregated", None)
        if total is None:
            log(f"locust: no request finished with {users} users")
            break
        p95 = float(total["95%"])
        print(f"locust_{users}_users_throughput: {float(total['Requests/s']):.1f} req/s")
        print(f"locust_{users}_users_p95: {p95:.0f} ms", flush=True)
        failures = int(total["Failure Count"])
        if failures:
            print(f"locust_{users}_users_failures: {failures} requests", flush=True)
        for name, row in sorted(rows.items()):
            slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
            print(f"locust_{users}_users_{slug}_p95: {float(row['95%']):.0f} ms", flush=True)
        if p95 >= LOCUST_P95_LIMIT_MS or failures:
            break
        held = users
    print(f"locust_users_held_p95_under_300ms: {held} users", flush=True)


def main() -> int:
    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("PA_LMS_REDIS_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")) or not redis_url:
        log("bench_http needs PostgreSQL and Redis: run it through tests/bench/run.py")
        return 2
    name = f"pa_lms_bench_{uuid.uuid4().hex[:8]}"
    admin_execute(database_url, f'CREATE DATABASE "{name}"')
    tmp = Path(tempfile.mkdtemp(prefix="pa-lms-bench-"))
    redis_base = redis_url.rsplit("/", 1)[0]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.bench.http_settings",
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": with_database(database_url, name),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "CELERY_BROKER_URL": f"{redis_base}/2",
        "REDIS_CACHE_URL": f"{redis_base}/3",
        "ALLOWED_HOSTS": "127.0.0.1",
        "MEDIA_ROOT": str(tmp / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp / "private"),
        "GUNICORN_WORKERS": str(WORKERS),
        "LOG_LEVEL": "WARNING",
        # No worker recycling in a run of a few thousand requests: a worker rebooting in the
        # middle of one target's measurement would be charged to that target alone.
        "GUNICORN_MAX_REQUESTS": "0",
        # Signing keys of the run's own: production settings never create them.
        "CREDENTIALS_KEY_DIR": str(tmp / "credentials"),
    }
    server = None
    try:
        log(f"migrating {name} and loading the programme")
        run_django(
            [PY, "manage.py", "credentials_dev_keys"],
            {**env, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"},
        )
        for command in (["migrate", "--no-input", "-v", "0"], ["load_programme"]):
            run_django([PY, "manage.py", *command], env)
        if SCALE_TRAINEES:
            # seed_scale refuses with DEBUG off: run with the development settings, same database.
            log(f"seeding a national year: {SCALE_TRAINEES} trainees")
            seeded = run_django(
                [PY, "manage.py", "seed_scale", "--trainees", str(SCALE_TRAINEES)],
                {**env, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", "DEBUG": "1"},
            )
            log(seeded.stdout.strip().replace("\n", "; "))
        setup = run_django([PY, "-c", "import django; django.setup()\n" + SETUP], env)
        paths = json.loads(setup.stdout.strip().splitlines()[-1])

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server_log = (tmp / "gunicorn.log").open("wb")  # closed with the process
        server = subprocess.Popen(
            [
                str(Path(PY).with_name("gunicorn")), "cms.wsgi:application",
                "-c", "deploy/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}",
                "--access-logfile", "/dev/null",
            ],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=server_log,
            start_new_session=True,
        )  # fmt: skip
        import httpx

        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                log((tmp / "gunicorn.log").read_text()[-3000:])
                return 1
            time.sleep(0.3)
        log(
            f"gunicorn with {WORKERS} workers on {base}; "
            f"{CLIENT_PROCESSES}x{CLIENT_THREADS} clients"
        )

        trainee = {"sessionid": paths["session"]}
        targets = {
            "bare_view": (f"{base}/bench/bare", {}),
            "verify": (f"{base}{paths['verify']}", {}),
            "verify_django": (
                f"{base}/bench{paths['verify'].replace('/verify/', '/verify-django/')}",
                {},
            ),
            "verify_json": (f"{base}{paths['verify'].rstrip('/')}.json", {}),
            "programme_page": (f"{base}{paths['programme']}", {}),
            "module_page": (f"{base}{paths['module']}", {}),
            "topic_page": (f"{base}{paths['topic']}", {}),
            "topic_page_trainee": (f"{base}{paths['topic']}", trainee),
            "trainee_dashboard": (f"{base}{paths['dashboard']}", trainee),
        }
        for name, (url, cookies) in targets.items():
            check(name, url, cookies)
        with ProcessPoolExecutor(max_workers=CLIENT_PROCESSES) as executor:
            # Each page right after a bare-view run of its own, round after round, so that a
            # slow spell of the machine weighs on both; its ratio is the median of the rounds'.
            bare: dict[str, list] = {name: [] for name in PAIRED}
            paired: dict[str, list] = {name: [] for name in PAIRED}
            for _ in range(ROUNDS):
                for name in PAIRED:
                    bare[name].append(drive_for(executor, *targets["bare_view"]))
                    paired[name].append(drive_for(executor, *targets[name]))
            report("bare_view", [run for runs in bare.values() for run in runs])
            for name in PAIRED:
                report(name, paired[name])
        for name in PAIRED:
            ratios = [
                page[0] / floor[0]
                for floor, page in zip(bare[name], paired[name], strict=True)
                if floor[0]
            ] or [0.0]
            log(f"rounds, {name}/bare: " + ", ".join(f"{ratio:.2f}" for ratio in ratios))
            ratio = statistics.median(ratios)
            print(f"{name}_vs_bare_view_throughput: {ratio:.2f} ratio", flush=True)
        compare_with_wrk(targets)
        load_test(base, paths["locust"], tmp)
        return 0
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        admin_execute(database_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        subprocess.run(["rm", "-rf", str(tmp)], check=False)


if __name__ == "__main__":
    sys.exit(main())
