"""An editor's live preview under the production Content-Security-Policy (the e2e server applies
the deployed policy and middleware, tests/e2e/server_settings.py): the editor opens a topic page
in Wagtail and the preview panel's frame shows the page's draft body, with no policy violation
reported by the browser. (Typing into the body's Draftail editor and seeing the words in the frame
is not yet proven: keystrokes sent by Playwright did not reach the preview within 30 s.)"""

from __future__ import annotations

import pytest

from .conftest import DESKTOP, screenshot, sign_in_with_mfa

pytestmark = pytest.mark.browser

PASSWORD = "e2e-preview-password-2026"
TOTP_SECRET = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U"


@pytest.fixture(scope="module")
def case(server):
    return server.arrange("preview_editor", password=PASSWORD, totp_secret=TOTP_SECRET)


def test_the_preview_panel_shows_the_topic_s_draft_body_under_the_production_policy(new_page, case):
    page = new_page(lang="kk", viewport=DESKTOP, bypass_csp=False)
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    sign_in_with_mfa(page, "preview.editor@e2e.kz", PASSWORD, TOTP_SECRET)

    response = page.goto(f"/admin/pages/{case['topic']}/edit/")
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "'self'" in policy.split("frame-src")[1]

    page.locator("button[data-side-panel-toggle='preview']").click()
    frame = page.frame_locator("#w-preview-iframe")
    # The draft's body (saved, not published) is what the preview shows, under the policy.
    frame.locator("main").get_by_text("Тақырыптың кіріспесі.").wait_for(timeout=30_000)
    assert violations == []
    screenshot(page, "content", "admin-live-preview")
