"""What a person's name may hold before it is printed on a signed document.

Letters of the Kazakh and Russian alphabets (the Cyrillic block: А–Я, Ё, Ә Ғ Қ Ң Ө Ұ Ү Һ І) and
Latin letters (with the accented ones of Latin-1 and Latin Extended-A, for the Kazakh Latin
alphabet and foreign names), in words joined by spaces, hyphens or apostrophes. Digits, `<`, `=`,
`@` and the like are refused: a name with them is a mistake or an attack on the PDF, the
verification page or a spreadsheet, never a name.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Cyrillic letters (U+0400–U+0481, U+048A–U+04FF: without the thousands sign and the combining
# marks between them), Latin letters, Latin-1 and Latin Extended-A letters.
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿĀ-žЀ-ҁҊ-ӿ"
_SEPARATOR = " \\-'’ʼ"  # space, hyphen, apostrophes (typed ' and the typographic ’ ʼ)
NAME_RE = re.compile(f"^[{_LETTER}]+(?:[{_SEPARATOR}]+[{_LETTER}]+)*$")

NAME_MESSAGE = _(
    "Write the name in letters only (Kazakh, Russian or Latin), with spaces, hyphens or "
    "apostrophes between words."
)


@deconstructible
class PersonNameValidator:
    message = NAME_MESSAGE
    code = "invalid_name"

    def __call__(self, value: str) -> None:
        if not is_person_name(value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other) -> bool:
        return isinstance(other, PersonNameValidator)


def is_person_name(value: str) -> bool:
    return bool(NAME_RE.match(str(value).strip()))


validate_person_name = PersonNameValidator()


# display_name's default: look the profile up on the user (None means the person has none).
_LOOK_UP = object()


def display_name(user, language: str | None = None, *, profile=_LOOK_UP) -> str:
    """How a person is shown to others and greeted in e-mails: the name their profile holds in
    the reader's language (the other spelling if that one is blank), else the account's name,
    else the e-mail address (a person who has not given a name yet). The one helper for this:
    self-registered trainees have a profile name but no account name. A list that loaded the
    profiles itself passes the person's `profile` (None when there is none), saving a query."""
    from django.utils import translation

    if user is None:
        return ""
    language = language or translation.get_language() or "kk"
    if profile is _LOOK_UP:
        profile = getattr(user, "trainee_profile", None)  # no profile: RelatedObjectDoesNotExist
    if profile is not None:
        name = profile.full_name_for(language)
        if name:
            return name
    return user.get_full_name() or user.email
