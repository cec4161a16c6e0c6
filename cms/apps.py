from __future__ import annotations

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_role_permissions(sender, **kwargs):
    # post_migrate is sent once per app; permissions of every app exist only after the last one.
    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if sender is not with_models[-1]:
        return
    from cms.services import role_permissions_sync

    role_permissions_sync()


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401 - registers the deploy checks

        post_migrate.connect(_sync_role_permissions, dispatch_uid="cms_role_permissions_sync")
        from django.db.backends.signals import connection_created

        from cms.collation import sqlite_functions_register

        # Case-insensitive search of Cyrillic text on SQLite (cms.collation.Folded).
        connection_created.connect(sqlite_functions_register, dispatch_uid="cms_sqlite_functions")
        from cms.page_cache import connect_purge_signals

        connect_purge_signals()
