"""``manage.py seed_demo``: synthetic posts with screenings and review items, in bulk."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from ai_disclosure.models import Content, ContentRender, Disclosure
from demo.forum.models import Post
from moderation import selectors
from moderation.models import AuditEntry, ReviewItem, Screening

from .triage_factories import make_moderator

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_posts_screenings_and_items_that_the_pages_show(client):
    call_command("seed_demo", posts=120, batch=50, verbosity=0)
    assert Post.objects.count() == 120
    # 12 comments (posts / 10), each screened by the real pipeline
    comments = Content.objects.filter(kind="comment")
    assert comments.count() == 12 == Screening.objects.filter(content__in=comments).count()
    assert ReviewItem.objects.filter(content__in=comments).exists()  # the falsely ticked ones
    assert Screening.objects.count() == 132 == ContentRender.objects.count()
    assert Disclosure.objects.count() > 80
    items = ReviewItem.objects.count()
    assert 50 < items <= 120
    assert AuditEntry.objects.filter(action="created").count() == items
    assert ReviewItem.objects.exclude(status__in=["open"]).exists()
    assert ReviewItem.policies.through.objects.exists()

    client.force_login(make_moderator())
    assert client.get(reverse("moderation:queue")).status_code == 200
    item = selectors.queue(filters=selectors.QueueFilters(), limit=1).items[0]
    page = client.get(reverse("moderation:item", args=[item.pk])).content.decode()
    assert "<mark class=\"evidence" in page
    assert client.get(reverse("moderation:dashboard")).status_code == 200
