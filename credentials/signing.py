"""PAdES signatures on certificate PDFs.

`pdf_sign` is a post-processor for the certificates app: it takes the rendered PDF and returns it
signed (an incremental update, so the rendered bytes stay inside unchanged). The certificates app
applies every callable listed in settings.CERTIFICATES_PDF_POSTPROCESSORS before it hashes and
stores the file, so the stored SHA-256 is that of the signed PDF."""

from __future__ import annotations

from io import BytesIO

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError

from . import keys

SIGNATURE_FIELD = "InstituteSignature"
# Room for the signature container in the PDF, in hex digits as pyHanko counts it (two per byte).
# pyHanko sizes it by building a whole dummy signature first, which costs as much as the signature
# itself; our container (RSA-2048, the certificate, signed attributes) needs about 1.8 kB, a
# CA-issued certificate with its chain a few kB more. A container that does not fit is signed
# again with pyHanko's own estimate.
SIGNATURE_BYTES_RESERVED = 16384


def signer_name() -> str:
    """The organisation, as named in the signing certificate: what a PDF reader shows."""
    return keys.pdf_certificate().subject.native.get("common_name", "")


def pdf_sign(pdf_bytes: bytes) -> bytes:
    """Sign a PDF with the institute's key: PAdES baseline B-B (ETSI.CAdES.detached), SHA-256,
    an invisible signature, signer name = the organisation."""
    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=signer_name(),
        reason="Certificate issued by the organisation",
    )

    def sign(bytes_reserved: int | None) -> bytes:
        writer = IncrementalPdfFileWriter(BytesIO(pdf_bytes), strict=False)
        output = signers.sign_pdf(
            writer, metadata, signer=keys.pdf_signer(), bytes_reserved=bytes_reserved
        )
        return output.getvalue()

    try:
        return sign(SIGNATURE_BYTES_RESERVED)
    except SigningError:  # a larger container than we reserve room for
        return sign(None)
