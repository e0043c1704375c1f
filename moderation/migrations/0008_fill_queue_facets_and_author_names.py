"""Fill what migration 0007 added for review items that already exist: the author's name
(``search_text`` follows by itself) and the queue facets (the policies that fired and the kinds
of AI assistance the post's disclosure declares, with the item's status and order)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import migrations
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

BATCH = 5000


def fill(apps, schema_editor):
    ReviewItem = apps.get_model("moderation", "ReviewItem")
    QueueFacet = apps.get_model("moderation", "QueueFacet")
    Disclosure = apps.get_model("ai_disclosure", "Disclosure")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    username = get_user_model().USERNAME_FIELD
    ReviewItem.objects.filter(author__isnull=False).update(author_name=Coalesce(
        Subquery(User.objects.filter(pk=OuterRef("author_id")).values(username)[:1]), Value("")
    ))

    Policies = ReviewItem.policies.through
    Kinds = Disclosure.assistance.through
    QueueFacet.objects.all().delete()  # idempotent when re-run
    last = 0
    while True:
        items = list(
            ReviewItem.objects.filter(pk__gt=last).order_by("pk")
            .values_list("pk", "post_id", "status", "priority", "created_at")[:BATCH]
        )
        if not items:
            break
        last = items[-1][0]
        names = {pk: set() for pk, *_rest in items}
        for item_id, policy_id in Policies.objects.filter(
            reviewitem_id__in=names
        ).values_list("reviewitem_id", "policy_id"):
            names[item_id].add(f"policy:{policy_id}")
        kinds = {}
        for post_id, slug in Kinds.objects.filter(
            disclosure__post_id__in={post_id for _pk, post_id, *_rest in items}
        ).values_list("disclosure__post_id", "assistancekind__slug"):
            kinds.setdefault(post_id, set()).add(f"assistance:{slug}")
        QueueFacet.objects.bulk_create([
            QueueFacet(item_id=pk, name=name, status=status, priority=priority,
                       created_at=created_at)
            for pk, post_id, status, priority, created_at in items
            for name in sorted(names[pk] | kinds.get(post_id, set()))
        ])


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0007_queue_facets_and_search_text"),
        ("ai_disclosure", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
