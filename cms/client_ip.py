"""The client's address, as the deployment's own proxy saw it.

Behind nginx every request comes from 127.0.0.1, so REMOTE_ADDR alone would put every client in
one rate-limit bucket: one person could exhaust the verification limit, or the login limit, for
everyone. nginx writes the address it saw into X-Forwarded-For (overwriting whatever the client
sent, deploy/nginx/). That header is believed only when the direct peer is a proxy we trust
(TRUSTED_PROXY_ADDRESSES) and only as many hops deep as we have proxies (TRUSTED_PROXY_COUNT):
anyone else can write anything there.

allauth's login rate limit (cms.adapters.AccountAdapter.get_client_ip) and the public verification
limit (certificates.lookups) both read this one function."""

from __future__ import annotations

import functools
import ipaddress

from django.conf import settings


@functools.lru_cache(maxsize=8)
def _trusted_networks(addresses: tuple[str, ...]) -> tuple | None:
    """None means any peer ("*": on a private network only the proxy can reach the app)."""
    if "*" in addresses:
        return None
    return tuple(ipaddress.ip_network(address, strict=False) for address in addresses)


def _clean(address: str) -> str | None:
    address = address.strip()
    if address.startswith("[") and "]" in address:  # [2001:db8::1]:443
        address = address[1 : address.index("]")]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def is_trusted_proxy(address: str) -> bool:
    networks = _trusted_networks(tuple(settings.TRUSTED_PROXY_ADDRESSES))
    if networks is None:
        return True
    cleaned = _clean(address)
    if cleaned is None:
        return False
    ip = ipaddress.ip_address(cleaned)
    return any(ip in network for network in networks)


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, unless that is our trusted proxy, in which case the
    address the proxy recorded TRUSTED_PROXY_COUNT hops from the right of X-Forwarded-For.

    A header that names fewer hops than configured, or no valid address there, gives the peer's
    own address: the request then shares the proxy's bucket rather than choosing a fresh one."""
    peer = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_COUNT
    if hops <= 0 or not is_trusted_proxy(peer):
        return _clean(peer) or peer
    forwarded = [
        part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if len(forwarded) < hops:
        return _clean(peer) or peer
    return _clean(forwarded[-hops]) or _clean(peer) or peer


# One IPv6 subscriber usually holds a whole /64: counting single addresses there would hand a
# client 2^64 fresh limits. allauth counts by the same prefix (ALLAUTH_RATE_LIMIT_IPV6_PREFIX).
IPV6_PREFIX = 64


def rate_limit_address(request) -> str:
    """The client's address as a rate limit counts it: an IPv4 address, or an IPv6 /64."""
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 4:
        return str(ip)
    if ip.ipv4_mapped is not None:  # ::ffff:203.0.113.5 is an IPv4 client
        return str(ip.ipv4_mapped)
    return str(ipaddress.ip_network(f"{ip}/{IPV6_PREFIX}", strict=False))
