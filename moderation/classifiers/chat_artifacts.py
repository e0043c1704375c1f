"""Leftovers of copy-pasting from a chat assistant.

Looks for text a chat assistant writes *to the person chatting with it* and that makes no sense
in a forum post: self-descriptions ("As an AI language model, I ..."), chatty openers
("Certainly! Here's ..."), offers at the end ("Let me know if you'd like me to ..."),
fill-in placeholders ("[Your Name]"), citation markers of assistant web tools ("【4:0†source】",
"[oaicite:0]", "turn0search1"), tracking parameters such as ``utm_source=chatgpt.com`` and
zero-width characters.

The classifier is built for near-zero false positives: a phrase inside quotation marks, a
blockquote or backticks is ignored (people quote these phrases when discussing AI), a phrase
introduced mid-sentence ("replies that start with As an AI language model") counts for little,
and greetings and sign-offs count in full only at the start or the end of the text. Most single
signals stay below the flag threshold; only unmistakable ones (citation markers, tracking
parameters, placeholders, an assistant describing itself) or several signals together reach it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from ._text import QuotedSpans, ascii_lower, compile_lower, quoted_spans
from .base import Evidence, Result, gettext_noop

_OPENING_WINDOW = 160  # characters from the start in which an opener counts in full
_CLOSING_WINDOW = 320  # characters from the end in which a sign-off counts in full
_CUE_LOOKBACK = 80  # characters before a find searched for a sign that it is being mentioned

# Words right before a find that show it is being talked about rather than used:
# "replies that start with As an AI language model", "markers like 【4†source】".
_MENTION_CUE_RE = re.compile(
    r"(?:\b(?:say|says|said|saying|like|with|phrase|phrases|words?|wrote|writes?|writing|typed?|"
    r"typing|starts?|started|starting|begins?|beginning|ends?|ending|the|an?|of|about|reads?|"
    r"including|includes?|containing|contains?|contained|as in|e\.g\.|i\.e\.|literally|lines?|"
    r"such as|string|text|quote|classic|stray|leftover|verbatim|has|had|have|leaves?|left|"
    r"leaving)\s*[:,]?\s*)$",
)
# Words anywhere earlier in the same sentence that make it a discussion of such finds
# ("the post ends with a cheerful Let me know if ...", "Gemini leaves [cite: 3] tokens"). A
# sentence is cut at a full stop, a question mark or a line break, not at "!", which mentioned
# openers ("Of course!") contain. Weaker cues ("like", "contains") count only before phrases:
# pasted prose with a citation marker may well say "cities such as Lyon 【4†source】".
_DISCUSSION_CUE_RE = re.compile(
    r"\b(?:says|said|saying|wrote|writes|replied|replies|answered|answers|opens?|opened|"
    r"starts?|started|starting|begins?|began|beginning|ends?|ended|ending|phrases?|words|"
    r"strings?|quote|quoted|typed|output|matches|grep|regex|leftovers?|placeholders?|markers?|"
    r"tokens?|parameters?|literally|verbatim|openers?|sign-offs?|leaves|leaving)\b"
)
_WEAK_DISCUSSION_CUE_RE = re.compile(
    r"\b(?:such as|like|e\.g\.|contained|contains|containing|template|appears?|appended)\b")
_SENTENCE_CUT_RE = re.compile(r"[.?](?:\s|$)|\n")


class Where(Enum):
    """Where in the text a pattern is meaningful."""

    ANYWHERE = "anywhere"
    OPENING = "opening"
    CLOSING = "closing"


@dataclass(frozen=True, slots=True)
class Pattern:
    """One artifact: a regular expression, how strongly it indicates a paste, and why."""

    regex: re.Pattern[str]
    weight: float
    reason: str
    where: Where = Where.ANYWHERE
    # A phrase counts once however often it recurs; literal markup (markers, URLs, invisible
    # characters) adds up with every occurrence.
    phrase: bool = True
    # Lower-case strings of which every match contains at least one: the regex only runs on
    # texts that contain one (a substring test is far cheaper than a regex scan).
    keywords: tuple[str, ...] = ()
    # Whether a writer can mention it ("markers like 【4†source】"); invisible characters cannot.
    mentionable: bool = True


def _p(pattern: str, weight: float, reason: str, where: Where = Where.ANYWHERE,
       *, keywords: tuple[str, ...], phrase: bool = True, mentionable: bool = True,
       flags: int = 0) -> Pattern:
    # Patterns run on ascii_lower()-ed text, which is much faster than re.IGNORECASE.
    return Pattern(compile_lower(pattern, flags), weight, reason, where, phrase, keywords,
                   mentionable)


_AS_AN_AI = ("as an ai", "as a ai", "as an artificial", "as a artificial")
_OPENER_WORDS = ("certainly", "sure", "absolutely", "of course", "great question",
                 "happy to help")
_GREETINGS = ("hi", "hello", "hey")

_LINES = re.MULTILINE
_AI_NOUN = (r"(?:AI|artificial intelligence)(?:[- ](?:language|based|powered))?"
            r"(?: (?:language )?(?:model|assistant|chatbot|system))?")
# What an assistant offers to do next with the text it just wrote.
_REWORK = (r"(?:expand|elaborate|rewrite|revise|write|create|draft|generate|tailor|adjust|"
       r"adapt|tweak|shorten|condense|summari[sz]e|format|reformat|turn|convert|put together|"
       r"polish|refine|rework|rephrase|translate|outline|break (?:it|this|that) down|"
       r"add (?:more|some|examples|sources|citations)|make (?:it|this|that|them)|"
       r"provide (?:a|an|more|some|examples|sources)|suggest|compare|walk you)")
_SENTENCE_START = r"(?:^|(?<=[.!?:]\s)|(?<=[.!?:]\s\s))\W{0,3}"
_REVISED = (r"(?:revised|rewritten|polished|improved|refined|cleaner|clearer|tighter|tightened|"
            r"concise|shorter|condensed|streamlined|reworded|updated|edited|friendlier|"
            r"professional|formal|casual|smoother|final|more|less|slightly|lightly|punchier)")
_VERSION = r"(?:version|draft|rewrite|revision|rewording|redraft|edit|paraphrase|rephrasing)"

PATTERNS: tuple[Pattern, ...] = (
    # An assistant describing itself, followed by what "I" can or cannot do.
    _p(rf"\bas an? {_AI_NOUN}"
       r"(?: (?:developed|created|trained|made) by [A-Z][\w ]{1,30}?)?,\s*I\b",
       0.97,
       gettext_noop("assistant self-description 'As an AI language model, I ...'"),
       keywords=_AS_AN_AI),
    _p(rf"\bas an? {_AI_NOUN}\b", 0.5, gettext_noop("assistant self-description 'As an AI ...'"),
       keywords=_AS_AN_AI),
    _p(rf"\bI(?:'m| am) (?:just |only )?an? {_AI_NOUN}(?=\s*(?:[,.;!]|and\b|developed|created|"
       r"trained|designed|so\b|I\b|without\b|with no\b))",
       0.9,
       gettext_noop("assistant self-description 'I am an AI ...'"), keywords=("i'm ", "i am ")),
    _p(r"\b(?:as of|since) my (?:last )?(?:knowledge|training)(?: data)? (?:update|cut-?off)",
       0.95, gettext_noop("assistant knowledge-cutoff disclaimer"), keywords=(" my ",)),
    _p(r"\bmy (?:knowledge|training data) (?:cut-?off|only goes up to|extends up to)",
       0.9,
       gettext_noop("assistant knowledge-cutoff disclaimer"),
       keywords=("my knowledge", "my training")),
    _p(r"\bI (?:don't|do not) have (?:personal (?:opinions|feelings|beliefs|preferences)|"
       r"(?:access to )?real-time (?:data|information|access)|the ability to browse)",
       0.8, gettext_noop("assistant disclaimer about its own abilities"),
       keywords=("i don't have ", "i do not have ")),
    _p(r"\bI (?:can't|cannot) browse the (?:internet|web)\b", 0.8,
       gettext_noop("assistant disclaimer about its own abilities"), keywords=(" browse the ",)),
    # Openers and greetings: an assistant answering a request.
    _p(r"^\W*(?:certainly|sure(?: thing)?|absolutely|of course|great question|happy to help)"
       r"[!.,:]*\s*(?:[—–-]+\s*)?"
       r"(?:here(?:'s| is| are)|below (?:is|are)|I(?:'d| would) be (?:happy|glad)|"
       r"let(?:'s| us) (?:dive|break|explore|take a look|walk|go))",
       0.95,
       gettext_noop("chat-assistant opener 'Certainly! Here's ...'"),
       Where.OPENING, flags=_LINES,
       keywords=_OPENER_WORDS),
    _p(r"^\W*(?:hi|hello|hey)(?: there)?\W{1,8}(?:great question|thanks? (?:you )?for "
       r"(?:asking|reaching out)|I(?:'d| would) be (?:happy|glad|delighted)|happy to help|"
       r"sure|certainly|absolutely|of course)",
       0.95,
       gettext_noop("chat-assistant greeting 'Hi there! Great question'"),
       Where.OPENING, flags=_LINES,
       keywords=_GREETINGS),
    _p(r"\A\W*(?:certainly|absolutely|(?:what a )?great question)!", 0.9,
       gettext_noop("chat-assistant opener 'Great question!'"),
       keywords=("certainly!", "absolutely!",
                                                            "great question!")),
    _p(r"^\W*(?:certainly|absolutely|great question|what a great question)!", 0.6,
       gettext_noop("chat-assistant opener"), Where.OPENING, flags=_LINES,
       keywords=("certainly!", "absolutely!", "great question!")),
    _p(r"\bI(?:'d| would) be (?:happy|glad|delighted) to help\b", 0.6,
       gettext_noop("chat-assistant offer of help"), Where.OPENING, keywords=(" to help",)),
    # Preambles of a rewrite: "Sure — here's a polished version:".
    _p(rf"\b(?:here(?:'s| is| are)|below (?:is|are)) (?:a|an|the|your) (?:[\w-]+,? ){{0,3}}?"
       rf"{_REVISED}(?:,? [\w-]+){{0,3}}? {_VERSION}s?\b",
       0.9, gettext_noop("chat-assistant rewrite preamble 'Here's a polished version'"),
       keywords=("here's ", "here is ", "here are ", "below is ", "below are ")),
    _p(rf"\b(?:here(?:'s| is| are)|below (?:is|are)) (?:a|an|the|your) (?:[\w-]+ ){{0,2}}?"
       rf"{_VERSION}s?\b[^.!?\n:]{{0,60}}:",
       0.9, gettext_noop("chat-assistant preamble 'Here's a draft:'"),
       keywords=("here's ", "here is ", "here are ", "below is ", "below are ")),
    # Offers of a next turn, anywhere in the text: "Let me know if you'd like me to ...".
    _p(r"\b(?:let me know|just say the word|tell me) if you(?:'d| would) like (?:me to|any|more|"
       r"further|additional|a |an |it|the|to see|changes|adjustments|help)",
       0.9, gettext_noop("chat-assistant offer 'Let me know if you'd like me to ...'"),
       keywords=(" if you'd like ", " if you would like ")),
    _p(rf"\b(?:would you like me to|shall I|should I also) (?:\w+ ){{0,3}}?{_REWORK}",
       0.9, gettext_noop("chat-assistant offer 'Would you like me to ...?'"),
       keywords=("would you like me to ", "shall i ", "should i also ")),
    _p(rf"{_SENTENCE_START}(?:do you )?want me to (?:\w+ ){{0,2}}?{_REWORK}",
       0.9, gettext_noop("chat-assistant offer 'Want me to ...?'"), keywords=("want me to ",)),
    _p(rf"\bif you(?:'d| would) like,? I (?:can|could) (?:also |easily )?(?:\w+ ){{0,2}}?"
       rf"{_REWORK}", 0.9, gettext_noop("chat-assistant offer 'If you'd like, I can ...'"),
       keywords=("if you'd like", "if you would like")),
    _p(rf"\bif you want,? I (?:can|could) (?:also |easily )?(?:\w+ ){{0,2}}?{_REWORK}",
       0.9,
       gettext_noop("chat-assistant offer 'If you want, I can ...'"),
       keywords=("if you want",)),
    _p(r"\bI can also (?:turn|draft|rewrite|adapt|tailor|shorten|expand|format|reformat|"
       r"summari[sz]e|rephrase|condense|convert|polish) (?:this|it|that|them)\b",
       0.8,
       gettext_noop("chat-assistant offer 'I can also turn this into ...'"),
       keywords=("i can also ",)),
    _p(r"\bhappy to (?:tweak|adjust|revise|refine|expand|shorten|rewrite|tailor|adapt|polish|"
       r"rework|rephrase|make (?:it|this|any|further|more))",
       0.9, gettext_noop("chat-assistant offer 'Happy to tweak ...'"), keywords=("happy to ",)),
    _p(r"\bis there anything else (?:I can|you(?:'d| would) like)", 0.9,
       gettext_noop("chat-assistant sign-off 'Is there anything else ...'"),
       keywords=("is there anything else ",)),
    _p(r"\bif (?:that|it|this) (?:would )?helps?\b", 0.5,
       gettext_noop("chat-assistant offer ending 'if that would help'"), Where.CLOSING,
       keywords=("if that ", "if it ", "if this ")),
    # Sign-offs: an assistant closing its turn.
    _p(r"\bI hope (?:this|that|these|the above) (?:helps|(?:information |explanation )?(?:helps|"
       r"clarifies|gives you|is helpful|was helpful))", 0.55,
       gettext_noop("chat-assistant sign-off 'I hope this helps'"),
       Where.CLOSING, keywords=("i hope ",)),
    _p(r"\bfeel free to (?:ask|reach out|let me know)\b", 0.35,
       gettext_noop("chat-assistant sign-off 'Feel free to ask'"),
       Where.CLOSING, keywords=("feel free to ",)),
    _p(r"\bfeel free to (?:tweak|adjust|adapt|customi[sz]e|modify|personali[sz]e|edit) "
       r"(?:it|this|the|any|as)\b", 0.6,
       gettext_noop("chat-assistant sign-off 'Feel free to tweak it'"), Where.CLOSING,
       keywords=("feel free to ",)),
    _p(r"\b(?:let me know|if you have) (?:if you have )?any (?:other|more|further|follow-up) "
       r"questions", 0.5,
       gettext_noop("chat-assistant sign-off 'Let me know if you have any other questions'"),
       Where.CLOSING, keywords=(" any other ", " any more ", " any further ", " any follow-up ")),
    _p(r"\blet me know if you need (?:any )?(?:more |further |additional )?(?:help|details|"
       r"information|assistance|changes|adjustments|anything else)", 0.5,
       gettext_noop("chat-assistant sign-off 'Let me know if you need more help'"), Where.CLOSING,
       keywords=("let me know if you need ",)),
    # Fill-in placeholders of generated letters and posts.
    _p(r"\[(?:your|insert|recipient'?s?|company|client|author'?s?|name of|today'?s|full|job|"
       r"contact|specific|relevant|add|organi[sz]ation|school|university|team|event|venue|"
       r"phone|website|link|url|position|role|department|hiring manager|platform|brand|"
       r"signature)\b[^\]\n]{0,40}\](?!\()",
       0.95,
       gettext_noop("unfilled placeholder such as '[Your Name]'"),
       phrase=False, keywords=("[",)),
    _p(r"\[(?:name|date|address|phone number|email(?: address)?|city|country|location|"
       r"title|product|topic|organization)\](?!\()",
       0.9, gettext_noop("unfilled placeholder such as '[Name]'"), phrase=False, keywords=("[",)),
    _p(r"[<{](?:your|insert) [^>}\n]{1,40}[>}]", 0.9,
       gettext_noop("unfilled placeholder such as '<Your Name>'"),
       phrase=False, keywords=("<your ", "{your ",
                                                                         "<insert ", "{insert ")),
    # Citation markers and tracking parameters of assistant web tools.
    _p(r"【(?:\d+(?::\d+)?(?:†[^】\n]{0,60})?|[^】\n]{0,40}turn\d+[a-z]+\d+[^】\n]{0,40})】", 0.99,
       gettext_noop("assistant citation marker '【4:0†source】'"), phrase=False, keywords=("【",)),
    _p(r"\[?oaicite:\d+\]?|:contentReference\[", 0.99,
        gettext_noop("assistant citation marker '[oaicite:0]'"),
       phrase=False, keywords=("oaicite:", ":contentreference[")),
    _p(r"(?:\bcite|\b|(?<=\d))turn\d+(?:search|news|view|fetch|file|image|product|academia|"
       r"forecast|finance|sports)\d+", 0.99,
       gettext_noop("assistant citation marker 'turn0search1'"), phrase=False,
       keywords=tuple(f"turn{digit}" for digit in range(10))),
    _p(r"\[cite(?:_start|_end|:\s*\d+(?:,\s*\d+)*)\]", 0.97,
       gettext_noop("assistant citation marker '[cite: 3]'"), phrase=False, keywords=("[cite",)),
    _p(r"[\ue200-\ue206]", 0.95,
        gettext_noop("private-use characters of assistant citation markup"),
       phrase=False, mentionable=False,
       keywords=tuple(chr(code) for code in range(0xE200, 0xE207))),
    _p(r"[?&]utm_source=(?:chatgpt(?:\.com)?|openai(?:\.com)?|copilot(?:\.microsoft\.com)?|"
       r"perplexity(?:\.ai)?|gemini(?:\.google\.com)?|claude(?:\.ai)?|bard)\b",
       0.98,
       gettext_noop("assistant tracking parameter such as 'utm_source=chatgpt.com'"),
       phrase=False,
       keywords=("utm_source=",)),
    # Invisible characters; a joiner inside an emoji sequence or a non-Latin word is legitimate.
    _p(r"[\u200b\u2060\u180e]|(?<!^)\ufeff|(?<=[A-Za-z ])[\u200c\u200d](?=[A-Za-z ])", 0.6,
       gettext_noop("zero-width character"), phrase=False, mentionable=False,
       keywords=("\u200b", "\u2060", "\u180e", "\ufeff", "\u200c", "\u200d")),
)

# Every keyword of every pattern, each looked up once per text.
_KEYWORDS = tuple(sorted({keyword for pattern in PATTERNS for keyword in pattern.keywords}))

# Scored once per pattern, except invisible characters which add up (up to this many).
_REPEATABLE_LIMIT = 3


class ChatArtifactsClassifier:
    """Scores how surely a text still carries leftovers of a chat-assistant answer.

    The score is a noisy-OR of the weights of the artifacts found, so one unmistakable
    artifact or a couple of weaker ones (an opener plus a sign-off) pass ``flag_threshold``.
    """

    name = "chat_artifacts"
    version = "1.0"
    flag_threshold = 0.9

    def score(self, text: str, context: Mapping | None = None) -> Result:
        """Score ``text``; ``context`` is not used."""
        quoted: QuotedSpans | None = None
        evidence: list[Evidence] = []
        # Curly apostrophes as straight ones, so "Here’s" matches like "Here's" (same offsets).
        lowered = ascii_lower(text).replace("’", "'")
        stripped_end = len(text.rstrip())
        present = {keyword for keyword in _KEYWORDS if keyword in lowered}
        for pattern in PATTERNS:
            if present.isdisjoint(pattern.keywords):
                continue
            count = 0
            best: Evidence | None = None
            for match in pattern.regex.finditer(lowered):
                start, end = match.span()
                if quoted is None:
                    quoted = quoted_spans(text)
                weight = self._weight(pattern, lowered, start, end, stripped_end, quoted)
                if weight <= 0.0:
                    continue
                item = Evidence(start, end, pattern.reason, round(weight, 3))
                if pattern.phrase:
                    if best is None or item.weight > best.weight:
                        best = item
                else:
                    evidence.append(item)
                    count += 1
                    if count >= _REPEATABLE_LIMIT:
                        break
            if best is not None:
                evidence.append(best)
        evidence = self._drop_shadowed(evidence)
        remaining = 1.0
        for item in evidence:
            remaining *= 1.0 - item.weight
        evidence.sort(key=lambda item: (-item.weight, item.start))
        return Result(round(1.0 - remaining, 4), tuple(evidence))

    @staticmethod
    def _weight(pattern: Pattern, text: str, start: int, end: int, stripped_end: int,
                quoted: QuotedSpans) -> float:
        if quoted.contains(start, end):
            return 0.0
        if pattern.mentionable and _mentioned(text, start, pattern.phrase):
            return 0.0
        weight = pattern.weight
        if pattern.where is Where.OPENING and start > _OPENING_WINDOW and text[start - 1] != "\n":
            # An opener at the start of a later paragraph still marks a pasted answer.
            weight *= 0.3
        elif pattern.where is Where.CLOSING and end < stripped_end - _CLOSING_WINDOW:
            weight *= 0.3
        return weight

    @staticmethod
    def _drop_shadowed(evidence: list[Evidence]) -> list[Evidence]:
        """Keep only the strongest of overlapping hits, so one phrase is not counted twice."""
        kept: list[Evidence] = []
        for item in sorted(evidence, key=lambda item: -item.weight):
            if all(item.end <= other.start or item.start >= other.end for other in kept):
                kept.append(item)
        return kept


def _mentioned(text: str, start: int, phrase: bool) -> bool:
    """Whether the find at ``start`` is talked about rather than used: a mention word right
    before it, or a word of discussion ("ends with", "literally says") earlier in its sentence
    (for a ``phrase``, weaker words such as "like" too).
    """
    before = text[max(0, start - _CUE_LOOKBACK):start]
    if _MENTION_CUE_RE.search(before[-40:]):
        return True
    cuts = list(_SENTENCE_CUT_RE.finditer(before))
    sentence = before[cuts[-1].end():] if cuts else before
    return bool(_DISCUSSION_CUE_RE.search(sentence)
                or (phrase and _WEAK_DISCUSSION_CUE_RE.search(sentence)))
