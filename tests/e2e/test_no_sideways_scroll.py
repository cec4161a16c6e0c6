"""No page scrolls sideways on a 360 px phone, for any role, in Kazakh and Russian.

For each role (anonymous visitor, trainee, trainer, registrar, mentor) on the demo data, a crawl
starts at the home page and the person's dashboard and follows the same-site links of the page's
main content and site menu, two clicks deep, skipping sign-out, forms, downloads and the Wagtail
admin (out of scope). Pages that differ only by a number in their address (one trainee's work,
another's) are visited once. Each page is checked for sideways overflow and axe (no serious or
critical finding) and kept as a screenshot under tests/screenshots/phone-crawl/."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from .conftest import (
    PHONE,
    check_accessibility,
    check_no_horizontal_overflow,
    screenshot,
    sign_in,
    sign_in_with_mfa,
)

pytestmark = pytest.mark.browser

JOURNEY = "phone-crawl"
DEPTH = 2
# Addresses not to follow: the admin (out of scope), downloads, sign-out and one-off actions.
SKIP = re.compile(
    r"^/admin/|^/documents/|/logout/|/download|/export|\.(pdf|csv|xlsx|zip|json|odt|docx)$"
    r"|/files?/|/accounts/(password|email|2fa|confirm|reauthenticate)|/verify/[^/]+/pdf"
)
ROLES = {
    "anonymous": None,
    "trainee": "trainee10@demo.kz",
    "trainer": "trainer1@demo.kz",
    "registrar": "registrar@demo.kz",
    "mentor": "mentor@demo.kz",
}


def _shape(path: str) -> str:
    """One page per kind of address: numbers and codes replaced by a placeholder."""
    path = re.sub(r"/\d+(?=/|$)", "/N", path)
    return re.sub(r"/[A-Za-z0-9]{10,}(?=/|$)", "/C", path)


def _links(page, origin: str) -> list[str]:
    hrefs = page.evaluate(
        """() => [...document.querySelectorAll('main a[href], #site-nav a[href]')]
                  .map(a => a.href)"""
    )
    found = []
    for href in hrefs:
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" != origin or parts.query:
            continue
        if SKIP.search(parts.path):
            continue
        found.append(parts.path)
    return found


def _crawl(page, origin: str, lang: str, starts: list[str], label: str) -> list[str]:
    """Visit pages breadth first; returns what went wrong (empty when every page passed)."""
    from playwright.sync_api import Error as PlaywrightError

    problems: list[str] = []
    seen: set[str] = set()
    frontier = [(path, 0) for path in starts]
    count = 0
    while frontier:
        path, depth = frontier.pop(0)
        shape = _shape(path)
        if shape in seen:
            continue
        seen.add(shape)
        # Stay in the language being checked: the other languages have their own run.
        if re.match(r"^/(kk|ru|en)/", path) and not path.startswith(f"/{lang}/"):
            continue
        try:
            response = page.goto(path)
        except PlaywrightError as exc:
            if "Download is starting" in str(exc):  # a file, not a page
                continue
            raise
        if response is None or response.status >= 400 or urlsplit(page.url).path != path:
            # Refused or sent elsewhere (sign-in, a redirect): the target is crawled on its own.
            if response is not None and response.status >= 500:
                problems.append(f"{path}: HTTP {response.status}")
            continue
        count += 1
        name = f"{label} {path}"
        for check in (check_no_horizontal_overflow, check_accessibility):
            try:
                check(page, name)
            except AssertionError as exc:
                problems.append(str(exc).splitlines()[0])
        slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
        screenshot(page, JOURNEY, f"{label.replace(' ', '-')}-{count:02d}-{slug}")
        if depth < DEPTH:
            frontier.extend((link, depth + 1) for link in _links(page, origin))
    assert count >= 2, f"{label}: the crawl reached only {count} page(s)"
    return problems


@pytest.mark.parametrize("role", list(ROLES))
def test_no_page_a_role_reaches_scrolls_sideways_at_360px_in_kazakh_or_russian(
    server, new_page, role
):
    from cms.demo import DEMO_TOTP_SECRET

    demo = server.demo()
    page = new_page(lang="kk", viewport=PHONE)
    email = ROLES[role]
    if email is not None:
        account = next(a for a in demo["accounts"] if a["email"] == email)
        if account.get("totp_secret"):
            sign_in_with_mfa(page, email, account["password"], DEMO_TOTP_SECRET)
        else:
            sign_in(page, email, account["password"])
    problems = []
    for lang in ("kk", "ru"):
        starts = [f"/{lang}/"] + ([f"/{lang}/study/"] if email else [])
        problems += _crawl(page, server.base_url, lang, starts, f"{role} {lang}")
    assert not problems, "\n".join(problems)
