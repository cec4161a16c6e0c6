"""The links apps add to the site's main menu.

base.html belongs to cms, which sits below every app (README, "Layout"), so it may not load an
app's template tags. Each app registers its links from AppConfig.ready(); base.html renders, through
`{% main_menu_items %}` (cms/templatetags/shell.py), the ones the signed-in person may see, ordered
by `order` and then by registration, so the menu does not depend on the order of INSTALLED_APPS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class MenuItem:
    order: int
    label: str  # a lazy translation: rendered in the reader's language
    url_name: str
    shown_to: Callable[[Any], bool]
    # Also in the short menu of the Jinja2 public shell (cms/jinja2/public_base.html).
    in_public_shell: bool = False
    # A staff page (cohorts, register …): also listed on the Wagtail admin home (cms.wagtail_hooks),
    # so the admin and the site link to each other.
    staff: bool = False
    # The label for this person when it depends on them ("Notifications (3)"); else `label`.
    label_for: Callable[[Any], str] | None = None

    def label_of(self, user: Any) -> str:
        return self.label_for(user) if self.label_for is not None else self.label


_items: list[MenuItem] = []


def register_menu_item(
    *,
    order: int,
    label: str,
    url_name: str,
    shown_to: Callable[[Any], bool],
    in_public_shell: bool = False,
    staff: bool = False,
    label_for: Callable[[Any], str] | None = None,
) -> None:
    """Add a link for signed-in people for whom `shown_to(user)` is true. Registering the same URL
    name again does nothing (ready() may run more than once in a process)."""
    if any(item.url_name == url_name for item in _items):
        return
    _items.append(MenuItem(order, label, url_name, shown_to, in_public_shell, staff, label_for))
    _items.sort(key=lambda item: item.order)  # stable: equal orders keep registration order


def menu_items_for(user: Any, *, public_shell: bool = False) -> list[MenuItem]:
    if user is None or not user.is_authenticated:
        return []
    return [
        item
        for item in _items
        if item.shown_to(user) and (item.in_public_shell or not public_shell)
    ]


def public_menu_items(user: Any) -> list[MenuItem]:
    """The links of the Jinja2 public shell's menu (a Jinja2 global: cms/jinja2_env.py)."""
    return menu_items_for(user, public_shell=True)
