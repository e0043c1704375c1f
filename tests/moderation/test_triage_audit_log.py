"""The moderators' audit log page: newest first, filters, keyset pages, a fixed query count."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from moderation import services
from moderation.models import AuditAction, AuditEntry
from tests.factories import UserFactory
from tests.test_fixtures import FIXTURES

from .triage_factories import make_item, make_moderator

pytestmark = pytest.mark.django_db
URL = reverse("moderation:audit")


@pytest.fixture
def mod(client):
    user = make_moderator("morgan")
    client.force_login(user)
    return user


def _rows(html: str) -> int:
    return html.count("data-entry=")


def test_the_audit_log_shows_everyones_actions_newest_first(client, mod):
    other = make_moderator("riley")
    first, second = make_item(title="First post"), make_item(title="Second post")
    services.claim_item(item=first, moderator=other)
    services.resolve_item(item=second, moderator=mod, decision="delist", message="Pasted.")
    html = client.get(URL).content.decode()
    assert html.index("Second post") < html.index("First post")
    assert "riley" in html and "Pasted." in html
    assert 'aria-current="page" data-audit-link' in html


def test_the_audit_log_filters_by_moderator_action_item_and_date(client, mod):
    other = make_moderator("riley")
    items = [make_item() for _ in range(3)]
    services.claim_item(item=items[0], moderator=other)
    services.resolve_item(item=items[1], moderator=mod, decision="approve")
    services.resolve_item(item=items[2], moderator=mod, decision="request_info")
    old = items[2].audit_entries.get()
    AuditEntry.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=9))

    def shown(**params):
        html = client.get(URL, params).content.decode()
        return _rows(html)

    assert shown() == 3
    assert shown(actor=other.pk) == 1
    assert shown(action=AuditAction.RESOLVED) == 2
    assert shown(item=items[1].pk) == 1
    assert shown(since=(timezone.now() - timedelta(days=2)).date().isoformat()) == 2
    assert shown(until=(timezone.now() - timedelta(days=5)).date().isoformat()) == 1


def test_bad_filters_are_explained_not_a_500(client, mod):
    make_item()
    response = client.get(URL, {"since": "yesterday", "actor": "x", "item": "-3",
                                "after": "not-a-cursor"})
    assert response.status_code == 200
    assert response.content.decode().count('class="field-error"') == 3


def test_the_audit_log_pages_with_a_cursor(client, mod, settings):
    settings.AI_MODERATION_QUEUE_PAGE_SIZE = 2
    for item in [make_item() for _ in range(5)]:
        services.claim_item(item=item, moderator=mod)
    seen, after = [], None
    while True:
        page = client.get(URL, {"action": AuditAction.CLAIMED, **({"after": after} if after
                                                                    else {})})
        html = page.content.decode()
        seen += [int(part.split('"')[1]) for part in html.split("data-entry=")[1:]]
        if 'rel="next"' not in html:
            break
        after = html.split("after=")[1].split('"')[0]
    claimed = AuditEntry.objects.filter(action=AuditAction.CLAIMED).order_by("-created_at", "-id")
    assert seen == list(claimed.values_list("pk", flat=True))
    assert len(seen) == 5  # the four releases (one claim at a time) are filtered out


def test_the_audit_log_costs_the_same_queries_for_any_page_length(
    client, mod, django_assert_num_queries
):
    services.claim_item(item=make_item(), moderator=mod)
    client.get(URL)  # warm the session and the moderator's permission cache
    # session, user, moderator's permissions (2), moderators for the filter, the actor filter's
    # lookup, the page of entries with their actors and items
    with django_assert_num_queries(7):
        assert _rows(client.get(URL, {"actor": mod.pk}).content.decode()) == 1
    for item in [make_item() for _ in range(30)]:
        services.resolve_item(item=item, moderator=mod, decision="approve")
    with django_assert_num_queries(7):
        assert _rows(client.get(URL, {"actor": mod.pk}).content.decode()) == 31


def test_strangers_cannot_read_the_audit_log(client):
    assert client.get(URL).status_code == 302
    client.force_login(UserFactory(is_staff=True))
    assert client.get(URL).status_code == 403


def test_the_audit_log_loads_for_the_demos_moderator(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    call_command("loaddata", *FIXTURES, verbosity=0)
    call_command("screen_posts", "--all", "--sync", verbosity=0)
    assert client.login(username="moderator", password="demo-password")
    response = client.get(URL)
    assert response.status_code == 200
    assert _rows(response.content.decode()) > 0
    queue = client.get(reverse("moderation:queue")).content.decode()
    assert f'href="{URL}"' in queue
