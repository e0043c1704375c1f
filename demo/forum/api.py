"""The demo forum's post API: ``POST /api/forum/v1/posts/`` and ``PUT …/posts/<id>/`` — the
pattern a host forum copies.

The plugin's publish gate (``DisclosureGateSerializerMixin``) refuses a post without a
complete disclosure with 422, listing each missing or contradictory field and the values it
may take; the post and its disclosure are then saved in one transaction
(``services.publish_post``, ``services.edit_post``). An edit that changes the text of a post
ticked human-only is refused until the tick is confirmed for the new text.
"""

from __future__ import annotations

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from ai_disclosure import selectors
from ai_disclosure import services as disclosure_services
from ai_disclosure.api.base import (
    ApiView,
    StrictSerializer,
    TextField,
    error_responses,
    get_object_or_404,
    object_id_parameter,
)
from ai_disclosure.api.gate import DisclosureGateSerializerMixin, refusal_response
from ai_disclosure.api.permissions import LoggedIn, PostAuthorWritesReviewersRead

from . import services
from .models import Post


class PostCreateSerializer(DisclosureGateSerializerMixin, StrictSerializer):
    """A new post: its title, its Markdown body and, checked by the publish gate, its disclosure."""

    title = TextField(max_length=Post._meta.get_field("title").max_length)
    body = TextField(trim_whitespace=False, help_text="Markdown, with AI blocks.")


class PostSerializer(serializers.Serializer):
    """A published post, as the create call answers with it."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField(help_text="The post's page.")
    published_at = serializers.DateTimeField()
    disclosure_summary = serializers.CharField(help_text="The one line readers see.")
    ai_share = serializers.FloatField(help_text="Measured share of the text in AI blocks.")


class PostCreateView(ApiView):
    """Publishes a post with its disclosure, for API clients of the demo forum."""

    permission_classes = [LoggedIn]

    @extend_schema(
        tags=["forum"],
        operation_id="forum_post_create",
        summary="Publish a post with its disclosure",
        description="Creates the post and its disclosure in one transaction. A missing, "
        "incomplete or contradictory disclosure is refused with 422; ``errors`` lists each "
        "field as ``disclosure.<field>`` and ``fields`` the values each may take. An author "
        "who posted as often as the posting rate allows (stricter for new authors) gets 429 "
        "with ``Retry-After``.",
        request=PostCreateSerializer,
        responses={
            201: PostSerializer,
            **error_responses(400, 401, 403, 413, 429),
            **refusal_response(),
        },
    )
    def post(self, request: Request) -> Response:
        """Publish the post and its disclosure in one go, or refuse it as the gate says."""
        incoming = PostCreateSerializer(data=request.data, context={"request": request})
        incoming.is_valid(raise_exception=True)
        values = incoming.validated_data
        post = services.publish_post(
            author=request.user,
            title=values["title"],
            body=values["body"],
            disclosure=values["disclosure"],
        )
        return Response(post_representation(post), status=status.HTTP_201_CREATED)


def post_representation(post: Post) -> dict:
    """The post as ``PostSerializer`` shows it."""
    return PostSerializer(
        {
            "id": post.pk,
            "title": post.title,
            "url": post.get_absolute_url(),
            "published_at": post.published_at,
            "disclosure_summary": selectors.summarize(selectors.disclosure_for(post)),
            "ai_share": disclosure_services.rendered_content(post).ai_share,
        }
    ).data


class PostUpdateView(ApiView):
    """Replaces a post's title, body and disclosure; only its author may."""

    permission_classes = [PostAuthorWritesReviewersRead]

    @extend_schema(
        tags=["forum"],
        operation_id="forum_post_update",
        summary="Edit a post and its disclosure",
        description="Saves the new title, body and disclosure in one transaction, through the "
        "same publish gate as creating. When the text of a post ticked 100% human-written "
        "changes, the tick must be confirmed for the new text: send "
        "``disclosure.human_only_for``, the SHA-256 (hex) of the new body, else 422 with "
        "``errors[\"disclosure.human_only\"]``.",
        parameters=[object_id_parameter("post_id", Post, "The post's id.")],
        request=PostCreateSerializer,
        responses={
            200: PostSerializer,
            **error_responses(400, 401, 403, 404, 413),
            **refusal_response(),
        },
    )
    def put(self, request: Request, post_id: str) -> Response:
        """Edit the post and its disclosure, or refuse them as the gate says."""
        post = get_object_or_404(Post.objects.all(), post_id)
        self.check_object_permissions(request, post)
        incoming = PostCreateSerializer(post, data=request.data, context={"request": request})
        incoming.is_valid(raise_exception=True)
        values = incoming.validated_data
        post = services.edit_post(
            post=post,
            editor=request.user,
            title=values["title"],
            body=values["body"],
            disclosure=values["disclosure"],
        )
        return Response(post_representation(post))


app_name = "forum_api"
urlpatterns = [
    path("posts/", PostCreateView.as_view(), name="post-create"),
    path("posts/<str:post_id>/", PostUpdateView.as_view(), name="post-update"),
]
