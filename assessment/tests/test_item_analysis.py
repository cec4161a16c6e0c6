"""Item analysis worked out by hand on a small example (upper-lower 27 % discrimination)."""

from __future__ import annotations

import pytest

from assessment.item_analysis import Response, analyse, group_size


def response(total, **answers):
    """answers: question name -> (choice picked, right?)"""
    ids = {"x": 1, "y": 2, "z": 3}
    return Response(
        total=total,
        picked={ids[q]: frozenset([c]) for q, (c, _ok) in answers.items()},
        right={ids[q]: ok for q, (_c, ok) in answers.items()},
    )


@pytest.fixture
def stats():
    # Four trainees with totals 4, 3, 2, 1. Question x (choices 11 right, 12, 13, 14): the two
    # strongest pick 11, the two weakest 12. Question y: only the weakest is right. Question z is
    # asked of three trainees only (totals 4, 2, 1), and all three are right.
    responses = [
        response(4, x=(11, True), y=(22, False), z=(31, True)),
        response(3, x=(11, True), y=(22, False)),
        response(2, x=(12, False), y=(22, False), z=(31, True)),
        response(1, x=(12, False), y=(21, True), z=(31, True)),
    ]
    choices = {1: [11, 12, 13, 14], 2: [21, 22, 23, 24], 3: [31, 32, 33, 34]}
    return analyse(responses, choices)


def test_groups_are_27_percent_of_the_trainees_rounded_and_at_least_one():
    assert [group_size(n) for n in (1, 2, 4, 10, 20, 100)] == [0, 1, 1, 3, 5, 27]


def test_a_question_the_stronger_half_gets_right_discriminates_fully(stats):
    x = stats[1]
    assert (x.answered, x.facility, x.discrimination) == (4, 0.5, 1.0)
    assert x.option_counts == {11: 2, 12: 2, 13: 0, 14: 0}
    assert not x.is_weak


def test_a_question_only_the_weakest_gets_right_is_flagged(stats):
    y = stats[2]
    # Facility 1 of 4 = 0.25; upper group (total 4) wrong, lower group (total 1) right: -1.
    assert (y.facility, y.discrimination) == (0.25, -1.0)
    assert y.option_counts == {21: 1, 22: 3, 23: 0, 24: 0}
    assert y.weak_reasons == ["discrimination"]


def test_a_question_everybody_asked_gets_right_is_too_easy_and_counts_only_those_asked(stats):
    z = stats[3]
    # Three asked, three right: facility 1.0; groups of round(0.81) = 1: 1 - 1 = 0.
    assert (z.answered, z.facility, z.discrimination) == (3, 1.0, 0.0)
    assert z.weak_reasons == ["easy", "discrimination"]
