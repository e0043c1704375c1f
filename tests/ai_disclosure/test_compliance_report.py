"""The admin's compliance report: disclosures over time by level, kind, EU label decision and
content type, and a CSV that matches the database."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ai_disclosure import report, selectors, services
from ai_disclosure.compliance import label_decision
from ai_disclosure.models import Disclosure
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from tests.factories import CommentFactory, PostFactory, UserFactory

URL = reverse("admin:ai_disclosure_compliance_report")

SHAPES = {
    "human": DisclosureData(human_only=True),
    "editing": DisclosureData(
        assistance={"editing"}, models_used=["Grammarly"], ai_share_estimate="none",
        description="Grammarly fixed my commas and a few awkward sentences, nothing more.",
        expertise="author",
    ),
    "drafting": DisclosureData(
        assistance={"drafting"}, models_used=["=cmd|' /C calc'!A0", "Claude Opus 4.6"],
        ai_share_estimate="10-30",
        description="Claude wrote the checklist in the marked block; the rest is my own text.",
        verification="Checked each step against my notes.", expertise="none",
    ),
    "research": DisclosureData(
        assistance={"research"}, models_used=["GPT-5"], ai_share_estimate="none",
        description="GPT-5 found the papers I cite; I read them and wrote every word myself.",
        verification="I read each cited paper.", expertise="none",
    ),
    "fully-ai": DisclosureData(
        assistance={"drafting"}, models_used=["Claude Opus 4.6"], ai_share_estimate="gt90",
        description="An agent wrote this whole post from a one-line prompt of mine.",
        verification="I skimmed it.", expertise="none",
    ),
}
BLOCK_BODY = "Mine.\n\n:::ai-written{model=\"Claude Opus 4.6\"}\nA checklist the AI wrote.\n:::\n"


def make_disclosures(count_per_shape: int = 1) -> list:
    author = UserFactory(username="writer")
    posts = []
    for _round in range(count_per_shape):
        for name, data in SHAPES.items():
            post = PostFactory(author=author, body=BLOCK_BODY if name == "drafting" else "Mine.")
            services.rendered_content(post)
            services.save_disclosure(content=post, user=author, data=data)
            posts.append(post)
    return posts


def staff(username: str = "auditor", *, allowed: bool = True) -> Client:
    user = UserFactory(username=username, is_staff=True)
    if allowed:
        user.user_permissions.add(Permission.objects.get(codename="view_disclosure"))
    client = Client()
    client.force_login(user)
    return client


def download(client: Client, **params) -> list[dict]:
    response = client.get(URL, {"format": "csv", **params})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.django_db
def test_csv_matches_the_disclosures_in_the_database():
    posts = make_disclosures()

    rows = download(staff())

    stored = {
        d.pk: d for d in Disclosure.objects.prefetch_related("assistance").select_related("content")
    }
    assert {int(row["disclosure_id"]) for row in rows} == set(stored)
    for row in rows:
        disclosure = stored[int(row["disclosure_id"])]
        decision = label_decision(selectors.disclosure_shape(disclosure.content.obj))
        assert row["object_id"] == str(disclosure.content.object_id)
        assert row["content_type"] == "post"
        assert row["disclosed_at"] == disclosure.created_at.isoformat()
        assert row["human_only"] == ("yes" if disclosure.human_only else "no")
        assert row["kinds"].split() == sorted(k.slug for k in disclosure.assistance.all())
        assert json.loads(row["models"]) == disclosure.models_used
        assert row["ai_share_estimate"] == disclosure.ai_share_estimate
        assert row["expertise"] == disclosure.expertise
        assert (row["level"], row["label_required"], row["reason"]) == (
            decision.level.value, "yes" if decision.required else "no", decision.reason_code
        )
    required = {row["object_id"] for row in rows if row["label_required"] == "yes"}
    by_name = dict(zip(SHAPES, posts, strict=True))
    assert required == {str(by_name["drafting"].pk), str(by_name["fully-ai"].pk)}


@pytest.mark.django_db
def test_no_csv_cell_an_author_typed_can_start_a_spreadsheet_formula():
    make_disclosures()

    rows = download(staff())

    assert not [value for row in rows for value in row.values() if value and value[0] in "=+-@"]


@pytest.mark.django_db
def test_report_counts_each_month_by_level_kind_label_and_content_type():
    posts = make_disclosures()
    october = timezone.make_aware(datetime(2026, 10, 15, 12))
    # the human-only one
    Disclosure.objects.filter(content=content_for(posts[0])).update(created_at=october)
    comment = CommentFactory(post=posts[1])
    services.save_disclosure(content=comment, user=comment.author, data=DisclosureData(
        assistance={"translation"}, description="DeepL translated my comment."))

    months = report.monthly_summary(report.compliance_rows())

    assert [month.month.isoformat() for month in months] == [
        "2026-10-01", timezone.localdate().replace(day=1).isoformat()
    ]
    older, current = months
    assert (older.total, older.label_required, older.by_level["human_only"]) == (1, 0, 1)
    assert current.total == 5 and current.label_required == 3
    assert current.by_kind == {"editing": 1, "drafting": 2, "research": 1, "translation": 1}
    assert current.by_content_type == {"post": 4, "comment": 1}


@pytest.mark.django_db
def test_period_filter_keeps_only_the_chosen_months():
    posts = make_disclosures()
    october = timezone.make_aware(datetime(2026, 10, 31, 23))
    Disclosure.objects.filter(content=content_for(posts[0])).update(created_at=october)

    rows = download(staff(), since="2026-10", until="2026-10")

    assert [row["object_id"] for row in rows] == [str(posts[0].pk)]


@pytest.mark.django_db
def test_the_report_page_shows_the_months_table_and_a_csv_link():
    make_disclosures()

    response = staff().get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Label required" in html and "Mostly AI-written" in html
    assert "format=csv" in html


@pytest.mark.django_db
def test_a_stranger_is_refused_the_report():
    make_disclosures()
    reader = Client()
    reader.force_login(UserFactory(username="reader"))

    assert Client().get(URL, {"format": "csv"}).status_code == 302  # to the admin login
    assert reader.get(URL, {"format": "csv"}).status_code == 302
    assert staff("intern", allowed=False).get(URL, {"format": "csv"}).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{"since": "2026-13"}, {"since": "2026-11", "until": "2026-10"}])
@pytest.mark.parametrize("as_csv", [True, False])
def test_a_bad_period_is_a_400_with_a_message(params, as_csv):
    response = staff().get(URL, {"format": "csv", **params} if as_csv else params)

    assert response.status_code == 400
    assert "Enter a valid date" in response.content.decode() or "must not be after" in (
        response.content.decode()
    )


@pytest.mark.django_db
def test_the_disclosures_list_links_to_the_report():
    response = staff().get(reverse("admin:ai_disclosure_disclosure_changelist"))

    assert URL in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("count_per_shape", [1, 4])
def test_csv_costs_the_same_queries_however_many_disclosures(
    count_per_shape, django_assert_num_queries
):
    make_disclosures(count_per_shape)
    client = staff()

    # session, user, two permission checks, disclosures, their kinds (the block types are
    # cached since the posts were rendered)
    with django_assert_num_queries(6):
        download(client)
