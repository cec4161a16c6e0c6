"""A trainee whose practice work was returned sees "Notifications (1)" in the header on a phone
and a desktop, opens the list by clicking it and follows the notification to the work."""

from __future__ import annotations

import pytest

from .conftest import (
    DESKTOP,
    PHONE,
    check_accessibility,
    check_no_horizontal_overflow,
    screenshot,
    sign_in,
)

pytestmark = pytest.mark.browser

JOURNEY = "notifications"
PASSWORD = "e2e-notify-password-2026"
LABEL = {"kk": "Хабарландырулар", "ru": "Уведомления"}
SUBJECT = {"kk": "пысықтауға қайтарылды", "ru": "возвращена на доработку"}


def _open_menu_if_folded(page) -> None:
    toggle = page.locator('button[aria-controls="site-nav"]')
    if toggle.count() and toggle.first.is_visible():
        toggle.first.click()


@pytest.mark.parametrize(
    ("lang", "viewport", "size"),
    [("kk", PHONE, "phone"), ("kk", DESKTOP, "desktop"), ("ru", PHONE, "phone")],
)
def test_a_trainee_follows_the_returned_work_notification_from_the_header(
    server, new_page, lang, viewport, size
):
    email = f"notify.{lang}.{size}@e2e.kz"
    arranged = server.arrange("practice_returned", email=email, password=PASSWORD, language=lang)
    page = new_page(lang=lang, viewport=viewport)
    sign_in(page, email, PASSWORD, lang=lang)
    name = f"{lang}-{size}"

    page.goto(f"/{lang}/study/")
    _open_menu_if_folded(page)
    link = page.locator(f"header a[href='/{lang}/notifications/']")
    assert link.inner_text().strip() == f"{LABEL[lang]} (1)"
    assert link.is_visible()
    check_no_horizontal_overflow(page, f"dashboard {name}")
    screenshot(page, JOURNEY, f"{name}-1-header")

    link.click()
    page.wait_for_url(f"**/{lang}/notifications/")
    main = page.locator("main")
    assert SUBJECT[lang] in main.inner_text()
    check_accessibility(page, f"notifications {name}")
    check_no_horizontal_overflow(page, f"notifications {name}")
    screenshot(page, JOURNEY, f"{name}-2-list")

    main.locator("a", has_text=SUBJECT[lang]).first.click()
    page.wait_for_url(f"**/{lang}/assessment/practice/{arranged['assignment']}/")
    assert "Бақылау кестесін толықтырыңыз." in page.locator("main").inner_text()
    screenshot(page, JOURNEY, f"{name}-3-work")

    # Read now: the header shows no count.
    _open_menu_if_folded(page)
    assert (
        page.locator(f"header a[href='/{lang}/notifications/']").inner_text().strip()
        == (LABEL[lang])
    )
