"""The three role groups. Their permissions are (re)applied after every migrate by
cms.services.role_permissions_sync, because the permissions of apps migrated later do not exist yet
when this migration runs."""

from django.db import migrations

ROLES = ("trainee", "trainer", "registrar")


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_trainee_profile_consent"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
