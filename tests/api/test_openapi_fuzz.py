"""Property-based fuzzing of the API against its own OpenAPI document, with schemathesis.

Every operation of ``/api/schema/`` gets generated requests (valid and invalid) through the
WSGI app, authenticated in turn as each role of ``FUZZ_ROLES`` (default all three): an
``author`` who wrote posts 1–3, a ``moderator``, and an ``admin`` who is both, so the
requests get past authentication into the real code. Checks: no 5xx, the status code is
documented, and the body and content type conform to the schema.

The budget is ``FUZZ_MAX_EXAMPLES`` per operation (default 15: a few seconds in the normal
suite); ``.ci/run`` runs this module once more with a larger budget under a time limit.
A long run for one role: ``FUZZ_ROLES=moderator FUZZ_MAX_EXAMPLES=2000 FUZZ_RANDOM=1``.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from ai_disclosure import services
from ai_disclosure.services import content_for
from demo.forum.models import Post
from moderation.models import Policy, ReviewItem, ReviewStatus
from moderation.services import claim_item, save_policy
from tests.api.conftest import AI_BODY, HUMAN_ONLY, make_moderator
from tests.factories import PostFactory, UserFactory

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "15"))
ROLES = os.environ.get("FUZZ_ROLES", "admin,author,moderator").split(",")
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


@pytest.fixture(params=ROLES)
def fuzz_token(request, db) -> str:
    """A token of the role under test. The writer of posts 1–3 (one a draft) is the author
    (or the admin, who is also a moderator), so ids hit real rows."""
    role = request.param
    if role == "admin":
        writer = UserFactory(username="fuzz-admin", is_staff=True, is_superuser=True)
    else:
        writer = UserFactory(username="fuzz-writer")
    for published in (True, True, False):
        post = PostFactory(author=writer, body=AI_BODY if published else "Mine.")
        if not published:
            post.published_at = None
            post.save()
            services.save_disclosure(content=post, user=writer, data=HUMAN_ONLY)
    moderator = make_moderator("fuzz-moderator")
    # review items 1–3: open, claimed by another moderator, decided; and a policy
    posts = list(Post.objects.order_by("pk"))
    ReviewItem.objects.create(
        content=content_for(posts[0]), author=writer, post_title=posts[0].title
    )
    claim_item(
        item=ReviewItem.objects.create(content=content_for(posts[1]), author=writer),
        moderator=make_moderator("fuzz-other-moderator"),
    )
    ReviewItem.objects.create(
        content=content_for(posts[2]), author=writer, status=ReviewStatus.APPROVED
    )
    save_policy(
        policy=Policy(name="Long", expression="content.length > 4000", reason="Long."), user=None
    )
    caller = moderator if role == "moderator" else writer
    return Token.objects.create(user=caller).key


def _operations() -> list[tuple[str, str, GenerationMode]]:
    """(method, path, mode) for every operation in the document, generated without a request.

    Invalid requests (negative mode) are only generated where there is input to spoil.
    """
    document = SchemaGenerator().get_schema(request=None, public=True)
    cases = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method not in {"get", "put", "post", "patch", "delete"}:
                continue
            cases.append((method.upper(), path, GenerationMode.POSITIVE))
            if operation.get("parameters") or operation.get("requestBody"):
                cases.append((method.upper(), path, GenerationMode.NEGATIVE))
    return cases


@pytest.fixture
def wsgi_app():
    """The project's WSGI app, minus closing the database connection after each request.

    (The test runs in a transaction on the same connection; Django's test client disconnects
    the same signal handlers for the same reason.)
    """
    signals = (request_started, request_finished)
    for signal in signals:
        signal.disconnect(close_old_connections)
    yield WSGIHandler()
    for signal in signals:
        signal.connect(close_old_connections)


# schemathesis' own pytest loader (``from_fixture``) does not work with pytest 9 yet, so the
# operations are parametrized here and each runs a Hypothesis test over schemathesis' cases.
@pytest.mark.parametrize(("method", "path", "mode"), _operations(), ids=str)
def test_api_conforms_to_its_openapi_document(method, path, mode, fuzz_token, wsgi_app):
    # given the OpenAPI document as the app serves it
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", wsgi_app)
    operation = schema[path][method]
    headers = {"Authorization": f"Token {fuzz_token}"}

    # when generated requests are sent, then every response passes the checks
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=os.environ.get("FUZZ_RANDOM") != "1",
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def requests_conform(case):
        case.call_and_validate(headers=headers, checks=CHECKS)

    requests_conform()
