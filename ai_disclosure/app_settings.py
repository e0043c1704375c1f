"""Settings of the ``ai_disclosure`` app, read lazily from ``AI_DISCLOSURE_*``.

Every setting has a documented default, so a host forum only has to register its content types.
Values are read on each access, so ``override_settings`` works in tests. No other module of
this app reads ``django.conf.settings`` for its own settings.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

PREFIX = "AI_DISCLOSURE_"


class AppSettings:
    """The ``AI_DISCLOSURE_*`` settings with their defaults, read on every access."""

    def _setting(self, name: str, default: Any) -> Any:
        # ``render()`` is usable outside a configured Django project (e.g. in a script).
        if not settings.configured:
            return default
        return getattr(settings, PREFIX + name, default)

    def _import(self, name: str, default: str) -> Any:
        return self.import_path(name, self._setting(name, default))

    @property
    def CONTENT_TYPES(self) -> dict[str, dict[str, str]]:
        """The registered content types: kind slug → ``{"model": "app.Model", "adapter":
        dotted path (default ``ai_disclosure.adapter.ContentAdapter``), "form": "full" or
        "compact" (default "full"), "label": shown in the queue (default: the model's verbose
        name)}``. The first entry is the default type.

        Without it, the legacy ``AI_DISCLOSURE_POST_MODEL`` and ``AI_DISCLOSURE_POST_ADAPTER``
        settings act as a registry of one type, ``"post"``.
        """
        registered = self._setting("CONTENT_TYPES", None)
        if registered:
            return registered
        model = self._setting("POST_MODEL", None)
        if not model:
            return {}
        return {
            "post": {
                "model": model,
                "adapter": self._setting("POST_ADAPTER", "ai_disclosure.adapter.ContentAdapter"),
                "form": "full",
            }
        }

    @property
    def LEGACY_MODEL(self) -> str | None:
        """The model the 0.1.0 migrations linked disclosures to: ``AI_DISCLOSURE_POST_MODEL``,
        else the first registered content type's model (read by the migrations only).
        """
        return self._setting("POST_MODEL", None) or next(
            (entry.get("model") for entry in self.CONTENT_TYPES.values()), None
        )

    def import_path(self, name: str, path: str) -> Any:
        """Import ``path`` given in setting ``name``; an error names the setting."""
        try:
            return import_string(path)
        except ImportError as exc:
            raise ImproperlyConfigured(
                f"{PREFIX}{name}: {path!r} could not be imported: {exc}"
            ) from exc

    @property
    def REQUIRED(self) -> bool:
        """Whether a post needs a complete disclosure before it is published."""
        return self._setting("REQUIRED", True)

    @property
    def POLICY_URL(self) -> str | None:
        """The forum's page on AI use (a URL or a path), linked from the form and from the
        API's refusals so an author or agent can read the rules; ``None``: no link.
        """
        return self._setting("POLICY_URL", None)

    @property
    def SANITIZER(self) -> type:
        """Allowlist HTML sanitizer class: nh3 (default, fast) or bleach."""
        return self._import("SANITIZER", "ai_disclosure.sanitizers.NH3Sanitizer")

    @property
    def MAX_BODY_BYTES(self) -> int:
        """Largest post body accepted, in bytes of UTF-8 (default 200 KB)."""
        return self._setting("MAX_BODY_BYTES", 200_000)

    @property
    def POSTING_RATE(self) -> str | None:
        """Posts an author may publish per period, e.g. ``"10/hour"``; ``None``: no limit."""
        return self._setting("POSTING_RATE", "10/hour")

    @property
    def NEW_AUTHOR_POSTING_RATE(self) -> str | None:
        """The stricter rate for new authors (see ``NEW_AUTHOR_DAYS``); default ``"3/hour"``."""
        return self._setting("NEW_AUTHOR_POSTING_RATE", "3/hour")

    @property
    def NEW_AUTHOR_DAYS(self) -> int:
        """Days after joining during which an author counts as new (default 7)."""
        return self._setting("NEW_AUTHOR_DAYS", 7)

    @property
    def MAX_JSON_DEPTH(self) -> int:
        """Deepest nesting of arrays and objects the API accepts in a JSON body (default 32)."""
        return self._setting("MAX_JSON_DEPTH", 32)

    @property
    def DESCRIPTION_MIN_LENGTH(self) -> int:
        """Minimum characters in "what did the AI do" when AI was used."""
        return self._setting("DESCRIPTION_MIN_LENGTH", 40)

    @property
    def COMPACT_DESCRIPTION_MIN_LENGTH(self) -> int:
        """Minimum characters of the compact form's one sentence on what the AI did."""
        return self._setting("COMPACT_DESCRIPTION_MIN_LENGTH", 15)

    @property
    def VERIFICATION_MIN_LENGTH(self) -> int:
        """Minimum characters in "how did you check it" when it is required."""
        return self._setting("VERIFICATION_MIN_LENGTH", 20)

    @property
    def MODEL_SUGGESTIONS(self) -> list[str]:
        """Model names offered as suggestions in the "models used" field."""
        return self._setting(
            "MODEL_SUGGESTIONS",
            [
                "Claude Opus 4.6",
                "Claude Sonnet 4.5",
                "GPT-5",
                "GPT-4o",
                "Gemini 2.5 Pro",
                "Llama 4",
                "DeepL",
                "Grammarly",
            ],
        )

    @property
    def MOSTLY_AI_THRESHOLD(self) -> float:
        """AI share (0–1) from which readers may collapse a post as "mostly AI-written"."""
        return self._setting("MOSTLY_AI_THRESHOLD", 0.5)

    @property
    def MAX_SUGGESTIONS_PER_POST(self) -> int:
        """Suggestions AI tools may record on one post, decided ones included (default 100),
        so a runaway tool cannot fill the database or the author's form.
        """
        return self._setting("MAX_SUGGESTIONS_PER_POST", 100)

    @property
    def MAX_SUGGESTION_PASSAGE(self) -> int:
        """Longest passage a tool may record with a suggestion, in characters (default 20,000)."""
        return self._setting("MAX_SUGGESTION_PASSAGE", 20_000)


app_settings = AppSettings()
