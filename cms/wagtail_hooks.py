"""The registrar's view of people in the Wagtail admin: trainee profiles (to check and correct a
name before a certificate is issued) and the consents to personal-data processing (read-only:
a consent is evidence and is never edited)."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from cms.admin_lists import ListQuerysetMixin
from cms.admin_views import LocalTimeInspectView
from cms.models import PersonalDataConsent, PrivacyNotice, RetentionRun, TraineeProfile
from cms.permission_policies import LimitedActionsPolicy


class TraineeProfileViewSet(ListQuerysetMixin, ModelViewSet):
    model = TraineeProfile
    inspect_view_class = LocalTimeInspectView
    name = "trainee_profiles"
    url_prefix = "people/profiles"
    icon = "user"
    menu_label = _("Trainee profiles")
    list_display = ["user", "full_name_kk", "full_name_ru", "school", "region", "updated_at"]
    list_filter = ["region", "organisation_type", "qualification_category"]
    search_fields = ["surname_kk", "surname_ru", "given_name_kk", "given_name_ru", "school"]
    form_fields = list(TraineeProfile.FORM_FIELDS)
    inspect_view_enabled = True
    add_to_admin_menu = False

    def list_queryset(self):
        return TraineeProfile.objects.select_related("user")


register_permission_policy(
    PersonalDataConsent, LimitedActionsPolicy(PersonalDataConsent), exact_class=True
)


class PersonalDataConsentViewSet(ListQuerysetMixin, ModelViewSet):
    model = PersonalDataConsent
    inspect_view_class = LocalTimeInspectView
    name = "consents"
    url_prefix = "people/consents"
    icon = "doc-full"
    menu_label = _("Consents")
    list_display = ["user", "notice_version", "accepted_at"]
    inspect_view_fields = ["user", "notice_version", "notice", "accepted_at"]
    list_filter = ["notice_version"]
    search_fields = ["user__email"]
    form_fields = ["notice_version"]
    inspect_view_enabled = True
    add_to_admin_menu = False

    def list_queryset(self):
        return PersonalDataConsent.objects.select_related("user")


register_permission_policy(RetentionRun, LimitedActionsPolicy(RetentionRun), exact_class=True)


class RetentionRunViewSet(ModelViewSet):
    """Read-only: each run of the file retention schedule and how many files it deleted."""

    model = RetentionRun
    name = "retention_runs"
    url_prefix = "people/file-retention"
    icon = "history"
    menu_label = _("File retention runs")
    list_display = ["ran_at", "total", "removed"]
    form_fields = ["total"]
    add_to_admin_menu = False


register_permission_policy(
    PrivacyNotice, LimitedActionsPolicy(PrivacyNotice, actions=("view", "add")), exact_class=True
)


class PrivacyNoticeCreateView(CreateView):
    """Publishing starts from the newest version's text; saving makes the next version (a
    published one is never edited: people consented to it word for word)."""

    def get_initial(self):
        from cms.selectors import privacy_notice_current

        latest = privacy_notice_current()
        if latest is None:
            return super().get_initial()
        return {f"text_{code}": latest.text(code) for code in PrivacyNotice.LANGUAGES}

    def save_instance(self):
        from cms.services import privacy_notice_publish

        data = self.form.cleaned_data
        return privacy_notice_publish(
            by=self.request.user,
            **{f"text_{c}": data[f"text_{c}"] for c in PrivacyNotice.LANGUAGES},
        )


class PrivacyNoticeViewSet(ListQuerysetMixin, ModelViewSet):
    model = PrivacyNotice
    inspect_view_class = LocalTimeInspectView
    add_view_class = PrivacyNoticeCreateView
    name = "privacy_notices"
    url_prefix = "people/privacy-notices"
    icon = "doc-full"
    menu_label = _("Privacy notice")
    list_display = ["version", "published_at", "published_by"]
    form_fields = ["text_kk", "text_ru", "text_en"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "version",
        "published_at",
        "published_by",
        "text_kk",
        "text_ru",
        "text_en",
    ]
    add_to_admin_menu = False

    def list_queryset(self):
        return PrivacyNotice.objects.select_related("published_by")


def _deletion_requests():
    from cms.admin_deletions import DeletionRequestViewSet

    return DeletionRequestViewSet


class PeopleViewSetGroup(ViewSetGroup):
    menu_label = _("People")
    menu_icon = "group"
    menu_order = 250
    items = (
        TraineeProfileViewSet,
        PersonalDataConsentViewSet,
        PrivacyNoticeViewSet,
        _deletion_requests(),
        RetentionRunViewSet,
    )


@hooks.register("register_admin_viewset")
def register_people_viewsets():
    return PeopleViewSetGroup()


@hooks.register("register_admin_viewset")
def register_failed_tasks_viewset():
    from cms.admin_tasks import FailedTaskViewSet

    return FailedTaskViewSet()


class SiteStatusMenuItem(MenuItem):
    def is_shown(self, request):
        from cms.admin_status import is_operator

        return is_operator(request.user)


@hooks.register("register_admin_urls")
def register_site_status_url():
    from cms.admin_status import site_status

    return [path("site-status/", site_status, name="site_status")]


@hooks.register("register_admin_menu_item")
def register_site_status_menu_item():
    return SiteStatusMenuItem(_("Site status"), reverse("site_status"), icon_name="pick", order=910)


@hooks.register("register_admin_urls")
def register_translation_urls():
    from cms.translation_views import page_translation_create_view

    return [
        path(
            "translations/<int:page_id>/create/<str:language_code>/",
            page_translation_create_view,
            name="page_translation_create",
        )
    ]


@hooks.register("construct_homepage_panels")
def add_people_worklist(request, panels):
    from cms.models import AccountDeletionRequest, FailedTask
    from cms.worklist import WorklistEntry, worklist_panel_add

    def entries():
        yield WorklistEntry(
            _("Account deletion requests waiting"),
            reverse("deletion_requests:index"),
            AccountDeletionRequest.objects.filter(
                status=AccountDeletionRequest.Status.PENDING
            ).count(),
        )
        yield WorklistEntry(
            _("Failed background tasks not yet retried or resolved"),
            reverse("failed_tasks:index"),
            FailedTask.objects.filter(resolved_at=None, retried_at=None).count(),
        )

    worklist_panel_add(
        request, panels, name="people", heading=_("People and tasks"), entries=entries, order=120
    )


@hooks.register("construct_homepage_panels")
def add_staff_pages_panel(request, panels):
    """The site's staff pages (cohorts, register, grading queue …), from the same registry as the
    site's menu (cms.navigation), so the admin and the site link to each other."""
    from cms.navigation import menu_items_for
    from cms.worklist import WorklistEntry, worklist_panel_add

    def entries():
        for item in menu_items_for(request.user):
            if item.staff:
                yield WorklistEntry(str(item.label), reverse(item.url_name))

    worklist_panel_add(
        request, panels, name="staff-pages", heading=_("Staff pages"), entries=entries, order=100
    )


# Wagtail's user form offers the "Administrator" checkbox to anyone who may add or change users.
# Registrars manage people and roles, but an administrator's account (and making one) stays with
# the administrators: otherwise a registrar could set an administrator's password and become one.
def _refuse_administrator_rights(request, target=None):
    from django.http import HttpResponseForbidden
    from django.utils.translation import gettext

    if request.user.is_superuser:
        return None
    if target is not None and target.is_superuser:
        return HttpResponseForbidden(
            gettext("Only an administrator may change an administrator's account.")
        )
    if request.method == "POST" and request.POST.get("is_superuser"):
        return HttpResponseForbidden(
            gettext("Only an administrator may make someone an administrator.")
        )
    return None


@hooks.register("before_create_user")
def refuse_creating_an_administrator(request):
    return _refuse_administrator_rights(request)


@hooks.register("before_edit_user")
def refuse_editing_an_administrator(request, user):
    return _refuse_administrator_rights(request, user)
