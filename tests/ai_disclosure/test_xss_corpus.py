"""The public XSS payload corpus, in every position an author controls, for both sanitizers.

One test per (sanitizer, position) loops over all payloads and collects failures, so a failure
report names the first offending payloads instead of producing thousands of test ids. Output is
parsed as HTML by :func:`tests.ai_disclosure.test_sanitizers.unsafe_constructs`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ai_disclosure.rendering import render
from ai_disclosure.sanitizers import BleachSanitizer, NH3Sanitizer

from .test_sanitizers import unsafe_constructs

#: How the payload is placed in a post, keyed by position name.
POSITIONS = {
    "plain-markdown": "Intro *paragraph*.\n\n{payload}\n\nOutro with {payload} inline.\n",
    "raw-html-line": "Intro.\n\n<div>\n{payload}\n</div>\n\n<p>{payload}</p>\n",
    "inside-ai-block": ':::ai-written{{model="Claude Opus 4.6"}}\n{payload}\n\n- {payload}\n:::\n',
    "model-attribute": ':::ai-written{{model="{payload}"}}\nBody.\n:::\n'
    ":::ai-edited{{model='{payload}'}}\nBody.\n:::\n",
    "note-attribute": ':::ai-written{{model="M" note="{payload}"}}\nBody.\n:::\n'
    "%%% llm-output model=\"M\" note='{payload}'\nBody.\n%%% /llm-output\n",
    "link-or-image-url": "[link]({payload}) ![image]({payload}) <{payload}>\n\n"
    "[ref][r]\n\n[r]: {payload}\n",
}
SANITIZERS = {"nh3": NH3Sanitizer, "bleach": BleachSanitizer}
SHOWN_FAILURES = 10


@pytest.fixture(scope="module")
def payloads() -> list[str]:
    # The module-scoped twin of the ``shared_data`` fixture: read the corpus once, not 12 times.
    path = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "xss" / "payloads.txt"
    if not path.is_file():
        pytest.skip(f"XSS corpus not found at {path}; clone the repo beside ../shared")
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_corpus_is_the_expected_size(payloads):
    assert len(payloads) == 2197


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("sanitizer_name", SANITIZERS)
def test_no_payload_survives_sanitizing(payloads, sanitizer_name, position):
    sanitizer = SANITIZERS[sanitizer_name]()
    template = POSITIONS[position]
    failures: list[str] = []
    for number, payload in enumerate(payloads, start=1):
        try:
            problems = unsafe_constructs(
                render(template.format(payload=payload), sanitizer=sanitizer).html
            )
        except Exception as exc:  # render() promises never to raise; report, don't abort
            problems = [f"render raised {exc!r}"]
        if problems:
            failures.append(f"payload #{number} {payload!r}: {'; '.join(problems)}")

    assert not failures, (
        f"{len(failures)} of {len(payloads)} payloads unsafe with {sanitizer_name} in position "
        f"{position!r}; first {SHOWN_FAILURES}:\n" + "\n".join(failures[:SHOWN_FAILURES])
    )
