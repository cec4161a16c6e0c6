"""The register as CSV and XLSX, and a cohort's PDFs as one ZIP."""

from __future__ import annotations

import csv
import io
import zipfile

from django.utils.translation import gettext as _


def _headers() -> list[str]:
    return [
        _("Number"),
        _("Document"),
        _("Status"),
        _("Holder (Kazakh)"),
        _("Holder (Russian)"),
        _("Email"),
        _("Cohort"),
        _("Hours"),
        _("Score"),
        _("Band"),
        _("Issued on"),
        _("Valid until"),
        _("Revoked on"),
        _("Reason for revocation"),
        _("Verification code"),
        _("PDF SHA-256"),
    ]


def _values(certificate) -> list:
    return [
        certificate.serial,
        certificate.get_kind_display(),
        certificate.public_status(),
        certificate.holder_name_kk,
        certificate.holder_name_ru,
        certificate.holder_email,
        certificate.cohort.code if certificate.cohort else "",
        certificate.hours,
        certificate.score if certificate.score is not None else "",
        certificate.band,
        certificate.issued_on,
        certificate.valid_until or "",
        certificate.revoked_on or "",
        certificate.get_revocation_code_display() if certificate.revocation_code else "",
        certificate.code,
        certificate.pdf_sha256,
    ]


def register_csv(certificates) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_headers())
    for certificate in certificates:
        writer.writerow([str(v) for v in _values(certificate)])
    # A byte-order mark so Excel opens Cyrillic CSV as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def register_xlsx(certificates) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Register")[:31]
    sheet.append(_headers())
    for certificate in certificates:
        sheet.append(_values(certificate))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def cohort_zip(certificates) -> bytes:
    """Every stored PDF of the given documents, as issued. A revoked document's PDF still looks
    valid on paper, so it goes into a folder of its own with "revoked" in its name, and the
    archive's list (first file) gives every document's status and the public reason."""
    buffer = io.BytesIO()
    lines = [_("Documents in this archive"), ""]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        files = []
        for certificate in certificates:
            if not certificate.pdf:
                continue
            status = certificate.public_status()
            if certificate.status == certificate.Status.REVOKED:
                # ASCII names: every unzip tool shows them alike.
                name = f"revoked/{certificate.serial}-REVOKED.pdf"
                lines.append(
                    _("%(name)s: REVOKED on %(date)s (%(reason)s); not valid.")
                    % {
                        "name": name,
                        "date": certificate.revoked_on.strftime("%d.%m.%Y"),
                        "reason": certificate.get_revocation_code_display(),
                    }
                )
            else:
                name = f"{certificate.serial}.pdf"
                lines.append(f"{name}: {status}")
            files.append((name, certificate))
        archive.writestr("list.txt", "\n".join(lines) + "\n")
        for name, certificate in files:
            with certificate.pdf.open("rb") as handle:
                archive.writestr(name, handle.read())
    return buffer.getvalue()
