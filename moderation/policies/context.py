"""The context a policy expression sees. This is the documented contract for policy authors.

Every piece of content is described by these maps; all names are always present, so an
expression never fails on a missing key. Example:
``disclosure.human_only && scores.chat_artifacts >= 0.9``.

``disclosure`` — what the author declared
    ``present`` (bool) a disclosure exists · ``human_only`` (bool) · ``autonomous`` (bool, an AI
    agent wrote and posted it on its own) · ``assistance`` (list of
    kind slugs: drafting, editing, translation, research, analysis, ideation, …) · ``models``
    (list of strings) · ``ai_share_estimate`` (string bucket: "", none, lt10, 10-30, 30-60,
    60-90, gt90) · ``ai_share_estimate_max`` (double, upper bound of the bucket; 1.0 when
    absent) · ``expertise`` (string: author, other, none, "") · ``cosigned`` (bool, the
    forum user named as expert reviewer confirmed the post's current text) ·
    ``form_version`` (int) · ``revisions`` (int) · ``changed_after_publish`` (bool, changed
    after the post was published)
    · from the model registry (admin → AI models), matched to ``models`` ignoring case, spaces
    and punctuation, aliases included: ``newest_model_age_days`` (int, days from the release
    of the newest named model to the day of screening; -1 when no named model is registered)
    · ``model_tiers`` (list of the named models' tiers: frontier, open-weights, small) ·
    ``unknown_models`` (list of the names matching no registered model)
``content`` — what was measured in the body
    ``length`` (int, visible characters) · ``words`` (int, words of the author's own text) ·
    ``ai_share`` (double 0–1, share of the text inside any AI block) · ``drafted_share``
    (double 0–1, share inside blocks whose type means the AI wrote the prose, e.g.
    ``ai-written``; edited or translated text is the author's own) · ``blocks`` (int) ·
    ``block_types`` (list of strings) · ``type`` (string, the registered content type:
    ``post``, ``comment``, …) · ``parent_id`` (int, the id of the object it answers, e.g. a
    comment's post; 0 for top-level content) · ``parent_author_is_author`` (bool, it answers
    the author's own content), e.g. ``content.type == "comment" && content.parent_id != 0
    && !content.parent_author_is_author`` for "a comment on someone else's post"
``author``
    ``account_age_days`` (int; 0 when the user model records no join date) ·
    ``approved_posts`` (int, their other published posts with no review item waiting or
    decided against them) · ``prior_flags`` (int, review items on their other posts) ·
    ``delisted_posts`` (int) · ``disclosure_changes_after_flag`` (int, times they changed the
    disclosure of another post of theirs after it was flagged) — the same history moderators
    see in the queue
``scores`` — one double in [0, 1] per classifier, by name
    ``chat_artifacts`` · ``style_lexicon`` · ``ngram`` · ``combined`` · ``consistency``
``thresholds`` — each classifier's default flag threshold, by name, so a policy written as
    ``scores.combined >= thresholds.combined`` follows the model when it is retrained
``reports`` — readers' reports of undisclosed AI that no moderator's decision settled yet
    ``count`` (int) · ``weighted`` (double: the sum of the reporters' weights, each
    ``(upheld + 1) / (decided + 2)`` over the reporter's settled reports, so a reader without
    history counts 0.5, one whose reports were upheld nearly 1, one often wrong nearly 0)
``post`` — the screened object, whatever its type (the name predates content types)
    ``first_post`` (bool, the author's first published content of any type) ·
    ``edited_after_publish`` (bool) · ``age_hours`` (double)

Before a post is submitted, the check endpoint and the form evaluate the enabled policies on
the draft (``selectors.drafts``) to tell the author what will happen: there ``scores`` is
empty (no classifier runs on a draft), so a policy that reads a score never matches a draft,
and ``disclosure.cosigned`` is false.
"""

from __future__ import annotations

#: A complete example context: expressions are checked against it when saved.
EXAMPLE = {
    "disclosure": {
        "present": True,
        "human_only": False,
        "autonomous": False,
        "assistance": ["drafting", "research"],
        "models": ["Claude Opus 4.6"],
        "ai_share_estimate": "10-30",
        "ai_share_estimate_max": 0.3,
        "expertise": "none",
        "cosigned": False,
        "form_version": 1,
        "revisions": 1,
        "changed_after_publish": False,
        "newest_model_age_days": 120,
        "model_tiers": ["frontier"],
        "unknown_models": [],
    },
    "content": {
        "length": 2400,
        "words": 410,
        "ai_share": 0.25,
        "drafted_share": 0.25,
        "blocks": 1,
        "block_types": ["ai-written"],
        "type": "comment",
        "parent_id": 12,
        "parent_author_is_author": False,
    },
    "author": {"account_age_days": 3, "approved_posts": 0, "prior_flags": 0, "delisted_posts": 0,
               "disclosure_changes_after_flag": 0},
    "scores": {
        "chat_artifacts": 0.0,
        "style_lexicon": 0.2,
        "ngram": 0.3,
        "combined": 0.25,
        "consistency": 0.0,
    },
    "thresholds": {
        "chat_artifacts": 0.9,
        "style_lexicon": 0.9,
        "ngram": 0.9,
        "combined": 0.9,
        "consistency": 0.9,
    },
    "reports": {"count": 1, "weighted": 0.5},
    "post": {"first_post": True, "edited_after_publish": False, "age_hours": 0.5},
}
