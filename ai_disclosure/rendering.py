"""Render a post body: Markdown with AI blocks → sanitized HTML, block records and AI share.

The pipeline is::

    normalise line endings → parse AI blocks (blocks.parse) → Markdown, once, over the whole
    post (so reference links work across blocks) → cap element nesting → sanitize → wrap each
    block in a labelled ``<section>`` → measure text inside and outside blocks.

Every step takes time linear in the size of the post, whatever the input: Markdown is
CommonMark plus tables and ``~~strikethrough~~``, parsed by pulldown-cmark (Rust, through
pyromark), which is linear by design and fuzzed; HTML parsers, the sanitizers' included, slow
down with the square of the nesting depth, so elements nested deeper than :data:`MAX_NESTING`
are shown as text before sanitizing (see :func:`cap_nesting`). ``python -m bench render``
measures the growth per doubling of pathological bodies.

Block markers are swapped for placeholder paragraphs before Markdown runs and replaced by the
block's ``<section>`` *after* sanitizing. So the author's HTML goes through the allowlist without
any exception for block markup (an author cannot forge a block label with raw HTML), and the
block wrappers are built here from escaped values only. A placeholder that raw HTML carried into
an attribute value is dropped rather than replaced, so a wrapper never lands inside a tag.

``render()`` does not touch the database; pass ``block_types`` to use the admin-edited registry
(see ``selectors.block_types``). Results are cached per content by ``services.rendered_content``.
"""

from __future__ import annotations

import functools
import hashlib
import html as html_lib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

import pyromark
from django.utils.html import format_html
from django.utils.translation import gettext as _

from .app_settings import app_settings
from .blocks import (
    DEFAULT_BLOCK_TYPES,
    BlockType,
    ParseResult,
    RenderWarning,
    parse,
)
from .i18n import shipped_text
from .sanitizers import Sanitizer

#: Bump when the output for the same input changes, so stored renders are rebuilt.
RENDERER_VERSION = 4


def content_hash(body: str) -> str:
    """The hash that identifies a post's body: stored renders, screenings, the human-only
    tick and expert co-signatures are all bound to the text through it.
    """
    return hashlib.sha256(body.encode("utf-8")).hexdigest()

#: CommonMark plus tables and strikethrough. Raw HTML is passed through to the allowlist
#: sanitizer, which decides what survives.
MARKDOWN_OPTIONS = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH
#: Elements nested deeper than this are shown as text: no real post nests this deep, and the
#: sanitizer's HTML parser takes time proportional to the depth for every element it inserts.
MAX_NESTING = 48
#: Quote and list markers one line may open; the next one is shown as text (see render()).
MAX_LINE_CONTAINERS = 16
#: Tags Markdown may make of a post: one per this many characters, and never fewer than
#: MIN_TAG_BUDGET. The sanitizer's time goes by tags, and some bodies ("> > > x" lines,
#: runs of fences or emphasis) make a tag of every character or two; such a post is shown
#: as text instead. Ordinary posts make one tag per 30 to 50 characters.
CHARACTERS_PER_TAG = 8
MIN_TAG_BUDGET = 4096
#: Character references one text node may hold before sanitizing. The sanitizers' HTML
#: parser appends each reference to the text node it belongs to, in time growing with the
#: node, so longer runs are split by an empty comment (which the sanitizers remove).
MAX_NODE_REFERENCES = 64


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


