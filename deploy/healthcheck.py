"""The web container's health check (deploy/docker-compose.yml): GET /healthz from inside the
container with a Host header the site accepts, the first name of ALLOWED_HOSTS. Asking for
127.0.0.1 would be refused (400) wherever ALLOWED_HOSTS lists only the public name, as
deploy/.env.example does, and the web container would never become healthy."""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request


def host() -> str:
    names = [n.strip() for n in os.environ.get("ALLOWED_HOSTS", "").split(",") if n.strip()]
    first = names[0] if names else "localhost"
    # ".example.kz" allows every subdomain and the domain itself; "*" allows anything.
    return "localhost" if first == "*" else first.lstrip(".")


def main() -> int:
    port = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000").rsplit(":", 1)[1]
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/healthz",
        # nginx sets this in production; /healthz answers over plain HTTP either way.
        headers={"Host": host(), "X-Forwarded-Proto": "https"},
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return 0 if response.status == 200 else 1
    except (urllib.error.URLError, OSError) as exc:
        print(f"healthz: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
