"""The demo fixtures (``fixtures/*.json``) load, load again harmlessly, and hold what the demo
promises: four logins, and three groups of published posts, each with a disclosure.

The groups, by post primary key:

* 1–12   written by people and ticked "100% human-written" (no AI blocks);
* 13–25  AI-assisted and honestly disclosed (all but one use AI blocks; one uses ideation only);
* 26–33  written by a chat assistant but ticked "100% human-written", without blocks: what the
  moderation pipeline has to catch. About half carry copy-paste leftovers.

and three groups of comments (``fixtures/comments.json``, the compact form): 1–3 human-written,
4–6 honestly disclosed with AI help, 7–9 chat-assistant text ticked human-only.
"""

from pathlib import Path

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from ai_disclosure import selectors, services
from ai_disclosure.forms import CompactDisclosureForm, DisclosureForm
from ai_disclosure.models import Content, Disclosure, DisclosureRevision
from demo.forum.models import Comment, Post
from moderation import services as moderation_services
from moderation.models import ReviewItem

pytestmark = pytest.mark.django_db

FIXTURE_DIR = Path(__file__).resolve().parents[1] / "fixtures"
#: What the demo command loads: every JSON file in fixtures/.
FIXTURES = sorted(str(path) for path in FIXTURE_DIR.glob("*.json"))

DEMO_LOGINS = ("author", "author2", "moderator", "admin")
HUMAN = range(1, 13)
DISCLOSED = range(13, 26)
FALSE_HUMAN_ONLY = range(26, 34)

#: Phrases of a chat assistant's house style; every falsely human-only post uses some.
ASSISTANT_STYLE = (
    "delve",
    "tapestry",
    "it's important to note",
    "in today's fast-paced world",
    "not only",
    "in conclusion",
    "navigate",
)
#: Leftovers of copy-pasting from a chat window.
LEFTOVERS = (
    "Certainly! Here's",
    "I hope this helps",
    "Let me know if you'd like",
    "[Your Name]",
    "utm_source=chatgpt.com",
    "†source】",
)


@pytest.fixture
def demo_data():
    call_command("loaddata", *FIXTURES, verbosity=0)


@pytest.fixture
def pbkdf2(settings):
    """The fixtures hold PBKDF2 hashes (as the demo makes them); tests/settings.py only lists
    the fast MD5 hasher, which cannot check those."""
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]


def posts(pks):
    return list(
        Post.objects.filter(pk__in=pks).order_by("pk")
    )


def form_data(disclosure: Disclosure) -> dict:
    """The disclosure as the author would have submitted it through the form."""
    data = {
        "assistance": [kind.slug for kind in disclosure.assistance.all()],
        "models_used": ", ".join(disclosure.models_used),
        "ai_share_estimate": disclosure.ai_share_estimate,
        "description": disclosure.description,
        "verification": disclosure.verification,
        "expertise": disclosure.expertise,
    }
    if disclosure.human_only:
        data["human_only"] = "on"
    return data


def test_fixtures_are_present():
    names = {Path(path).name for path in FIXTURES}
    assert {"users.json", "posts.json"} <= names


@pytest.mark.usefixtures("demo_data", "pbkdf2")
def test_demo_logins_work_with_the_demo_password():
    for username in DEMO_LOGINS:
        user = authenticate(username=username, password="demo-password")
        assert user is not None, username
        assert user.username == username
    assert authenticate(username="author", password="wrong") is None


@pytest.mark.usefixtures("demo_data")
def test_roles():
    users = get_user_model().objects
    admin = users.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    moderator = users.get(username="moderator")
    assert moderator.is_staff and not moderator.is_superuser
    assert moderator.groups.filter(name="Moderators").exists()
    for username in ("author", "author2"):
        member = users.get(username=username)
        assert not (member.is_staff or member.is_superuser)
    # Extra members give authors a varied history: at least one old and one brand-new account.
    joined = sorted(users.values_list("date_joined", flat=True))
    assert users.count() >= 6
    assert (joined[-1] - joined[0]).days > 365 * 3


@pytest.mark.usefixtures("demo_data")
def test_at_least_thirty_published_posts_each_with_a_disclosure_and_first_revision():
    published = Post.objects.published()
    assert published.count() >= 30
    assert published.count() == Post.objects.count()
    for post in published:
        disclosure = selectors.disclosure_for(post)
        assert disclosure is not None, post.pk
        revision = DisclosureRevision.objects.get(disclosure=disclosure, number=1)
        assert revision.data == services.snapshot(disclosure), post.pk
        assert revision.changed_by_id == post.author_id
        assert revision.form_version == disclosure.form_version == 1
        words = len(post.body.split())
        assert 150 <= words <= 700, (post.pk, words)
    dates = sorted(published.values_list("published_at", flat=True))
    assert (dates[-1] - dates[0]).days >= 14  # spread over a few weeks
    assert published.values("author").distinct().count() >= 5


