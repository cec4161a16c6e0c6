"""StreamField blocks of a topic's body."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        template = "course/blocks/heading.html"
        preview_value = {"text": "ABC талдау", "level": "h2"}


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video link"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))
    transcript = blocks.RichTextBlock(
        required=False,
        label=_("Transcript"),
        help_text=_("A text alternative for people who cannot hear or watch the video."),
    )

    class Meta:
        icon = "media"
        template = "course/blocks/video.html"


class VideoFileBlock(blocks.StructBlock):
    """A video file on our own server (no internet video site: some schools' networks reach none),
    with WebVTT captions and a transcript. Rendered as <video controls> with a <track>: the
    production CSP's media-src allows 'self' and its extra media origins, nothing else."""

    file = DocumentChooserBlock(label=_("Video file (MP4 or WebM)"))
    captions = DocumentChooserBlock(required=False, label=_("Captions (WebVTT .vtt file)"))
    captions_language = blocks.ChoiceBlock(
        choices=[("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")],
        default="kk",
        label=_("Language of the captions"),
    )
    caption = blocks.CharBlock(required=False, label=_("Caption"))
    transcript = blocks.RichTextBlock(
        required=False,
        label=_("Transcript"),
        help_text=_("A text alternative for people who cannot hear or watch the video."),
    )

    class Meta:
        icon = "media"
        template = "course/blocks/video_file.html"
        label = _("Video file")
        description = _("A video uploaded to the site, with captions and a transcript")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(required=False, label=_("Title shown"))
    is_template = blocks.BooleanBlock(
        required=False, label=_("A template to fill in (observation card, ABC sheet, plan…)")
    )

    class Meta:
        icon = "doc-full"
        template = "course/blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[
            ("note", _("Note")),
            ("tip", _("Practical tip")),
            ("warning", _("Important")),
            ("law", _("Legal requirement")),
        ],
        default="note",
        label=_("Kind"),
    )
    text = blocks.RichTextBlock(label=_("Text"))

    class Meta:
        icon = "help"
        template = "course/blocks/callout.html"
        preview_value = {"kind": "tip", "text": "<p>Көмекті біртіндеп азайтыңыз (fading).</p>"}


class QuestionBlock(blocks.StructBlock):
    """'Check your understanding': the answer stays hidden until the reader asks for it."""

    question = blocks.TextBlock(label=_("Question"))
    answer = blocks.RichTextBlock(label=_("Answer"))

    class Meta:
        icon = "help"
        template = "course/blocks/question.html"
        preview_value = {
            "question": "ABC жазбасындағы A нені білдіреді?",
            "answer": "<p>Antecedent — мінез-құлықтың алдындағы жағдай.</p>",
        }


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"))
    correct = blocks.BooleanBlock(required=False, label=_("Correct"))


class QuizBlock(blocks.StructBlock):
    """'Check your understanding' with answers to choose from. The trainee answers in the form at
    the end of the topic; the server checks the answers before the topic counts as studied."""

    question = blocks.TextBlock(label=_("Question"))
    choices = blocks.ListBlock(ChoiceBlock(), min_num=2, label=_("Answers to choose from"))
    explanation = blocks.RichTextBlock(
        required=False, label=_("Explanation shown after a wrong answer")
    )

    class Meta:
        icon = "tick-inverse"
        template = "course/blocks/quiz.html"
        label = _("Check your understanding (graded)")

    def clean(self, value):
        from django.core.exceptions import ValidationError

        value = super().clean(value)
        if sum(1 for choice in value["choices"] if choice["correct"]) != 1:
            raise ValidationError(_("Mark exactly one answer as correct."))
        return value


class TopicBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["bold", "italic", "link", "ol", "ul", "h3", "h4", "document-link"],
    )
    heading = HeadingBlock()
    video = VideoBlock()
    video_file = VideoFileBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    question = QuestionBlock()
    quiz = QuizBlock()
