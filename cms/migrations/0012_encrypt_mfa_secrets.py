"""TOTP keys and recovery-code seeds stored before cms.adapters.MFAAdapter encrypt them now."""

from __future__ import annotations

from django.db import migrations

from cms.mfa_secrets import decrypt_authenticator_data, encrypt_authenticator_data


def _convert(apps, convert) -> None:
    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.filter(type__in=["totp", "recovery_codes"]):
        data = convert(authenticator.type, authenticator.data)
        if data != authenticator.data:
            Authenticator.objects.filter(pk=authenticator.pk).update(data=data)


def encrypt_secrets(apps, schema_editor) -> None:
    _convert(apps, encrypt_authenticator_data)


def decrypt_secrets(apps, schema_editor) -> None:
    _convert(apps, decrypt_authenticator_data)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0011_person_names_are_letters_only"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt_secrets, decrypt_secrets)]
