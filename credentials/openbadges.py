"""Open Badges 3.0 credentials (OpenBadgeCredential, W3C Verifiable Credentials Data Model 2.0),
secured as VC-JWT: a compact JWS signed with the institute's Ed25519 key (alg EdDSA), whose
payload is the credential itself (VC-JOSE-COSE). The public key is published as a did:web
document at /.well-known/did.json.

Why JWT and not an eddsa-rdfc-2022 Data Integrity proof: a JWS signs the exact bytes of the JSON,
so it needs no RDF canonicalisation (URDNA2015) — no JSON-LD processor, no document loader, no
canonicalisation bugs to reproduce in every verifier — and any JOSE library verifies it (the tests
sign with joserfc and verify with PyJWT). The JSON-LD contexts are still pinned in
credentials/contexts/ for consumers that expand the JSON; nothing fetches them at run time."""

from __future__ import annotations

import base64
import datetime
import gzip
import hashlib
import json
import uuid
import warnings
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from joserfc import jws
from joserfc.jwk import OKPKey
from wagtail.models import Site

from certificates.models import Certificate
from cms.errors import ServiceError
from cms.models import OrganisationSettings

from . import keys
from .models import CredentialRecord

VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_V3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB_SCHEMA_ID = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)
DID_CONTEXTS = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"]
JWT_ALG = "EdDSA"
JWT_MEDIA_TYPE = "application/vc+jwt"
# The key id of a credential is its did.json fragment: key-1, key-2 … (keys.vc_key_id); earlier
# keys stay published after a rotation so that credentials holders saved still verify.
CONTEXTS_DIR = Path(__file__).resolve().parent / "contexts"
# Every context URL a credential of ours names, and the pinned file that holds it.
PINNED_CONTEXTS = {
    VC_V2_CONTEXT: "credentials-v2.jsonld",
    OB_V3_CONTEXT: "ob-v3p0-context-3.0.3.json",
}


class CredentialError(ServiceError):
    """A credential that does not verify: bad signature, wrong key, malformed token."""


def _organisation() -> OrganisationSettings:
    site = Site.objects.filter(is_default_site=True).first()
    return OrganisationSettings.for_site(site) if site is not None else OrganisationSettings()


def issuer_host(organisation: OrganisationSettings | None = None) -> str:
    """The host (and port, if any) of settings.SITE_URL, the one public base of every id."""
    return urlsplit(settings.SITE_URL).netloc


