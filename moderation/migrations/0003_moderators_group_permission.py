"""Give the "Moderators" group what moderating takes (creating the group if it is missing): the
``moderation.moderate`` permission and reading authors' disclosures and their revisions, so
adding a user to the group is all it takes to make them a moderator."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Moderators"
PERMISSIONS = [
    ("moderation", "moderate"),
    ("ai_disclosure", "view_disclosure"),
    ("ai_disclosure", "view_disclosurerevision"),
]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make sure these exist.
    for app_label in {app_label for app_label, _codename in PERMISSIONS}:
        config = apps.get_app_config(app_label)
        models_module = getattr(config, "models_module", None)
        config.models_module = models_module or True  # historical app configs have none
        try:
            create_permissions(config, apps=apps, verbosity=0)
        finally:
            config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    for app_label, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if group and permission:
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0002_default_policies"),
        ("ai_disclosure", "0002_seed_assistance_kinds_and_block_types"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
