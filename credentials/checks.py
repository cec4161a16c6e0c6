"""`check --deploy`: the signing keys exist. Without them the site runs, but every certificate
fails at issue time; an operator should learn that before the first cohort finishes."""

from __future__ import annotations

from django.core import checks

from . import conf


@checks.register(checks.Tags.security, deploy=True)
def signing_keys_present(app_configs, **kwargs) -> list[checks.CheckMessage]:
    if conf.dev_keys_allowed():
        return []  # development makes its own pair on demand
    paths = (conf.pdf_key_path(), conf.pdf_cert_path(), conf.vc_key_path())
    missing = [str(path) for path in paths if not path.is_file()]
    if not missing:
        return []
    return [
        checks.Error(
            f"Signing key files missing: {', '.join(missing)}. Certificates cannot be issued.",
            hint="Set CREDENTIALS_SIGNING_KEY, CREDENTIALS_SIGNING_CERT and CREDENTIALS_VC_KEY; "
            "deploy/.env.example shows how to make them.",
            id="credentials.E001",
        )
    ]
