from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.cache import cache

from certificates.models import VerificationLookup
from certificates.services import certificate_reissue, certificate_revoke

CONTRACT_KEYS = {
    "status",
    "serial",
    "holder_name",
    "course_title",
    "hours",
    "issued_on",
    "valid_until",
    "revoked_on",
    "revocation_reason",
    "superseded_by",
    "course_from",
    "course_to",
}


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def certificate(enrolment, issue):
    enrolment.cohort.starts_on = datetime.date(2026, 9, 1)
    enrolment.cohort.ends_on = datetime.date(2026, 10, 16)
    enrolment.cohort.save(update_fields=["starts_on", "ends_on"])
    return issue(enrolment, issued_on=datetime.date(2026, 10, 20))


def _json(client, code):
    return client.get(f"/verify/{code}/", HTTP_ACCEPT="application/json")


def test_a_valid_certificate_shows_one_status_and_only_public_facts(client, certificate):
    response = client.get(f"/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE="kk")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="kk">' in html
    assert "verdict-valid" in html
    for fact in (certificate.holder_name_kk, certificate.course_title_kk, certificate.serial):
        assert fact in html
    assert "80" in html
    assert certificate.holder_email not in html
    # The score is not for employers. Left out before looking: the random verification code and
    # the factory's numbered holder name ("Құрманғалиева88"), which may contain "88".
    public = html.replace(certificate.code, "")
    for name in (certificate.holder_name_kk, certificate.holder_name_ru):
        public = public.replace(name, "")
    assert "88" not in public
    assert certificate.holder.last_name in html  # part of the holder's name, nothing else


def test_the_page_follows_accept_language_and_falls_back_to_kazakh(client, certificate):
    russian = client.get(f"/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9")
    english = client.get(f"/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE="en")
    other = client.get(f"/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE="de")

    assert '<html lang="ru">' in russian.content.decode()
    assert certificate.course_title_ru in russian.content.decode()
    assert '<html lang="en">' in english.content.decode()
    assert '<html lang="kk">' in other.content.decode()


def test_the_json_variant_follows_the_contract(client, certificate):
    by_header = _json(client, certificate.code)
    by_suffix = client.get(f"/verify/{certificate.code}.json")

    assert by_header.status_code == by_suffix.status_code == 200
    assert by_header["Content-Type"].startswith("application/json")
    body = by_header.json()
    assert by_suffix.json() == body
    assert set(body) >= CONTRACT_KEYS
    assert body == {
        "status": "valid",
        "kind": "certificate",
        "serial": certificate.serial,
        "holder_name": certificate.holder_name_kk,
        "course_title": certificate.course_title_kk,
        "hours": 80,
        "issued_on": "2026-10-20",
        "valid_until": "2029-10-20",
        "revoked_on": None,
        "revocation_reason": None,
        "superseded_by": None,
        "course_from": "2026-09-01",
        "course_to": "2026-10-16",
    }


def test_a_certificate_is_valid_on_its_last_day_and_expired_the_next(client, certificate):
    with time_machine.travel(datetime.datetime(2029, 10, 20, 12, tzinfo=datetime.UTC)):
        assert _json(client, certificate.code).json()["status"] == "valid"
    with time_machine.travel(datetime.datetime(2029, 10, 21, 12, tzinfo=datetime.UTC)):
        assert _json(client, certificate.code).json()["status"] == "expired"
        html = client.get(f"/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE="en")
    assert "verdict-expired" in html.content.decode()
    assert "Expired on" in html.content.decode()


def test_a_revoked_certificate_shows_the_public_reason_in_the_readers_language_and_never_the_note(
    client, certificate
):
    note = "Attendance sheets of 12.10 forged, see order No 7"
    certificate_revoke(
        certificate=certificate,
        revoked_by=None,
        reason="annulled_by_order",
        note=note,
        revoked_on=datetime.date(2026, 11, 1),
    )

    def look(language):
        body = client.get(f"/verify/{certificate.code}.json", HTTP_ACCEPT_LANGUAGE=language).json()
        html = client.get(f"/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE=language)
        return body, html.content.decode()

    kk_body, kk_html = look("kk")
    ru_body, ru_html = look("ru")
    en_body, en_html = look("en")

    assert kk_body["status"] == ru_body["status"] == "revoked"
    assert kk_body["revoked_on"] == "2026-11-01"
    kazakh = "Ұйым басшысының бұйрығымен күші жойылды"
    russian = "Аннулирован приказом руководителя организации"
    english = "Annulled by order of the head of the organisation"
    assert kk_body["revocation_reason"] == kazakh and kazakh in kk_html
    assert ru_body["revocation_reason"] == russian and russian in ru_html
    assert en_body["revocation_reason"] == english and english in en_html
    assert "verdict-revoked" in kk_html
    for page in (kk_html, ru_html, en_html, str(kk_body), str(ru_body), str(en_body)):
        assert note not in page and "order No 7" not in page


def test_a_superseded_certificate_links_to_the_new_one(client, certificate):
    new = certificate_reissue(certificate=certificate, reissued_by=None, reason="Name corrected")

    body = _json(client, certificate.code).json()
    html = client.get(f"/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert body["status"] == "superseded"
    assert body["superseded_by"] == new.code
    assert f"/verify/{new.code}/" in html
    assert _json(client, new.code).json()["status"] == "valid"


@pytest.mark.parametrize("code", ["ZZZZ-ZZZZ-ZZZZ-ZZZZ", "not-a-code", "12345"])
def test_an_unknown_or_malformed_code_answers_404_not_found(client, db, code):
    as_json = _json(client, code)
    by_suffix = client.get(f"/verify/{code}.json")
    as_html = client.get(f"/verify/{code}/", HTTP_ACCEPT_LANGUAGE="ru")

    assert as_json.status_code == by_suffix.status_code == 404
    assert as_json.json() == by_suffix.json() == {"status": "not_found"}
    assert as_html.status_code == 404  # not a redirect to /kk/...
    assert '<html lang="ru">' in as_html.content.decode()
    assert VerificationLookup.objects.filter(result="not_found").count() == 3


def test_a_typed_code_in_lower_case_with_confusable_letters_is_found(client, certificate):
    typed = certificate.code.lower().replace("0", "o").replace("1", "l")

    assert _json(client, typed).json()["serial"] == certificate.serial


def test_the_verification_page_runs_at_most_two_queries(
    client, certificate, django_assert_max_num_queries
):
    from cms.selectors import organisation_name

    organisation_name("kk")  # the footer's name is cached for minutes: warm, as in production
    with django_assert_max_num_queries(2):
        response = client.get(f"/verify/{certificate.code}/")
    assert response.status_code == 200
    with django_assert_max_num_queries(2):
        assert _json(client, certificate.code).status_code == 200


def test_an_address_is_served_300_look_ups_an_hour_then_refused(client, certificate):
    statuses = [_json(client, certificate.code).status_code for _ in range(300)]
    refused_json = _json(client, certificate.code)
    refused_html = client.get(f"/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE="en")
    other_address = client.get(f"/verify/{certificate.code}.json", REMOTE_ADDR="198.51.100.7")

    assert set(statuses) == {200}
    assert refused_json.status_code == 429
    assert refused_json.json() == {"status": "rate_limited"}
    assert refused_html.status_code == 429
    assert "Too many checks" in refused_html.content.decode()
    assert other_address.status_code == 200
    # Refused look-ups are not logged as checks of the certificate.
    assert certificate.lookups.count() == 301


def test_each_look_up_is_logged_without_the_address(client, certificate):
    _json(client, certificate.code)
    client.get(f"/verify/{certificate.code}/")

    lookups = list(certificate.lookups.all())
    assert [lookup.result for lookup in lookups] == ["valid", "valid"]
    field_names = {f.name for f in VerificationLookup._meta.get_fields()}
    assert not field_names & {"ip", "address", "remote_addr", "user_agent"}


def test_the_form_finds_a_certificate_by_number_and_surname(client, certificate):
    response = client.get(
        "/verify/",
        {"serial": certificate.serial.lower(), "surname": certificate.holder_surname.upper()},
    )

    assert response.status_code == 302
    assert response["Location"] == f"/verify/{certificate.code}/"


def test_the_form_refuses_a_wrong_surname_with_a_message(client, certificate):
    response = client.get(
        "/verify/",
        {"serial": certificate.serial, "surname": "Басқа"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 404
    assert "No certificate matches this number and surname." in response.content.decode()


def test_the_form_redirects_a_code_and_explains_an_empty_submission(client, certificate):
    by_code = client.get("/verify/", {"code": certificate.code.replace("-", " ")})
    empty = client.get("/verify/", {"code": "", "serial": ""}, HTTP_ACCEPT_LANGUAGE="en")
    form = client.get("/verify/", HTTP_ACCEPT_LANGUAGE="en")

    assert by_code["Location"] == f"/verify/{certificate.code}/"
    assert empty.status_code == 200
    assert "Enter the verification code, or the certificate number" in empty.content.decode()
    assert 'for="id_code"' in form.content.decode()


def test_the_look_up_log_is_flushed_from_redis_every_minute_by_beat():
    from cms.celery import app

    entry = app.conf.beat_schedule["certificates-flush-verification-lookups"]

    assert entry["task"] == "certificates.tasks.flush_verification_lookups"
    assert entry["schedule"] == 60.0


def test_the_verification_page_links_the_site_in_the_language_it_is_shown_in(client, certificate):
    russian = client.get(f"/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE="ru").content
    kazakh = client.get(f"/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE="kk").content

    assert b'<html lang="ru">' in russian
    assert b'href="/ru/privacy/"' in russian and b'href="/kk/privacy/"' not in russian
    assert b'<html lang="kk">' in kazakh
    assert b'href="/kk/privacy/"' in kazakh
    assert "Тексеру".encode() in kazakh and "Проверка".encode() in russian


def test_the_verification_page_offers_a_visitor_sign_in_and_a_signed_in_holder_their_studies(
    client, certificate
):
    visitor = client.get(f"/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    client.force_login(certificate.holder)
    holder = client.get(f"/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Sign in" in visitor and "My studies" not in visitor
    assert "My studies" in holder and "Sign in" not in holder
    assert 'name="csrfmiddlewaretoken"' in holder  # the sign-out form works


def test_behind_nginx_each_client_has_its_own_limit_and_a_forged_header_gets_none(
    client, certificate, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_ADDRESSES = ["127.0.0.1"]
    settings.VERIFY_RATE_LIMIT_PER_HOUR = 2
    url = f"/verify/{certificate.code}.json"

    def through_nginx(address):
        return client.get(url, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=address).status_code

    def direct(address, forged):
        return client.get(url, REMOTE_ADDR=address, HTTP_X_FORWARDED_FOR=forged).status_code

    assert [through_nginx("203.0.113.1") for _ in range(3)] == [200, 200, 429]
    assert through_nginx("203.0.113.2") == 200
    # A peer that is not our proxy names a fresh address each time: still counted as itself.
    assert [direct("198.51.100.9", f"192.0.2.{n}") for n in range(3)] == [200, 200, 429]


def test_addresses_of_one_ipv6_block_share_one_limit(client, certificate, settings):
    settings.VERIFY_RATE_LIMIT_PER_HOUR = 2
    url = f"/verify/{certificate.code}.json"

    statuses = [client.get(url, REMOTE_ADDR=f"2001:db8:7:7::{n}").status_code for n in range(1, 4)]
    elsewhere = client.get(url, REMOTE_ADDR="2001:db8:7:8::1").status_code

    assert statuses == [200, 200, 429]
    assert elsewhere == 200


def test_a_revoked_certificate_does_not_call_its_end_date_a_validity(client, enrolment, issue):
    """An employer reading a revoked certificate's facts must not see "Valid until 2029"."""
    from certificates.models import RevocationReason
    from certificates.services import certificate_revoke

    certificate = certificate_revoke(
        certificate=issue(enrolment),
        revoked_by=None,
        reason=RevocationReason.ISSUED_IN_ERROR,
    )

    page = client.get(f"/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    assert "Должен был действовать до (больше не действителен)" in page
    assert "<dt>Действителен до</dt>" not in page


def test_a_mistyped_code_is_echoed_back_with_its_error_shown_once(client, db):
    response = client.get("/verify/", {"code": "K7QF-3M9X"}, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert 'value="K7QF-3M9X"' in html
    assert html.count("A verification code has 16 letters and digits; please check it.") == 1
    assert '<li><a href="#id_code">Verification code</a></li>' in html


def test_a_well_formed_unknown_code_is_kept_in_the_form_on_the_not_found_page(client, db):
    response = client.get("/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert 'value="ZZZZ-ZZZZ-ZZZZ-ZZZZ"' in response.content.decode()


@pytest.mark.parametrize(
    ("language", "reason"),
    [
        ("kk", "Күші жойылды: курс талаптары орындалмағаны анықталды."),
        ("ru", "Аннулирован: установлено, что требования курса не выполнены."),
    ],
)
def test_a_revoked_certificates_reason_is_one_plain_sentence_without_a_second_label(
    client, certificate, language, reason
):
    # Found by the employer's browser walk: "Reason: Annulled: ..." — two labels in a row.
    certificate_revoke(
        certificate=certificate, revoked_by=None, reason="requirements_not_met", note=""
    )

    html = client.get(f"/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE=language)

    assert f'<p class="revocation-reason">{reason}</p>' in html.content.decode()
    assert {"kk": "Себебі:", "ru": "Причина:"}[language] not in html.content.decode()


def _header_targets(html: str) -> set[str]:
    """Where the site header's links and forms lead, the language switcher left out (its links
    follow the page)."""
    import re

    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    header = re.sub(r'<nav[^>]*class="lang-nav".*?</nav>', "", header, flags=re.S)
    return set(re.findall(r'(?:href|action)="([^"]*)"', header))


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "registrar"])
def test_the_verification_page_has_the_same_header_as_the_rest_of_the_site(
    client, certificate, signed_in
):
    # The page is drawn by Jinja2 on its own shell (cms/jinja2/public_base.html): the walk of an
    # employer's day found no search there, and a registrar missed "Administration" and "My data".
    from cms.tests.factories import RegistrarFactory

    if signed_in:
        client.force_login(RegistrarFactory())
    jinja_page = client.get(f"/verify/{certificate.code}/").content.decode()
    django_page = client.get("/verify/").content.decode()

    jinja, django = _header_targets(jinja_page), _header_targets(django_page)
    assert any(target.endswith("/search/") for target in jinja)
    if signed_in:
        # The public shell lists only the menu items registered for it; the rest is the same.
        assert jinja <= django
        assert "/admin/" in jinja
        assert any(target.endswith("/my-data/") for target in jinja)
    else:
        assert jinja == django
