"""Rich-text answers: the server keeps only the allowed markup whichever way the text arrives,
pages show it cleaned, older plain-text answers keep their line breaks, and the editor is set up
on the answer field without changing its name."""

from __future__ import annotations

import pytest

from assessment import rich_text, services
from assessment.models import Submission, SubmissionVersion
from assessment.personal_data import export_personal_data

from .conftest import url

pytestmark = pytest.mark.django_db

ATTACK = (
    '<h2>Case</h2><p onclick="steal()">Before<script>alert(1)</script> after</p>'
    '<img src="x" onerror="alert(2)">'
    '<p><a href="javascript:alert(3)">bad link</a> <a href="https://example.kz/">good link</a></p>'
    '<p style="position:fixed">styled</p><style>body{display:none}</style>'
    "<ul><li><strong>bold</strong> and <em>italic</em></li></ul><ol><li>one</li></ol>"
    "<table><tbody><tr><th>A</th><td>B</td></tr></tbody></table>"
)


def test_the_sanitiser_strips_scripts_event_handlers_javascript_links_and_styles():
    clean = rich_text.sanitise(ATTACK)
    assert "<script" not in clean and "alert(1)" not in clean
    assert "onerror" not in clean and "onclick" not in clean and "<img" not in clean
    assert "javascript:" not in clean
    assert "style=" not in clean and "<style" not in clean and "display:none" not in clean
    assert "<p>styled</p>" in clean


def test_the_sanitiser_keeps_headings_emphasis_lists_links_and_tables():
    clean = rich_text.sanitise(ATTACK)
    for markup in (
        "<h2>Case</h2>",
        "<strong>bold</strong>",
        "<em>italic</em>",
        "<ul><li>",
        "<ol><li>one</li></ol>",
        "<th>A</th><td>B</td>",
        "<p>Before after</p>",
    ):
        assert markup in clean
    assert '<a href="https://example.kz/" rel="noopener noreferrer">good link</a>' in clean


def test_plain_text_is_stored_as_it_is_and_an_empty_editor_as_an_empty_answer():
    assert rich_text.sanitise("line one\nline <two>\n\nthree") != ""
    assert rich_text.sanitise("a < b and c > d") == "a < b and c > d"
    assert rich_text.sanitise("<p></p>") == ""
    assert rich_text.sanitise("<p><br></p>") == ""


def test_an_answer_saved_through_the_page_is_stored_sanitised(client, enrolment, assignment):
    client.force_login(enrolment.trainee)
    response = client.post(
        url("practice_detail", assignment.pk), {"text": ATTACK, "action": "save"}
    )
    assert response.status_code == 302
    stored = SubmissionVersion.objects.get().text
    assert stored == rich_text.sanitise(ATTACK)
    assert "<script" not in stored and "onerror" not in stored and "javascript:" not in stored


def test_the_autosave_stores_the_answer_sanitised(client, enrolment, assignment):
    client.force_login(enrolment.trainee)
    response = client.post(
        url("practice_autosave", assignment.pk),
        {"text": '<p>draft<img src=x onerror="alert(1)"></p>'},
    )
    assert response.json()["saved"] is True
    assert SubmissionVersion.objects.get().text == "<p>draft</p>"


def test_a_hand_made_row_with_a_script_is_cleaned_again_on_the_trainers_page(
    client, trainer, enrolment, assignment
):
    services.submission_draft_save(assignment=assignment, enrolment=enrolment, text="x")
    submission = Submission.objects.get()
    services.submission_submit(submission=submission, anonymised_confirmed=True)
    # Written past the service, as an old import or a database edit might.
    SubmissionVersion.objects.update(text='<p>Answer</p><script>alert("x")</script>')
    client.force_login(trainer)
    page = client.get(url("submission_review", submission.pk)).text
    assert "<p>Answer</p>" in page
    assert 'alert("x")' not in page


def test_the_trainer_and_the_trainee_see_the_formatting(client, trainer, enrolment, assignment):
    client.force_login(enrolment.trainee)
    client.post(
        url("practice_detail", assignment.pk),
        {"text": ATTACK, "action": "submit", "anonymised": "on"},
    )
    submission = Submission.objects.get()
    assert submission.status == "submitted"
    trainee_page = client.get(url("practice_detail", assignment.pk)).text
    client.force_login(trainer)
    trainer_page = client.get(url("submission_review", submission.pk)).text
    for page in (trainee_page, trainer_page):
        assert "<h2>Case</h2>" in page
        assert "<strong>bold</strong>" in page
        assert "alert(1)" not in page and "onerror" not in page


def test_a_plain_text_answer_from_before_the_editor_keeps_its_line_breaks(
    client, trainer, enrolment, assignment
):
    services.submission_draft_save(
        assignment=assignment,
        enrolment=enrolment,
        text="Antecedent: a new task\nBehaviour: <closes the book>\n\nConsequence: help",
    )
    submission = Submission.objects.get()
    services.submission_submit(submission=submission, anonymised_confirmed=True)
    client.force_login(trainer)
    page = client.get(url("submission_review", submission.pk)).text
    assert (
        "<p>Antecedent: a new task<br>Behaviour: &lt;closes the book&gt;</p>\n\n"
        "<p>Consequence: help</p>"
    ) in page


def test_the_answer_field_keeps_its_name_and_carries_the_editor(client, enrolment, assignment):
    client.force_login(enrolment.trainee)
    page = client.get(url("practice_detail", assignment.pk)).text
    assert '<textarea name="text"' in page and "data-rich-text" in page
    assert '<label for="id_text">Your answer</label>' in page
    assert 'id="id_text_helptext"' in page and 'aria-describedby="id_text_helptext"' in page
    assert 'src="/static/assessment/rich_text.js" type="module"' in page
    assert 'id="rich-text-labels"' in page  # the editor's words in the page's language
    assert "<script>" not in page  # nothing inline: the Content-Security-Policy allows none


def test_the_editor_words_follow_the_page_language(client, enrolment, assignment):
    from django.utils import translation

    client.force_login(enrolment.trainee)
    with translation.override("ru"):
        page = client.get(url("practice_detail", assignment.pk).replace("/en/", "/ru/")).text
    assert '"bold": "\\u0416\\u0438\\u0440\\u043d\\u044b\\u0439"' in page  # "Жирный"


def test_the_personal_data_export_still_holds_the_answer(enrolment, assignment):
    services.submission_draft_save(
        assignment=assignment, enrolment=enrolment, text="<p><em>mine</em></p>"
    )
    exported = export_personal_data(enrolment.trainee)
    assert exported["practice_work"][0]["versions"][0]["text"] == "<p><em>mine</em></p>"
