"""The text a post's author claims as their own, which is all the classifiers score.

Declared AI blocks are disclosed, not suspicious; code and quotations are someone else's
words. They are removed before scoring (and measured separately by ``ai_disclosure``).
"""

from __future__ import annotations

from html.parser import HTMLParser

#: Elements whose text is not the author's own prose.
EXCLUDED = frozenset({"section", "pre", "code", "blockquote"})
BLOCK_ELEMENTS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "hr",
                            "dt", "dd", "table"})


class _AuthoredText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in EXCLUDED:
            self.depth += 1
        elif tag in BLOCK_ELEMENTS and not self.depth:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in EXCLUDED:
            self.depth = max(0, self.depth - 1)
        elif tag in BLOCK_ELEMENTS and not self.depth:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def authored_text(html: str) -> str:
    """Plain text of sanitized post HTML without AI blocks, code and quotations."""
    parser = _AuthoredText()
    parser.feed(html)
    parser.close()
    lines = ("".join(parser.parts)).split("\n")
    return "\n\n".join(" ".join(line.split()) for line in lines if line.strip())
