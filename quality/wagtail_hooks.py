"""The registrar's side in the Wagtail admin: the question bank (versions) and trainers'
qualifications, and a warning on the admin's home page for cohorts whose trainer falls short."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from cms.admin_snippets import SnippetViewSet

from .models import Questionnaire, TrainerQualification


class QuestionnaireViewSet(SnippetViewSet):
    model = Questionnaire
    icon = "form"
    menu_label = _("Questionnaires")
    list_display = ["kind", "version", "title_kk", "created_at"]
    list_filter = ["kind"]


class TrainerQualificationViewSet(SnippetViewSet):
    model = TrainerQualification
    icon = "user"
    menu_label = _("Trainers' qualifications")
    list_display = ["trainer", "pedagogical_experience_years", "category", "updated_at"]


class QualityGroup(SnippetViewSetGroup):
    menu_label = _("Course quality")
    menu_icon = "tasks"
    menu_order = 260
    items = (QuestionnaireViewSet, TrainerQualificationViewSet)


register_snippet(QualityGroup)


class TrainerShortfallPanel(Component):
    name = "quality_trainer_shortfalls"
    order = 60

    def render_html(self, parent_context=None) -> str:
        from django.utils import timezone

        from course.models import Cohort

        from .selectors import cohorts_with_trainer_shortfalls

        running = Cohort.objects.filter(ends_on__gte=timezone.localdate())
        found = cohorts_with_trainer_shortfalls(cohorts=running)
        if not found:
            return ""
        return render_to_string("quality/admin_shortfalls.html", {"found": found})


@hooks.register("construct_homepage_panels")
def add_trainer_shortfall_panel(request, panels):
    from cms.roles import is_registrar

    if is_registrar(request.user):
        panels.append(TrainerShortfallPanel())
