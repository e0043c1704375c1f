"""The editor API (DESIGN §7): form schema, preview, check, a post's (comment's…)
disclosure and revisions.

Content of every registered type is addressed as ``content/<type>/<id>/…``; the older
``posts/<id>/…`` routes stay for the first registered type (``PostRoutes`` subclasses, with
their own operation ids). Each view validates its input with a serializer and calls one
service or selector.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from .. import content_types, selectors, services
from ..gate import DisclosureIncomplete, check_disclosure
from ..models import CoSignature, Disclosure, DisclosureRevision, Expertise
from ..rendering import Block
from . import drafts, gate, serializers
from .base import ApiView, error_responses, get_object_or_404, object_id_parameter
from .permissions import Anyone, LoggedIn, PostAuthorWritesReviewersRead, is_author
from .throttles import CheckIPThrottle, CheckThrottle, PreviewIPThrottle, PreviewThrottle

TAGS = ["ai-disclosure"]


class FormSchemaView(ApiView):
    """The disclosure form described for clients that build their own editor."""

    permission_classes = [Anyone]
    authentication_classes: list = []  # public and cacheable: no session, no CSRF

    @extend_schema(
        tags=TAGS,
        operation_id="ai_disclosure_form_schema",
        summary="The disclosure form, described",
        description="Fields with labels, help texts and choices; assistance kinds; AI block "
        "types with their Markdown syntax; the rules and limits; the wording; the form version.",
        responses={200: serializers.FormSchemaSerializer},
    )
    def get(self, request: Request) -> Response:
        """Return the form schema; it depends on settings only, so it is public and cacheable."""
        return Response(serializers.FormSchemaSerializer(drafts.form_schema()).data)


class PreviewView(ApiView):
    """Renders a draft as its post page would, storing nothing."""

    permission_classes = [LoggedIn]
    throttle_classes = [PreviewThrottle, PreviewIPThrottle]

    @extend_schema(
        tags=TAGS,
        operation_id="ai_disclosure_preview",
        summary="Render a draft",
        description="Sanitized HTML, the parsed AI blocks, the measured AI share and warnings "
        "with line numbers. Nothing is stored.",
        request=serializers.PreviewDraftSerializer,
        responses={
            200: serializers.PreviewSerializer, **error_responses(400, 401, 403, 413, 429)
        },
    )
    def post(self, request: Request) -> Response:
        """Render the posted body and answer with the preview."""
        incoming = serializers.PreviewDraftSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        rendered = drafts.preview(incoming.validated_data["body"])
        return Response(serializers.PreviewSerializer(rendered).data)


class CheckView(ApiView):
    """Checks a draft's disclosure against the publishing rules without saving anything."""

    permission_classes = [LoggedIn]
    throttle_classes = [CheckThrottle, CheckIPThrottle]

    @extend_schema(
        tags=TAGS,
        operation_id="ai_disclosure_check",
        summary="Check a draft's disclosure",
        description="The rule violations the disclosure would be refused for (the same rules "
        "as the form), hints that do not block the post — including what will happen to it, "
        "e.g. that posts like it are reviewed before they appear — and the preview. Stores "
        "nothing. With ``post`` (your own), a human-only tick given for its older text must be "
        "confirmed for the new one. Throttled per user.",
        request=serializers.CheckDraftSerializer,
        responses={
            200: serializers.CheckSerializer, **error_responses(400, 401, 403, 404, 413, 429)
        },
    )
    def post(self, request: Request) -> Response:
        """Check the posted disclosure against the posted body."""
        incoming = serializers.CheckDraftSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        post = None
        if post_id := incoming.validated_data["post"]:
            post = get_object_or_404(content_types.default().model._default_manager.all(), post_id)
            if not is_author(request.user, post):  # nobody learns of another's post here
                raise NotFound()
        result = drafts.check(
            incoming.validated_data["body"],
            serializers.disclosure_data(incoming.validated_data["disclosure"]),
            author=request.user,
            post=post,
        )
        return Response(serializers.CheckSerializer(result).data)


def _registered() -> dict:
    try:
        return content_types.registry()
    except (LookupError, ImproperlyConfigured):  # reported by the system checks
        return {}


POST_ID = object_id_parameter(
    "post_id", next((t.model for t in _registered().values()), Disclosure), "The post's id.")
CONTENT_IDS = [
    OpenApiParameter("kind", OpenApiTypes.STR, OpenApiParameter.PATH,
                     enum=list(_registered()) or None,
                     description="The content type, as registered (post, comment…)."),
    OpenApiParameter("object_id", {"type": "integer", "minimum": 1},
                     OpenApiParameter.PATH, description="The object's id within its type."),
]


class PostObjectMixin:
    """Looks up the host object a route names (``kind`` + ``object_id``, or the legacy
    ``post_id`` of the first registered type) and checks the object permission (404 hides
    others' drafts and unknown types).
    """

    def get_post(self, request: Request, kind: str | None = None, object_id: str = "",
                 post_id: str = "") -> Model:
        """The object the route names if the user may act on it; 404 or 403 otherwise."""
        try:
            registered = content_types.get(kind) if kind else content_types.default()
        except LookupError:
            raise NotFound() from None
        obj = get_object_or_404(registered.model._default_manager.all(), object_id or post_id)
        self.check_object_permissions(request, obj)
        return obj


