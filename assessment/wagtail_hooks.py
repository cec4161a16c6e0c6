"""Staff side in the Wagtail admin: assignments of the practice topics (authored with their
materials), the rubric versions and the audit log of score changes (read-only: scores change only
through the scoring form, which records who, when and why)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from cms.admin_snippets import SnippetViewSet

from .models import Assignment, Question, ScoreChange, TheoryTest

WRITES = {"add", "change", "delete", "publish", "lock", "unlock"}


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Nobody writes the audit log by hand, superusers included."""

    def user_has_permission(self, user, action):
        return action not in WRITES and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a not in WRITES])


class AssignmentViewSet(SnippetViewSet):
    model = Assignment
    icon = "doc-full"
    menu_label = _("Assignments")
    list_display = ["__str__", "due_at"]


class ScoreChangeViewSet(SnippetViewSet):
    """The audit log for staff. Read-only: no create, edit or delete."""

    model = ScoreChange
    icon = "history"
    menu_label = _("Score audit log")
    list_display = [
        "changed_at",
        "result",
        "criterion",
        "role",
        "changed_by",
        "old_score",
        "new_score",
        "after_finalising",
        "reason",
    ]
    list_filter = ["after_finalising", "role"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        # A snippet hook (SnippetViewSet calls it): the columns' related objects in one query.
        return ScoreChange.objects.select_related(
            "result__enrolment__trainee", "result__enrolment__cohort", "criterion", "changed_by"
        )


register_permission_policy(ScoreChange, ReadOnlyPolicy(ScoreChange))


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Test questions")
    list_display = ["__str__", "module", "kind"]
    list_filter = ["kind"]


class TheoryTestViewSet(SnippetViewSet):
    model = TheoryTest
    icon = "tasks"
    menu_label = _("Theory tests")
    list_display = ["__str__", "question_count", "time_limit_minutes", "attempts_allowed"]


class AssessmentGroup(ViewSetGroup):
    menu_label = _("Assessment")
    menu_icon = "tasks"
    items = (AssignmentViewSet, QuestionViewSet, TheoryTestViewSet, ScoreChangeViewSet)


register_snippet(AssessmentGroup)
