"""A user's data export (issue 11, data rights): the disclosure side, the command and the page."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ai_disclosure import services
from ai_disclosure.data_rights import export_user_data
from ai_disclosure.rules import DisclosureData
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db

ALICE_FIRST = "Claude drafted the outline of this essay; I rewrote every paragraph myself."
ALICE_SECOND = "Claude drafted the outline and translated two quotes; I rewrote the rest."
BOB_TEXT = "Bob's own secret about GPT-5 research on sleep cycles in old cats."
ALICE_FOR_BOB = "Alice, as an editor, rewrote this disclosure for Bob from scratch."


def _ai_help(description: str) -> DisclosureData:
    return DisclosureData(
        assistance={"drafting"}, models_used=["Claude Opus 4.6"], ai_share_estimate="lt10",
        description=description, verification="I checked each quote against its source.",
        expertise="author",
    )


@pytest.fixture
def people():
    """Alice with a post disclosed twice; Bob with his own post, whose disclosure Alice (say,
    as an editor) once changed; and an admin who changed Alice's disclosure."""
    alice, bob, admin = (UserFactory(username=name) for name in ("alice", "bob", "admin-ann"))
    post = PostFactory(author=alice, title="Alice on sleep")
    services.save_disclosure(content=post, user=alice, data=DisclosureData(human_only=True))
    services.save_disclosure(content=post, user=alice, data=_ai_help(ALICE_FIRST))
    services.save_disclosure(content=post, user=admin, data=_ai_help(ALICE_SECOND))
    bob_post = PostFactory(author=bob, title="Bob's cats")
    services.save_disclosure(content=bob_post, user=bob, data=_ai_help(BOB_TEXT))
    services.save_disclosure(content=bob_post, user=alice, data=_ai_help(ALICE_FOR_BOB))
    services.set_reader_preference(user=alice, collapse_mostly_ai=True)
    return alice, bob, admin, post, bob_post


def _export(username: str) -> dict:
    return json.loads(_export_text(username))


def _export_text(username: str) -> str:
    out = StringIO()
    call_command("export_user_data", username, stdout=out)
    return out.getvalue()


def test_export_holds_every_revision_of_the_users_disclosures(people):
    alice, _bob, _admin, post, _bob_post = people
    section = _export("alice")["ai_disclosure"]
    [entry] = section["posts"]
    assert entry["post"]["id"] == post.pk and entry["post"]["title"] == "Alice on sleep"
    disclosure = entry["disclosure"]
    assert disclosure["description"] == ALICE_SECOND
    assert disclosure["assistance"] == ["drafting"]
    revisions = disclosure["revisions"]
    assert [r["number"] for r in revisions] == [1, 2, 3]
    assert revisions[0]["data"]["human_only"] is True
    assert revisions[1]["changes"]["description"] == ["", ALICE_FIRST]
    assert [r["changed_by_you"] for r in revisions] == [True, True, False]
    assert section["reader_preference"] == {"collapse_mostly_ai": True}


def test_export_lists_the_disclosure_changes_the_user_made_on_other_posts(people):
    _alice, _bob, _admin, _post, bob_post = people
    [change] = _export("alice")["ai_disclosure"]["changes_to_other_posts"]
    assert change["post_id"] == bob_post.pk and change["number"] == 2
    assert change["saved"] == {"description": ALICE_FOR_BOB}  # not what Bob had written


def test_export_names_nobody_else_and_holds_nothing_of_their_posts(people):
    text = _export_text("alice")
    assert "admin-ann" not in text  # changed Alice's disclosure, but is not named
    assert BOB_TEXT not in text and "Bob's cats" not in text
    assert "bob" not in text.lower().replace(ALICE_FOR_BOB.lower(), "")
    bob = _export("bob")
    bob_text = json.dumps(bob)
    assert ALICE_FIRST not in bob_text and "alice" not in bob_text.lower().replace(
        ALICE_FOR_BOB.lower(), "")  # Bob's disclosure now says what Alice saved there
    assert [entry["post"]["title"] for entry in bob["ai_disclosure"]["posts"]] == ["Bob's cats"]
    assert bob["ai_disclosure"]["changes_to_other_posts"] == []
    revisions = bob["ai_disclosure"]["posts"][0]["disclosure"]["revisions"]
    assert [r["changed_by_you"] for r in revisions] == [True, False]


def test_command_finds_the_user_by_id_and_writes_a_file(people, tmp_path):
    alice = people[0]
    target = tmp_path / "alice.json"
    call_command("export_user_data", str(alice.pk), "--out", str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["user"] == {"id": alice.pk, "username": "alice"}
    assert data["ai_disclosure"]["posts"][0]["disclosure"]["description"] == ALICE_SECOND


def test_command_prefers_a_username_made_of_digits_over_an_id(people):
    numeric = UserFactory(username=str(people[0].pk))
    assert _export(str(people[0].pk))["user"]["id"] == numeric.pk


def test_command_refuses_an_unknown_user_with_a_clear_message(people):
    with pytest.raises(CommandError, match="No user with the username or id 'nobody'"):
        call_command("export_user_data", "nobody")


def test_command_says_when_it_cannot_write_the_file(people, tmp_path):
    with pytest.raises(CommandError, match="Cannot write"):
        call_command("export_user_data", "alice", "--out", str(tmp_path / "missing" / "x.json"))


@pytest.mark.parametrize("name", ["ai_disclosure:my-data", "ai_disclosure:my-data-download"])
def test_strangers_are_sent_to_log_in(client, people, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_page_offers_the_download_and_says_what_it_holds(client, people):
    client.force_login(people[0])
    response = client.get(reverse("ai_disclosure:my-data"))
    assert response.status_code == 200
    page = response.content.decode()
    assert reverse("ai_disclosure:my-data-download") in page
    assert "the AI disclosures of your posts" in page


def test_a_signed_in_user_downloads_only_their_own_data(client, people):
    alice, bob = people[0], people[1]
    client.force_login(bob)
    # No parameter selects another account: the export is always the signed-in user's.
    response = client.get(reverse("ai_disclosure:my-data-download"), {"user": alice.pk})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["user"]["username"] == "bob"
    assert ALICE_FIRST not in response.content.decode() and "alice" not in data["user"].values()


def test_export_without_posts_is_empty_not_an_error(client):
    user = UserFactory(username="quiet")
    data = export_user_data(user)["ai_disclosure"]
    assert data == {"posts": [], "changes_to_other_posts": [], "cosignatures": [],
                    "tool_suggestions": [],
                    "reader_preference": None}


def test_the_export_costs_the_same_queries_however_many_posts_the_user_has(people):
    alice = people[0]
    with CaptureQueriesContext(connection) as one_post:
        export_user_data(alice)
    for n in range(4):
        services.save_disclosure(content=PostFactory(author=alice), user=alice,
                                 data=_ai_help(ALICE_FIRST + f" Post {n}."))
    with CaptureQueriesContext(connection) as five_posts:
        data = export_user_data(alice)
    assert len(data["ai_disclosure"]["posts"]) == 5
    assert len(five_posts) == len(one_post)
