"""The register as CSV and XLSX (through the site's one export helper), and a cohort's PDFs as one
ZIP."""

from __future__ import annotations

import io
import zipfile

from django.utils.translation import gettext_lazy as _

from assessment.rubric import BANDS_BY_CODE
from cms.exports import Column, export_response, table_rows

# The labels the register page shows for `Certificate.public_status()`.
STATUS_LABELS = {
    "valid": _("Valid"),
    "expired": _("Expired"),
    "revoked": _("Revoked"),
    "superseded": _("Superseded"),
}


def status_label(certificate) -> str:
    status = certificate.public_status()
    return str(STATUS_LABELS.get(status, status))


def band_label(certificate) -> str:
    band = BANDS_BY_CODE.get(certificate.band)
    return str(band.label) if band else certificate.band


# One line per column: a new column of the register is added here and nowhere else.
REGISTER_COLUMNS: list[Column] = [
    Column(_("Number"), lambda c: c.serial),
    Column(_("Document"), lambda c: c.get_kind_display()),
    Column(_("Status"), status_label),
    Column(_("Holder (Kazakh)"), lambda c: c.holder_name_kk),
    Column(_("Holder (Russian)"), lambda c: c.holder_name_ru),
    Column(_("Email"), lambda c: c.holder_email),
    Column(_("Cohort"), lambda c: c.cohort.code if c.cohort else ""),
    Column(_("Hours"), lambda c: c.hours),
    Column(_("Score"), lambda c: c.score),
    Column(_("Band"), band_label),
    Column(_("Issued on"), lambda c: c.issued_on),
    Column(_("Valid until"), lambda c: c.valid_until),
    Column(_("Revoked on"), lambda c: c.revoked_on),
    Column(
        _("Reason for revocation"),
        lambda c: c.get_revocation_code_display() if c.revocation_code else "",
    ),
    Column(_("Verification code"), lambda c: c.code),
    Column(_("PDF SHA-256"), lambda c: c.pdf_sha256),
]


def register_export(certificates, *, fmt: str, columns: list[Column] | None = None):
    """The register as a download; `certificates` is a queryset, read in chunks as it is written."""
    columns = REGISTER_COLUMNS if columns is None else columns
    rows = certificates.iterator(chunk_size=500)  # thousands of rows never held at once
    return export_response(
        fmt=fmt,
        filename="certificates",
        header=[column.header for column in columns],
        rows=table_rows(columns, rows),
        sheet_title=_("Register"),
    )


def cohort_zip(certificates) -> bytes:
    """Every stored PDF of the given documents, as issued. A revoked document's PDF still looks
    valid on paper, so it goes into a folder of its own with "revoked" in its name, and the
    archive's list (first file) gives every document's status and the public reason."""
    buffer = io.BytesIO()
    lines = [str(_("Documents in this archive")), ""]  # lazy: join() needs a str
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
        archive.writestr("list.txt", "\n".join(str(line) for line in lines) + "\n")
        for name, certificate in files:
            with certificate.pdf.open("rb") as handle:
                archive.writestr(name, handle.read())
    return buffer.getvalue()
