"""Writes of the site shell: roles, trainee profiles, consents, personal data."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone, translation

from cms import roles
from cms.errors import ServiceError
from cms.models import (
    AccountDeletionRequest,
    FailedTask,
    PersonalDataConsent,
    PrivacyNotice,
    TraineeProfile,
)

# Models a registrar manages in the Wagtail admin: every model of the apps that declare it
# (roles.registrar_app_declare). Single permissions a registrar needs besides (app_label, codename).
REGISTRAR_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("cms", "change_organisationsettings"),
    ("cms", "view_traineeprofile"),
    # Registrars correct a misspelt name before a certificate is issued (never after: issued
    # certificates keep their own copy).
    ("cms", "change_traineeprofile"),
    ("cms", "view_personaldataconsent"),
    # Registrars publish new versions of the privacy notice (a version is never edited).
    ("cms", "view_privacynotice"),
    ("cms", "add_privacynotice"),
    # A failed certificate issue or e-mail is the registrar's to retry once the cause is mended.
    ("cms", "view_failedtask"),
    # Registrars review account deletion requests (approving is theirs alone: admin_deletions).
    ("cms", "view_accountdeletionrequest"),
    # ...and see what the file retention schedule deleted.
    ("cms", "view_retentionrun"),
    ("cms", "change_failedtask"),
    ("cms", "view_user"),
    # Registrars add people and give them roles (trainer, registrar) in the admin's Users; making
    # or changing an administrator stays the administrators' (cms.wagtail_hooks refuses it).
    ("cms", "add_user"),
    ("cms", "change_user"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
)
# Page permissions a registrar has on the whole page tree (they edit the course content).
REGISTRAR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
# Wagtail checks documents and images per collection: the model permissions above alone let a
# registrar open the upload form but never save into a collection. Granted on the root collection
# (every collection below inherits it).
REGISTRAR_COLLECTION_PERMISSIONS = (
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
)


def role_assign(*, user: Any, role: str) -> None:
    """Put a person in a role's group (roles add up: a trainer may also study)."""
    if role not in roles.ROLES:
        raise ValueError(f"Unknown role: {role!r}")
    group, _ = Group.objects.get_or_create(name=role)
    user.groups.add(group)
    roles.forget_roles(user)


def role_remove(*, user: Any, role: str) -> None:
    if role not in roles.ROLES:
        raise ValueError(f"Unknown role: {role!r}")
    user.groups.remove(*Group.objects.filter(name=role))
    roles.forget_roles(user)


@transaction.atomic
def role_permissions_sync() -> None:
    """Give the registrar group its permissions. Idempotent; run after every migrate."""
    from django.db.models import Q

    group, _ = Group.objects.get_or_create(name=roles.REGISTRAR)
    for name in roles.ROLES:
        Group.objects.get_or_create(name=name)
    wanted = Q(content_type__app_label__in=roles.registrar_apps())
    for app_label, codename in REGISTRAR_PERMISSIONS:
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    group.permissions.add(*Permission.objects.filter(wanted))

    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    collection = Collection.get_first_root_node()
    if collection is not None:
        collection_wanted = Q(pk__in=[])
        for app_label, codename in REGISTRAR_COLLECTION_PERMISSIONS:
            collection_wanted |= Q(content_type__app_label=app_label, codename=codename)
        for permission in Permission.objects.filter(collection_wanted):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )

    root = Page.get_first_root_node()
    if root is None:
        return
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=REGISTRAR_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)


PROFILE_FIELDS = tuple(
    field.name
    for field in TraineeProfile._meta.get_fields()
    if field.concrete and field.name not in {"id", "user", "updated_at"}
)


def trainee_profile_update(*, user: Any, **fields: Any) -> TraineeProfile:
    """Create or update a person's trainee profile with the given fields.

    Issued certificates copied the name at issue time, so nothing here reaches them."""
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"Unknown profile fields: {sorted(unknown)}")
    profile, _ = TraineeProfile.objects.get_or_create(user=user)
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.full_clean()
    profile.save()
    return profile


def consent_record(
    *, user: Any, notice_version: str = "", notice: PrivacyNotice | None = None
) -> PersonalDataConsent:
    """Record that a person accepted one version of the privacy notice, now: the version's row
    when given (its text can be shown later word for word)."""
    if notice is not None:
        notice_version = str(notice.version)
    return PersonalDataConsent.objects.create(
        user=user, notice_version=notice_version, notice=notice, accepted_at=timezone.now()
    )


def privacy_notice_publish(*, by: Any, text_kk: str, text_ru: str, text_en: str) -> PrivacyNotice:
    """Publish the next version of the privacy notice (a published one is never edited)."""
    with transaction.atomic():
        # Serialise publishers so two never take the same version number.
        list(PrivacyNotice.objects.select_for_update().values_list("pk", flat=True))
        notice = PrivacyNotice(text_kk=text_kk, text_ru=text_ru, text_en=text_en, published_by=by)
        notice.save()
    return notice


