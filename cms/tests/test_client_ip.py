"""The client's address behind our own proxy (cms.client_ip), and the limits that count by it."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from cms.adapters import AccountAdapter
from cms.client_ip import client_ip, rate_limit_address
from cms.tests.factories import DEFAULT_PASSWORD, UserFactory

NGINX = "127.0.0.1"


def _request(peer: str, forwarded: str | None = None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/verify/", REMOTE_ADDR=peer, **headers)


@pytest.fixture
def behind_nginx(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_ADDRESSES = ["127.0.0.1", "::1"]


def test_without_a_proxy_the_peer_is_the_client_and_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_ip(_request("203.0.113.5", "198.51.100.1")) == "203.0.113.5"


def test_behind_nginx_the_address_nginx_recorded_is_the_client(behind_nginx):
    assert client_ip(_request(NGINX, "203.0.113.5")) == "203.0.113.5"
    assert client_ip(_request("::1", "2001:db8::7")) == "2001:db8::7"


def test_a_forged_header_from_an_untrusted_peer_is_ignored(behind_nginx):
    assert client_ip(_request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_only_the_hop_our_proxy_added_counts_not_what_the_client_put_before_it(behind_nginx):
    """nginx overwrites the header; should a proxy append instead, the client's own part (left)
    is still not believed."""
    assert client_ip(_request(NGINX, "198.51.100.1, 203.0.113.5")) == "203.0.113.5"


def test_two_trusted_hops_read_the_address_the_outer_proxy_recorded(behind_nginx, settings):
    settings.TRUSTED_PROXY_COUNT = 2

    assert client_ip(_request(NGINX, "198.51.100.1, 203.0.113.5, 10.0.0.2")) == "203.0.113.5"


def test_a_missing_or_garbled_header_from_the_proxy_counts_as_the_proxy(behind_nginx):
    assert client_ip(_request(NGINX)) == NGINX
    assert client_ip(_request(NGINX, "not-an-address")) == NGINX


def test_trusted_proxies_may_be_networks_or_any_peer(behind_nginx, settings):
    settings.TRUSTED_PROXY_ADDRESSES = ["172.16.0.0/12"]
    assert client_ip(_request("172.18.0.5", "203.0.113.5")) == "203.0.113.5"
    assert client_ip(_request(NGINX, "203.0.113.5")) == NGINX

    settings.TRUSTED_PROXY_ADDRESSES = ["*"]
    assert client_ip(_request("172.18.0.5", "203.0.113.5")) == "203.0.113.5"


def test_allauth_counts_logins_by_the_same_address(behind_nginx):
    assert AccountAdapter().get_client_ip(_request(NGINX, "203.0.113.5")) == "203.0.113.5"
    assert AccountAdapter().get_client_ip(_request("203.0.113.9", "1.2.3.4")) == "203.0.113.9"


@pytest.mark.django_db
def test_behind_nginx_one_client_exhausting_the_login_limit_does_not_lock_another(
    client, behind_nginx, settings
):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/5m/ip"}
    for n in range(4):
        UserFactory(email=f"probe{n}@example.kz")
        client.post(
            "/en/accounts/login/",
            {"login": f"probe{n}@example.kz", "password": "wrong"},
            REMOTE_ADDR=NGINX,
            HTTP_X_FORWARDED_FOR="203.0.113.66",
        )
    UserFactory(email="teacher@example.kz")

    same_client = client.post(
        "/en/accounts/login/",
        {"login": "teacher@example.kz", "password": DEFAULT_PASSWORD},
        REMOTE_ADDR=NGINX,
        HTTP_X_FORWARDED_FOR="203.0.113.66",
    )
    assert "Too many failed login attempts" in same_client.content.decode()
    assert "_auth_user_id" not in client.session

    other_client = client.post(
        "/en/accounts/login/",
        {"login": "teacher@example.kz", "password": DEFAULT_PASSWORD},
        REMOTE_ADDR=NGINX,
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert other_client.status_code == 302
    assert "_auth_user_id" in client.session


def test_a_rate_limit_counts_an_ipv6_client_by_its_64_block(behind_nginx):
    assert rate_limit_address(_request(NGINX, "2001:db8:1:2:aaaa::1")) == "2001:db8:1:2::/64"
    assert rate_limit_address(_request(NGINX, "2001:db8:1:2:ffff::9")) == "2001:db8:1:2::/64"
    assert rate_limit_address(_request(NGINX, "2001:db8:1:3::1")) == "2001:db8:1:3::/64"
    assert rate_limit_address(_request(NGINX, "203.0.113.5")) == "203.0.113.5"
    assert rate_limit_address(_request("::ffff:203.0.113.5")) == "203.0.113.5"
