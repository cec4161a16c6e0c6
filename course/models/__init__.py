"""The course app's models, one module per kind of thing: the programme as Wagtail pages
(ProgrammePage > ModulePage > TopicPage), the glossary and literature pages, attachments, cohorts
and their live sessions, enrolments and their history, and a trainee's progress.

The topic rows are the only source of hours: module and programme totals, and the lecture/practice
split, are derived from the live topics beneath them and never stored."""

from __future__ import annotations

from .attachments import (
    AttachmentKind,
    AttachmentLanguage,
    ModuleAttachment,
    PageAttachment,
    TopicAttachment,
)
from .cohort import Cohort, LiveSession, StudyForm
from .enrolment import CourseAgreement, Enrolment, EnrolmentEvent, _private_storage
from .pages import ModulePage, ProgrammePage, TopicKind, TopicPage, UntranslatedMixin
from .progress import Attendance, TopicCompletion
from .reference import GlossaryPage, GlossaryTermPage, LiteratureEntryPage, LiteraturePage

__all__ = [
    "AttachmentKind",
    "AttachmentLanguage",
    "Attendance",
    "Cohort",
    "CourseAgreement",
    "Enrolment",
    "EnrolmentEvent",
    "GlossaryPage",
    "GlossaryTermPage",
    "LiteratureEntryPage",
    "LiteraturePage",
    "LiveSession",
    "ModuleAttachment",
    "ModulePage",
    "PageAttachment",
    "ProgrammePage",
    "StudyForm",
    "TopicAttachment",
    "TopicCompletion",
    "TopicKind",
    "TopicPage",
    "UntranslatedMixin",
    "_private_storage",
]
