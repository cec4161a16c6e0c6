"""Factories for people. Other apps import these.

TrainerFactory and RegistrarFactory give the person an activated TOTP authenticator, because the
site refuses trainers and staff without MFA (cms.middleware.RequireMFAMiddleware); pass
`mfa=False` to get one who has not set it up. Every user has a verified primary email address so
that allauth lets them sign in with a password."""

from __future__ import annotations

import datetime
import uuid

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms import roles
from cms.models import PersonalDataConsent, TraineeProfile

DEFAULT_PASSWORD = "correct-horse-battery-7"
# A fixed TOTP secret for tests (base32); generate codes with cms.tests.factories.totp_code().
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str = TOTP_SECRET) -> str:
    """The current TOTP code for a secret, as an authenticator app would show it."""
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


def totp_activate(user, secret: str = TOTP_SECRET) -> None:
    """Give `user` a TOTP authenticator (once: a factory that finds an existing person by email,
    e.g. in another process whose sequences start again, must not add a second one)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        return
    TOTP.activate(user, secret)


def session_record_mfa(client, user) -> None:
    """Record in the test client's session that `user` passed their TOTP authenticator, exactly
    as allauth's sign-in does (allauth.mfa.base.internal.flows.post_authentication). Nothing is
    recorded for a person without an authenticator: they could not have passed one."""
    import time

    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
    from allauth.account.internal.flows.login import _AUTHENTICATION_METHODS_USER_SESSION_KEY
    from allauth.account.internal.userkit import user_id_to_str
    from allauth.mfa.models import Authenticator

    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is None:
        return
    session = client.session
    now = time.time()
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": now, "email": user.email},
        {"method": "mfa", "at": now, "id": authenticator.pk, "type": authenticator.type},
    ]
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = user_id_to_str(user)
    session.save()


def login_without_mfa(client, user) -> None:
    """Sign `user` in as Wagtail's old login page did: a session with no second factor recorded."""
    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY

    client.force_login(user)
    session = client.session
    session.pop(AUTHENTICATION_METHODS_SESSION_KEY, None)
    session.save()


def _add_role(user, create: bool, role: str | None, default: str | None = None) -> None:
    role = role or default
    if create and role:
        group, _ = Group.objects.get_or_create(name=role)
        user.groups.add(group)
        roles.forget_roles(user)


def _role(default: str) -> factory.PostGeneration:
    return factory.PostGeneration(
        lambda obj, create, extracted, **kw: _add_role(obj, create, extracted, default)
    )


PROCESS_TAG = uuid.uuid4().hex[:6]


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    # Unique across processes too: an integration test's subprocess counts from 0 again and
    # would otherwise find (django_get_or_create) a person made by an earlier process.
    email = factory.Sequence(lambda n: f"person{n}-{PROCESS_TAG}@example.kz")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    preferred_language = "kk"
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        obj.save()
        if create and extracted is not False:
            EmailAddress.objects.get_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )

    role = factory.PostGeneration(
        lambda obj, create, extracted, **kw: _add_role(obj, create, extracted)
    )


class TraineeFactory(UserFactory):
    """A trainee with a complete profile and a consent."""

    role = _role(roles.TRAINEE)

    @factory.post_generation
    def profile(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            TraineeProfileFactory(user=obj, **kwargs)

    @factory.post_generation
    def consent(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            PersonalDataConsent.objects.create(user=obj, notice_version="1")


class TrainerFactory(UserFactory):
    role = _role(roles.TRAINER)

    @factory.post_generation
    def mfa(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            totp_activate(obj)


class RegistrarFactory(UserFactory):
    role = _role(roles.REGISTRAR)
    is_staff = True

    @factory.post_generation
    def mfa(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            totp_activate(obj)


def letters(n: int) -> str:
    """A number written in letters, so unique names stay names (digits are refused in a name)."""
    return "".join("абвгдежзик"[int(digit)] for digit in str(n))


class TraineeProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TraineeProfile
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory, role=roles.TRAINEE)
    surname_kk = factory.Sequence(lambda n: f"Сәрсенбаева-{letters(n)}")
    given_name_kk = "Әйгерім"
    patronymic_kk = "Болатқызы"
    surname_ru = factory.Sequence(lambda n: f"Сарсенбаева-{letters(n)}")
    given_name_ru = "Айгерим"
    patronymic_ru = "Болатовна"
    school = "№ 12 жалпы білім беретін мектеп"
    region = "karaganda"
    organisation_type = "general_school"
    qualification_category = "moderator"
    years_of_experience = 4
    employer_email = factory.Sequence(lambda n: f"school{n}@edu.kz")
    last_refresher_course_on = datetime.date(2023, 5, 20)
