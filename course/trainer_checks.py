"""Checks that other apps make on a cohort's trainers, shown to the registrar on the cohort's admin
form. The course knows nothing about what is checked: quality registers order 338's requirements
for a lecturer (experience, education, CV) without course importing it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

# check(trainers) -> {trainer pk: [sentences saying what falls short]}
TrainerCheck = Callable[[list], dict[int, list[str]]]
_CHECKS: list[TrainerCheck] = []


def register_trainer_check(check: TrainerCheck) -> None:
    if check not in _CHECKS:
        _CHECKS.append(check)


def trainer_warnings(trainers: Iterable) -> list[str]:
    """One sentence per trainer who falls short: their name, then what is missing."""
    from cms.names import display_name

    trainers = list(trainers)
    found: dict[int, list[str]] = {}
    for check in _CHECKS:
        for pk, sentences in check(trainers).items():
            found.setdefault(pk, []).extend(str(s) for s in sentences)
    return [f"{display_name(t)}: {' '.join(found[t.pk])}" for t in trainers if found.get(t.pk)]
