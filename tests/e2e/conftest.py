"""End-to-end tests in a real browser: Debian's Chromium driven by Playwright.

The site under test runs in its own process (`manage.py runserver` with `server_settings.py`) on a
copy of the test database, which the root conftest has already migrated and filled with the
programme. A separate process commits for real, so everything a person does in the browser behaves
as in production (on_commit hooks, eager Celery after commit, emails written to files), and none of
it leaks into the rest of the suite.

The tests skip only when Chromium cannot start here, and then say so loudly in the summary."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from pathlib import Path

import pytest

E2E_DIR = Path(__file__).resolve().parent
REPO = E2E_DIR.parent.parent
SCREENSHOTS = REPO / "tests" / "screenshots"
AXE_JS = E2E_DIR / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
# The flags known to work on these machines: headless, no sandbox (root), and no background
# networking, which a closed network refuses many times a second.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}
LANGUAGES = ("kk", "ru", "en")

# What the terminal summary reports: why Chromium could not start, and what axe found.
_state: dict = {"browser_error": None, "axe_findings": []}


# --- the site under test -------------------------------------------------------------------------


@dataclass
class Server:
    base_url: str
    root: Path
    env: dict
    process: subprocess.Popen
    _demo: dict | None = field(default=None, repr=False)

    def url(self, path: str) -> str:
        return self.base_url + path

    def manage(self, *args: str, timeout: int = 120) -> str:
        """Run a management command against the server's database; returns its stdout."""
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=REPO,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")
        return done.stdout

    def python(self, code: str) -> object:
        """Run Python in the server's Django (as `manage.py shell` would) and return the JSON the
        code prints last. For arranging what a person could not do in the browser in one step."""
        out = self.manage("shell", "--no-imports", "-c", code)
        return json.loads(out.strip().splitlines()[-1])

    def arrange(self, function: str, **kwargs) -> dict:
        """Call arrange.<function>(**kwargs) inside the site under test; returns its JSON."""
        args = ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
        return self.python(f"import arrange\narrange.{function}({args})")

    def json(self, path: str, *, lang: str = "kk") -> dict:
        """GET a JSON answer of the site (as an HR tool would), in the given language."""
        request = urllib.request.Request(
            self.base_url + path,
            headers={"Accept": "application/json", "Accept-Language": lang},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def demo(self) -> dict:
        """The demo data of `seed_demo --json` (accounts, certificates, statements), made once."""
        if self._demo is None:
            self._demo = json.loads(
                self.manage("seed_demo", "--json", timeout=600).strip().splitlines()[-1]
            )
        return self._demo

    def emails(self, to: str | None = None) -> list:
        """Every email sent so far (oldest first), as email.message.EmailMessage objects."""
        folder = self.root / "mail"
        messages = []
        if folder.exists():
            for path in sorted(folder.iterdir(), key=lambda p: p.stat().st_mtime_ns):
                # The file backend appends several messages to one file, separated by dashes.
                for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                    if chunk.strip():
                        messages.append(message_from_bytes(chunk, policy=policy.default))
        if to is not None:
            messages = [m for m in messages if to in str(m["To"])]
        return messages


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _session_sets_up_the_database(items) -> bool:
    """Whether pytest-django will create the test database for this session: it does only when
    some collected test asks for the database (these browser tests never do themselves)."""
    return any(
        item.get_closest_marker("django_db")
        or {"db", "transactional_db", "live_server"} & set(getattr(item, "fixturenames", ()))
        for item in items
    )


@pytest.fixture(scope="session")
def _e2e_root(request, django_db_blocker):
    """A folder with a copy of the test database (migrated, with the programme loaded)."""
    from django.db import connection

    root = Path(tempfile.mkdtemp(prefix="pa-lms-e2e-"))
    (root / "mail").mkdir()
    target = root / "db.sqlite3"
    own_setup = None
    # For working on these tests alone: E2E_DB_TEMPLATE=/some/file.sqlite3 keeps the migrated
    # database between runs (made on the first run), saving the minute of migrations.
    template = os.environ.get("E2E_DB_TEMPLATE")
    if (
        template
        and Path(template).exists()
        and not _session_sets_up_the_database(request.session.items)
    ):
        shutil.copyfile(template, target)
        yield root
        shutil.rmtree(root, ignore_errors=True)
        return
    if _session_sets_up_the_database(request.session.items):
        # The root conftest's django_db_setup: migrated, with the programme loaded.
        request.getfixturevalue("django_db_setup")
    else:
        # Only browser tests were collected: create the test database the same way here.
        from django.test.utils import setup_databases

        from course.content_data import GLOSSARY, LITERATURE
        from course.programme_data import MODULES, PROGRAMME
        from course.services import programme_content_load, programme_load

        with django_db_blocker.unblock():
            own_setup = setup_databases(verbosity=0, interactive=False, aliases={"default"})
            programme_load(programme=PROGRAMME, modules=MODULES)
            programme_content_load(glossary=GLOSSARY, literature=LITERATURE)
            # What a registrar fills in before the first certificate (the root conftest's
            # values; issuing is refused while they are blank).
            from conftest import _fill_organisation_settings

            _fill_organisation_settings()
    with django_db_blocker.unblock():
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            # The in-memory test database copied with SQLite's backup API: milliseconds, where
            # migrating a new database takes a minute.
            dest = sqlite3.connect(target)
            connection.connection.backup(dest)
            dest.close()
            if template:
                shutil.copyfile(target, template)
            built = False
        else:
            built = True
    if built:
        env = _server_env(root, "http://127.0.0.1")
        for args in (
            ["migrate", "--no-input", "-v0"],
            ["load_programme", "-v0"],
            ["load_content", "-v0"],
        ):
            subprocess.run(
                [sys.executable, "manage.py", *args], cwd=REPO, env=env, check=True, timeout=600
            )
    yield root
    shutil.rmtree(root, ignore_errors=True)
    if own_setup is not None:
        from django.test.utils import teardown_databases

        with django_db_blocker.unblock():
            teardown_databases(own_setup, verbosity=0)


def _server_env(root: Path, base_url: str) -> dict:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "PYTEST"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="server_settings",
        PYTHONPATH=os.pathsep.join([str(E2E_DIR), str(REPO)]),
        E2E_ROOT=str(root),
        E2E_BASE_URL=base_url,
        PYTHONUNBUFFERED="1",
    )
    return env


