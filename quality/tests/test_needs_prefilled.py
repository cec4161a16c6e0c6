"""The needs questionnaire does not ask again what the trainee's profile holds: experience,
qualification category and workplace come pre-filled, and she can still change them."""

from __future__ import annotations

import re

import pytest

from cms.models import TraineeProfile
from quality.forms import questionnaire_initial_from_profile
from quality.models import Response

from .conftest import url


def test_a_profile_maps_to_the_questionnaires_choices():
    profile = TraineeProfile(
        years_of_experience=4, qualification_category="moderator", organisation_type="college"
    )

    # «педагог-модератор» is the third choice (index 2), «Колледж» the fourth (index 3).
    assert questionnaire_initial_from_profile(profile) == {
        "experience_years": 4,
        "qualification": 2,
        "workplace": 3,
    }


def test_an_empty_profile_or_none_prefills_nothing():
    assert questionnaire_initial_from_profile(None) == {}
    empty = TraineeProfile(
        years_of_experience=None, qualification_category="", organisation_type=""
    )
    assert questionnaire_initial_from_profile(empty) == {}


def _checked(html, name):
    """The value of the checked radio button of a question."""
    found = re.findall(rf'<input type="radio" name="{name}" value="(\d+)"[^>]*checked', html)
    return found


@pytest.mark.django_db
def test_the_needs_page_shows_the_profiles_answers_already_chosen(client, enrolment):
    # The factory's profile: 4 years, pedagogue-moderator, a general education school.
    client.force_login(enrolment.trainee)

    page = client.get(url("needs"))

    html = page.content.decode()
    form = page.context["form"]
    assert form["experience_years"].value() == 4
    assert form["qualification"].value() == 2
    assert form["workplace"].value() == 0
    assert re.search(r'name="experience_years" value="4"', html)
    assert _checked(html, "qualification") == ["2"]
    assert _checked(html, "workplace") == ["0"]


@pytest.mark.django_db
def test_a_profile_with_an_unlisted_workplace_leaves_that_question_open(client, enrolment):
    profile = enrolment.trainee.trainee_profile
    profile.organisation_type, profile.qualification_category = "", ""
    profile.save()
    client.force_login(enrolment.trainee)

    html = client.get(url("needs")).content.decode()

    assert _checked(html, "qualification") == []
    assert _checked(html, "workplace") == []
    assert re.search(r'name="experience_years" value="4"', html)


@pytest.mark.django_db
def test_the_trainee_changes_a_prefilled_answer_and_her_own_answer_is_saved(client, enrolment):
    client.force_login(enrolment.trainee)
    answers = {
        "experience_years": "9",  # the profile says 4
        "qualification": "3",  # the profile says pedagogue-moderator (2)
        "workplace": "0",
        "difficulties": ["0", "3"],
        "training_needs": ["1"],
        "formats": ["0"],
        "digital_skills": "3",
        "self_adaptation": "2",
        "self_behaviour": "2",
        "self_visual": "3",
        "self_inclusion": "2",
        "self_documentation": "1",
    }

    client.post(url("needs"), answers)

    saved = Response.objects.get(enrolment=enrolment).answers
    assert saved["experience_years"] == 9
    assert saved["qualification"] == 3
