"""What a forum admin sees and can change, and the install-time system checks."""

import pytest
from django.core import checks
from django.test import override_settings
from django.urls import reverse

from ai_disclosure import content_types, services
from ai_disclosure.checks import check_content_types, check_importable_settings
from ai_disclosure.forms import DisclosureForm
from ai_disclosure.models import AssistanceKind
from ai_disclosure.rules import DisclosureData
from demo.forum.adapter import ForumPostAdapter
from demo.forum.models import Post
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def test_seeded_assistance_kinds_match_the_design():
    assert list(AssistanceKind.objects.values_list("slug", flat=True)) == [
        "drafting", "editing", "translation", "research", "analysis", "ideation",
    ]


@pytest.mark.parametrize(
    "model", ["assistancekind", "aiblocktype", "formwording", "disclosure",
              "disclosurerevision", "contentrender", "readerpreference"],
)
def test_every_admin_page_loads(admin_client, model):
    response = admin_client.get(reverse(f"admin:ai_disclosure_{model}_changelist"))
    assert response.status_code == 200


def test_admin_edits_assistance_kinds_without_a_deploy(admin_client):
    kind = AssistanceKind.objects.get(slug="ideation")
    response = admin_client.post(
        reverse("admin:ai_disclosure_assistancekind_change", args=[kind.pk]),
        {"slug": "ideation", "label": "Brainstorming", "description": "", "position": 5,
         "active": "on"},
    )
    assert response.status_code == 302
    labels = [label for _, label in DisclosureForm().fields["assistance"].choices]
    assert "Brainstorming" in labels


def test_admin_sees_a_disclosures_revision_history_but_cannot_change_it(admin_client):
    post = PostFactory()
    services.save_disclosure(content=post, user=post.author, data=DisclosureData(human_only=True))
    disclosure = services.save_disclosure(
        content=post, user=post.author,
        data=DisclosureData(assistance={"editing"}, models_used=["GPT-5"],
                            ai_share_estimate="lt10", expertise="author",
                            description="GPT-5 corrected my spelling and punctuation."),
    )
    url = reverse("admin:ai_disclosure_disclosure_change", args=[disclosure.pk])
    page = admin_client.get(url).content.decode()
    assert "Disclosure revisions" in page
    assert "human_only" in page  # the change list of revision 2
    before = disclosure.updated_at
    admin_client.post(url, {"human_only": "on"})
    disclosure.refresh_from_db()
    assert disclosure.updated_at == before


def test_non_staff_users_cannot_open_the_admin(client):
    client.force_login(UserFactory())
    response = client.get(reverse("admin:ai_disclosure_disclosure_changelist"))
    assert response.status_code == 302


def ids(errors) -> list[str]:
    return [error.id for error in errors]


def test_an_empty_or_broken_content_type_registry_is_a_system_error():
    with override_settings(AI_DISCLOSURE_CONTENT_TYPES=None, AI_DISCLOSURE_POST_MODEL=None):
        assert ids(check_content_types(None)) == ["ai_disclosure.E001"]
    with override_settings(AI_DISCLOSURE_CONTENT_TYPES={"post": {"model": "forum.Nope"}}):
        assert ids(check_content_types(None)) == ["ai_disclosure.E002"]
    with override_settings(AI_DISCLOSURE_CONTENT_TYPES={
        "Bad Kind": {"model": "forum.Post"},
        "post": {"model": "forum.Post", "adapter": "demo.forum.adapter.Missing"},
        "comment": {"model": "forum.Comment", "form": "tiny"},
    }):
        assert ids(check_content_types(None)) == [
            "ai_disclosure.E005", "ai_disclosure.E004", "ai_disclosure.E006"]
    assert check_content_types(None) == []


def test_the_legacy_post_model_setting_is_a_registry_of_one_type():
    with override_settings(AI_DISCLOSURE_CONTENT_TYPES=None, AI_DISCLOSURE_POST_MODEL="forum.Post",
                           AI_DISCLOSURE_POST_ADAPTER="demo.forum.adapter.ForumPostAdapter"):
        assert check_content_types(None) == []
        [post] = content_types.registry().values()
        assert (post.kind, post.model, post.compact) == ("post", Post, False)
        assert type(post.adapter) is ForumPostAdapter
    with override_settings(AI_DISCLOSURE_CONTENT_TYPES=None, AI_DISCLOSURE_POST_MODEL="forum.Nope"):
        assert ids(check_content_types(None)) == ["ai_disclosure.E002"]


@override_settings(AI_DISCLOSURE_SANITIZER="ai_disclosure.sanitizers.Missing")
def test_unimportable_sanitizer_is_a_system_error_naming_the_setting():
    [error] = check_importable_settings(None)
    assert error.id == "ai_disclosure.E003"
    assert "AI_DISCLOSURE_SANITIZER" in error.msg
    assert isinstance(error, checks.Error)
