"""A lecture video kept on our own server: <video controls> with a WebVTT <track> and the
transcript, served from our own origin (the production CSP's media-src is 'self')."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from course.blocks import TopicBodyBlock, VideoFileBlock

pytestmark = pytest.mark.django_db


@pytest.fixture
def video_and_captions():
    video = Document.objects.create(title="v", file=ContentFile(b"\x00" * 32, "abc.mp4"))
    captions = Document.objects.create(
        title="c",
        file=ContentFile("WEBVTT\n\n00:00.000 --> 00:01.000\nСәлем\n".encode(), "abc.vtt"),
    )
    return video, captions


def test_the_block_renders_a_video_with_its_captions_track_and_transcript(video_and_captions):
    video, captions = video_and_captions
    block = VideoFileBlock()
    value = block.to_python(
        {
            "file": video.pk,
            "captions": captions.pk,
            "captions_language": "ru",
            "caption": "ABC",
            "transcript": "<p>Текст видео.</p>",
        }
    )

    html = block.render(value)

    assert '<video controls preload="metadata" playsinline>' in html
    assert f'<source src="{video.url}" type="video/mp4">' in html
    assert f'<track kind="captions" src="{captions.url}" srclang="ru"' in html
    assert "<p>Текст видео.</p>" in html
    # Same origin: a relative address, which media-src 'self' allows.
    assert video.url.startswith("/documents/")


def test_a_video_without_captions_has_no_track(video_and_captions):
    video, _ = video_and_captions
    block = VideoFileBlock()

    html = block.render(block.to_python({"file": video.pk, "captions_language": "kk"}))

    assert "<track" not in html
    assert "<video controls" in html


def test_the_topic_body_offers_the_video_file_block():
    assert "video_file" in TopicBodyBlock.base_blocks


def test_the_captions_file_is_served_as_webvtt(client, video_and_captions):
    _, captions = video_and_captions

    response = client.get(captions.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/vtt"
    assert b"".join(response.streaming_content).startswith(b"WEBVTT")
