"""The model registry as screening and the item page read it."""

from __future__ import annotations

from django.core.cache import cache

from ..model_registry import ModelRegistry, RegisteredModel
from ..models import AIModel

#: Screening reads the registry for every batch and admins change it rarely, so it is kept in
#: the default cache and dropped whenever a model is saved or deleted (``forget_model_registry``,
#: connected in ``receivers``). With a per-process cache another process sees a change after
#: at most ``REGISTRY_TIMEOUT`` seconds; with a shared cache (Redis) at once.
REGISTRY_CACHE_KEY = "moderation:model_registry"
REGISTRY_TIMEOUT = 60


def model_registry() -> ModelRegistry:
    """Every registered AI model, from the cache when it is there."""
    found = cache.get(REGISTRY_CACHE_KEY)
    if found is None:
        found = ModelRegistry(tuple(
            RegisteredModel(name=row.name, vendor=row.vendor, release_date=row.release_date,
                            tiers=tuple(row.tiers), aliases=tuple(row.aliases))
            for row in AIModel.objects.all()
        ))
        cache.set(REGISTRY_CACHE_KEY, found, REGISTRY_TIMEOUT)
    return found


def forget_model_registry(**kwargs) -> None:
    """Drop the cached registry (a receiver of the models' saves and deletes)."""
    cache.delete(REGISTRY_CACHE_KEY)
