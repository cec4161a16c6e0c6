"""What the credentials app keeps about each certificate: its place in the status list and the
salt of the holder's hashed email. Everything else in an Open Badges credential is derived from
the frozen certificate record at request time."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CredentialRecord(models.Model):
    # 131,072 bits (16 KB) per list: the minimum the Bitstring Status List spec asks for, so one
    # entry cannot be singled out by the size of the list ("herd privacy").
    LIST_SIZE = 131_072

    certificate = models.OneToOneField(
        "certificates.Certificate",
        verbose_name=_("certificate"),
        on_delete=models.CASCADE,
        related_name="credential_record",
    )
    status_list = models.PositiveIntegerField(_("status list"), default=1)
    status_index = models.PositiveIntegerField(_("index in the status list"))
    salt = models.CharField(_("salt of the holder's email hash"), max_length=64)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("credential record")
        verbose_name_plural = _("credential records")
        constraints = [
            # One bit per certificate: two certificates sharing a bit would revoke each other.
            models.UniqueConstraint(
                fields=["status_list", "status_index"], name="one_certificate_per_status_bit"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.status_list}#{self.status_index}"
