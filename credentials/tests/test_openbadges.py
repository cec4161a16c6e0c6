from __future__ import annotations

import base64
import datetime
import hashlib
import json
from pathlib import Path

import jsonschema
import jwt as pyjwt
import pytest
from django.test import override_settings
from django.urls import reverse

from certificates.models import Certificate
from certificates.services import certificate_reissue, certificate_revoke, statement_issue
from course.models import Enrolment
from credentials import openbadges
from credentials.models import CredentialRecord
from credentials.services import credential_record_ensure

from .factories import other_trainee

SCHEMA = json.loads(
    (
        Path(openbadges.__file__).parent / "schemas" / "ob_v3p0_achievementcredential_schema.json"
    ).read_text()
)


@pytest.fixture
def certificate(enrolment, issue):
    return issue(enrolment, issued_on=datetime.date(2026, 10, 20))


def _jwt(client, certificate) -> str:
    response = client.get(f"/credentials/{certificate.code}/ob3.jwt")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    return response.content.decode()


def _did_key(client) -> dict:
    document = client.get("/.well-known/did.json").json()
    (method,) = document["verificationMethod"]
    return method["publicKeyJwk"]


def _verify_with_pyjwt(token: str, jwk: dict) -> dict:
    key = pyjwt.PyJWK.from_dict(jwk, algorithm="EdDSA")
    return pyjwt.decode(
        token,
        key.key,
        algorithms=["EdDSA"],
        options={"verify_exp": False, "verify_nbf": False, "verify_aud": False},
    )


def _status_bits(client, number: int = 1) -> bytes:
    response = client.get(f"/credentials/status/{number}")
    assert response.status_code == 200
    payload = _verify_with_pyjwt(response.content.decode(), _did_key(client))
    return openbadges.decode_bitstring(payload["credentialSubject"]["encodedList"])


def test_the_credential_validates_against_the_open_badges_3_schema(client, certificate):
    document = client.get(f"/credentials/{certificate.code}/ob3.json").json()

    jsonschema.Draft201909Validator(
        SCHEMA, format_checker=jsonschema.Draft201909Validator.FORMAT_CHECKER
    ).validate(document)
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]


def test_the_schema_catches_a_credential_without_an_achievement(certificate):
    record = credential_record_ensure(certificate=certificate)
    document = openbadges.credential_document(certificate=certificate, record=record)
    del document["credentialSubject"]["achievement"]

    with pytest.raises(jsonschema.ValidationError, match="achievement"):
        jsonschema.validate(document, SCHEMA)


def test_the_credential_says_what_was_achieved_by_whom_and_until_when(client, certificate):
    document = client.get(f"/credentials/{certificate.code}/ob3.json").json()
    subject = document["credentialSubject"]
    achievement = subject["achievement"]
    record = CredentialRecord.objects.get(certificate=certificate)

    assert document["issuer"]["id"] == openbadges.did_for_host(openbadges.issuer_host())
    assert document["issuer"]["name"] == certificate.organisation_name_kk
    assert achievement["name"] == certificate.course_title_kk
    assert "80" in achievement["description"] and achievement["criteria"]["narrative"]
    assert subject["result"][0]["value"] == "excellent"
    assert document["validFrom"] == "2026-10-20T00:00:00+05:00"
    assert document["validUntil"] == "2029-10-20T23:59:59+05:00"
    (identity,) = subject["identifier"]
    assert identity["hashed"] is True and "salt" not in identity
    expected = hashlib.sha256(f"{certificate.holder_email}{record.salt}".encode()).hexdigest()
    assert identity["identityHash"] == f"sha256${expected}"
    assert certificate.holder_email not in json.dumps(document)


def test_a_library_other_than_the_signer_verifies_the_credential_with_the_published_key(
    client, certificate
):
    token = _jwt(client, certificate)

    header = pyjwt.get_unverified_header(token)
    payload = _verify_with_pyjwt(token, _did_key(client))

    assert header["alg"] == "EdDSA" and header["typ"] == "vc+jwt"
    assert header["kid"] == f"{payload['issuer']['id']}#key-1"
    assert payload["credentialSubject"]["achievement"]["name"] == certificate.course_title_kk
    assert payload["iss"] == payload["issuer"]["id"]


def _replace_payload(token: str, payload: dict) -> str:
    header, _body, signature = token.split(".")
    body = base64.urlsafe_b64encode(json.dumps(payload).encode()).rstrip(b"=").decode()
    return f"{header}.{body}.{signature}"