def did_for_host(host: str) -> str:
    # did:web encodes the port's colon as %3A (https://w3c-ccg.github.io/did-method-web/).
    return "did:web:" + host.replace(":", "%3A")


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def public_jwk() -> dict:
    raw = (
        keys.vc_private_key()
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    return {"kty": "OKP", "crv": "Ed25519", "x": _b64url(raw)}


def published_keys() -> list[tuple[str, dict]]:
    """(key id, public JWK): the current key first, then the retired ones, newest first."""
    retired = [(entry["id"], entry["publicKeyJwk"]) for entry in keys.retired_vc_keys()]
    return [(keys.vc_key_id(), public_jwk()), *reversed(retired)]


def did_document(*, host: str | None = None) -> dict:
    """Every key that ever signed a credential may verify one (assertionMethod); only the
    current key signs new ones."""
    did = did_for_host(host or issuer_host())
    methods = [
        {"id": f"{did}#{key_id}", "type": "JsonWebKey2020", "controller": did, "publicKeyJwk": jwk}
        for key_id, jwk in published_keys()
    ]
    return {
        "@context": DID_CONTEXTS,
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
        "authentication": [methods[0]["id"]],
    }


def _start_of(day: datetime.date) -> str:
    zone = ZoneInfo(settings.TIME_ZONE)
    return datetime.datetime.combine(day, datetime.time(0, 0), tzinfo=zone).isoformat()


def _end_of(day: datetime.date) -> str:
    # valid_until is inclusive (CONTRACTS.md): the credential is valid to the end of that day.
    zone = ZoneInfo(settings.TIME_ZONE)
    return datetime.datetime.combine(day, datetime.time(23, 59, 59), tzinfo=zone).isoformat()


def identity_hash(email: str, salt: str) -> str:
    """Open Badges IdentityHash: sha256 over the (lower-cased) email followed by the salt."""
    return "sha256$" + hashlib.sha256(f"{email.strip().lower()}{salt}".encode()).hexdigest()


def achievement_id(*, host: str, certificate: Certificate) -> str:
    # Stable across certificates of the same course: derived from the host and the frozen title.
    name = f"https://{host}/achievement/{certificate.course_title_kk}/{certificate.hours}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def _texts(certificate: Certificate, language: str) -> dict:
    """The credential's wording in one language, from this app's catalogue; fixed by the
    language argument, never by the request, so the signed JSON is the same for everyone."""
    with translation.override(language):
        band_names = {
            "excellent": _("excellent"),
            "good": _("good"),
            "satisfactory": _("satisfactory"),
        }
        return {
            "description": _(
                "Qualification-upgrade course for pedagogue-assistants of general-education "
                "schools, %(hours)s academic hours."
            )
            % {"hours": certificate.hours},
            "criteria": _(
                "Studied all five modules of the %(hours)s-hour programme (lectures and "
                "practice), had the practical work accepted, and passed the final assessment — "
                "the defence of an individual support plan scored on the 100-point rubric — "
                "with at least 50 points."
            )
            % {"hours": certificate.hours},
            "band_label": _("Result of the final assessment"),
            "band": str(band_names.get(certificate.band, certificate.band)),
        }


def credential_document(*, certificate: Certificate, record: CredentialRecord) -> dict:
    """The unsigned OpenBadgeCredential of a certificate. Everything comes from the frozen record
    (or from our own record: index and salt), so building it twice gives the same JSON."""
    organisation = _organisation()
    host = issuer_host(organisation)
    base = settings.SITE_URL
    did = did_for_host(host)
    kk = _texts(certificate, "kk")
    ru = _texts(certificate, "ru")
    achievement = achievement_id(host=host, certificate=certificate)
    status_list_url = f"{base}/credentials/status/{record.status_list}"
    valid_from = _start_of(certificate.issued_on)
    document = {
        "@context": [VC_V2_CONTEXT, OB_V3_CONTEXT],
        "id": f"{base}/credentials/{certificate.code}/",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": certificate.course_title_kk,
        "description": f"{kk['description']} / {ru['description']}",
        "issuer": {
            "id": did,
            "type": ["Profile"],
            "name": certificate.organisation_name_kk,
            "url": base,
            "description": certificate.organisation_name_ru,
        },
        "validFrom": valid_from,
        # Required by the published OB 3.0 JSON schema (its VC 1.1 heritage); same instant.
        "issuanceDate": valid_from,
        "awardedDate": valid_from,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "narrative": f"{kk['band_label']}: {kk['band']}. {ru['band_label']}: {ru['band']}.",
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": identity_hash(certificate.holder_email, record.salt),
                    "identityType": "emailAddress",
                    "hashed": True,
                    # The salt is not published: with it, anyone could test guessed addresses
                    # (name@school.kz) against the hash. The holder has it (My credentials).
                }
            ],
            "achievement": {
                "id": achievement,
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": certificate.course_title_kk,
                "description": f"{kk['description']} / {ru['description']}",
                "criteria": {"narrative": f"{kk['criteria']}\n\n{ru['criteria']}"},
                "humanCode": f"{certificate.hours}h",
                "tag": [f"{certificate.hours} hours", certificate.course_title_ru],
                "resultDescription": [
                    {
                        "id": f"{achievement}#band",
                        "type": ["ResultDescription"],
                        "name": f"{kk['band_label']} / {ru['band_label']}",
                        "resultType": "LetterGrade",
                        "allowedValue": ["satisfactory", "good", "excellent"],
                    }
                ],
            },
            "result": [
                {
                    "type": ["Result"],
                    "resultDescription": f"{achievement}#band",
                    "value": certificate.band,
                }
            ],
        },
        "credentialStatus": {
            "id": f"{status_list_url}#{record.status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(record.status_index),
            "statusListCredential": status_list_url,
        },
        "credentialSchema": [{"id": OB_SCHEMA_ID, "type": "1EdTechJsonSchemaValidator2019"}],
    }
    if certificate.valid_until is not None:
        document["validUntil"] = _end_of(certificate.valid_until)
    return document


