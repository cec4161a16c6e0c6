"""gunicorn's logger with the client's address left out of the access log next to a certificate
code (deploy/gunicorn.conf.py: logger_class).

certificates.lookups promises that no address is kept with a look-up beyond the rate-limit
window: the counter is a hashed key that expires. An access-log line "203.0.113.5 GET
/verify/KZ-…" would keep exactly that pairing for as long as logs are kept. For /verify/ and
/credentials/ (and any request whose Referer is one of those pages) every atom that could carry
the address is written as "-"; the rest of the line (time, path, status, duration) stays.

Imports nothing but the standard library and gunicorn: the master loads this file by its path
(deploy/gunicorn.conf.py says why)."""

from __future__ import annotations

import re

from gunicorn.glogging import Logger

PRIVATE_PATH = re.compile(r"/(?:verify|credentials)(?:/|\.json|$)")
# Atoms of gunicorn's access log that can hold the client's address: the peer, the headers nginx
# sets, and the same values as environ variables.
ADDRESS_ATOMS = (
    "h",
    "{x-forwarded-for}i",
    "{x-real-ip}i",
    "{forwarded}i",
    "{remote_addr}e",
    "{http_x_forwarded_for}e",
    "{http_x_real_ip}e",
    "{http_forwarded}e",
)


def is_private_request(environ) -> bool:
    return bool(
        PRIVATE_PATH.search(environ.get("PATH_INFO") or "")
        or PRIVATE_PATH.search(environ.get("HTTP_REFERER") or "")
    )


class AccessLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        if is_private_request(environ):
            for name in ADDRESS_ATOMS:
                if name in atoms:
                    atoms[name] = "-"
        return atoms
