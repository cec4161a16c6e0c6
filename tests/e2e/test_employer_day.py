"""The employer's day (issue 19), by clicking only: the QR code of a certificate's PDF opens the
verification page; the employer reads it, switches language, opens the Open Badge JSON, checks
another certificate by typing its code — a mistyped one first, then a revoked and an expired one.
On a phone and a desktop, in Kazakh and Russian; axe on every page and no sideways scroll.

The only address opened without a click is the one the QR code holds, read from the PDF's pixels
as a phone's camera reads it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .conftest import (
    DESKTOP,
    PHONE,
    walk_check,
)
from .test_employer_journey import _qr_urls_in_pdf

pytestmark = pytest.mark.browser

JOURNEY = "employer-day"
PASSWORD = "e2e-employer-day-2026"
OTHER = {"kk": "ru", "ru": "kk"}
# What each page says, as the certificates catalogues word it.
SAYS = {
    "kk": {
        "valid": "Жарамды",
        "expired": "Сертификат түпнұсқа, бірақ оның үш жылдық жарамдылық мерзімі аяқталды.",
        "revoked": "Күші",
        "not_found": "Мұндай кодты сертификат жоқ",
        "malformed": "Тексеру коды 16 әріп пен цифрдан тұрады; оны тексеріңіз.",
    },
    "ru": {
        "valid": "Действителен",
        "expired": "Сертификат подлинный, но его трёхлетний срок действия истёк.",
        "revoked": "Отозван",
        "not_found": "Сертификата с таким кодом нет",
        "malformed": "Код проверки состоит из 16 букв и цифр; проверьте его.",
    },
}


def _mistyped(code: str) -> str:
    """The code with one character typed wrong (still 16 letters and digits)."""
    first = "B" if code[0] == "A" else "A"
    return first + code[1:]


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_employer_checks_certificates_from_the_qr_code_by_clicking_only(
    server, new_page, tmp_path, lang, size
):
    suffix = f"{lang}-{size}"
    made = server.arrange("employer_day", password=PASSWORD, suffix=suffix)
    page = new_page(lang=lang, viewport=PHONE if size == "phone" else DESKTOP)

    def step(name: str) -> None:
        walk_check(page, JOURNEY, lang, size, name)

    def verdict_text() -> str:
        return page.locator("main section[role=status]").inner_text()

    # The phone's camera reads the QR code printed on the certificate.
    pdf = tmp_path / "certificate.pdf"
    shutil.copyfile(Path(made["valid"]["pdf"]), pdf)
    urls = _qr_urls_in_pdf(pdf)
    assert urls == [f"{server.base_url}/verify/{made['valid']['code']}/"]
    page.goto(urlsplit(urls[0]).path)
    assert page.locator("html").get_attribute("lang") == lang
    assert SAYS[lang]["valid"] in verdict_text()
    assert made["valid"]["serial"] in page.locator("dl.facts").inner_text()
    step("01-valid")

    # The other language, by the header's switcher; the same certificate, the same verdict.
    page.locator(f"nav.lang-nav a[hreflang={OTHER[lang]}]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == OTHER[lang]
    assert SAYS[OTHER[lang]]["valid"] in verdict_text()
    step("02-other-language")
    page.locator(f"nav.lang-nav a[hreflang={lang}]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == lang

    # What the page offers machines: the Open Badge credential, a JSON document of this code.
    with page.expect_navigation():
        page.locator("main a[href$='/ob3.json']").click()
    badge = json.loads(page.locator("body").inner_text())
    assert made["valid"]["code"] in json.dumps(badge)
    page.go_back()
    page.wait_for_load_state()

    # Another certificate: a mistyped code is echoed back, with one message.
    page.locator("main a[href='/verify/']").click()
    page.wait_for_url("**/verify/")
    step("03-form")
    short = made["revoked"]["code"][:-2]
    page.locator("input[name=code]").fill(short)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("input[name=code]").input_value() == short
    assert page.locator("main").inner_text().count(SAYS[lang]["malformed"]) == 1
    step("04-malformed")

    wrong = _mistyped(made["revoked"]["code"])
    page.locator("input[name=code]").fill(wrong)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert SAYS[lang]["not_found"] in verdict_text()
    assert page.locator("input[name=code]").input_value() == wrong
    step("05-not-found")

    # The right code of the revoked certificate: it says so, and why.
    page.locator("input[name=code]").fill(made["revoked"]["code"])
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/verify/{made['revoked']['code']}/")
    assert SAYS[lang]["revoked"] in verdict_text()
    assert page.locator(".verdict-revoked").count() == 1
    step("06-revoked")

    # The expired one: genuine, but its three years are over.
    page.locator("main a[href='/verify/']").click()
    page.wait_for_url("**/verify/")
    page.locator("input[name=code]").fill(made["expired"]["code"])
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/verify/{made['expired']['code']}/")
    assert SAYS[lang]["expired"] in verdict_text()
    assert page.locator(".verdict-expired").count() == 1
    step("07-expired")
