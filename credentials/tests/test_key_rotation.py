"""Keys over years: after `rotate_keys`, credentials and PDFs signed before still verify — the
old Open Badges key stays in did.json under its id, the old signing certificate stays trusted
by the PDF check — and new ones are signed with the new keys."""

from __future__ import annotations

import base64
import datetime
import io
import json
import shutil

import jwt as pyjwt
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from credentials import conf, keys, openbadges
from credentials.signing import pdf_sign

from .conftest import stored_pdf
from .factories import EnrolmentFactory
from .pdfs import minimal_pdf

CHECK_URL = "/en/credentials/check-pdf/"


@pytest.fixture
def own_keys(settings, credential_keys_dir, tmp_path):
    """A copy of the session's keys: a rotation must not change them for other tests."""
    directory = tmp_path / "keys"
    shutil.copytree(credential_keys_dir, directory)
    settings.CREDENTIALS_KEY_DIR = str(directory)
    keys._cached.cache_clear()
    yield directory
    keys._cached.cache_clear()


def _kid(token: str) -> str:
    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    return header["kid"]


def _did_keys(client) -> dict[str, dict]:
    document = client.get("/.well-known/did.json").json()
    assert document["assertionMethod"] == [m["id"] for m in document["verificationMethod"]]
    return {m["id"]: m["publicKeyJwk"] for m in document["verificationMethod"]}


def _verify_as_a_wallet(client, token: str) -> dict:
    """What an outside verifier does: resolve the kid in did.json, verify with another library."""
    jwk = _did_keys(client)[_kid(token)]
    key = pyjwt.PyJWK.from_dict(jwk, algorithm="EdDSA")
    options = {"verify_exp": False, "verify_nbf": False, "verify_aud": False}
    return pyjwt.decode(token, key.key, algorithms=["EdDSA"], options=options)


def _check(client, data: bytes):
    upload = SimpleUploadedFile("c.pdf", data, content_type="application/pdf")
    return client.post(CHECK_URL, {"document": upload})


def _jwt(client, certificate) -> str:
    return client.get(f"/credentials/{certificate.code}/ob3.jwt").content.decode()


def test_after_rotating_both_keys_earlier_credentials_and_pdfs_still_verify(
    client, own_keys, enrolment, issue
):
    before = issue(enrolment)
    old_pdf = stored_pdf(before)
    old_token = _jwt(client, before)
    old_certificate = conf.pdf_cert_path().read_bytes()
    assert _kid(old_token).endswith("#key-1")

    call_command("rotate_keys", "--openbadges", "--signing", stdout=io.StringIO())

    # The new keys sign what is issued from now on.
    assert conf.pdf_cert_path().read_bytes() != old_certificate
    after = issue(EnrolmentFactory())
    new_pdf = stored_pdf(after)
    new_token = _jwt(client, after)
    assert _kid(new_token).endswith("#key-2")
    published = _did_keys(client)
    assert [kid.rpartition("#")[2] for kid in published] == ["key-2", "key-1"]

    # What was signed before still verifies, by an outside verifier and by our own check.
    assert _verify_as_a_wallet(client, old_token)["id"].endswith(f"/credentials/{before.code}/")
    assert _verify_as_a_wallet(client, new_token)["id"].endswith(f"/credentials/{after.code}/")
    assert openbadges.jwt_verify(old_token)["id"] == _verify_as_a_wallet(client, old_token)["id"]
    old_check, new_check = _check(client, old_pdf), _check(client, new_pdf)
    assert (old_check.status_code, old_check.context["certificate"]) == (200, before)
    assert (new_check.status_code, new_check.context["certificate"]) == (200, after)


