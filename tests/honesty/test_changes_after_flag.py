"""Correcting a disclosure before any moderator looked costs nothing; a change after a flag
counts in the author's history (``author.disclosure_changes_after_flag``).
"""

import pytest

from ai_disclosure import services as disclosure_services
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from moderation import services
from moderation.models import Policy, ReviewItem
from moderation.selectors import author_stats
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db

EDITING = DisclosureData(
    assistance={"editing"}, models_used=["DeepL"], ai_share_estimate="lt10", expertise="author",
    description="DeepL smoothed the wording of two paragraphs I wrote.",
)


def disclose(post, data):
    disclosure_services.save_disclosure(content=post, user=post.author, data=data)


def test_a_correction_before_any_flag_costs_nothing():
    author = UserFactory()
    post = PostFactory(author=author)
    disclose(post, DisclosureData(human_only=True))
    disclose(post, EDITING)  # corrected before anyone looked
    ReviewItem.objects.create(content=content_for(post), author=author)

    assert author_stats([author])[author.pk].disclosure_changes_after_flag == 0


def test_a_change_after_a_flag_counts_in_the_authors_history_and_reaches_policies():
    author = UserFactory()
    flagged = PostFactory(author=author)
    disclose(flagged, DisclosureData(human_only=True))
    ReviewItem.objects.create(content=content_for(flagged), author=author)
    disclose(flagged, EDITING)  # changed once a moderator had the post in the queue

    assert author_stats([author])[author.pk].disclosure_changes_after_flag == 1

    Policy.objects.update(enabled=False)
    Policy.objects.create(name="Changed after a flag before", reason="History.", enabled=True,
                          expression="author.disclosure_changes_after_flag > 0", action="label")
    later = PostFactory(author=author)
    disclose(later, DisclosureData(human_only=True))
    screening = services.screen_content(content_id=content_for(later).pk)
    assert screening.context["author"]["disclosure_changes_after_flag"] == 1
    assert [match["name"] for match in screening.matched] == ["Changed after a flag before"]


def test_a_moderators_change_does_not_count_against_the_author():
    author, moderator = UserFactory(), UserFactory()
    post = PostFactory(author=author)
    disclose(post, DisclosureData(human_only=True))
    ReviewItem.objects.create(content=content_for(post), author=author)
    disclosure_services.save_disclosure(content=post, user=moderator, data=EDITING)

    assert author_stats([author])[author.pk].disclosure_changes_after_flag == 0
