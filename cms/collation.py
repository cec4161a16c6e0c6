"""Text that sorts and matches as people read it: Kazakh names in the Kazakh alphabet's order,
and a case-insensitive search that also folds Cyrillic on SQLite.

Python sorts by code point, so Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, Һ, І (outside the Russian block) come after Я;
Kazakh readers expect Ә after А, Қ after К. SQLite's LIKE and lower() fold ASCII letters only, so
"айгүл" does not find "Айгүл" there (PostgreSQL's LOWER folds every letter)."""

from __future__ import annotations

from django.db.models import Func, TextField

# The Kazakh alphabet (Cyrillic, 42 letters); Russian letters keep their own order inside it.
KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_RANK = {letter: index for index, letter in enumerate(KAZAKH_ALPHABET)}


def name_sort_key(text: str) -> tuple:
    """A sort key for names and titles in Kazakh or Russian (Latin and other letters after the
    Cyrillic ones, digits and signs by code point). The one helper every list sorts names with."""
    folded = (text or "").casefold()
    return tuple(
        (0, _RANK[ch]) if ch in _RANK else (1, ord(ch)) if ch.isalpha() else (2, ord(ch))
        for ch in folded
    )


def fold(text: str) -> str:
    """The form both the stored text and the search words are compared in."""
    return " ".join((text or "").casefold().split())


class Folded(Func):
    """fold() in the database: LOWER on PostgreSQL (Unicode-aware); on SQLite a Python function
    registered on each connection (cms.apps), since SQLite's own lower() is ASCII-only."""

    function = "LOWER"
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="PY_FOLD", **extra_context)


def sqlite_functions_register(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "PY_FOLD",
            1,
            lambda value: None if value is None else value.casefold(),
            deterministic=True,
        )
