"""Permission policies shared by the admin's viewsets."""

from __future__ import annotations

from wagtail.permission_policies import ModelPermissionPolicy


class LimitedActionsPolicy(ModelPermissionPolicy):
    """The generic admin views may do only `actions` with these records (by default only view
    them), whatever the person's model permissions say, superusers included: a consent or a
    failure is evidence, an enrolment's changes go through the services that keep its history.
    Other actions on them are views of their own that call the services."""

    def __init__(self, model, *, actions: tuple[str, ...] = ("view",), **kwargs):
        super().__init__(model, **kwargs)
        self.actions = frozenset(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        allowed = [action for action in actions if action in self.actions]
        return bool(allowed) and super().user_has_any_permission(user, allowed)