_sanitizers: dict[type, Sanitizer] = {}
_PLACEHOLDER_PREFIX = "aidisclosure"
#: A tag of sanitized HTML, where every attribute value is double-quoted and may hold ">".
_TAG_RE = re.compile(r'<[^>"]*(?:"[^"]*"[^>"]*)*>')
#: A block marker's stand-in, as the paragraph Markdown made of it: the post's key (from its
#: hash, so an author cannot write it), ``o``/``c`` for opener/closer and the block index.
_PLACEHOLDER_RE = re.compile(
    rf"<p>{_PLACEHOLDER_PREFIX}(?P<key>[0-9a-f]{{16}})(?P<kind>[oc])(?P<index>\d+)x</p>"
)
#: Entities the sanitizers write in text; anything else is decoded by ``html.unescape``.
_OTHER_ENTITY_RE = re.compile(r"&(?!(?:amp|lt|gt|quot|nbsp);)")
_COMMON_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&nbsp;", " "), ("&amp;", "&"))
#: Where an HTML parser may see a start or end tag (``cap_nesting`` counts these).
_TAG_START_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)")
#: A line (not a thematic break such as "- - -") opening more than MAX_LINE_CONTAINERS quotes
#: or lists: ``kept`` is up to the next marker's character, which a backslash escapes.
_CONTAINER_MARKER = r"(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))"
_DEEP_CONTAINERS_RE = re.compile(
    rf"^(?![ ]{{0,3}}(?P<rule>[-*_])(?:[ \t]*(?P=rule)){{2,}}[ \t]*$)"
    rf"(?P<kept>(?:[ \t]*{_CONTAINER_MARKER}){{{MAX_LINE_CONTAINERS}}}[ \t]*\d{{0,9}})"
    r"(?=[>+*.)-])",
    re.MULTILINE,
)
#: The start ("") or end ("/") of each non-void element in Markdown's output.
_MARKDOWN_TAG_RE = re.compile(r"<(/?)(?!(?:br|hr|img|input)\b)[a-z]")
_DEPTH_STEP = {"": 1, "/": -1}
_CELL_STYLE_RE = re.compile(r'<(?P<cell>t[hd]) style="text-align: (?P<align>left|center|right)">')
#: Stand-ins for the references Markdown writes: noncharacters, which normalise() replaces in
#: the input. Each reference is inert in text and attribute values, where the sanitizer's
#: output can hold a stand-in, so restoring them cannot make markup.
_REFERENCE_STANDINS = (
    ("&amp;", "\ufdd0"), ("&lt;", "\ufdd1"), ("&gt;", "\ufdd2"), ("&quot;", "\ufdd3")
)
_SURROGATE_RE = re.compile("[\ud800-\udfff\ufdd0-\ufdd3]")
#: A run of HTML without "<", from the start or a "<" on (so each run is scanned once).
_LONG_TEXT_RE = re.compile(rf"(?:^|(?<=<))[^<]{{{MAX_NODE_REFERENCES * 4},}}")
_VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)


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
    marker = _PLACEHOLDER_PREFIX + key
    source = "\n".join(
        item if isinstance(item, str) else f"\n{marker}{item[0][0]}{item[1]}x\n"
        for item in parsed.items
    )
    warnings = list(parsed.warnings)
    html = _bounded_html(source, parsed, marker, warnings)
    clean = _sanitize(html, sanitizer or _default_sanitizer())

    # Split the sanitized HTML at the placeholders: text before the first one is outside
    # blocks, and the text after block i's opener is its content. One precompiled pattern
    # checked against this post's key (a pattern per post would be compiled on every render).
    # Markdown makes each placeholder a paragraph of its own; one found anywhere else (raw
    # HTML carried it into an attribute or a <pre>) is removed, so a block's <section> only
    # ever lands between elements, never inside a tag.
    html_parts: list[str] = []
    # Built once per kind of block in this post (translating the labels costs more than the
    # rest of a small block), in the language of this render.
    opening_tag = functools.cache(functools.partial(_opening_tag, types))
    outside_length = 0
    block_lengths = [0] * len(parsed.blocks)
    current: int | None = None

    def take(piece: str) -> None:
        nonlocal outside_length
        if marker in piece:
            piece = re.sub(rf"{marker}[oc]\d+x", "", piece)
        html_parts.append(piece)
        if current is None:
            outside_length += _visible_length(piece)
        else:
            block_lengths[current] += _visible_length(piece)

    position = 0
    for match in _PLACEHOLDER_RE.finditer(clean) if marker in clean else ():
        if match["key"] != key:
            continue  # the author's own text that merely looks like a placeholder
        take(clean[position : match.start()])
        position = match.end()
        index = int(match["index"])
        block = parsed.blocks[index]
        if match["kind"] == "o" and current is None:
            html_parts.append(opening_tag(block.type, block.model, block.note))
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
        warnings=tuple(sorted(warnings, key=lambda warning: warning.line)),
        text_length=total,
    )



