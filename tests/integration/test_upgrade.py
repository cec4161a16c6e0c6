"""deploy/upgrade with a real gunicorn serving the verification page under a small load: a new
release is built beside the running one, migrated, switched in with a graceful reload (HUP), and
rolled back the same way; no request answers 5xx at any point."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest

from .nginx_site import free_port

pytestmark = [pytest.mark.services, pytest.mark.django_db]

REPO = Path(__file__).resolve().parents[2]
MARKER = "<!-- release two -->"
TEMPLATE = "certificates/templates/certificates/verify_form.html"


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=ops", "-c", "user.email=ops@example.kz", *args],
        cwd=cwd, check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip


@pytest.fixture
def source(tmp_path) -> tuple[Path, str, str]:
    """A clone of this repository with two versions: the code as committed, and the same with a
    marker in the verification page's template."""
    clone = tmp_path / "source"
    git("clone", "--quiet", "--no-hardlinks", str(REPO), str(clone), cwd=tmp_path)
    one = git("rev-parse", "--short", "HEAD", cwd=clone)
    template = clone / TEMPLATE
    text = template.read_text()
    # Inside the page's last block: a child template's text outside blocks is never rendered.
    cut = text.rindex("{% endblock %}")
    template.write_text(text[:cut] + MARKER + "\n" + text[cut:])
    git("commit", "--quiet", "-am", "release two", cwd=clone)
    two = git("rev-parse", "--short", "HEAD", cwd=clone)
    return clone, one, two


def upgrade(home: Path, site, source: Path, *args: str, reload_web: str) -> str:
    env = {
        **site.env(),
        "PYTHONPATH": "",  # the release's own code, never this checkout's
        "ENV_FILE": "/nonexistent",
        "DATABASE_URL": os.environ["DATABASE_URL"],
        "PA_LMS_HOME": str(home),
        "PA_LMS_SOURCE": str(source),
        "PA_LMS_USER": subprocess.run(["id", "-un"], capture_output=True, text=True).stdout.strip(),
        "PA_LMS_RELOAD_WEB": reload_web,
        "PA_LMS_RESTART_TASKS": "true",
        "PA_LMS_UPGRADE_VENV": str((REPO / ".venv").resolve()),
        "UPGRADE_BACKUP": "false",
        "UPGRADE_FETCH": "false",
    }
    done = subprocess.run(
        ["bash", str(REPO / "deploy/upgrade"), *args],
        env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.strip().splitlines()[-1]


class Load:
    """Two clients asking for the verification page in a loop until stopped."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.statuses: list[int] = []
        self.bodies_with_marker = 0
        self.errors: list[str] = []
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run, daemon=True) for _ in range(2)]

    def _run(self) -> None:
        # A reload replaces the workers at once; requests wait in the listen queue while the new
        # ones import Django (seconds, more on a busy test machine): slow, never refused.
        with httpx.Client(timeout=180) as client:
            while not self._stop.is_set():
                try:
                    response = client.get(self.url)
                except httpx.TransportError as exc:  # a refused or cut connection counts too
                    self.errors.append(repr(exc))
                    continue
                self.statuses.append(response.status_code)
                self.bodies_with_marker += MARKER in response.text

    def __enter__(self) -> Load:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)


def serves_marker(url: str, expected: bool, timeout: float = 240) -> bool:
    """Whether, within `timeout`, every one of ten answers in a row has (or lacks) the marker."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        answers = [MARKER in httpx.get(url, timeout=180).text for _ in range(10)]
        if all(answer is expected for answer in answers):
            return True
        time.sleep(0.5)
    return False


def test_an_upgrade_and_a_rollback_under_load_switch_the_code_with_no_5xx(
    make_site, source, tmp_path
):
    clone, one, two = source
    site = make_site(copy_of_test_db=True)
    home = tmp_path / "srv"
    home.mkdir()

    first = upgrade(home, site, clone, one, reload_web="true")  # the first install
    assert Path(first) == home / "releases" / one
    assert (home / "current").resolve() == Path(first)
    assert (Path(first) / "RELEASE").read_text().strip() == one

    port = free_port()
    current = home / "current"
    log = tmp_path / "gunicorn.log"
    with log.open("wb") as out:
        gunicorn = subprocess.Popen(
            [str(current / ".venv/bin/python"), "-m", "gunicorn", "cms.wsgi:application",
             "--chdir", str(current), "-c", str(current / "deploy/gunicorn.conf.py")],
            cwd=current, stdout=out, stderr=subprocess.STDOUT,
            env={**site.env(), "PYTHONPATH": "", "GUNICORN_BIND": f"127.0.0.1:{port}",
                 "GUNICORN_WORKERS": "2", "GUNICORN_MAX_REQUESTS": "0"},
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}/verify/"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(url, timeout=10).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline and gunicorn.poll() is None, log.read_text()
            time.sleep(0.5)
        assert serves_marker(url, expected=False, timeout=5)

        with Load(url) as load:
            time.sleep(2)
            second = upgrade(home, site, clone, two, reload_web=f"kill -HUP {gunicorn.pid}")
            assert serves_marker(url, expected=True), log.read_text()[-3000:]
            back = upgrade(home, site, clone, "--rollback", reload_web=f"kill -HUP {gunicorn.pid}")
            assert serves_marker(url, expected=False), log.read_text()[-3000:]
            time.sleep(1)
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=60)

    assert Path(second) == home / "releases" / two
    assert Path(back) == home / "releases" / one
    assert (home / "current").resolve() == home / "releases" / one
    assert (home / "previous").resolve() == home / "releases" / two
    assert load.errors == []
    assert len(load.statuses) > 20
    assert set(load.statuses) == {200}
    assert load.bodies_with_marker > 0  # the new code answered while the load ran
