"""The Wagtail admin's side of programme versions (rules: course/versioning.py).

Each hook answers a refused action with the rule's message and a redirect, before Wagtail changes
anything: deleting (one page, or a bulk selection), moving (one or a bulk selection), adding a page
under a version cohorts use. The "Create a new version" button on a programme page copies the
version, in every language, as the next one.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.widgets import Button
from wagtail.models import Page

from . import versioning
from .models import ProgrammePage


def _refuse(request, message: str, page: Page):
    messages.error(request, message)
    return redirect("wagtailadmin_explore", page.get_parent().pk if page.depth > 1 else page.pk)


@hooks.register("before_delete_page")
def refuse_protected_delete(request, page):
    refusal = versioning.deletion_refusal(page)
    if refusal:
        return _refuse(request, refusal, page)
    return None


@hooks.register("before_move_page")
def refuse_structural_move(request, page, destination):
    refusal = versioning.move_refusal(page, destination)
    if refusal:
        return _refuse(request, refusal, page)
    return None


@hooks.register("before_create_page")
def refuse_page_in_a_version_in_use(request, parent_page, page_class):
    refusal = versioning.creation_refusal(parent_page)
    if refusal:
        messages.error(request, refusal)
        return redirect("wagtailadmin_explore", parent_page.pk)
    return None


@hooks.register("before_copy_page")
def refuse_structural_copy(request, page):
    destination = None
    if request.method == "POST":
        destination = Page.objects.filter(pk=request.POST.get("new_parent_page") or 0).first()
    refusal = versioning.copy_refusal(page, destination)
    if refusal:
        return _refuse(request, refusal, page)
    return None


@hooks.register("before_bulk_action")
def refuse_structural_bulk_action(request, action_type, objects, action_class_instance):
    if action_type not in ("delete", "move") or not objects or not isinstance(objects[0], Page):
        return None
    for page in objects:
        if action_type == "delete":
            refusal = versioning.deletion_refusal(page)
        else:
            destination = action_class_instance.cleaned_form.cleaned_data["chooser"]
            refusal = versioning.move_refusal(page, destination)
        if refusal:
            return _refuse(request, refusal, page)
    return None


@hooks.register("register_page_header_buttons")
def new_version_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, ProgrammePage) and _may_copy(user, page):
        yield Button(
            gettext_lazy("Create a new version"),
            reverse("course_programme_new_version", args=[page.pk]),
            icon_name="copy",
            priority=35,
        )


def _may_copy(user, page: Page) -> bool:
    return page.permissions_for_user(user).can_copy_to(page.get_parent(), recursive=True)


def programme_new_version_view(request, page_id: int):
    programme = get_object_or_404(ProgrammePage, pk=page_id)
    if not _may_copy(request.user, programme):
        raise PermissionDenied
    if request.method == "POST":
        new = versioning.programme_new_version(programme=programme, by=request.user)
        messages.success(
            request,
            _(
                "Version %(version)s is a draft copy of the programme in every language. Make "
                "the changes, publish it, then choose it for new cohorts; running cohorts keep "
                "their version."
            )
            % {"version": new.version},
        )
        return redirect("wagtailadmin_explore", new.pk)
    return render(
        request,
        "course/admin/programme_new_version.html",
        {
            "page_title": _("Create a new version"),
            "header_icon": "copy",
            "programme": programme,
            "in_use": versioning.programme_in_use(programme),
            "next_version": versioning.next_version_number(programme),
        },
    )


@hooks.register("register_admin_urls")
def register_new_version_url():
    return [
        path(
            "programme/<int:page_id>/new-version/",
            programme_new_version_view,
            name="course_programme_new_version",
        )
    ]