def account_language_keep_first(*, user: Any, language: str | None) -> bool:
    """A person with no language on the account (made for her by an administrator, or imported
    without one) keeps the one she first signs in with: notifications and e-mails are written in
    the account's language (cms.emails.language_of), which was Kazakh by default even for a
    Russian reader. A language already on the account is not changed. Returns whether it was."""
    if user.preferred_language or language not in dict(settings.LANGUAGES):
        return False
    user.preferred_language = language
    type(user).objects.filter(pk=user.pk, preferred_language="").update(preferred_language=language)
    return True


def account_signup_complete(*, request: Any, user: Any) -> None:
    """What follows allauth's creation of a new account: the trainee role, the consent to the
    notice version shown on the sign-up page, and the language the person signed up in."""
    from cms.selectors import privacy_notice_open_for_signup

    language = translation.get_language() or "kk"
    if language in dict(settings.LANGUAGES) and user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
    role_assign(user=user, role=roles.TRAINEE)
    notice = privacy_notice_open_for_signup()
    if notice is None:
        # The sign-up form refuses first; this guards any other way in.
        raise ValueError("no privacy notice is published: nobody can consent to it")
    consent_record(user=user, notice=notice)


def mfa_totp_activate(*, user: Any, secret: str) -> None:
    """Give a person a TOTP authenticator with a known secret (demo accounts, scripts)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, secret)


class AccountDeletionRefused(ServiceError):
    """Another app's data could not be detached from the account; nothing was deleted."""


def account_delete(*, user: Any) -> None:
    """Delete a person's account and everything tied to it, keeping issued certificates' frozen
    records (the certificates app detaches them in its eraser).

    Other apps' erasers run first, inside the same transaction: if any of them fails, or a row
    still protects the account, nothing at all is deleted."""
    from django.db.models import ProtectedError, RestrictedError

    from cms import personal_data

    if personal_data.academic_records(user):
        # Academic records outlive the account: this person is pseudonymised after a registrar's
        # review (account_deletion_request), never erased.
        raise AccountDeletionRefused("the person has academic records")
    try:
        with transaction.atomic():
            for eraser in personal_data.erasers():
                eraser(user)
            user.delete()
    except (ProtectedError, RestrictedError) as exc:
        raise AccountDeletionRefused(str(exc)) from exc


class DeletionRequestError(ServiceError):
    """A refused request or approval; the message is for the person who asked."""


def account_pseudonym(*, user: Any) -> str:
    """The address a pseudonymised account keeps: unique, undeliverable (.invalid, RFC 2606), and
    saying nothing about the person."""
    return f"deleted-{user.pk}@pseudonymised.invalid"


def account_deletion_request(*, user: Any) -> AccountDeletionRequest:
    """A person with academic records asks for the account to be deleted; a registrar reviews it.
    Asking twice keeps the one pending request."""
    from django.utils.translation import gettext as _

    with transaction.atomic():
        existing = (
            AccountDeletionRequest.objects.select_for_update()
            .filter(user=user, status=AccountDeletionRequest.Status.PENDING)
            .first()
        )
        if existing is not None:
            return existing
        if user.deletion_requests.filter(status=AccountDeletionRequest.Status.APPROVED).exists():
            raise DeletionRequestError(_("This account has already been deleted."))
        return AccountDeletionRequest.objects.create(user=user)


