"""``GET /api/ai-disclosure/v1/posts/{id}/provenance/`` and the post page's machine-readable
disclosure: both say the same, and only to those who can read the post."""

from __future__ import annotations

import json
import re

import http_sf
import pytest
from django.test import Client

from ai_disclosure import provenance, services
from ai_disclosure.rules import DisclosureData
from demo.forum.models import Visibility
from tests.api.conftest import client_for
from tests.factories import PostFactory

V1 = "/api/ai-disclosure/v1"
IPTC = "http://cv.iptc.org/newscodes/digitalsourcetype/"

FULLY_AI = DisclosureData(
    assistance={"drafting"},
    models_used=["Claude Opus 4.6"],
    ai_share_estimate="gt90",
    description="The agent wrote the whole post from my one-line prompt and posted it.",
    verification="I skimmed it for obvious errors.",
    expertise="none",
)


def page_json_ld(html: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found, "no JSON-LD in the page"
    return json.loads(found.group(1))


@pytest.mark.django_db
def test_anyone_reads_a_published_posts_provenance_and_it_matches_the_page(published_post):
    # given a published post with an AI block, read anonymously
    api = client_for(None).get(f"{V1}/posts/{published_post.pk}/provenance/")
    page = Client().get(published_post.get_absolute_url())

    # then the API and the page carry the same three forms
    assert api.status_code == 200
    body = api.json()
    assert page["AI-Disclosure"] == body["ai_disclosure_header"]
    assert page_json_ld(page.content.decode()) == body["json_ld"]
    assert body["ai_attribution"] in page.content.decode()
    # and they are the vocabularies' values
    parsed = http_sf.parse(body["ai_disclosure_header"].encode(), tltype="dictionary")
    assert str(parsed["mode"][0]) in {"ai-modified", "ai-originated"}
    assert parsed["model"][0] == "Claude Opus 4.6"
    assert body["json_ld"]["digitalSourceType"] == IPTC + "compositeWithTrainedAlgorithmicMedia"
    assert body["json_ld"]["url"] == f"http://testserver{published_post.get_absolute_url()}"
    assert re.fullmatch(r"AIA (Ph|HAb|PAI) Nc Hin R Claude Opus 4\.6 v1\.0", body["ai_attribution"])
    assert body["eu_ai_act_label"]["required"] is False  # expert-reviewed by the author


@pytest.mark.django_db
def test_a_stranger_cannot_read_an_unpublished_posts_provenance(draft_post, other_author, author):
    url = f"{V1}/posts/{draft_post.pk}/provenance/"

    assert client_for(None).get(url).status_code == 404
    assert client_for(other_author).get(url).status_code == 404
    assert client_for(author).get(url).status_code == 200


@pytest.mark.django_db
def test_a_held_post_is_hidden_from_strangers_but_not_from_moderators(
    published_post, other_author, moderator
):
    published_post.visibility = Visibility.HELD
    published_post.save()
    url = f"{V1}/posts/{published_post.pk}/provenance/"

    assert client_for(other_author).get(url).status_code == 404
    assert client_for(moderator).get(url).status_code == 200


@pytest.mark.django_db
def test_a_post_without_a_disclosure_has_no_provenance_and_no_header(author):
    post = PostFactory(author=author)

    response = client_for(author).get(f"{V1}/posts/{post.pk}/provenance/")
    page = Client().get(post.get_absolute_url())

    assert response.status_code == 404
    assert response.json()["detail"] == "This post has no disclosure yet."
    assert "AI-Disclosure" not in page
    assert "application/ld+json" not in page.content.decode()


@pytest.mark.django_db
def test_a_fully_ai_written_unreviewed_post_shows_the_eu_label_to_readers(author):
    post = PostFactory(author=author, body="Everything here came from the agent.")
    services.save_disclosure(content=post, user=author, data=FULLY_AI)

    page = Client().get(post.get_absolute_url())
    body = client_for(None).get(f"{V1}/posts/{post.pk}/provenance/").json()

    assert page["AI-Disclosure"].startswith("mode=machine-generated, ")
    assert body["json_ld"]["digitalSourceType"] == provenance.TRAINED_ALGORITHMIC_MEDIA
    assert body["ai_attribution"] == "AIA EAI Hin Nr Claude Opus 4.6 v1.0"
    assert body["eu_ai_act_label"] == {
        "required": True,
        "level": "ai_written",
        "reason_code": "unreviewed",
        "reason": "AI wrote or changed the text and no one with relevant expertise reviewed it.",
        "wording": "AI-generated text: AI wrote this post.",
    }
    assert 'class="ai-act-label"' in page.content.decode()
    assert body["eu_ai_act_label"]["wording"] in page.content.decode()


@pytest.mark.django_db
def test_a_human_only_post_says_mode_none_and_needs_no_label(author):
    post = PostFactory(author=author)
    services.save_disclosure(content=post, user=author, data=DisclosureData(human_only=True))

    page = Client().get(post.get_absolute_url())

    assert page["AI-Disclosure"] == "mode=none"
    assert page_json_ld(page.content.decode())["digitalSourceType"] == IPTC + "digitalCreation"
    assert "AIA No AI v1.0" in page.content.decode()
    assert 'class="ai-act-label"' not in page.content.decode()


@pytest.mark.django_db
def test_json_ld_cannot_be_broken_out_of_by_a_title(author):
    post = PostFactory(author=author, title="</script><script>alert(1)</script>")
    services.save_disclosure(content=post, user=author, data=DisclosureData(human_only=True))

    html = Client().get(post.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in html
    assert page_json_ld(html)["headline"] == post.title
