"""``GET posts/{id}/provenance/``: a post's disclosure in the forms other systems read.

The same three forms the post page carries (JSON-LD, the ``AI-Disclosure`` header value, the
AI Attribution statement) and its EU AI Act label decision, for crawlers and editors that
read the API rather than the page.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from .. import content_types, selectors, services
from ..provenance import Level
from .base import ApiView, error_responses
from .permissions import PostReaders
from .views import CONTENT_IDS, TAGS, PostObjectMixin, post_route


class LabelSerializer(serializers.Serializer):
    """The EU AI Act Article 50(4) label decision."""

    required = serializers.BooleanField(
        help_text=gettext_lazy("Whether the post must be labelled as AI-generated or -modified.")
    )
    level = serializers.ChoiceField(
        choices=Level.choices, help_text=gettext_lazy("The graded level of AI involvement.")
    )
    reason_code = serializers.ChoiceField(
        choices=["no_ai", "text_untouched", "reviewed", "unreviewed"],
        help_text=gettext_lazy("Why: stable code."),
    )
    reason = serializers.CharField(help_text=gettext_lazy("Why, for people."))
    wording = serializers.CharField(
        help_text=gettext_lazy("The label readers see; empty when none is required.")
    )


class ProvenanceSerializer(serializers.Serializer):
    """A post's disclosure in the machine-readable forms its page carries, plus the EU label."""

    post = serializers.CharField(help_text=gettext_lazy("The post's id."))
    json_ld = serializers.DictField(
        help_text=gettext_lazy("schema.org DiscussionForumPosting with digitalSourceType "
                               "(IPTC digital source type URI), as embedded in the page.")
    )
    ai_disclosure_header = serializers.CharField(
        help_text=gettext_lazy("Value of the page's AI-Disclosure response header "
                               "(draft-abaris-aicdh, an RFC 9651 dictionary).")
    )
    ai_attribution = serializers.CharField(
        help_text=gettext_lazy("IBM AI Attribution statement, e.g. “AIA Ph Nc Hin R Claude "
                               "Opus 4.6 v1.0”.")
    )
    ai_attribution_explanation = serializers.CharField(
        help_text=gettext_lazy("The statement in sentences.")
    )
    eu_ai_act_label = LabelSerializer()


class ProvenanceView(PostObjectMixin, ApiView):
    """The machine-readable provenance of one post, for crawlers and other tools."""

    permission_classes = [PostReaders]

    @extend_schema(
        tags=TAGS,
        operation_id="ai_disclosure_provenance",
        summary="A post's disclosure, machine-readable",
        description="JSON-LD with the IPTC digital source type, the AI-Disclosure header value "
        "and the AI Attribution statement the post page carries, plus the EU AI Act Article "
        "50(4) label decision. 404 when the post has no disclosure.",
        parameters=CONTENT_IDS,
        responses={200: ProvenanceSerializer, **error_responses(404)},
    )
    def get(self, request: Request, **ids: str) -> Response:
        """Answer with the post's JSON-LD, header value, attribution and label decision."""
        post = self.get_post(request, **ids)
        services.rendered_content(post)  # the AI blocks are measured as on the post page
        path = content_types.adapter_for(post).get_url(post)
        url = request.build_absolute_uri(path) if path else ""
        found = selectors.content_provenance(post, url=url)
        if found is None:
            raise NotFound(_("This post has no disclosure yet."))
        label = found.label
        return Response(
            ProvenanceSerializer(
                {
                    "post": str(post.pk),
                    "json_ld": found.json_ld,
                    "ai_disclosure_header": found.header,
                    "ai_attribution": found.statement,
                    "ai_attribution_explanation": found.explanation,
                    "eu_ai_act_label": {
                        "required": label.required,
                        "level": label.level,
                        "reason_code": label.reason_code,
                        "reason": label.reason,
                        "wording": label.wording,
                    },
                }
            ).data
        )


PostProvenanceView = post_route(ProvenanceView, get="ai_disclosure_post_provenance")