def test_a_token_naming_the_new_key_but_signed_with_the_old_one_does_not_verify(
    client, own_keys, enrolment, issue
):
    certificate = issue(enrolment)
    old_token = _jwt(client, certificate)
    call_command("rotate_keys", "--openbadges", stdout=io.StringIO())
    header, payload, signature = old_token.split(".")
    forged_header = json.loads(base64.urlsafe_b64decode(header + "=="))
    forged_header["kid"] = forged_header["kid"].replace("#key-1", "#key-2")
    encoded = base64.urlsafe_b64encode(json.dumps(forged_header).encode()).rstrip(b"=").decode()

    with pytest.raises(openbadges.CredentialError):
        openbadges.jwt_verify(f"{encoded}.{payload}.{signature}")


def test_a_second_rotation_keeps_every_earlier_key_published(client, own_keys, db):
    call_command("rotate_keys", "--openbadges", stdout=io.StringIO())
    call_command("rotate_keys", "--openbadges", stdout=io.StringIO())
    ids = [kid.rpartition("#")[2] for kid in _did_keys(client)]
    assert ids == ["key-3", "key-2", "key-1"]
    assert len({json.dumps(jwk) for jwk in _did_keys(client).values()}) == 3
    assert all("d" not in jwk for jwk in _did_keys(client).values())


def test_a_ca_issued_pair_can_be_put_in_place(own_keys, tmp_path, db):
    from credentials.keys import dev_pdf_pair_create

    dev_pdf_pair_create(
        key_path=tmp_path / "new-key.pem", cert_path=tmp_path / "new-cert.pem", organisation="CA"
    )
    call_command(
        "rotate_keys", "--signing", "--cert", str(tmp_path / "new-cert.pem"),
        "--key", str(tmp_path / "new-key.pem"), stdout=io.StringIO(),
    )  # fmt: skip
    assert conf.pdf_cert_path().read_bytes() == (tmp_path / "new-cert.pem").read_bytes()
    assert oct(conf.pdf_key_path().stat().st_mode & 0o777) == "0o600"
    assert len(keys.trusted_pdf_certificates()) == 2
    assert keys.pdf_certificate().subject.native["common_name"] == "CA"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ([], "Say which key to rotate"),
        (["--signing", "--cert", "/nonexistent.pem"], "Give both --cert and --key"),
        (["--openbadges", "--cert", "/a.pem", "--key", "/b.pem"], "--cert and --key go with"),
        (["--signing", "--cert", "/nonexistent.pem", "--key", "/x.pem"], "No such file"),
    ],
)
def test_a_rotation_asked_wrongly_is_refused_and_changes_nothing(own_keys, arguments, message):
    before = {p.name: p.read_bytes() for p in own_keys.rglob("*") if p.is_file()}
    with pytest.raises(CommandError, match=message):
        call_command("rotate_keys", *arguments)
    assert {p.name: p.read_bytes() for p in own_keys.rglob("*") if p.is_file()} == before


def test_a_rotation_without_keys_in_production_is_refused(settings, tmp_path):
    settings.CREDENTIALS_KEY_DIR = str(tmp_path)
    settings.CREDENTIALS_DEV_KEYS = False
    with pytest.raises(CommandError, match="Credential signing key missing"):
        call_command("rotate_keys", "--signing")
    with pytest.raises(CommandError, match="Credential signing key missing"):
        call_command("rotate_keys", "--openbadges")
    assert list(tmp_path.iterdir()) == []


def _short_lived_pair(key_path, cert_path, *, days: int) -> None:
    """A signing pair like the development one, but expiring after `days`."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Short-lived Institute")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))


def test_a_pdf_we_stored_still_checks_as_genuine_after_its_certificate_expired(
    client, own_keys, enrolment, issue
):
    _short_lived_pair(conf.pdf_key_path(), conf.pdf_cert_path(), days=2)
    keys._cached.cache_clear()
    certificate = issue(enrolment)
    signed = stored_pdf(certificate)
    forged = pdf_sign(minimal_pdf())  # our key, but a file we never stored

    with time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=30)):
        stored_check, forged_check = _check(client, signed), _check(client, forged)

    assert (stored_check.status_code, stored_check.context["certificate"]) == (200, certificate)
    assert forged_check.status_code == 422
