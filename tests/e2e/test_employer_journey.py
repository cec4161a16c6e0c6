"""Journey 3, the employer: the holder downloads the certificate PDF; the employer points a phone
at its QR code, opens the address it holds and sees at once whether the certificate is genuine —
"valid" with the right name, course and dates; then a revoked one.

The QR code is read from the PDF as a camera would: the page rasterised (pdftoppm) and decoded
(zxing-cpp), never taken from the database."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .conftest import PHONE, check_no_horizontal_overflow, sign_in, visit

pytestmark = pytest.mark.browser


def _qr_urls_in_pdf(pdf: Path) -> list[str]:
    """Every QR code on every page of the PDF, read from its pixels."""
    import zxingcpp
    from PIL import Image

    assert shutil.which("pdftoppm"), (
        "pdftoppm (poppler-utils) is missing: scripts/install-browser.sh"
    )
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(prefix)], check=True)
    urls = []
    for image in sorted(pdf.parent.glob(prefix.name + "-*.png")):
        for found in zxingcpp.read_barcodes(Image.open(image)):
            if found.format == zxingcpp.BarcodeFormat.QRCode:
                urls.append(found.text)
    return urls


PASSWORD = "e2e-holder-password-2026"


@pytest.fixture(scope="module")
def holders(server):
    """A holder of a valid certificate and one of a revoked certificate."""
    return server.arrange("certificates", password=PASSWORD)


def _download_the_pdf(page, certificate: dict, folder: Path) -> Path:
    """On "My certificates", the holder clicks the PDF link of this certificate."""
    page.goto("/kk/certificates/")
    with page.expect_download() as info:
        page.locator(f"a[href*='/certificates/{certificate['code']}/pdf/']").click()
    target = folder / f"{certificate['code']}.pdf"
    info.value.save_as(target)
    assert target.read_bytes().startswith(b"%PDF"), "the download is a PDF"
    return target


@pytest.mark.parametrize("status", ["valid", "revoked"])
def test_an_employer_scans_the_qr_code_of_a_downloaded_certificate(
    server, holders, new_page, tmp_path, status
):
    certificate = holders[status]
    journey = "employer"

    # The holder signs in and downloads the PDF from "My certificates".
    holder = new_page(lang="kk")
    sign_in(holder, certificate["email"], PASSWORD)
    visit(holder, "/kk/certificates/", journey=journey, name=f"kk-{status}-my-certificates")
    pdf = _download_the_pdf(holder, certificate, tmp_path)

    # The employer's phone camera reads the QR code on the paper.
    urls = _qr_urls_in_pdf(pdf)
    assert urls, "the certificate PDF carries a readable QR code"
    url = urlsplit(urls[0])
    # SITE_URL + /verify/<code>/: the site under test is its own public base here.
    assert urls[0] == f"{server.base_url}/verify/{certificate['code']}/"

    # The phone opens that address (on the site under test rather than the public host).
    for lang in ("kk", "ru"):
        record = server.json(f"/verify/{certificate['code']}.json", lang=lang)
        assert record["status"] == status
        phone = new_page(lang=lang, viewport=PHONE)
        visit(phone, url.path, journey=journey, name=f"{lang}-{status}-verification-phone")
        assert phone.locator("html").get_attribute("lang") == lang
        check_no_horizontal_overflow(phone, f"{lang} verification page of a {status} certificate")
        verdict = phone.locator("section[role=status]")
        assert verdict.is_visible()
        facts = dict(
            zip(
                phone.locator("dl.facts dt").all_inner_texts(),
                phone.locator("dl.facts dd").all_inner_texts(),
                strict=True,
            )
        )
        shown = list(facts.values())
        assert record["holder_name"] in shown, f"{lang}: the holder's name is shown"
        if lang == "kk":
            assert certificate["surname"] in record["holder_name"], "the name is the holder's own"
        assert record["course_title"] in shown, f"{lang}: the course title is shown"
        assert record["serial"] in shown
        assert str(record["hours"]) in shown
        issued, until = record["issued_on"].split("-"), record["valid_until"].split("-")
        assert any(issued[0] in v and str(int(issued[2])) in v for v in shown), "issue date"
        assert any(until[0] in v and str(int(until[2])) in v for v in shown), "valid-until date"
        if status == "valid":
            assert verdict.locator(".icon").inner_text() == "✓"
            assert phone.locator(".verdict-valid").count() == 1
        else:
            assert verdict.locator(".icon").inner_text() == "✗"
            assert phone.locator(".verdict-revoked").count() == 1
            assert record["revocation_reason"] in verdict.inner_text()
