"""Reaching the end of a topic: the token a topic page hands out when it is opened, and the
grading of its check-your-understanding questions. Pure: no database writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from django.core import signing

_SALT = "course.topic-opened"


def opened_token(*, user_id: int, page_id: int) -> str:
    """Signed (person, page), stamped with the time the page was shown."""
    return signing.TimestampSigner(salt=_SALT).sign_object({"u": user_id, "p": page_id})


def opened_at(token: str, *, user_id: int, page_id: int, max_age_seconds: int) -> datetime | None:
    """When the page was opened, or None for a token forged, too old, or for another person or
    page (a token from topic 1.1 does not finish topic 1.2)."""
    signer = signing.TimestampSigner(salt=_SALT)
    try:
        value = signer.unsign_object(token, max_age=max_age_seconds)
    except (signing.BadSignature, ValueError):
        return None
    if value != {"u": user_id, "p": page_id}:
        return None
    # A signed value reads "payload:timestamp:signature"; the signature was checked above.
    stamp = token.rsplit(signer.sep, 2)[-2]
    return datetime.fromtimestamp(signing.b62_decode(stamp), tz=UTC)


@dataclass(frozen=True)
class Question:
    block_id: str
    number: int
    text: str
    correct: int  # index of the correct choice


def topic_questions(page) -> list[Question]:
    """The graded questions of a topic page, in the order they appear."""
    questions = []
    for block in page.body:
        if block.block_type != "quiz":
            continue
        choices = block.value["choices"]
        correct = next((i for i, c in enumerate(choices) if c["correct"]), None)
        if correct is not None:
            questions.append(
                Question(block.id, len(questions) + 1, block.value["question"], correct)
            )
    return questions


def wrong_answers(questions: list[Question], answers: dict[str, str]) -> list[Question]:
    """The questions not answered, or answered wrongly."""
    return [q for q in questions if answers.get(q.block_id) != str(q.correct)]
