"""Render a post body: Markdown with AI blocks → sanitized HTML, block records and AI share.

The pipeline is::

    normalise line endings → parse AI blocks (blocks.parse) → Markdown, once, over the whole
    post (so reference links work across blocks) → sanitize → wrap each block in a labelled
    ``<section>`` → measure text inside and outside blocks.

Block markers are swapped for placeholder paragraphs before Markdown runs and replaced by the
block's ``<section>`` *after* sanitizing. So the author's HTML goes through the allowlist without
any exception for block markup (an author cannot forge a block label with raw HTML), and the
block wrappers are built here from escaped values only. A placeholder that raw HTML carried into
an attribute value is dropped rather than replaced, so a wrapper never lands inside a tag.

``render()`` does not touch the database; pass ``block_types`` to use the admin-edited registry
(see ``selectors.block_types``). Results are cached per post by ``services.rendered_post``.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass

import markdown
from django.utils.html import format_html
from django.utils.translation import gettext as _

from .app_settings import app_settings
from .blocks import DEFAULT_BLOCK_TYPES, BlockType, ParsedBlock, RenderWarning, parse
from .sanitizers import Sanitizer

#: Bump when the output for the same input changes, so stored renders are rebuilt.
RENDERER_VERSION = 2

MARKDOWN_EXTENSIONS = ["fenced_code", "tables", "sane_lists"]
MARKDOWN_CONFIG = {"tables": {"use_align_attribute": True}}


@dataclass(frozen=True)
class Block:
    """An AI block of a rendered post. ``text_length`` counts its visible characters."""

    type: str
    model: str
    note: str
    start_line: int
    end_line: int
    text_length: int


@dataclass(frozen=True)
class Rendered:
    """The result of :func:`render`."""

    html: str
    blocks: tuple[Block, ...]
    #: Visible characters inside AI blocks divided by all visible characters (0.0–1.0).
    ai_share: float
    warnings: tuple[RenderWarning, ...]
    #: Visible (non-whitespace) characters of the whole post.
    text_length: int


_local = threading.local()
_sanitizers: dict[type, Sanitizer] = {}
_PLACEHOLDER_PREFIX = "aidisclosure"
#: A block marker's stand-in: the post's key (from its hash, so an author cannot write it),
#: ``o``/``c`` for opener/closer and the block index, as its own paragraph when Markdown made one.
_PLACEHOLDER_RE = re.compile(
    rf"(?:<p>)?{_PLACEHOLDER_PREFIX}(?P<key>[0-9a-f]{{16}})(?P<kind>[oc])(?P<index>\d+)x(?:</p>)?"
)
#: A tag of sanitized HTML, where every attribute value is double-quoted and may hold ">".
_TAG_RE = re.compile(r'<[^>"]*(?:"[^"]*"[^>"]*)*>')


def render(
    text: str,
    *,
    block_types: Iterable[BlockType] | None = None,
    sanitizer: Sanitizer | None = None,
) -> Rendered:
    """Render a Markdown post body with AI blocks. Never raises on any input text.

    ``block_types`` defaults to the built-in registry and ``sanitizer`` to the one named by
    ``AI_DISCLOSURE_SANITIZER``. Size limits are enforced where posts are accepted
    (``services.validate_body``), not here.
    """
    text = normalise(text)
    types = {block_type.slug: block_type for block_type in block_types or DEFAULT_BLOCK_TYPES}
    parsed = parse(text, types.values())
    key = hashlib.sha1(text.encode()).hexdigest()[:16]
    source = "\n".join(
        item if isinstance(item, str) else f"\n{_PLACEHOLDER_PREFIX}{key}{item[0][0]}{item[1]}x\n"
        for item in parsed.items
    )
    clean = (sanitizer or _default_sanitizer()).clean(_markdown().reset().convert(source))
    clean = _drop_placeholders_inside_tags(clean, key)

    # Split the sanitized HTML at the placeholders: text before the first one is outside
    # blocks, and the text after block i's opener is its content. One precompiled pattern
    # checked against this post's key (a pattern per post would be compiled on every render).
    html_parts: list[str] = []
    outside_length = 0
    block_lengths = [0] * len(parsed.blocks)
    current: int | None = None

    def take(piece: str) -> None:
        nonlocal outside_length
        html_parts.append(piece)
        if current is None:
            outside_length += _visible_length(piece)
        else:
            block_lengths[current] += _visible_length(piece)

    position = 0
    for match in _PLACEHOLDER_RE.finditer(clean):
        if match["key"] != key:
            continue  # the author's own text that merely looks like a placeholder
        take(clean[position : match.start()])
        position = match.end()
        index = int(match["index"])
        block = parsed.blocks[index]
        if match["kind"] == "o" and current is None:
            html_parts.append(_opening_tag(block, types[block.type]))
            current = index
        elif match["kind"] == "c" and current == index:
            html_parts.append("</section>")
            current = None
    take(clean[position:])

    if current is not None:
        # The sanitizer dropped a closing placeholder (e.g. inside a removed <script>).
        html_parts.append("</section>")

    blocks = tuple(
        Block(b.type, b.model, b.note, b.start_line, b.end_line, length)
        for b, length in zip(parsed.blocks, block_lengths, strict=True)
    )
    total = outside_length + sum(block_lengths)
    return Rendered(
        html="".join(html_parts),
        blocks=blocks,
        ai_share=round(sum(block_lengths) / total, 4) if total else 0.0,
        warnings=tuple(sorted(parsed.warnings, key=lambda warning: warning.line)),
        text_length=total,
    )


def normalise(text: str) -> str:
    """Unify line endings (Windows and old Mac) and drop NUL characters."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def _markdown() -> markdown.Markdown:
    # Building a Markdown instance loads every extension; reuse one per thread.
    if not hasattr(_local, "markdown"):
        _local.markdown = markdown.Markdown(
            extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_CONFIG
        )
    return _local.markdown


def _default_sanitizer() -> Sanitizer:
    sanitizer_class = app_settings.SANITIZER
    if sanitizer_class not in _sanitizers:
        _sanitizers[sanitizer_class] = sanitizer_class()
    return _sanitizers[sanitizer_class]


def _opening_tag(block: ParsedBlock, block_type: BlockType) -> str:
    label = " · ".join(str(part) for part in (block_type.label, block.model, block.note) if part)
    return format_html(
        '<section class="ai-block {}" data-block-type="{}" data-model="{}">'
        '<header class="ai-block-label" title="{}">{}</header>',
        block.type,
        block.type,
        block.model,
        _("Marked by the author as %(label)s") % {"label": block_type.label},
        label,
    )


def _drop_placeholders_inside_tags(html: str, key: str) -> str:
    """Remove placeholders that raw HTML carried into an attribute value.

    A block's ``<section>`` must only ever be inserted between tags, never spliced into one.
    Sanitized HTML escapes ``<`` in text and attribute values, so the last ``<`` before a
    placeholder starts the tag it is in, if any.
    """
    kept: list[str] = []
    position = 0
    for match in _PLACEHOLDER_RE.finditer(html):
        if match["key"] != key:
            continue
        tag_start = html.rfind("<", 0, match.start())
        if tag_start != -1 and not _TAG_RE.match(html, tag_start, match.start()):
            kept.append(html[position : match.start()])
            position = match.end()
    return "".join(kept) + html[position:] if kept else html


def _visible_length(fragment: str) -> int:
    """Characters a reader sees, not counting whitespace."""
    return len("".join(html_lib.unescape(_TAG_RE.sub("", fragment)).split()))
