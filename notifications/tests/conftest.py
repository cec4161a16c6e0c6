from __future__ import annotations

import pytest
from django.utils.translation import gettext_lazy as _

from notifications import kinds

ON = "tests.on"  # e-mailed unless the person switched it off
OFF = "tests.off"  # e-mailed only if the person switched it on


@pytest.fixture(autouse=True)
def test_kinds():
    """Two kinds of this app's own tests; the apps' real kinds are tested in their apps."""
    kinds.register_kind(key=ON, label=_("Notifications"), description="", email_default=True)
    kinds.register_kind(
        key=OFF, label=_("Notification settings"), description="", email_default=False
    )
    yield
    kinds._kinds.pop(ON)
    kinds._kinds.pop(OFF)