def _bounded_html(source: str, parsed: ParseResult, marker: str,
                  warnings: list[RenderWarning]) -> str:
    """Markdown's HTML for ``source``, kept to a size and depth the sanitizer handles in
    linear time: too many tags for the text's length renders the post as text (with a
    warning), and containers nested on one line past the limit are shown as text.
    """
    html = to_html(source)
    if html.count("<") > max(MIN_TAG_BUDGET, len(source) // CHARACTERS_PER_TAG):
        warnings.append(RenderWarning(1, _(
            "This post has too much markup for its length to be formatted, so it is shown "
            "as plain text."
        )))
        return _as_text(parsed.items, marker)
    if _markdown_depth(html) > MAX_NESTING:
        # Quotes and lists nested on one line ("> > > …", "1. 1. 1. …") make many times
        # more HTML than text: such markers past MAX_LINE_CONTAINERS are shown as text.
        source = _DEEP_CONTAINERS_RE.sub(r"\g<kept>\\", source)
        html = to_html(source)
    # Without "<" in the source there is no raw HTML: Markdown's own tags nest properly, so
    # their depth is simply counted.
    if "<" in source or _markdown_depth(html) > MAX_NESTING:
        html = cap_nesting(html)
    return html


def _sanitize(html: str, sanitizer: Sanitizer) -> str:
    """Sanitize ``html``; Markdown's escapes become one character each for the sanitizer (its
    parser spends far longer on a reference than on a character) and are restored after it.
    """
    if "&" not in html:
        return sanitizer.clean(html)
    for reference, standin in _REFERENCE_STANDINS:
        html = html.replace(reference, standin)
    if html.count("&") > MAX_NODE_REFERENCES:
        html = _LONG_TEXT_RE.sub(_split_text, html)
    clean = sanitizer.clean(html)
    for reference, standin in _REFERENCE_STANDINS:
        clean = clean.replace(standin, reference)
    return clean

def normalise(text: str) -> str:
    """Unify line endings (Windows and old Mac), drop NUL characters and replace lone
    surrogates (which cannot be encoded) and the noncharacters render() uses as stand-ins
    with U+FFFD.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return _SURROGATE_RE.sub("\ufffd", text)


def to_html(markdown: str) -> str:
    """CommonMark (with tables and strikethrough) → unsanitized HTML."""
    html = pyromark.html(markdown, options=MARKDOWN_OPTIONS)
    # Column alignment as the ``align`` attribute, which the sanitizers allow (not ``style``).
    return _CELL_STYLE_RE.sub(r'<\g<cell> align="\g<align>">', html)


def cap_nesting(html: str, limit: int = MAX_NESTING) -> str:
    """Show elements nested deeper than ``limit`` as text, in one linear pass.

    The count is conservative, so the sanitizer's parser never nests deeper than a few times
    ``limit``: every start tag of a non-void element counts, and an end tag only when it closes
    the innermost counted element (an HTML parser ignores or defers the others). Markdown's own
    output always nests properly, so ordinary posts are untouched.
    """
    if html.count("<") <= limit:
        return html
    # [text, "/" or "", name, text, ...]: the "<" of each tag is re-added below (or escaped).
    pieces = _TAG_START_RE.split(html)
    stack: list[str] = []  # names of the open elements counted; those past ``limit`` escaped
    changed = False
    for i in range(1, len(pieces), 3):
        slash, name = pieces[i], pieces[i + 1].lower()
        pieces[i] = "<" + slash
        if slash:
            if not stack or stack[-1] != name:
                continue
            escape = len(stack) > limit
            stack.pop()
        elif name in _VOID_ELEMENTS:
            continue
        else:
            stack.append(name)
            escape = len(stack) > limit
        if escape:
            pieces[i] = "&lt;" + slash
            changed = True
    return "".join(pieces) if changed else html


def _as_text(items: list[str | tuple[str, int]], marker: str) -> str:
    """The post's lines as preformatted text (one element however many lines), between the
    placeholders render() looks for.
    """
    parts: list[str] = []
    lines: list[str] = []
    for item in [*items, None]:
        if isinstance(item, str):
            lines.append(item)
            continue
        if lines:
            parts.append("<pre>" + html_lib.escape("\n".join(lines)) + "</pre>")
            lines = []
        if item is not None:
            parts.append(f"<p>{marker}{item[0][0]}{item[1]}x</p>")
    return "\n".join(parts)


def _split_text(run: re.Match[str]) -> str:
    """Put an empty comment before every MAX_NODE_REFERENCES-th character reference of a
    run, after the tag it starts with (if any), so no text node holds more of them.
    """
    tag, closed, text = run[0].partition(">")
    if not closed:
        tag, text = "", tag
    references = text.split("&")
    if len(references) <= MAX_NODE_REFERENCES:
        return run[0]
    step = MAX_NODE_REFERENCES
    return tag + closed + "<!---->&".join(
        "&".join(references[i : i + step]) for i in range(0, len(references), step)
    )


def _markdown_depth(html: str) -> int:
    """How deeply the elements of Markdown's own (well-nested) output nest, at C speed."""
    return max(accumulate(map(_DEPTH_STEP.__getitem__, _MARKDOWN_TAG_RE.findall(html))), default=0)


def _default_sanitizer() -> Sanitizer:
    sanitizer_class = app_settings.SANITIZER
    if sanitizer_class not in _sanitizers:
        _sanitizers[sanitizer_class] = sanitizer_class()
    return _sanitizers[sanitizer_class]


def _opening_tag(types: dict[str, BlockType], slug: str, model: str, note: str) -> str:
    """A block's opening ``<section>`` and label, built from escaped values only."""
    type_label = shipped_text(types[slug].label)
    label = " · ".join(str(part) for part in (type_label, model, note) if part)
    return format_html(
        '<section class="ai-block {}" data-block-type="{}" data-model="{}">'
        '<header class="ai-block-label" title="{}">{}</header>',
        slug,
        slug,
        model,
        _("Marked by the author as %(label)s") % {"label": type_label},
        label,
    )


def _visible_length(fragment: str) -> int:
    """Characters a reader sees, not counting whitespace."""
    text = _TAG_RE.sub("", fragment)
    if "&" in text:
        if _OTHER_ENTITY_RE.search(text):
            text = html_lib.unescape(text)
        else:  # the common case, without a Python call per entity; &amp; last
            for entity, character in _COMMON_ENTITIES:
                text = text.replace(entity, character)
    return len("".join(text.split()))