@pytest.fixture(scope="session")
def server(_e2e_root):
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = _server_env(_e2e_root, base_url)
    log = open(_e2e_root / "server.log", "w")  # noqa: SIM115 - open for the whole session
    process = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "runserver",
            f"127.0.0.1:{port}",
            "--noreload",
            "--skip-checks",
        ],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(base_url + "/healthz", timeout=5) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            log.close()
            pytest.fail(
                "The site under test did not start:\n"
                + (_e2e_root / "server.log").read_text()[-3000:]
            )
        time.sleep(0.3)
    yield Server(base_url=base_url, root=_e2e_root, env=env, process=process)
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


# --- the browser ---------------------------------------------------------------------------------


def _loud(reason: str) -> str:
    # The skip reason is what pytest -ra prints in the short summary, also under pytest-xdist,
    # where this conftest's terminal summary (below) runs in the workers and is not shown.
    return f"!!! BROWSER TESTS SKIPPED: {reason}; run scripts/install-browser.sh !!!"


@pytest.fixture(scope="session")
def browser(_e2e_root):
    """Debian's Chromium, or a skip (with a loud warning in the summary) if it cannot start.

    Depends on _e2e_root so the database is copied before Playwright starts: Playwright's sync
    API leaves an event loop set on this thread, after which Django refuses ORM calls here."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        _state["browser_error"] = f"the playwright package is not installed ({exc})"
        pytest.skip(_loud(_state["browser_error"]))
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except Exception as exc:
        playwright.stop()
        _state["browser_error"] = f"Chromium ({CHROMIUM}) could not start: {exc}".splitlines()[0]
        pytest.skip(_loud(_state["browser_error"]))
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture(scope="session")
def context_factory(browser, server):
    contexts = []

    def make(*, lang: str = "kk", viewport: dict | None = None, **kwargs):
        # The site under test sends the production CSP (server_settings.py); axe-core is injected
        # as an inline script, which that policy forbids, so contexts bypass it unless a test asks
        # for the policy (bypass_csp=False), as the live preview's test does.
        kwargs.setdefault("bypass_csp", True)
        context = browser.new_context(
            base_url=server.base_url,
            viewport=viewport or DESKTOP,
            locale={"kk": "kk-KZ", "ru": "ru-RU", "en": "en-GB"}[lang],
            extra_http_headers={"Accept-Language": f"{lang},en;q=0.1"},
            **kwargs,
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def new_page(context_factory):
    """new_page(lang=..., viewport=...) -> a Page in a fresh context (no cookies)."""
    opened = []

    def make(**kwargs):
        page = context_factory(**kwargs).new_page()
        opened.append(page)
        return page

    yield make
    for page in opened:
        page.context.close()


@pytest.fixture
def page(new_page):
    return new_page()


# --- what every journey checks -------------------------------------------------------------------


def check_accessibility(page, label: str, *, record: bool = True) -> list[dict]:
    """Run axe-core in the page; fail on serious or critical violations. Prints every rule id
    found (of any impact) so a person reading the output can improve the rest too."""
    assert AXE_JS.exists(), (
        f"{AXE_JS} is missing: run scripts/install-browser.sh (npm install of axe-core)"
    )
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        """async () => {
            // WCAG 2.2 AA included: its rules (target size) are off in axe by default.
            const wcag22 = Object.fromEntries(
                axe.getRules(['wcag22aa']).map(r => [r.ruleId, {enabled: true}]));
            const r = await axe.run(document, {resultTypes: ['violations'], rules: wcag22});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
            }));
        }"""
    )
    url = page.url
    for violation in result:
        if record:
            _state["axe_findings"].append((label, url, violation))
        print(f"axe [{violation['impact']}] {violation['id']} on {label} ({url}):", end=" ")
        print(f"{violation['help']} — {', '.join(violation['targets'])}")
    bad = [v for v in result if v["impact"] in {"serious", "critical"}]
    assert not bad, f"{label}: serious/critical accessibility violations: " + "; ".join(
        f"{v['id']} ({v['impact']}) at {', '.join(v['targets'])}" for v in bad
    )
    return result


def check_no_horizontal_overflow(page, label: str) -> None:
    sizes = page.evaluate(
        """() => {
            const el = document.scrollingElement;
            const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > el.clientWidth + 1
                             && !e.closest('.table-scroll'))
                .slice(0, 5)
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
            return {scroll: el.scrollWidth, client: el.clientWidth, wide};
        }"""
    )
    assert sizes["scroll"] <= sizes["client"], (
        f"{label} overflows horizontally at {sizes['client']}px: scrollWidth {sizes['scroll']}; "
        f"too wide: {sizes['wide']}"
    )


def screenshot(page, journey: str, name: str) -> Path:
    """A full-page screenshot into tests/screenshots/<journey>/<name>.png for people to look at."""
    folder = SCREENSHOTS / journey
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def walk_check(page, journey: str, lang: str, size: str, name: str, *, prefix: str = "") -> None:
    """What every step of a role's walk checks: axe (WCAG 2.2 AA, target size included), no
    sideways scroll, and a screenshot named <prefix><lang>-<size>-<name> to look at."""
    label = f"{lang} {size} {name}"
    check_accessibility(page, label)
    check_no_horizontal_overflow(page, label)
    screenshot(page, journey, f"{prefix}{lang}-{size}-{name}")


def visit(page, path: str, *, journey: str, name: str, status: int = 200):
    """Open a page the way a person arrives at it, check it answers, is accessible, and keep a
    screenshot of it."""
    response = page.goto(path)
    assert response is not None and response.status == status, (
        f"{path}: HTTP {response.status if response else 'no response'}"
    )
    check_accessibility(page, name)
    screenshot(page, journey, name)
    return response


def fill_text(page, name: str, value: str) -> None:
    """Write into a form's text field the way a person does: into its rich-text editor when it
    has one (a ProseMirror / contenteditable element next to the field, which keeps the original
    textarea's name), else into the textarea or input itself."""
    field = page.locator(f"[name='{name}']").first
    has_editor = field.evaluate(
        """(el) => {
            // Look up from the field through its own wrapper only: stop where other fields begin.
            for (let node = el.parentElement, i = 0; node && i < 4 && node.tagName !== 'FORM';
                 node = node.parentElement, i++) {
                if ([...node.querySelectorAll('[name]')].some(o => o !== el && o.name !== el.name))
                    return false;
                const editor = [...node.querySelectorAll(
                    '.ProseMirror, [contenteditable]:not([contenteditable=false])')]
                    .find(e => e.getClientRects().length > 0);
                if (editor) { editor.setAttribute('data-e2e-editor', el.name); return true; }
            }
            return false;
        }"""
    )
    if not has_editor:
        field.fill(value)
        return
    editor = page.locator(f"[data-e2e-editor='{name}']")
    editor.click()
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.press("Delete")
    page.keyboard.type(value)
    assert value[:20] in editor.inner_text(), f"typed into the editor of {name}"


def focus_is_visible(page) -> bool:
    """The focused element draws a visible outline (style of :focus-visible), not just the
    browser default that a stylesheet may have removed."""
    style = page.evaluate(
        """() => {
            const s = getComputedStyle(document.activeElement);
            return {style: s.outlineStyle, width: parseFloat(s.outlineWidth)};
        }"""
    )
    return style["style"] not in {"none", "hidden"} and style["width"] >= 2


def open_menu(page) -> None:
    """Open the site menu the way a person on a phone does: its button, when the page shows one
    (narrow screens); on a desktop the menu is always shown and this does nothing."""
    toggle = page.locator("button[aria-controls='site-nav']")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()


def sign_in(page, email: str, password: str, *, lang: str = "kk") -> None:
    """Sign in through the login form, as a person does."""
    page.goto(f"/{lang}/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        page.locator("form:has(input[name=password]) [type=submit]").first.click()
    assert "/accounts/login/" not in page.url, f"could not sign in as {email}"


def sign_in_with_mfa(page, email: str, password: str, secret: str, *, lang="kk", at_code=None):
    """Sign in with the password, then the authenticator app's code (the TOTP of `secret`, as
    cms.tests.factories.totp_code computes it). `at_code(page)` runs on the code page, e.g. to
    screenshot it."""
    from cms.tests.factories import totp_code

    page.goto(f"/{lang}/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("form:has(input[name=password]) [type=submit]").first.click()
    page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
    if at_code is not None:
        at_code(page)
    page.locator("input[name=code]").fill(totp_code(secret))
    page.locator("form:has(input[name=code]) [type=submit]").first.click()
    page.wait_for_load_state()
    assert "/accounts/" not in page.url, f"could not sign in as {email}: {page.url}"


# --- the summary ---------------------------------------------------------------------------------


def pytest_terminal_summary(terminalreporter):
    if _state["browser_error"]:
        line = "!" * 78
        terminalreporter.write_line(line, red=True, bold=True)
        terminalreporter.write_line(
            "BROWSER TESTS SKIPPED: " + _state["browser_error"], red=True, bold=True
        )
        terminalreporter.write_line(
            "The end-to-end journeys and accessibility checks (tests/e2e/) did NOT run. "
            "Install Chromium with scripts/install-browser.sh.",
            red=True,
            bold=True,
        )
        terminalreporter.write_line(line, red=True, bold=True)
    if _state["axe_findings"]:
        terminalreporter.section(
            "axe-core findings on the journeys' pages (moderate and minor do not fail)"
        )
        seen = set()
        for label, url, violation in _state["axe_findings"]:
            key = (violation["id"], label)
            if key in seen:
                continue
            seen.add(key)
            terminalreporter.write_line(f"[{violation['impact']}] {violation['id']}: {label} {url}")
