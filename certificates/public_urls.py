"""Unprefixed public URLs (QR verification, holder's PDF); language from Accept-Language."""

from __future__ import annotations

urlpatterns: list = []
