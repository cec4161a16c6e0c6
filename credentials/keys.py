"""The institute's two keys: an X.509 certificate + key for PAdES signatures on PDFs, and an
Ed25519 key for Open Badges credentials (published in /.well-known/did.json).

For development and tests a self-signed pair is generated on demand (see conf.dev_keys_allowed);
production configures real files by path (CREDENTIALS_SIGNING_KEY, CREDENTIALS_SIGNING_CERT,
CREDENTIALS_VC_KEY)."""

from __future__ import annotations

import datetime
import os
import threading
from functools import lru_cache
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa
from cryptography.x509.oid import NameOID
from django.core.exceptions import ImproperlyConfigured

from . import conf

DEV_ORGANISATION = "Learning and Development Institute LLP"
_lock = threading.Lock()


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Created with owner-only permissions: a private key must never be world-readable.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _pem_private(key) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def dev_pdf_pair_create(
    *, key_path: Path, cert_path: Path, organisation: str = DEV_ORGANISATION
) -> None:
    """A self-signed RSA-2048 certificate whose subject is the organisation, valid for ten years,
    with the key usages a document-signing certificate carries."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, organisation),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    _write_private(key_path, _pem_private(key))
    cert_path.parent.mkdir(parents=True, exist_ok=True)
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))


def dev_vc_key_create(*, key_path: Path) -> None:
    _write_private(key_path, _pem_private(ed25519.Ed25519PrivateKey.generate()))


def dev_keys_ensure(*, force: bool = False) -> list[Path]:
    """Create whichever development keys are missing (all of them with force). Returns the paths
    written."""
    written: list[Path] = []
    with _lock:
        key_path, cert_path = conf.pdf_key_path(), conf.pdf_cert_path()
        if force or not (key_path.exists() and cert_path.exists()):
            dev_pdf_pair_create(key_path=key_path, cert_path=cert_path)
            written += [key_path, cert_path]
        vc_path = conf.vc_key_path()
        if force or not vc_path.exists():
            dev_vc_key_create(key_path=vc_path)
            written.append(vc_path)
    if written:
        _cached.cache_clear()
    return written


def _require(*paths: Path) -> None:
    if all(path.exists() for path in paths):
        return
    if conf.dev_keys_allowed():
        dev_keys_ensure()
        return
    missing = ", ".join(str(path) for path in paths if not path.exists())
    raise ImproperlyConfigured(
        f"Credential signing key missing: {missing}. Set CREDENTIALS_SIGNING_KEY, "
        "CREDENTIALS_SIGNING_CERT and CREDENTIALS_VC_KEY, or run "
        "`manage.py credentials_dev_keys` for a development pair."
    )


def _stamp(path: Path) -> tuple[str, float]:
    return str(path), path.stat().st_mtime


def _parsed_key_signer(loaded):
    """pyHanko's SimpleSigner parses its private key again for every signature, twice per PDF (the
    signature and the dry run that sizes it), and parsing an RSA key with its consistency checks
    costs more than the rest of the signature. This signer parses the key once; other mechanisms
    than RSA PKCS#1 v1.5 (the one we configure) go through pyHanko unchanged."""
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from pyhanko.sign import signers
    from pyhanko.sign.general import get_pyca_cryptography_hash

    class ParsedKeySigner(signers.SimpleSigner):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.private_key = serialization.load_der_private_key(
                self.signing_key.dump(), password=None
            )

        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
            try:
                algorithm = mechanism.signature_algo  # "rsassa_pkcs1v15" for sha256_rsa
            except ValueError:
                algorithm = None
            if algorithm != "rsassa_pkcs1v15" or not isinstance(
                self.private_key, rsa.RSAPrivateKey
            ):
                return super().sign_raw(data, digest_algorithm)
            hash_algo = get_pyca_cryptography_hash(digest_algorithm)
            return self.private_key.sign(data, PKCS1v15(), hash_algo)

    return ParsedKeySigner(
        signing_cert=loaded.signing_cert,
        signing_key=loaded.signing_key,
        cert_registry=loaded.cert_registry,
        signature_mechanism=loaded.signature_mechanism,
    )


@lru_cache(maxsize=8)
def _cached(kind: str, *stamps: tuple[str, float]):
    # Keyed by path and modification time, so replacing a key file takes effect without a
    # restart and tests pointing at other folders never see a stale key.
    if kind == "pdf_signer":
        from pyhanko.sign import signers

        (key, _), (cert, _) = stamps
        signer = signers.SimpleSigner.load(key, cert, key_passphrase=conf.pdf_key_password())
        if signer is None:
            raise ImproperlyConfigured(f"Cannot load the PDF signing key {key} / {cert}.")
        return _parsed_key_signer(signer)
    if kind == "pdf_cert":
        from pyhanko.keys import load_cert_from_pemder

        ((cert, _),) = stamps
        return load_cert_from_pemder(cert)
    if kind == "vc_key":
        ((path, _),) = stamps
        key = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
        if not isinstance(key, ed25519.Ed25519PrivateKey):
            raise ImproperlyConfigured(f"{path} is not an Ed25519 private key.")
        return key
    raise ValueError(kind)