def account_pseudonymise(*, user: Any) -> None:
    """Remove the login and the contact data, keep the academic records under a pseudonym.

    The account row stays (inactive, no usable password, no e-mail), so every record keeps its
    foreign key and constraints as they are; an unusable password also ends every open session,
    because Django checks each session against the password hash. Other apps' pseudonymisers run
    in the same transaction and remove what is not an academic record (drafts, tickets)."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    from cms import personal_data

    with transaction.atomic():
        for pseudonymiser in personal_data.pseudonymisers():
            pseudonymiser(user)
        EmailAddress.objects.filter(user=user).delete()
        Authenticator.objects.filter(user=user).delete()
        TraineeProfile.objects.filter(user=user).update(
            **{
                name: None if name == "last_refresher_course_on" else ""
                for name in TraineeProfile.IDENTIFYING_FIELDS
            }
        )
        user.email = account_pseudonym(user=user)
        user.first_name = user.last_name = ""
        user.is_active = user.is_staff = user.is_superuser = False
        user.set_unusable_password()
        user.save()
        user.groups.clear()
        user.user_permissions.clear()
        roles.forget_roles(user)


def account_deletion_approve(
    *, deletion: AccountDeletionRequest, by: Any
) -> AccountDeletionRequest:
    """A registrar approves a deletion request: the person is pseudonymised and told, at the
    address they had, once the change is committed."""
    from django.utils.translation import gettext as _

    from cms.emails import language_of

    if not roles.is_registrar(by):
        raise PermissionError("only a registrar approves a deletion request")
    with transaction.atomic():
        deletion = AccountDeletionRequest.objects.select_for_update().get(pk=deletion.pk)
        if deletion.status != AccountDeletionRequest.Status.PENDING:
            raise DeletionRequestError(_("This request has already been decided."))
        user = deletion.user
        address, language = user.email, language_of(user)
        account_pseudonymise(user=user)
        deletion.status = AccountDeletionRequest.Status.APPROVED
        deletion.decided_at, deletion.decided_by = timezone.now(), by
        deletion.save(update_fields=["status", "decided_at", "decided_by"])
        # Not a Celery task: its arguments are kept on failure, and this one would be an e-mail
        # address the person asked us to forget.
        transaction.on_commit(
            lambda: _deletion_approved_notify(address=address, language=language), robust=True
        )
    return deletion


def _deletion_approved_notify(*, address: str, language: str) -> None:
    # A plain e-mail, not a notification: the account (and its list) is gone, and the person
    # must learn what happened to her data.
    from cms.emails import templated_email
    from cms.selectors import organisation_name

    templated_email(
        template="cms/email/deletion_approved",
        context={
            "retention_years": settings.ACADEMIC_RECORDS_RETENTION_YEARS,
            # The signature is the organisation's name as the registrar set it, not a literal.
            "organisation_name": organisation_name(language),
        },
        language=language,
        to=[address],
    ).send()


class FailedTaskError(ServiceError):
    """A refused retry or resolution; the message is for the person who asked."""


def _json_safe(value, default):
    import json

    try:
        return json.loads(json.dumps(value, default=str))
    except (TypeError, ValueError):
        return default


def failed_task_record(
    *, task_name: str, task_id: str, args, kwargs, exception: BaseException, traceback: str
) -> FailedTask:
    return FailedTask.objects.create(
        task_name=task_name[:200],
        task_id=(task_id or "")[:64],
        args=_json_safe(list(args or ()), []),
        kwargs=_json_safe(dict(kwargs or {}), {}),
        exception=f"{type(exception).__name__}: {exception}"[:5000],
        traceback=traceback[-20000:],
    )


def _open_failed_task(pk: int) -> FailedTask:
    from django.utils.translation import gettext as _

    failed = FailedTask.objects.select_for_update().get(pk=pk)
    if failed.retried_at is not None:
        raise FailedTaskError(_("This task was already retried."))
    if failed.resolved_at is not None:
        raise FailedTaskError(_("This task is already marked as resolved."))
    return failed


def failed_task_retry(*, failed: FailedTask, user) -> FailedTask:
    """Send the task again with the same arguments (once the cause is mended)."""
    from django.utils.translation import gettext as _

    from cms.celery import app

    task = app.tasks.get(failed.task_name)
    if task is None:
        raise FailedTaskError(
            _("There is no task called “%(name)s” any more: it cannot be retried.")
            % {"name": failed.task_name}
        )
    with transaction.atomic():
        failed = _open_failed_task(failed.pk)
        failed.retried_at = timezone.now()
        failed.retried_by = user
        failed.save(update_fields=["retried_at", "retried_by"])
    result = task.apply_async(args=failed.args, kwargs=failed.kwargs)
    FailedTask.objects.filter(pk=failed.pk).update(retry_task_id=result.id or "")
    failed.retry_task_id = result.id or ""
    return failed


def failed_task_resolve(*, failed: FailedTask, user) -> FailedTask:
    """Close a failure that needs no retry (mended by hand, or no longer relevant)."""
    with transaction.atomic():
        failed = _open_failed_task(failed.pk)
        failed.resolved_at = timezone.now()
        failed.resolved_by = user
        failed.save(update_fields=["resolved_at", "resolved_by"])
    return failed


# --- Monitoring and clean-up ------------------------------------------------------------------


def heartbeat_record(*, name: str, detail: str = "") -> None:
    """Note that a background process is alive now (cms.monitoring reads it)."""
    from cms.models import Heartbeat

    Heartbeat.objects.update_or_create(
        name=name, defaults={"at": timezone.now(), "detail": detail[:200]}
    )


def failed_tasks_prune(*, now=None) -> int:
    """Delete failed-task records older than FAILED_TASK_RETENTION_DAYS, open or not: a task
    failing every minute must not grow the table for ever, and a failure that old is either
    mended or reported again by a newer one. Returns how many went."""
    import datetime

    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.FAILED_TASK_RETENTION_DAYS)
    deleted, _by_model = FailedTask.objects.filter(failed_at__lt=cutoff).delete()
    return deleted


def sessions_clear() -> None:
    """Delete expired sessions (Django never does it by itself)."""
    from django.core.management import call_command

    call_command("clearsessions")
