"""Worst-case cost of the chat-artifact classifier on 200 KB adversarial posts, on one core.

Run from the repository root: ``python bench/bench_chat_artifacts.py [--size BYTES]``. Each input
is built to defeat a shortcut: quotation marks nested and left open, near-matches of every
phrase family repeated thousands of times (so the keyword prefilter lets every pattern run and
every find is weighed), one line without spaces, many real finds in mention context and
thousands of sign-off lines in one paragraph, and unclosed placeholders.
The budget is one second of CPU per post (COMMON rules); the figures are milliseconds.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from moderation.classifiers.chat_artifacts import ChatArtifactsClassifier

SIZE = 200_000


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# name -> builder of a text of about ``size`` characters
INPUTS: dict[str, Callable[[int], str]] = {
    "nested quotes": lambda size: _repeat('"> “‘`"\'> “quote ‘inside “deeper ', size),
    "near-match phrases": lambda size: _repeat(
        "Certainly! Here is a here's a polished versio Let me know if you'd like me t "
        "Would you like me to Want me to If you want, I can as an AI [your [insert 【4 "
        "oaicite: turn0searc utm_source=chatgp I hope this help feel free to ", size),
    "line without spaces": lambda size: _repeat("certainly!here's[yourname]【4†source】", size),
    "mentioned finds": lambda size: _repeat(
        'The bot wrote "Certainly!" and then [Your Name], like 【4†source】 and '
        "utm_source=chatgpt.com; it said I hope this helps! Feel free to ask.\n> Let me know "
        "if you'd like me to expand.\n", size),
    "colons and lists": lambda size: _repeat(
        "Phrases to avoid:\n- Certainly!\n- I hope this helps!\n- [Your Name]\n", size),
    "emphasis and spaces": lambda size: _repeat("**_ *Certainly!* _**   \t  \n", size),
    # Sign-offs on lines of their own in one long last paragraph: each is checked for being the
    # close of an impersonal answer, and app labels and citation marks on every line.
    "sign-off lines": lambda size: _repeat(
        "Hope this helps!\nHappy coding! 🚀\nCopy code\nThe pass pays off[1][2].\n"
        "That's a great question, and\n", size),
    # Open brackets and blanks the placeholder patterns look inside, and openers and wishes
    # that never finish: each start is tried against a bounded window.
    "open placeholders": lambda size: _repeat(
        "[insert your a [describe you <name> from the (# of Dear ____ ah, the classic "
        "thanks for sharing the details about you - that stick with it you're doing great ",
        size),
    # Lines that hand a model's answer over, each with the writer speaking of themselves, and a
    # sign-off after them: every line is looked at once.
    "handover lines": lambda size: _repeat(
        "I asked claude and chatgpt and gemini what my options are, it told me:\n"
        "Hope this helps!\n", size),
    # Links without a scheme whose query strings run on without the tracking parameter, and
    # praise openers whose run-on words are each checked for the writer's "I".
    "bare links and praise": lambda size: _repeat(
        "ab.io/x?k=v&k=v&k=v&k=v&k=v utm_source That's a great question and we we we i i "
        "[describe the a a a a a <launch meeting location ", size),
    # Lines opening a quotation that never closes, source chips, hosts of many labels and
    # offers that never reach their question mark.
    "open quotes and chips": lambda size: _repeat(
        '"Best regards,\n[Your Name] a.b.c.d.e.f.g/x?k=v. Wiki Site Name +2\nHappy to '
        'write a a a a a which ', size),
}


def main() -> None:
    """Score each adversarial input and print its time and score."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=SIZE)
    args = parser.parse_args()
    classifier = ChatArtifactsClassifier()
    for name, build in INPUTS.items():
        text = build(args.size)
        started = time.process_time()
        result = classifier.score(text)
        elapsed = time.process_time() - started
        print(f"  {name:<22}{len(text):>8} chars {1000 * elapsed:8.1f} ms  "
              f"score {result.score:.2f}")


if __name__ == "__main__":
    main()
