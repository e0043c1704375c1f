"""The registry of content types: which host models carry disclosures and screening.

Read from ``AI_DISCLOSURE_CONTENT_TYPES`` (see ``app_settings``), checked at startup by
``checks.check_content_types``. Each entry gives the model, its adapter and the disclosure
form it uses: ``full`` (every field) or ``compact`` (the tick, or kinds + one sentence) for
light types such as comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model
from django.utils.text import capfirst

from .adapter import ContentAdapter
from .app_settings import app_settings

FORMS = ("full", "compact")
SLUG = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")


@dataclass(frozen=True)
class RegisteredType:
    """One registered type: its slug, model, adapter instance and form."""

    kind: str
    model: type[Model]
    adapter: ContentAdapter
    form: str
    label: str

    @property
    def compact(self) -> bool:
        """Whether the type uses the compact disclosure form."""
        return self.form == "compact"


def _build(kind: str, entry: dict) -> RegisteredType:
    if not SLUG.match(kind):
        raise ImproperlyConfigured(f"content type {kind!r}: use a lowercase slug")
    model = apps.get_model(entry.get("model", ""), require_ready=False)
    adapter_class = app_settings.import_path(
        "CONTENT_TYPES", entry.get("adapter", "ai_disclosure.adapter.ContentAdapter")
    )
    form = entry.get("form", "full")
    if form not in FORMS:
        raise ImproperlyConfigured(f"content type {kind!r}: form must be one of {FORMS}")
    label = entry.get("label") or capfirst(model._meta.verbose_name)
    return RegisteredType(kind, model, adapter_class(model=model, kind=kind), form, str(label))


@cache
def _registry(frozen: tuple) -> dict[str, RegisteredType]:
    return {kind: _build(kind, dict(entry)) for kind, entry in frozen}


def registry() -> dict[str, RegisteredType]:
    """Kind slug → registered type, in the setting's order (cached per setting value)."""
    return _registry(
        tuple((kind, tuple(sorted(entry.items())))
              for kind, entry in app_settings.CONTENT_TYPES.items())
    )


def get(kind: str) -> RegisteredType:
    """The registered type ``kind``; ``LookupError`` when there is none."""
    try:
        return registry()[kind]
    except KeyError:
        raise LookupError(f"no content type {kind!r} is registered") from None


def of(obj: Model) -> RegisteredType:
    """The registered type of the host object ``obj``; ``LookupError`` when unregistered."""
    model = obj._meta.concrete_model
    for registered in registry().values():
        if registered.model._meta.concrete_model is model:
            return registered
    raise LookupError(f"{model._meta.label} is not a registered content type")


def adapter_for(obj: Model) -> ContentAdapter:
    """The adapter of ``obj``'s registered type."""
    return of(obj).adapter


def default() -> RegisteredType:
    """The first registered type (what the legacy post routes and settings mean)."""
    return next(iter(registry().values()))


def choices() -> list[tuple[str, str]]:
    """(kind, label) pairs for forms and filters."""
    return [(kind, registered.label) for kind, registered in registry().items()]
