"""A user's data, exported: the disclosures and revisions stored about them, plus what other
apps add.

The export is composed of sections. This app registers ``ai_disclosure``; other apps (the
``moderation`` app, the host forum) add theirs with ``register_export_section`` in their
``AppConfig.ready()``, so this app never needs to know what they store. A section builder
receives the user and returns plain JSON-able data about that user only, limited to what
they may already see: nothing about another user, nothing kept for moderators' eyes only.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from . import content_types, selectors
from .models import CoSignature, Disclosure, DisclosureRevision, ReaderPreference, ToolSuggestion

#: Bump when the shape of the export changes, so readers of old files can tell.
EXPORT_VERSION = 1


@dataclass(frozen=True)
class ExportSection:
    """One app's part of a user's export: its name, how to build it, and what it holds."""

    name: str
    build: Callable[[Any], Any]
    #: What the section holds, in the words of the "Your data" page.
    description: str


_sections: dict[str, ExportSection] = {}


def register_export_section(name: str, build: Callable[[Any], Any], *,
                            description: str = "") -> None:
    """Add a section named ``name`` to every user export: ``build(user)`` returns its data,
    ``description`` (translatable) tells the user on the "Your data" page what it holds.

    Registering a name again replaces the section (``ready()`` may run more than once).
    """
    _sections[name] = ExportSection(name, build, description)


def export_sections() -> list[ExportSection]:
    """The registered sections, in registration order (the order of ``INSTALLED_APPS``)."""
    return list(_sections.values())


def export_user_data(user) -> dict:
    """Everything the installed apps store about ``user``, as a JSON-able dict (datetimes
    are left to the encoder: use ``DjangoJSONEncoder``).
    """
    data = {
        "export_version": EXPORT_VERSION,
        "exported_at": timezone.now(),
        "user": {"id": user.pk, "username": user.get_username()},
    }
    for section in _sections.values():
        data[section.name] = section.build(user)
    return data


def export_user_data_json(user) -> str:
    """``export_user_data`` as indented JSON text, as the command and the page deliver it."""
    return json.dumps(export_user_data(user), cls=DjangoJSONEncoder, indent=2,
                      ensure_ascii=False)


def disclosure_section(user) -> dict:
    """The disclosures of the user's content of every registered type (posts, comments…)
    with every revision, the disclosure changes they made on other people's content, the
    co-signing invitations they received, the suggestions AI tools recorded on their
    content, and their reading preference.

    Who else changed a disclosure of theirs is not named (``changed_by_you`` is false);
    of other people's content only the type and id are given, with the values the user saved.
    """
    own_posts, own_contents = [], []
    for registered in content_types.registry().values():
        adapter = registered.adapter
        objs = list(adapter.by_author(user).order_by("pk"))
        selectors.attach_contents(objs)
        contents = {obj.pk: selectors.content_of(obj) for obj in objs}
        disclosures = {
            disclosure.content_id: disclosure
            for disclosure in Disclosure.objects.filter(
                content__in=[c for c in contents.values() if c is not None]
            ).prefetch_related("assistance", "revisions")
        }
        own_contents += [c.pk for c in contents.values() if c is not None]
        own_posts += [
            {
                "type": registered.kind,
                "post": {
                    "id": obj.pk,
                    "title": adapter.get_title(obj),
                    "published_at": adapter.get_published_at(obj),
                },
                "disclosure": _disclosure(disclosures[contents[obj.pk].pk], user)
                if contents[obj.pk] is not None and contents[obj.pk].pk in disclosures
                else None,
            }
            for obj in objs
        ]
    elsewhere = (
        DisclosureRevision.objects.filter(changed_by=user)
        .exclude(disclosure__content__in=own_contents)
        .select_related("disclosure__content")
        .order_by("created_at", "pk")
    )
    preference = ReaderPreference.objects.filter(user=user).first()
    return {
        "posts": own_posts,
        # Of other people's disclosures, only the values this user saved: not what they
        # replaced, nor the fields they left alone (the post's author wrote those).
        "changes_to_other_posts": [
            {
                "type": revision.disclosure.content.kind,
                "post_id": revision.disclosure.content.object_id,
                "number": revision.number,
                "created_at": revision.created_at,
                "saved": {name: after for name, (_before, after) in revision.changes.items()},
            }
            for revision in elsewhere
        ],
        # Invitations to co-sign others' posts: the user's own answers and notes.
        "cosignatures": [
            {
                "type": cosignature.disclosure.content.kind,
                "post_id": cosignature.disclosure.content.object_id,
                "status": cosignature.status,
                "note": cosignature.note,
                "invited_at": cosignature.invited_at,
                "responded_at": cosignature.responded_at,
            }
            for cosignature in CoSignature.objects.filter(reviewer=user)
            .select_related("disclosure").order_by("invited_at", "pk")
        ],
        "tool_suggestions": [
            {
                "type": suggestion.content.kind,
                "post_id": suggestion.content.object_id,
                "tool": suggestion.tool,
                "kind": suggestion.kind,
                "model": suggestion.model,
                "block_type": suggestion.block_type,
                "passage": suggestion.passage,
                "status": suggestion.status,
                "passage_wrapped": suggestion.passage_wrapped,
                "created_at": suggestion.created_at,
                "decided_at": suggestion.decided_at,
            }
            for suggestion in ToolSuggestion.objects.filter(content__in=own_contents)
            .select_related("content").order_by("created_at", "pk")
        ],
        "reader_preference": {"collapse_mostly_ai": preference.collapse_mostly_ai}
        if preference else None,
    }


def _disclosure(disclosure: Disclosure, user) -> dict:
    return {
        "human_only": disclosure.human_only,
        "assistance": sorted(kind.slug for kind in disclosure.assistance.all()),
        "models_used": list(disclosure.models_used),
        "ai_share_estimate": disclosure.ai_share_estimate,
        "description": disclosure.description,
        "verification": disclosure.verification,
        "expertise": disclosure.expertise,
        "form_version": disclosure.form_version,
        "created_at": disclosure.created_at,
        "updated_at": disclosure.updated_at,
        "revisions": [_revision(revision, user) for revision in disclosure.revisions.all()],
    }


def _revision(revision: DisclosureRevision, user) -> dict:
    return {
        "number": revision.number,
        "created_at": revision.created_at,
        "changed_by_you": revision.changed_by_id == user.pk,
        "form_version": revision.form_version,
        "data": revision.data,
        "changes": revision.changes,
    }