def disclosure_representation(
    disclosure: Disclosure, revision: DisclosureRevision | None = None
) -> dict:
    """The disclosure as ``DisclosureSerializer`` shows it; from ``revision`` (the one just
    saved, holding the values) without further queries.
    """
    cosignature = selectors.confirmed_cosignature(disclosure)
    reviewed_by = cosignature.reviewer.get_username() if cosignature else ""
    answer = cosignature.status if cosignature else (
        CoSignature.objects.filter(disclosure=disclosure).values_list("status", flat=True).first()
        if disclosure.expertise == Expertise.OTHER else None
    )
    if revision is None:
        values = services.snapshot(disclosure)
        number = disclosure.revisions.order_by("-number").values_list("number", flat=True)
        number = number.first() or 0
        summary = selectors.summarize(disclosure, reviewed_by=reviewed_by)
    else:
        values, number = revision.data, revision.number
        kinds = [kind for kind in selectors.vocabulary().kinds if kind.slug in values["assistance"]]
        summary = selectors.summarize(disclosure, kinds=kinds, reviewed_by=reviewed_by)
    return serializers.DisclosureSerializer(
        {
            "reviewer": "",
            **values,
            "reviewed_by": reviewed_by,
            "reviewer_answer": answer or "",
            "post": str(disclosure.content.object_id),
            "type": disclosure.content.kind,
            "summary": summary,
            "revision": number,
            "created_at": disclosure.created_at,
            "updated_at": disclosure.updated_at,
        }
    ).data


class DisclosureView(PostObjectMixin, ApiView):
    """Reads and replaces one post's disclosure."""

    permission_classes = [PostAuthorWritesReviewersRead]

    @extend_schema(
        tags=TAGS,
        operation_id="ai_disclosure_disclosure_read",
        summary="A post's disclosure",
        parameters=CONTENT_IDS,
        responses={200: serializers.DisclosureSerializer, **error_responses(401, 403, 404)},
    )
    def get(self, request: Request, **ids: str) -> Response:
        """The post's current disclosure; 404 when it has none yet."""
        post = self.get_post(request, **ids)
        disclosure = selectors.disclosure_for(post)
        if disclosure is None:
            raise NotFound(_("This post has no disclosure yet."))
        return Response(disclosure_representation(disclosure))

    @extend_schema(
        tags=TAGS,
        operation_id="ai_disclosure_disclosure_write",
        summary="Save a post's disclosure",
        description="Replaces the disclosure and appends a revision. The rules are checked "
        "against the post's current body: a missing or contradictory disclosure is refused "
        "with 422, listing each field. 201 when the post had no disclosure before.",
        parameters=CONTENT_IDS,
        request=serializers.DisclosureWriteSerializer,
        responses={
            200: serializers.DisclosureSerializer,
            201: serializers.DisclosureSerializer,
            **error_responses(400, 401, 403, 404),
            **gate.refusal_response(),
        },
    )
    def put(self, request: Request, **ids: str) -> Response:
        """Check the new disclosure against the post's body, then save it as a new revision."""
        post = self.get_post(request, **ids)
        incoming = serializers.DisclosureWriteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.to_data()
        blocks = [Block(**block) for block in services.rendered_content(post).blocks]
        try:
            check_disclosure(data, blocks=blocks, author=request.user,
                             compact=content_types.of(post).compact)
        except DisclosureIncomplete as error:
            raise gate.refusal(error, request=request) from None
        revision = services.save_disclosure_revision(content=post, user=request.user, data=data)
        return Response(
            disclosure_representation(revision.disclosure, revision),
            status=status.HTTP_201_CREATED if revision.number == 1 else status.HTTP_200_OK,
        )


class RevisionListView(PostObjectMixin, ApiView):
    """Lists the saved revisions of one post's disclosure."""

    permission_classes = [PostAuthorWritesReviewersRead]

    @extend_schema(
        tags=TAGS,
        operation_id="ai_disclosure_revisions",
        summary="A disclosure's revision history",
        description="Every save, oldest first: who, when, under which form version, the "
        "disclosure as saved and what changed. Empty when the post has no disclosure.",
        parameters=CONTENT_IDS,
        responses={
            200: OpenApiResponse(serializers.RevisionSerializer(many=True)),
            **error_responses(401, 403, 404),
        },
    )
    def get(self, request: Request, **ids: str) -> Response:
        """Answer with every revision of the post's disclosure, oldest first."""
        post = self.get_post(request, **ids)
        revisions = (
            DisclosureRevision.objects.filter(disclosure__content=selectors.content_of(post))
            .select_related("changed_by")
            .order_by("number")
        )
        return Response(serializers.RevisionSerializer(revisions, many=True).data)


def post_route(view: type, **operations: str) -> type:
    """``view`` on the legacy ``posts/<post_id>/…`` route of the first registered type, with
    its own operation ids (``method → operation id``) so the OpenAPI document stays valid.
    """
    # The content route's path parameters do not exist on this route: leave them out.
    parameters = [POST_ID, *(OpenApiParameter(name, location=OpenApiParameter.PATH, exclude=True)
                             for name in ("kind", "object_id"))]
    return extend_schema_view(**{
        method: extend_schema(operation_id=operation_id, parameters=parameters,
                              summary=getattr(view, method).__doc__.splitlines()[0])
        for method, operation_id in operations.items()
    })(type(f"Post{view.__name__}", (view,), {"__doc__": view.__doc__}))


PostDisclosureView = post_route(DisclosureView, get="ai_disclosure_post_disclosure_read",
                                put="ai_disclosure_post_disclosure_write")
PostRevisionListView = post_route(RevisionListView, get="ai_disclosure_post_revisions")
