"""REST API for moderation clients (DESIGN §7): the queue, items, triage actions, policies.

Include with ``path("api/moderation/v1/", include("moderation.api.urls"))``. Every action
calls the same service as the moderator pages (``services.claim_item``, ``resolve_item``,
``save_policy``, ``backtest``), so the rules, permissions and audit log are the pages'.
"""