@pytest.mark.parametrize(
    "tamper",
    [
        lambda p: p["credentialSubject"]["result"][0].update(value="good"),
        lambda p: p["credentialSubject"]["achievement"].update(name="Басқа курс"),
        lambda p: p["credentialSubject"]["identifier"][0].update(identityHash="sha256$" + "0" * 64),
        lambda p: p.update(validUntil="2099-01-01T00:00:00+05:00"),
        lambda p: p["credentialStatus"].update(statusListIndex="1"),
        lambda p: p["issuer"].update(name="Fake Institute"),
        lambda p: p.update(extra="x"),
    ],
    ids=["band", "course", "holder", "validity", "status-index", "issuer", "added-field"],
)
def test_tampering_with_any_field_breaks_the_proof(client, certificate, tamper):
    token = _jwt(client, certificate)
    payload = _verify_with_pyjwt(token, _did_key(client))
    tamper(payload)
    forged = _replace_payload(token, payload)

    with pytest.raises(pyjwt.InvalidSignatureError):
        _verify_with_pyjwt(forged, _did_key(client))
    with pytest.raises(openbadges.CredentialError):
        openbadges.jwt_verify(forged)


def test_a_credential_signed_with_another_key_does_not_verify(client, certificate, tmp_path):
    with override_settings(CREDENTIALS_KEY_DIR=str(tmp_path), CREDENTIALS_DEV_KEYS=True):
        foreign = _jwt(client, certificate)
        foreign_key = _did_key(client)

    with pytest.raises(openbadges.CredentialError):
        openbadges.jwt_verify(foreign)
    with pytest.raises(pyjwt.InvalidSignatureError):
        _verify_with_pyjwt(foreign, _did_key(client))
    assert foreign_key != _did_key(client)


def test_revoking_flips_the_status_list_bit(client, certificate):
    token = _jwt(client, certificate)
    index = int(openbadges.jwt_verify(token)["credentialStatus"]["statusListIndex"])
    assert not openbadges.bit_is_set(_status_bits(client), index)

    certificate_revoke(certificate=certificate, revoked_by=None, reason="annulled_by_order")

    bits = _status_bits(client)
    assert openbadges.bit_is_set(bits, index)
    assert sum(bin(byte).count("1") for byte in bits) == 1
    assert len(bits) * 8 == CredentialRecord.LIST_SIZE


def test_a_reissue_sets_the_old_bit_and_leaves_the_new_one_clear(client, certificate):
    old_index = credential_record_ensure(certificate=certificate).status_index

    new = certificate_reissue(certificate=certificate, reissued_by=None, reason="Аты түзетілді")
    new_index = credential_record_ensure(certificate=new).status_index

    bits = _status_bits(client)
    assert openbadges.bit_is_set(bits, old_index)
    assert not openbadges.bit_is_set(bits, new_index)