def _signing_key() -> OKPKey:
    pem = keys.vc_private_key().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return OKPKey.import_key(pem)


def _timestamp(value: str) -> int:
    return int(datetime.datetime.fromisoformat(value).timestamp())


def jwt_sign(document: dict) -> str:
    """VC-JWT (compact JWS). The payload is the credential; iss/jti/nbf/exp repeat its issuer,
    id and validity for JWT tooling, as VC-JOSE-COSE allows."""
    issuer = document["issuer"]
    issuer_id = issuer["id"] if isinstance(issuer, dict) else issuer
    claims = dict(document)
    claims["iss"] = issuer_id
    claims["jti"] = document["id"]
    claims["iat"] = int(timezone.now().timestamp())
    claims["nbf"] = _timestamp(document["validFrom"])
    if "validUntil" in document:
        claims["exp"] = _timestamp(document["validUntil"])
    header = {
        "alg": JWT_ALG,
        "typ": "vc+jwt",
        "cty": "vc",
        "kid": f"{issuer_id}#{keys.vc_key_id()}",
    }
    payload = json.dumps(claims, ensure_ascii=False, separators=(",", ":")).encode()
    with warnings.catch_warnings():
        # joserfc warns that RFC 9864 prefers "Ed25519"; wallets and verifiers expect "EdDSA".
        warnings.simplefilter("ignore")
        return jws.serialize_compact(header, payload, _signing_key(), algorithms=[JWT_ALG])


def _jwk_named_in(token: str) -> dict:
    """The published key the token's header names (kid …#key-N); an unknown one is not ours."""
    try:
        header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
        fragment = str(header.get("kid", "")).rpartition("#")[2]
    except (ValueError, AttributeError) as exc:
        raise CredentialError("malformed token") from exc
    for key_id, jwk in published_keys():
        if key_id == fragment:
            return jwk
    raise CredentialError(f"unknown key id {fragment!r}")


def jwt_verify(token: str, *, jwk: dict | None = None) -> dict:
    """The credential in a VC-JWT, if it is signed by the key its header names among ours —
    current or retired — or by the given public JWK."""
    key = OKPKey.import_key(jwk or _jwk_named_in(token))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = jws.deserialize_compact(token, key, algorithms=[JWT_ALG])
        return json.loads(result.payload)
    except Exception as exc:  # joserfc raises several error types; all mean "not ours"
        raise CredentialError(str(exc)) from exc


def credential_jwt(*, certificate: Certificate, record: CredentialRecord) -> str:
    return jwt_sign(credential_document(certificate=certificate, record=record))


def encode_bitstring(indexes: list[int], *, size: int = CredentialRecord.LIST_SIZE) -> str:
    """Bitstring Status List encodedList: GZIP of the bits, index 0 the left-most bit of the first
    byte, base64url without padding, multibase prefix "u"."""
    bits = bytearray(size // 8)
    for index in indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    # mtime=0: the same statuses always give the same bytes (cache-friendly, testable).
    return "u" + _b64url(gzip.compress(bytes(bits), mtime=0))


def decode_bitstring(encoded: str) -> bytes:
    if not encoded.startswith("u"):
        raise ValueError("encodedList must be multibase base64url ('u' prefix)")
    body = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


def bit_is_set(bits: bytes, index: int) -> bool:
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def status_list_document(*, status_list: int, revoked_indexes: list[int]) -> dict:
    host = issuer_host()
    url = f"{settings.SITE_URL}/credentials/status/{status_list}"
    return {
        "@context": [VC_V2_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": did_for_host(host),
        "validFrom": timezone.now().replace(microsecond=0).isoformat(),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode_bitstring(revoked_indexes),
        },
    }
