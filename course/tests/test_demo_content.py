"""The demo's exemplar lecture (2.2) and practice topic (2.4): headings, a video with its
transcript, a downloadable handout and graded questions, marked as demo content."""

from __future__ import annotations

import re

import pytest
from wagtail.models import Revision

from course.demo_content import DEMO_VIDEO_URL, seed
from course.models import TopicPage

pytestmark = pytest.mark.django_db


def _page(number: str, lang: str) -> TopicPage:
    return TopicPage.objects.get(number=number, locale__language_code=lang)


def test_the_exemplar_lecture_has_every_part_of_a_finished_topic(client):
    seed({})

    html = client.get(_page("2.2", "kk").url).content.decode()

    assert "<b>Демо-мазмұн.</b>" in html
    assert re.search(r"<h2[^>]*>ABC талдау деген не</h2>", html)
    assert '<details class="transcript">' in html and "тапсырмадан қашуға" in html
    assert re.search(
        r'<a href="/documents/\d+/abc-observation-sheet-demo[^"]*\.pdf" download>', html
    )
    assert html.count('form="study-form"') == 6  # two questions, three answers each
    assert re.search(
        r'<source src="/documents/\d+/abc-analysis-demo[^"]*\.webm" type="video/webm">', html
    )
    assert re.search(
        r'<track kind="captions" src="/documents/\d+/abc-analysis-demo[^"]*\.kk\.vtt" srclang="kk"',
        html,
    )


def test_the_exemplar_practice_topic_is_filled_in_russian_too(client):
    seed({})

    html = client.get(_page("2.4", "ru").url).content.decode()

    assert "<b>Демо-содержание.</b>" in html
    assert "Ход практического занятия" in html
    assert "Вспомним ABC-запись: так её вносят в карту наблюдения (1 минута)" in html
    assert 'srclang="ru"' in html


def test_seeding_again_changes_nothing():
    seed({})
    revisions = Revision.objects.count()

    assert seed({}) == []
    assert Revision.objects.count() == revisions


def test_a_topic_an_editor_already_wrote_is_left_alone():
    page = _page("2.2", "ru")
    page.body = [{"type": "paragraph", "value": "<p>Текст редактора.</p>"}]
    page.save_revision().publish()

    filled = seed({})

    assert "2.2 [ru]" not in filled and "2.2 [kk]" in filled
    assert "Текст редактора." in str(_page("2.2", "ru").body)


def _cue_texts(vtt: str) -> list[str]:
    """The text lines of a WebVTT file's cues (not the header, not the timings)."""
    blocks = vtt.strip().split("\n\n")[1:]
    return [line for block in blocks for line in block.splitlines()[1:]]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_lecture_video_is_a_real_file_whose_transcript_says_what_its_captions_say(lang):
    seed({})
    value = next(b.value for b in _page("2.2", lang).body if b.block_type == "video_file")

    with value["file"].open_file() as f:
        header = f.read(4)
    with value["captions"].open_file() as f:
        captions = f.read().decode()
    transcript = re.sub(r"</p><p>", " ", value["transcript"].source)

    assert header == b"\x1a\x45\xdf\xa3"  # the EBML signature every WebM file starts with
    assert value["file"].file.size <= 1_500_000
    assert value["captions_language"] == lang
    assert captions.startswith("WEBVTT")
    assert re.sub(r"</?p>", "", transcript) == " ".join(_cue_texts(captions))


def test_an_earlier_demo_video_notice_is_replaced_by_the_real_video_and_the_rest_kept():
    page = _page("2.2", "kk")
    page.body = [
        {"type": "paragraph", "value": "<p>Бұрынғы демо мәтіні.</p>"},
        {"type": "video", "value": {"video": DEMO_VIDEO_URL, "caption": "ескі", "transcript": ""}},
    ]
    page.save_revision().publish()

    filled = seed({})

    body = _page("2.2", "kk").body
    assert "2.2 [kk] video" in filled
    assert [b.block_type for b in body] == ["paragraph", "video_file"]
    assert "Бұрынғы демо мәтіні." in str(body)
