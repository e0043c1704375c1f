"""Matching the model names authors write to the model registry (``models.AIModel``).

Pure: ``selectors.registry`` reads the registry into a :class:`ModelRegistry`, and screening
and the item page match names through :meth:`ModelRegistry.match` — the one matching rule.
A name matches a registered model when it equals the model's name or one of its aliases once
both are normalised (:func:`normalize`): case, spaces and punctuation do not count, so
“GPT 4o”, “gpt-4o” and “GPT4o” are the same name. Nothing fuzzier: “GPT-4o mini” is not
“GPT-4o”, and a near miss is shown to moderators as an unknown name rather than guessed.
"""

from __future__ import annotations

import functools
import hashlib
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

#: ``disclosure.newest_model_age_days`` when no named model is in the registry.
NO_KNOWN_MODEL = -1


def normalize(name: str) -> str:
    """A model name without case, spaces or punctuation (“Claude 3.5 Sonnet” →
    “claude35sonnet”), compatibility characters folded (full-width digits, ligatures).
    """
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "".join(character for character in folded if character.isalnum())


@dataclass(frozen=True)
class RegisteredModel:
    """One row of the registry, as matching needs it."""

    name: str
    vendor: str
    release_date: date
    tiers: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class RegistryMatch:
    """The registered models some names refer to, and the names that refer to none."""

    known: list[RegisteredModel]
    unknown: list[str]

    def context(self, today: date) -> dict:
        """The registry's part of the ``disclosure`` policy context (see ``policies.context``)."""
        newest = max((model.release_date for model in self.known), default=None)
        return {
            "newest_model_age_days": (today - newest).days if newest else NO_KNOWN_MODEL,
            "model_tiers": sorted({tier for model in self.known for tier in model.tiers}),
            "unknown_models": list(self.unknown),
        }


@dataclass(frozen=True)
class ModelRegistry:
    """The registry at one moment, indexed by normalised name and alias."""

    models: tuple[RegisteredModel, ...] = ()
    _index: dict[str, RegisteredModel] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Aliases first, so a model's own name wins over another model's alias.
        for model in self.models:
            for alias in model.aliases:
                self._index.setdefault(normalize(alias), model)
        for model in self.models:
            self._index[normalize(model.name)] = model

    @functools.cached_property
    def version(self) -> str:
        """A hash of the registry's content: part of every screening key, so a change to the
        registry makes the sweeper re-screen recent posts instead of leaving stale contexts.
        """
        rows = sorted([m.name, m.vendor, m.release_date.isoformat(), sorted(m.tiers),
                       sorted(m.aliases)] for m in self.models)
        return hashlib.sha256(json.dumps(rows).encode()).hexdigest()[:16]

    def match(self, names: Iterable[str]) -> RegistryMatch:
        """The registered models ``names`` refer to (each once), and the names unmatched, in
        the author's spelling (blank names are ignored).
        """
        known: dict[str, RegisteredModel] = {}
        unknown: list[str] = []
        for name in names:
            key = normalize(str(name))
            if not key:
                continue
            model = self._index.get(key)
            if model is not None:
                known.setdefault(model.name, model)
            elif name not in unknown:
                unknown.append(name)
        return RegistryMatch(known=list(known.values()), unknown=unknown)