def test_the_status_list_is_a_bitstring_status_list_credential(client, certificate):
    document = client.get("/credentials/status/1", HTTP_ACCEPT="application/json").json()

    assert document["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert document["credentialSubject"]["statusPurpose"] == "revocation"
    assert document["credentialSubject"]["encodedList"].startswith("u")


def test_the_status_list_is_computed_in_a_constant_number_of_queries(
    client, certificate, django_assert_num_queries
):
    credential_record_ensure(certificate=certificate)

    # One query for the revoked indexes: the issuer host comes from settings.SITE_URL.
    with django_assert_num_queries(1):
        client.get("/credentials/status/1", HTTP_ACCEPT="application/json")


def test_issuing_a_certificate_gives_it_a_status_entry_after_commit(
    enrolment, issue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        certificate = issue(enrolment)

    record = CredentialRecord.objects.get(certificate=certificate)
    assert 0 <= record.status_index < CredentialRecord.LIST_SIZE
    assert len(record.salt) == 32


def test_the_did_document_publishes_the_ed25519_key_unprefixed(client, db):
    response = client.get("/.well-known/did.json")

    assert response.status_code == 200
    document = response.json()
    assert document["id"].startswith("did:web:")
    (method,) = document["verificationMethod"]
    assert method["type"] == "JsonWebKey2020"
    assert method["publicKeyJwk"]["crv"] == "Ed25519"
    assert "d" not in method["publicKeyJwk"]
    assert document["assertionMethod"] == [method["id"]]


def test_did_web_encodes_the_port():
    assert openbadges.did_for_host("lms.example.kz") == "did:web:lms.example.kz"
    assert openbadges.did_for_host("127.0.0.1:8000") == "did:web:127.0.0.1%3A8000"


def test_an_unknown_code_answers_404_without_a_language_redirect(client, db):
    for url in ("/credentials/ABCD-EFGH-JKLM-NPQR/ob3.jwt", "/credentials/nonsense/ob3.json"):
        response = client.get(url)
        assert response.status_code == 404
    assert client.get("/credentials/status/7").status_code == 404


def test_a_statement_of_attendance_is_not_issued_as_a_badge(client, programme):
    enrolment = other_trainee(status=Enrolment.Status.WITHDRAWN)
    statement = statement_issue(enrolment=enrolment)

    assert client.get(f"/credentials/{statement.code}/ob3.json").status_code == 404
    assert not CredentialRecord.objects.filter(certificate=statement).exists()


def test_every_context_the_credential_names_is_pinned_in_the_repository(certificate):
    record = credential_record_ensure(certificate=certificate)
    document = openbadges.credential_document(certificate=certificate, record=record)

    for url in document["@context"]:
        pinned = openbadges.CONTEXTS_DIR / openbadges.PINNED_CONTEXTS[url]
        assert "@context" in json.loads(pinned.read_text())


def test_the_holder_lists_their_credentials_with_download_links(client, certificate):
    client.force_login(certificate.holder)

    response = client.get(reverse("credentials:mine"))

    assert response.status_code == 200
    body = response.content.decode()
    assert f"/credentials/{certificate.code}/ob3.jwt" in body
    assert certificate.serial in body


def test_another_trainee_does_not_see_someone_elses_credentials(client, certificate):
    stranger = other_trainee().trainee
    client.force_login(stranger)

    response = client.get(reverse("credentials:mine"))

    assert response.status_code == 200
    assert certificate.code not in response.content.decode()


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, db):
    response = client.get("/kk/credentials/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_credential_changes_nothing_on_the_certificate(client, certificate):
    before = Certificate.objects.filter(pk=certificate.pk).values().get()

    client.get(f"/credentials/{certificate.code}/ob3.jwt")

    assert Certificate.objects.filter(pk=certificate.pk).values().get() == before


# --- No salt published; the verification limit covers these URLs ----------------------------


def test_the_published_credential_does_not_carry_the_salt_of_the_email_hash(client, certificate):
    record = credential_record_ensure(certificate=certificate)

    body = client.get(f"/credentials/{certificate.code}/ob3.json").content.decode()
    payload = _verify_with_pyjwt(_jwt(client, certificate), _did_key(client))

    assert record.salt not in body
    assert record.salt not in json.dumps(payload)
    assert "salt" not in payload["credentialSubject"]["identifier"][0]


def test_the_holder_sees_the_salt_to_prove_the_credential_is_theirs(client, certificate):
    record = credential_record_ensure(certificate=certificate)
    client.force_login(certificate.holder)

    body = client.get("/en/credentials/").content.decode()

    assert "give them your email address and this code: " + record.salt in body


def test_another_trainee_does_not_see_the_salt_of_someone_elses_credential(client, certificate):
    record = credential_record_ensure(certificate=certificate)
    client.force_login(other_trainee().trainee)

    body = client.get("/en/credentials/").content.decode()

    assert record.salt not in body


def test_credential_urls_share_the_verification_limit_with_verify(client, certificate, settings):
    settings.VERIFY_RATE_LIMIT_PER_HOUR = 3

    verify = client.get(f"/verify/{certificate.code}.json")
    as_json = client.get(f"/credentials/{certificate.code}/ob3.json")
    unknown = client.get("/credentials/KZ00-0000-0000/ob3.jwt")
    refused = [
        client.get(f"/credentials/{certificate.code}/ob3.jwt"),
        client.get(f"/credentials/{certificate.code}/"),
        client.get(f"/verify/{certificate.code}.json"),
    ]

    assert (verify.status_code, as_json.status_code, unknown.status_code) == (200, 200, 404)
    assert [response.status_code for response in refused] == [429, 429, 429]
    assert refused[0].json() == {"status": "rate_limited"}
    assert refused[0]["Retry-After"] == "3600"
