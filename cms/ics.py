"""A minimal iCalendar (RFC 5545) event, for invitations sent by email (consultations, defences)."""

from __future__ import annotations

import datetime

from django.utils import timezone

# An invitation's attachment (RFC 6047: the METHOD the calendar carries, said again in its type).
CALENDAR_MIME = "text/calendar; charset=utf-8; method=REQUEST"


def _escape(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # a bare CR would end the line too
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    # Lines longer than 75 octets are folded with CRLF + space (RFC 5545 §3.1).
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > 74:
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def ics_event(
    *,
    uid: str,
    starts_at: datetime.datetime,
    duration_minutes: int,
    summary: str,
    location: str = "",
    description: str = "",
    organizer_email: str = "",
) -> str:
    ends_at = starts_at + datetime.timedelta(minutes=duration_minutes)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//PA LMS//EN",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(starts_at)}",
        f"DTEND:{_utc(ends_at)}",
        f"SUMMARY:{_escape(summary)}",
    ]
    if location:
        lines.append(f"LOCATION:{_escape(location)}")
    if description:
        lines.append(f"DESCRIPTION:{_escape(description)}")
    if organizer_email:
        lines.append(f"ORGANIZER:mailto:{organizer_email}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