def pdf_signer():
    """pyHanko's signer for the configured key and certificate."""
    key_path, cert_path = conf.pdf_key_path(), conf.pdf_cert_path()
    _require(key_path, cert_path)
    return _cached("pdf_signer", _stamp(key_path), _stamp(cert_path))


def pdf_certificate():
    """The signing certificate (asn1crypto), the only one whose signatures we accept."""
    cert_path = conf.pdf_cert_path()
    _require(conf.pdf_key_path(), cert_path)
    return _cached("pdf_cert", _stamp(cert_path))


def vc_private_key() -> ed25519.Ed25519PrivateKey:
    path = conf.vc_key_path()
    _require(path)
    return _cached("vc_key", _stamp(path))


# --- Rotation: the current key signs; retired public parts keep earlier documents verifiable ---

VC_KEY_PREFIX = "key-"


def _vc_public_jwk(key: ed25519.Ed25519PrivateKey) -> dict:
    import base64

    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return {
        "kty": "OKP",
        "crv": "Ed25519",
        "x": base64.urlsafe_b64encode(raw).rstrip(b"=").decode(),
    }


def retired_vc_keys() -> list[dict]:
    """[{"id": "key-1", "publicKeyJwk": {…}, "retired_at": "…"}] in the order they were used."""
    import json

    found = []
    for path in sorted(conf.retired_dir().glob(f"vc-{VC_KEY_PREFIX}*.json")):
        entry = json.loads(path.read_text())
        found.append(entry)
    return sorted(found, key=lambda entry: int(entry["id"].removeprefix(VC_KEY_PREFIX)))


def vc_key_id() -> str:
    """The current Open Badges key's id in did.json: key-1 for the first key (the id every
    credential carried before keys could rotate), then key-2, key-3 … one per rotation."""
    numbers = [int(entry["id"].removeprefix(VC_KEY_PREFIX)) for entry in retired_vc_keys()]
    return f"{VC_KEY_PREFIX}{max(numbers, default=0) + 1}"


def trusted_pdf_certificates() -> list:
    """The current signing certificate first, then every retired one (asn1crypto)."""
    from pyhanko.keys import load_cert_from_pemder

    retired = sorted(conf.retired_dir().glob("pdf-signing-cert-*.pem"))
    return [pdf_certificate(), *(load_cert_from_pemder(str(path)) for path in retired)]


def _now_stamp() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def vc_key_rotate() -> tuple[str, str]:
    """Retire the current Open Badges key (its public part stays in did.json under its id) and
    make a new one. Returns (retired id, new id)."""
    import json

    with _lock:
        old_id = vc_key_id()
        old = vc_private_key()
        retired = conf.retired_dir()
        retired.mkdir(parents=True, exist_ok=True)
        entry = {
            "id": old_id,
            "publicKeyJwk": _vc_public_jwk(old),
            "retired_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        }
        (retired / f"vc-{old_id}.json").write_text(json.dumps(entry, indent=2) + "\n")
        dev_vc_key_create(key_path=conf.vc_key_path())
    _cached.cache_clear()
    return old_id, vc_key_id()


def pdf_signing_pair_rotate(
    *, new_key: Path | None = None, new_cert: Path | None = None
) -> tuple[Path, Path]:
    """Retire the current signing certificate (kept in the retired folder, so the PDF check
    still accepts PDFs signed with it) and put a new pair in place: the given files (a
    CA-issued certificate and its key), or else a new self-signed pair for the same
    organisation. Returns (retired certificate's path, new certificate's path)."""
    from cryptography.x509.oid import NameOID as _NameOID

    key_path, cert_path = conf.pdf_key_path(), conf.pdf_cert_path()
    _require(key_path, cert_path)
    current = x509.load_pem_x509_certificate(cert_path.read_bytes())
    if new_cert is not None:
        candidate = x509.load_pem_x509_certificate(new_cert.read_bytes())
        if candidate.fingerprint(hashes.SHA256()) == current.fingerprint(hashes.SHA256()):
            raise ValueError("The new signing certificate is the current one.")
    with _lock:
        retired = conf.retired_dir()
        retired.mkdir(parents=True, exist_ok=True)
        fingerprint = current.fingerprint(hashes.SHA256()).hex()[:16]
        retired_path = retired / f"pdf-signing-cert-{_now_stamp()}-{fingerprint}.pem"
        retired_path.write_bytes(current.public_bytes(serialization.Encoding.PEM))
        if new_key is not None and new_cert is not None:
            _write_private(key_path, new_key.read_bytes())
            cert_path.write_bytes(new_cert.read_bytes())
        else:
            names = current.subject.get_attributes_for_oid(_NameOID.ORGANIZATION_NAME) or (
                current.subject.get_attributes_for_oid(_NameOID.COMMON_NAME)
            )
            organisation = str(names[0].value) if names else DEV_ORGANISATION
            dev_pdf_pair_create(key_path=key_path, cert_path=cert_path, organisation=organisation)
            password = conf.pdf_key_password()
            if password:  # the configured password must open the new key as it opened the old
                key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
                encrypted = key.private_bytes(
                    serialization.Encoding.PEM,
                    serialization.PrivateFormat.PKCS8,
                    serialization.BestAvailableEncryption(password),
                )
                _write_private(key_path, encrypted)
    _cached.cache_clear()
    return retired_path, cert_path
