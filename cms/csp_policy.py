"""The production Content-Security-Policy's directives (django-csp 4 format). A module of its own,
with no Django import, so that settings can read it and tests apply the very policy deployed
(cms.csp adjusts it for the Wagtail admin)."""

from __future__ import annotations


def production_policy(*, media_origins: list[str]) -> dict:
    """The production policy (cms.settings.production), here so that tests apply the same one."""
    return {
        "DIRECTIVES": {
            "default-src": ["'self'"],
            "script-src": ["'self'"],
            "style-src": ["'self'", "'unsafe-inline'"],
            "img-src": ["'self'", "data:", "blob:", *media_origins],
            "media-src": ["'self'", *media_origins],
            "font-src": ["'self'", "data:"],
            "connect-src": ["'self'"],
            "frame-src": [
                "https://www.youtube.com",
                "https://www.youtube-nocookie.com",
                "https://player.vimeo.com",
            ],
            "object-src": ["'none'"],
            "base-uri": ["'self'"],
            "form-action": ["'self'"],
            "frame-ancestors": ["'none'"],
        }
    }
