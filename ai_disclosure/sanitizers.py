"""Allowlist HTML sanitizers, selected by ``AI_DISCLOSURE_SANITIZER``.

nh3 (Rust's ammonia) is the default: maintained and about thirty times faster than bleach.
bleach is supported because many Django sites already depend on it; note that bleach 6.4.0 is
its final release and receives no more security fixes. Both allow the same tags, attributes and
URL schemes, drop everything else, and mark every link ``rel="nofollow ugc"``.
"""

from __future__ import annotations

from typing import Protocol

import nh3

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h1", "h2",
        "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "ol", "p", "pre", "s",
        "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "abbr": frozenset({"title"}),
    "img": frozenset({"src", "alt", "title"}),
    "ol": frozenset({"start"}),
    "td": frozenset({"align"}),
    "th": frozenset({"align"}),
}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc"


class Sanitizer(Protocol):
    """Turns untrusted HTML into HTML that is safe to show on the forum."""

    def clean(self, html: str) -> str:
        """Return ``html`` with everything outside the allowlist removed."""
        ...


class NH3Sanitizer:
    """The default sanitizer, built on nh3."""

    def __init__(self) -> None:
        self._clean = nh3.Cleaner(
            tags=set(ALLOWED_TAGS),
            attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
            url_schemes=set(ALLOWED_URL_SCHEMES),
            link_rel=LINK_REL,
            strip_comments=True,
        ).clean

    def clean(self, html: str) -> str:
        """Return ``html`` with everything outside the allowlist removed (nh3)."""
        return self._clean(html)


class BleachSanitizer:
    """The same allowlist on bleach, for sites that already standardised on it."""

    def __init__(self) -> None:
        # bleach is the optional [bleach] extra: imported only when this sanitizer is chosen.
        import bleach  # noqa: PLC0415
        from bleach.html5lib_shim import Filter  # noqa: PLC0415

        class LinkRelFilter(Filter):
            """Mark every link as user-generated and not endorsed."""

            def __iter__(self):
                for token in super().__iter__():
                    if token["type"] in ("StartTag", "EmptyTag") and token["name"] == "a":
                        token["data"][(None, "rel")] = LINK_REL
                    yield token

        self._cleaner = bleach.Cleaner(
            tags=ALLOWED_TAGS,
            attributes={tag: list(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
            protocols=ALLOWED_URL_SCHEMES,
            strip=True,
            strip_comments=True,
            filters=[LinkRelFilter],
        )

    def clean(self, html: str) -> str:
        """Return ``html`` with everything outside the allowlist removed (bleach)."""
        return self._cleaner.clean(html)
