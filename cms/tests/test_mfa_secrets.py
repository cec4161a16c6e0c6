"""TOTP keys and recovery-code seeds are stored encrypted, and the second factor still works."""

from __future__ import annotations

import importlib
import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from cryptography.fernet import Fernet
from django.apps import apps

from cms import mfa_secrets
from cms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("cms.migrations.0012_encrypt_mfa_secrets")


def current_code(secret: str) -> str:
    """What the authenticator app shows now (RFC 6238, allauth's period)."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def test_a_totp_key_is_stored_encrypted_and_its_codes_still_verify():
    secret = generate_totp_secret()
    totp = TOTP.activate(UserFactory(), secret)

    stored = Authenticator.objects.get(pk=totp.instance.pk).data["secret"]
    assert stored != secret and secret not in stored
    assert stored.startswith("fernet:")
    assert TOTP(Authenticator.objects.get(pk=totp.instance.pk)).validate_code(current_code(secret))


def test_a_wrong_totp_code_is_still_refused():
    secret = generate_totp_secret()
    totp = TOTP.activate(UserFactory(), secret)
    wrong = f"{(int(current_code(secret)) + 1) % 1_000_000:06d}"

    assert totp.validate_code(wrong) is False


def test_recovery_codes_have_an_encrypted_seed_and_still_verify():
    codes = RecoveryCodes.activate(UserFactory())
    listed = codes.generate_codes()

    stored = Authenticator.objects.get(pk=codes.instance.pk).data["seed"]
    assert stored.startswith("fernet:")
    assert RecoveryCodes(Authenticator.objects.get(pk=codes.instance.pk)).validate_code(listed[0])


def test_a_secret_written_under_an_earlier_key_opens_after_a_new_key_is_put_first(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.MFA_ENCRYPTION_KEYS = [old]
    secret = generate_totp_secret()
    totp = TOTP.activate(UserFactory(), secret)

    settings.MFA_ENCRYPTION_KEYS = [new, old]
    assert mfa_secrets.decrypt(totp.instance.data["secret"]) == secret
    assert TOTP(Authenticator.objects.get(pk=totp.instance.pk)).validate_code(current_code(secret))
    settings.MFA_ENCRYPTION_KEYS = [new]
    assert mfa_secrets.decrypt(mfa_secrets.encrypt(secret)) == secret


def test_the_data_migration_encrypts_secrets_stored_in_clear_and_its_reverse_restores_them():
    secret = generate_totp_secret()
    user = UserFactory()
    plain_totp = Authenticator.objects.create(user=user, type="totp", data={"secret": secret})
    plain_codes = Authenticator.objects.create(
        user=user, type="recovery_codes", data={"seed": "ab" * 40, "used_mask": 0}
    )

    migration.encrypt_secrets(apps, None)

    plain_totp.refresh_from_db()
    plain_codes.refresh_from_db()
    assert plain_totp.data["secret"].startswith("fernet:")
    assert plain_codes.data["seed"].startswith("fernet:")
    assert plain_codes.data["used_mask"] == 0
    assert TOTP(plain_totp).validate_code(current_code(secret))

    migration.encrypt_secrets(apps, None)  # a second run encrypts nothing twice
    plain_totp.refresh_from_db()
    assert mfa_secrets.decrypt(plain_totp.data["secret"]) == secret

    migration.decrypt_secrets(apps, None)
    plain_totp.refresh_from_db()
    plain_codes.refresh_from_db()
    assert plain_totp.data == {"secret": secret}
    assert plain_codes.data == {"seed": "ab" * 40, "used_mask": 0}
