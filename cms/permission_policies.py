"""Permission policies shared by the admin's viewsets."""

from __future__ import annotations

from wagtail.permission_policies import ModelPermissionPolicy


class ViewOnlyPolicy(ModelPermissionPolicy):
    """The generic admin views may only show these records: nobody adds, changes or deletes them
    there, not even a superuser (a consent, a failure are evidence). Actions on them, if any, are
    views of their own that go through the services."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_any_permission(user, ["view"])
