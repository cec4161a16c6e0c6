"""The registrar's side in the Wagtail admin: cohorts, their live sessions, enrolments (with the
status history read-only: statuses change only through the site's registrar actions, which record
who and why), and the course agreement."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from cms.admin_lists import ListQuerysetMixin
from cms.admin_snippets import SnippetViewSet
from cms.admin_views import LocalTimeInspectView
from cms.models import User
from cms.page_cache import page_cache_mark
from cms.permission_policies import LimitedActionsPolicy
from cms.roles import TRAINER

from .admin_filters import RecentCohortFilterSet
from .models import (
    Cohort,
    CourseAgreement,
    Enrolment,
    EnrolmentEvent,
    LiveSession,
    ModulePage,
    ProgrammePage,
    TopicPage,
)


class TrainerWarningsMixin:
    """Warn the registrar, on the cohort's form, about each trainer who falls short of what a
    lecturer needs (checks registered by other apps: course/trainer_checks.py). A warning, not a
    refusal: the registrar may have a reason, and the record may simply be missing."""

    def warn_about_trainers(self, trainers) -> None:
        from django.contrib import messages

        from .trainer_checks import trainer_warnings

        for warning in trainer_warnings(trainers):
            messages.warning(self.request, warning)

    def save_instance(self):
        instance = super().save_instance()
        self.warn_about_trainers(instance.trainers.all())
        return instance


class CohortCreateView(TrainerWarningsMixin, CreateView):
    pass


class CohortEditView(TrainerWarningsMixin, EditView):
    def get_context_data(self, **kwargs):
        if self.request.method == "GET":
            # Shown when the form opens, so the registrar sees it before changing anything.
            self.warn_about_trainers(self.object.trainers.all())
        return super().get_context_data(**kwargs)


class CohortViewSet(ModelViewSet):
    model = Cohort
    add_view_class = CohortCreateView
    edit_view_class = CohortEditView
    inspect_view_class = LocalTimeInspectView
    icon = "group"
    menu_label = _("Cohorts")
    list_display = ["code", "name", "language", "starts_on", "ends_on", "capacity"]
    list_filter = ["language", "starts_on"]
    search_fields = ["code", "name"]
    form_fields = [
        "programme",
        "code",
        "name",
        "language",
        "starts_on",
        "ends_on",
        "study_form",
        "trainers",
        "capacity",
        "enrolment_key",
    ]
    inspect_view_enabled = True
    # Links to the cohort's pages on the site (import, results, bulk issue, ZIP): the admin and the
    # staff pages link to each other.
    inspect_template_name = "course/admin/cohort_inspect.html"

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "programme":
            kwargs["queryset"] = ProgrammePage.objects.filter(locale__language_code="kk").order_by(
                "-version"
            )
        if db_field.name == "trainers":
            kwargs["queryset"] = User.objects.filter(groups__name=TRAINER).order_by("last_name")
        field = super().formfield_for_dbfield(db_field, **kwargs)
        if db_field.name == "programme":
            # The versions share a title: the registrar tells them apart by number.
            field.label_from_instance = lambda page: page.get_admin_display_title()
        return field


class LiveSessionFilterSet(RecentCohortFilterSet):
    class Meta:
        model = LiveSession
        fields = ["cohort", "starts_at"]


class LiveSessionViewSet(ListQuerysetMixin, ModelViewSet):
    model = LiveSession
    icon = "date"
    menu_label = _("Live sessions")
    list_display = ["cohort", "topic", "starts_at", "duration_minutes", "room"]
    filterset_class = LiveSessionFilterSet  # cohort and starts_at; the cohorts offered bounded
    form_fields = ["cohort", "topic", "starts_at", "duration_minutes", "online_link", "room"]

    def list_queryset(self):
        return LiveSession.objects.select_related("cohort", "topic")

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "topic":
            # Progress is kept on the Kazakh (source) topics, so sessions point at them.
            kwargs["queryset"] = TopicPage.objects.filter(locale__language_code="kk").order_by(
                "path"
            )
        return super().formfield_for_dbfield(db_field, **kwargs)


class EnrolmentCreateView(CreateView):
    def is_valid(self, form):
        """One person, one active enrolment: refused on the form, before anything is saved
        (the service and a database constraint refuse it too)."""
        from django.utils.translation import gettext

        valid = super().is_valid(form)
        trainee = form.cleaned_data.get("trainee") if valid else None
        active = (
            Enrolment.objects.filter(trainee=trainee, status=Enrolment.Status.ACTIVE)
            .select_related("cohort")
            .first()
            if trainee is not None
            else None
        )
        if active is None:
            return valid
        form.add_error(
            "trainee",
            gettext(
                "%(email)s is already studying in cohort %(code)s: one person has one active "
                "enrolment. Transfer them instead."
            )
            % {"email": trainee.email, "code": active.cohort.code},
        )
        self.produced_error_message = self.get_error_message()
        return False

    def save_instance(self):
        from django.utils.translation import gettext

        from course.services import enrolment_add

        with transaction.atomic():
            return enrolment_add(
                cohort=self.form.cleaned_data["cohort"],
                trainee=self.form.cleaned_data["trainee"],
                by=self.request.user,
                reason=gettext("Added by the registrar in the administration"),
            )


# The admin adds and shows enrolments; it never edits or deletes one. A status change, a transfer
# or an expulsion goes through the services, which keep the enrolment's history.
register_permission_policy(
    Enrolment, LimitedActionsPolicy(Enrolment, actions=("view", "add")), exact_class=True
)
register_permission_policy(EnrolmentEvent, LimitedActionsPolicy(EnrolmentEvent), exact_class=True)


class EnrolmentFilterSet(RecentCohortFilterSet):
    class Meta:
        model = Enrolment
        fields = ["cohort", "status"]


class EnrolmentViewSet(ListQuerysetMixin, ModelViewSet):
    model = Enrolment
    inspect_view_class = LocalTimeInspectView
    add_view_class = EnrolmentCreateView
    icon = "user"
    menu_label = _("Enrolments")
    list_display = ["trainee", "cohort", "status", "enrolled_at", "agreement_version"]
    filterset_class = EnrolmentFilterSet  # cohort and status; the cohorts offered bounded
    search_fields = ["trainee__email", "trainee__last_name"]
    form_fields = ["cohort", "trainee"]
    inspect_view_enabled = True

    def list_queryset(self):
        return Enrolment.objects.select_related("trainee", "cohort")


class EnrolmentEventViewSet(ListQuerysetMixin, ModelViewSet):
    model = EnrolmentEvent
    inspect_view_class = LocalTimeInspectView
    icon = "history"
    menu_label = _("Status history")
    list_display = ["enrolment", "from_status", "to_status", "at", "by", "order_number"]
    list_filter = ["to_status", "at"]
    form_fields = ["reason"]
    inspect_view_enabled = True

    def list_queryset(self):
        # Newest first: the history of every year kept is long, the latest changes are asked for.
        return EnrolmentEvent.objects.select_related(
            "enrolment__trainee", "enrolment__cohort", "by"
        ).order_by("-at", "-pk")


class CourseGroup(ViewSetGroup):
    menu_label = _("Cohorts")
    menu_icon = "group"
    menu_order = 250
    items = (CohortViewSet, LiveSessionViewSet, EnrolmentViewSet, EnrolmentEventViewSet)


@hooks.register("register_admin_viewset")
def register_course_viewsets():
    return CourseGroup()


class CourseAgreementViewSet(SnippetViewSet):
    model = CourseAgreement
    icon = "doc-full"
    menu_label = _("Course agreement")
    list_display = ["version", "published_at"]


register_snippet(CourseAgreementViewSet)


@hooks.register("construct_explorer_page_queryset")
def explorer_by_number(parent_page, pages, request):
    """Modules and topics in the programme's order, not newest first. ProgrammePage and ModulePage
    set admin_default_ordering = "ord", under which the explorer keeps this order (an editor can
    still sort by another column)."""
    from django.db.models.functions import Length

    from .models import ModulePage, ProgrammePage

    if request.GET.get("ordering") not in (None, "", "ord"):
        return pages
    specific = parent_page.specific_class
    if specific is ProgrammePage:
        return pages.order_by("modulepage__number", "path")
    if specific is ModulePage:
        # "2.10" after "2.9": shorter numbers first, then as text (every topic of a module shares
        # the module's prefix).
        return pages.order_by(Length("topicpage__number"), "topicpage__number", "path")
    return pages


@hooks.register("before_serve_page")
def share_course_pages_with_anonymous_visitors(page, request, serve_args, serve_kwargs):
    """The programme, module and topic pages look the same to everyone not signed in (the
    progress box only invites them to sign in): cms.page_cache may keep them whole. A page behind
    a view restriction (password, sign-in, groups) is never shared."""
    if not isinstance(page, (ProgrammePage, ModulePage, TopicPage)):
        return None
    if request.user.is_authenticated or page.get_view_restrictions().exists():
        return None
    page_cache_mark(request)
    return None


# Programme versions: the refusals that protect a version cohorts use, and "Create a new version".
from . import versioning_admin  # noqa: E402, F401


@hooks.register("construct_homepage_panels")
def add_cohorts_worklist(request, panels):
    import datetime

    from django.conf import settings
    from django.urls import reverse
    from django.utils import timezone
    from django.utils.formats import date_format

    from cms.worklist import WorklistEntry, worklist_panel_add

    def entries():
        today = timezone.localdate()
        until = today + datetime.timedelta(days=settings.REGISTRAR_WORKLIST_COHORT_DAYS)
        starting = Cohort.objects.filter(starts_on__gte=today, starts_on__lte=until)
        ending = Cohort.objects.filter(ends_on__gte=today, ends_on__lte=until)
        for cohort in starting.order_by("starts_on", "code"):
            yield WorklistEntry(
                _("%(cohort)s starts on %(date)s")
                % {"cohort": cohort, "date": date_format(cohort.starts_on)},
                reverse("course:cohort_detail", args=[cohort.code]),
            )
        for cohort in ending.order_by("ends_on", "code"):
            yield WorklistEntry(
                _("%(cohort)s ends on %(date)s")
                % {"cohort": cohort, "date": date_format(cohort.ends_on)},
                reverse("course:cohort_detail", args=[cohort.code]),
            )

    worklist_panel_add(
        request,
        panels,
        name="cohorts",
        heading=_("Cohorts starting and ending within %(days)s days")
        % {"days": settings.REGISTRAR_WORKLIST_COHORT_DAYS},
        entries=entries,
        order=115,
    )
