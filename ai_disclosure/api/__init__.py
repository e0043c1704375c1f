"""REST API for editor integrations (DESIGN §7), built on Django REST framework.

Include with ``path("api/ai-disclosure/v1/", include("ai_disclosure.api.urls"))``. The views
are thin: they validate input with a serializer and call one service or selector. ``base``
holds what every API of the project shares (the error shape, strict serializers, the schema
class), so the moderation API and a host forum's API answer errors alike.
"""
