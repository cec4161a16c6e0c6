"""Registrars may upload and choose documents and images: Wagtail asks for these permissions on a
collection, and none was ever granted, so the document and video blocks could not be filled.

On a database that already has the permission rows (every site in use) this grants them on the root
collection; on a new database the rows appear only after migrate, and
cms.services.role_permissions_sync (run after every migrate) grants the same."""

from django.db import migrations

PERMISSIONS = (
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
)


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group = Group.objects.filter(name="registrar").first()
    root = Collection.objects.filter(depth=1).first()
    if group is None or root is None:
        return
    for app_label, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )


def revoke(apps, schema_editor):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupCollectionPermission.objects.filter(
        group__name="registrar",
        collection__depth=1,
        permission__codename__in=[codename for _, codename in PERMISSIONS],
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0012_encrypt_mfa_secrets"),
        ("wagtailcore", "0066_collection_management_permissions"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
