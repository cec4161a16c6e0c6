"""PAdES signatures on certificate PDFs.

`pdf_sign` is a post-processor for the certificates app: it takes the rendered PDF and returns it
signed (an incremental update, so the rendered bytes stay inside unchanged). The certificates app
applies every callable listed in settings.CERTIFICATES_PDF_POSTPROCESSORS before it hashes and
stores the file, so the stored SHA-256 is that of the signed PDF."""

from __future__ import annotations

from io import BytesIO

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers

from . import keys

SIGNATURE_FIELD = "InstituteSignature"


def signer_name() -> str:
    """The organisation, as named in the signing certificate: what a PDF reader shows."""
    return keys.pdf_certificate().subject.native.get("common_name", "")


def pdf_sign(pdf_bytes: bytes) -> bytes:
    """Sign a PDF with the institute's key: PAdES baseline B-B (ETSI.CAdES.detached), SHA-256,
    an invisible signature, signer name = the organisation."""
    writer = IncrementalPdfFileWriter(BytesIO(pdf_bytes), strict=False)
    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=signer_name(),
        reason="Certificate issued by the organisation",
    )
    output = signers.sign_pdf(writer, metadata, signer=keys.pdf_signer())
    return output.getvalue()