@pytest.mark.usefixtures("demo_data")
def test_human_only_posts_have_no_blocks_and_pass_the_form():
    group = posts(HUMAN)
    assert len(group) == len(HUMAN)
    for post in group:
        disclosure = selectors.disclosure_for(post)
        assert disclosure.human_only, post.pk
        assert not disclosure.assistance.exists() and disclosure.models_used == []
        assert services.render_body(post.body).blocks == (), post.pk
        assert not any(leftover in post.body for leftover in LEFTOVERS), post.pk
        form = DisclosureForm(data=form_data(disclosure), body=post.body)
        assert form.is_valid(), (post.pk, form.errors)


@pytest.mark.usefixtures("demo_data")
def test_honest_disclosures_pass_the_form_and_use_every_block_syntax():
    group = posts(DISCLOSED)
    assert len(group) == len(DISCLOSED)
    block_types, estimates, expertise, kinds, warned = set(), set(), set(), set(), []
    with_blocks = 0
    for post in group:
        disclosure = selectors.disclosure_for(post)
        assert not disclosure.human_only, post.pk
        form = DisclosureForm(data=form_data(disclosure), body=post.body)
        assert form.is_valid(), (post.pk, form.errors)
        rendered = services.render_body(post.body)
        with_blocks += bool(rendered.blocks)
        block_types |= {block.type for block in rendered.blocks}
        estimates.add(disclosure.ai_share_estimate)
        expertise.add(disclosure.expertise)
        kinds |= {kind.slug for kind in disclosure.assistance.all()}
        if rendered.warnings:
            warned.append(post.pk)
    assert with_blocks >= len(DISCLOSED) - 1
    assert block_types == {"ai-written", "ai-edited", "ai-translated", "ai-transcript"}
    assert any("%%% llm-output" in post.body for post in group)
    assert {"gt90", "none"} <= estimates
    assert expertise == {"author", "other", "none"}
    assert kinds == {"drafting", "editing", "translation", "research", "analysis", "ideation"}
    # One post has a deliberately broken body (unknown and unclosed blocks) for the warning.
    assert len(warned) == 1


@pytest.mark.usefixtures("demo_data")
def test_false_human_only_posts_look_like_a_chat_assistant_wrote_them():
    group = posts(FALSE_HUMAN_ONLY)
    assert len(group) == len(FALSE_HUMAN_ONLY)
    with_leftovers = 0
    for post in group:
        disclosure = selectors.disclosure_for(post)
        assert disclosure.human_only, post.pk
        assert services.render_body(post.body).blocks == (), post.pk
        # The form cannot tell: catching these is the moderation pipeline's job.
        assert DisclosureForm(data=form_data(disclosure), body=post.body).is_valid()
        lowered = post.body.lower().replace("’", "'")
        assert sum(phrase in lowered for phrase in ASSISTANT_STYLE) >= 3, post.pk
        with_leftovers += any(leftover in post.body for leftover in LEFTOVERS)
    assert 3 <= with_leftovers <= len(FALSE_HUMAN_ONLY) - 3


def counts() -> dict:
    user_model = get_user_model()
    return {
        "users": user_model.objects.count(),
        "groups": Group.objects.count(),
        "memberships": user_model.groups.through.objects.count(),
        "posts": Post.objects.count(),
        "disclosures": Disclosure.objects.count(),
        "kinds": Disclosure.assistance.through.objects.count(),
        "revisions": DisclosureRevision.objects.count(),
        "comments": Comment.objects.count(),
        "contents": Content.objects.count(),
    }


@pytest.mark.usefixtures("demo_data")
def test_loading_twice_changes_nothing():
    before = counts()
    bodies = dict(Post.objects.values_list("pk", "body"))
    call_command("loaddata", *FIXTURES, verbosity=0)
    assert counts() == before
    assert dict(Post.objects.values_list("pk", "body")) == bodies


@pytest.mark.usefixtures("demo_data")
def test_comments_are_human_honestly_disclosed_or_falsely_ticked_and_pass_the_compact_form():
    comments = {comment.pk: comment for comment in Comment.objects.all()}
    assert sorted(comments) == list(range(1, 10))
    for pk, comment in comments.items():
        content = selectors.content_of(comment)
        assert (content.kind, content.parent.object_id) == ("comment", comment.post_id)
        disclosure = selectors.disclosure_for(comment)
        assert disclosure.human_only == (pk not in range(4, 7)), pk
        form = CompactDisclosureForm(data=form_data(disclosure), body=comment.body)
        assert form.is_valid(), (pk, form.errors)  # the form cannot tell the false ones
        lowered = comment.body.lower().replace("’", "'")
        falsely_ticked = sum(phrase in lowered for phrase in ASSISTANT_STYLE) >= 2
        assert falsely_ticked == (pk in range(7, 10)), pk


@pytest.mark.usefixtures("demo_data")
def test_screening_the_fixture_comments_flags_the_falsely_ticked_ones():
    contents = [selectors.content_of(comment).pk for comment in Comment.objects.all()]
    moderation_services.screen_contents(content_ids=contents)
    flagged = set(ReviewItem.objects.filter(content__kind="comment")
                  .values_list("content__object_id", flat=True))
    assert flagged >= {7, 8} and not flagged & {1, 2, 3}
