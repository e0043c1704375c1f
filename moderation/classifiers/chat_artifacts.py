"""Leftovers of copy-pasting from a chat assistant.

Looks for what a chat assistant writes *to the person chatting with it* and what makes no sense
in a forum post (the phrases are in :mod:`._artifact_phrases`, openers and sign-offs in
:mod:`._artifact_courtesies`, the markup in :mod:`._artifact_markup`): self-descriptions and
disclaimers ("As an AI language model, I ...", "I'm unable to open external links"),
knowledge-cutoff notes, openers ("Certainly! Here's ...", "That's a really thoughtful question,
and ..."), rewrite preambles ("Sure - here's a polished version:", "I've tightened your
intro:"), offers of a next turn ("Let me know if you'd like me to ...", "Want me to make it
shorter?"), sign-offs ("I hope this helps!", "Happy coding! 🚀"), the chat app's own buttons and
labels copied along ("Copy code", "ChatGPT said:", "Thought for 12 seconds"), fill-in
placeholders ("[Your Name]", "<Company Name>", "{{name}}", "XX%"), citation markers of assistant
web tools ("【4:0†source】", ":contentReference[oaicite:1]", "turn0search3", numbered marks with
no list of references), tracking parameters (``utm_source=chatgpt.com``) and zero-width
characters.

**How strong a find is.** A *strong* find flags a post on its own: a marker, a placeholder, a
tracking parameter, a self-description, copied app text, an offer to rework the text, a rewrite
preamble, an opener followed by "here's"/"below is". A *weak* find does not: people end forum
replies with "Hope this helps!" and open them with "Absolutely!" or "Great question!" too, so a
lone sign-off or a lone opener stays below the threshold. Two weak finds of *different*
families (a sign-off and an offer of more questions, an opener and a sign-off) flag a post
together, even when a person wrote both: that is the price of catching sign-off-only pastes.
Refinements: an opener at the very start of a post is strong when exposition follows and weak
when the writer goes on about themselves ("Great question! I asked our vet ..."); a sign-off
is strong when it stands on its own line at the end of an answer of thirty words or more in
which the writer never says "I", "me" or "my" (a person's "Hope this helps!" follows their own
story or ends their own paragraph), or when it is a wish closed by an emoji ("Good luck with
the build! 🔨"); and a preamble about the writer's own text ("Here's a cleaner version of my
recipe:") is a person sharing their work, since an assistant says "your".

**Where a find stands.** Text is matched after :func:`normalise`, so case, curly quotes, dashes,
Markdown emphasis and collapsed whitespace make no difference. Openers count only at the start
of a post, a line or a sentence; sign-offs count in full only in the last paragraph or closing
a paragraph. Offers, preambles and markup count wherever they stand: a pasted answer can sit at
the start, in the middle or at the end of a post.

**Mentions are not leftovers.** A find is ignored when it is talked about rather than used:
inside quotation marks, inline or fenced code, an indented code block or a ``>`` block quote;
right after a word that introduces a quotation ("ends with", "literally says", "the bot wrote",
"like"); in a sentence about such phrases ("the reply said", "they end with an offer",
"strings", "markers"); after a colon that introduces a list of phrases, a template or a model's
answer ("Phrases to avoid:", "Red flags:", "the template I use:", "Here's what Claude gave me:",
a transcript's "Assistant:"; but a line naming the source before a whole answer of fifty
words or more, "Here's what Gemini told me:", hands over a paste); placeholders in a template
the writer says is their own ("the email I sent", "fill in the bits in square brackets");
right before a word naming it ("the {{first_name}} fields"); and in a run of such mentions
("Certainly!, I hope this helps! and [Your Name]"). Tracking parameters count only inside a
link, and markup is judged as the whole token it sits in.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ._artifact_courtesies import OPENERS, SIGN_OFFS
from ._artifact_markup import MARKUP
from ._artifact_patterns import STRONG, Pattern, Where
from ._artifact_phrases import PHRASES
from ._text import QuotedSpans, ascii_lower, quoted_spans
from .base import Evidence, Result

_CLOSING_WINDOW = 320  # characters from the end in which a sign-off counts in full
_PARAGRAPH_CLOSE = 200  # ... or from a sign-off to the end of its paragraph
_OUT_OF_PLACE = 0.4  # weight factor of a sign-off in the middle of a paragraph
_FINDS_PER_PATTERN = 64  # finds weighed per pattern: bounds the work on adversarial input
_REPEATABLE_LIMIT = 3  # occurrences of one markup pattern that add up
_INTRODUCTION_REACH = 1200  # characters back to the colon that introduces a list or template
_COLONS_TRIED = 4  # colons looked at (the nearest) for one that introduces a list

# Quotation marks, apostrophes and dashes mapped one to one, so offsets are unchanged.
_PUNCTUATION = str.maketrans("’‘‚‛“”„‟—–‒―‐‑", "''''\"\"\"\"------")
# Markdown emphasis markers (not an underscore inside a word, "first_name", nor a blank to fill
# in, "Dear ____,") and whitespace runs that are not a single space.
_GAP_RE = re.compile(r"\*+|(?<![\w_])__?(?!_)|(?<!_)__?(?![\w_])|[^\S\n]*\n[^\S\n]*(?:\n\s*)?|"
                     r"[^\S\n]{2,}|[^\S \n]")

# Words right before a find that introduce a quotation: "replies that start with As an AI",
# "it literally says [Your Name]". Markup ("markers like 【4†source】") has its own, shorter list:
# a placeholder after "as a" or "the" is used, not mentioned.
_MARKUP_CUE = (r"say|says|said|saying|like|such as|e\.g\.|i\.e\.|write|wrote|writes|type|"
               r"typed|typing|contains?|contained|containing|including|includes|string|"
               r"literally|as in|ends? with|ended with|starts? with|began with|begins with|"
               r"verbatim|reads|what(?:'s| is| are| does| do)(?: the| this| that| these| those)?")
_PHRASE_CUE_RE = re.compile(
    rf"\b(?:{_MARKUP_CUE}|phrases?|words?|writing|starts?|started|starting|begins?|"
    r"beginning|ends?|ending|the|an?|of|about|with(?: an? \w+)?|lines?|text|quote|classic|"
    r"stray|leftover|has|had|have|leaves?|left|leaving|opened|answered|replied|responded|is|"
    r"was|offers?|offered)[\s,:]{0,2}$")
_MARKUP_CUE_RE = re.compile(rf"\b(?:{_MARKUP_CUE})[\s,:]{{0,2}}$")
# Words anywhere earlier in the same sentence that make it a discussion of such finds ("the post
# ends with a cheerful Let me know if ...", "Gemini leaves [cite: 3] tokens"). A sentence is cut
# at a full stop, a question mark or a line break, not at "!", which mentioned openers contain.
_DISCUSSION_CUE_RE = re.compile(
    r"\b(?:says|said|saying|wrote|writes|replied|replies|responded|responds|answered|answers|"
    r"told|tells?|phrases?|words|wording|strings?|quote|quoted|quoting|typed|output|matches|"
    r"grep|regex|leftovers?|placeholders?|markers?|tokens?|parameters?|literally|verbatim|"
    r"openers?|closers?|sign-?offs?|preambles?|giveaways?|gave it away|red flags?|style|leaves|"
    r"leaving|analytics|visits|traffic|referrals|filters?|strip|trim|remove|delete|"
    r"search (?:for|your)|banned|bans|avoid|citation|pars(?:e|es|ed|ing)|"
    r"you (?:write|type|enter)|(?:ends?|"
    r"ended|ending|starts?|started|starting|begins?|began|opens?|opened) with)\b")
# Numbered citation marks ("... in 2019.[1]") and links ("The APA Style site has a page on
# this: [Retrieval dates](...)") stand in ordinary sentences about anything, so only words about
# marks or tracking make a sentence a discussion of them.
_FAMILY_TALK_RE = {
    "numbered-citation": re.compile(
        r"\b(?:citations?|cites?|cited|footnotes?|markers?|marks|references?|brackets?|numbers|"
        r"superscripts?|sources?|says|said|wrote|output|leftovers?)\b"),
    "tracking": re.compile(
        r"\b(?:utm\w*|tracking|trackers?|(?:utm|query|url|link) param(?:eter)?s?|analytics|"
        r"referrals?|referrers?|"
        r"traffic|visits|query strings?|strip|strips|stripped|remove|removes|removed|appended|"
        r"appends|tags?|says|said|wrote|leftovers?|links? (?:from|that|with|carrying)|"
        r"pars(?:e|es|ed|ing)|regex|grep|filters?|matches)\b"),
}
# ... and for phrases also words that are as often about anything else ("the trail ends at
# the weir 【3†source】" is a paste, "the reply ends with I hope this helps" a mention).
_PHRASE_DISCUSSION_CUE_RE = re.compile(
    r"\b(?:opens?|opened|starts?|started|starting|begins?|began|beginning|ends?|ended|ending|"
    r"offers?|offering|offered|kept|keeps|such as|like|e\.g\.|contained|contains|containing|"
    r"template|appears?|appended)\b")
# What a colon introduces when the words before it discuss such finds or are of this kind: a list
# of phrases, a template or a model's answer ("Phrases to delete before you post:", "Here's the
# template I use:", "Here's what Claude gave me:", a transcript's "Assistant:").
_INTRODUCER_RE = re.compile(
    r"\b(?:templates?|fill in|examples?|things|gave|got back|produced|generated|returned|"
    r"transcript|chatgpt|gpt-?[\d.o]+\w*|claude|gemini|bard|copilot|llama|chatbot)\b")
# Words with which a writer says where an answer they hand over comes from ("what Gemini told
# me:", "it said:"), and words that make it a list of phrases instead ("phrases it uses:").
_MODELS = (r"chatgpt|gpt-?[\d.o]+\w*|claude|gemini|bard|copilot|llama|deepseek|grok|perplexity|"
           r"mistral|le chat|meta ai|chatbot")
_SOURCE_CUE_RE = re.compile(rf"\b(?:{_MODELS}|bot|assistant|it)\b")
# A line of the writer's own that hands over a model's answer ("Copying what Gemini told me:").
_HANDOVER_LINE_RE = re.compile(
    rf"^(?=[^\n]{{0,300}}:[^\S\n]*$)[^\n]{{0,300}}?\b(?:{_MODELS})\b[^\n]*", re.MULTILINE)
_LIST_CUE_RE = re.compile(
    r"\b(?:phrases?|words|strings?|lines|templates?|examples?|avoid|red flags?|giveaways?|signs|"
    r"list|leftovers?|openers?|closers?|sign-?offs?|preambles?|markers?|placeholders?|things)\b")
_PASTE_RE = re.compile(r"(?:\W*\w+\b){50}")  # words that make what a colon introduces an answer
_ANSWER_REACH = 2000  # characters after the colon in which those words are counted
# A transcript's speaker label, alone before its colon ("Assistant: Certainly! ...").
_SPEAKER_RE = re.compile(r"\W{0,3}(?:user|me|you|assistant|model|bot|ai|human|q|a|prompt|"
                         r"response|answer|reply|output)\W{0,3}")
# Words right after markup that name what it is ("the {{first_name}} fields", "what does the
# 【6†source】 thing mean").
_NAMING_RE = re.compile(
    r"[\"')\]]?(?:,?\s(?:and|or)\s(?:similar\s|other\s)?\S{0,40}?)?\s?(?:fields?|"
    r"placeholders?|markers?|tokens?|tags?|strings?|parameters?|variables?|syntax|markup|"
    r"(?:gets? |is |are |was |were )?(?:appended|added|inserted)|appears?|leaks?|survives?|"
    r"things?|bits?|stuff|junk|brackets?|symbols?|characters?|means?|meant|"
    r"(?:[\w-]+\s)?(?:footnotes?|citations?|references))\b")
# A writer sharing their own template: its placeholders are for the reader to fill in.
_OWN_TEMPLATE_RE = re.compile(
    r"\b(?:my|our) (?:[\w-]+ ){0,2}template\b|\b(?:template|skeleton|boilerplate|outline|format) "
    r"(?:that )?(?:i|we)(?:'ve)? (?:\w+ )?(?:use|used|post|posted|sent|wrote|made|give|gave|share|"
    r"keep|fill)\b|\bbracketed (?:bits|parts)\b|\b(?:i|we) (?:give|send|hand|share|use)\b"
    r"[^.!?\n]{0,40}\btemplate\b|\buse "
    r"this template\b|\b(?:email|letter|message|note) (?:i|we) (?:sent|wrote|used)\b|\bfill in "
    r"the (?:bits|blanks|parts|brackets|bracketed|gaps)\b")
_TOKEN_END_RE = re.compile(r"\s|$")
_LEADING_RE = re.compile(r"\W{0,3}")
_SENTENCE_CUT_RE = re.compile(r"[.?](?:\s|$)|\n")
# Between two mentions in a row: punctuation and a conjunction ("Certainly!, I hope this helps!
# and [Your Name]").
_CHAIN_RE = re.compile(r"[\s,;:!?.\"'()/-]{0,6}(?:(?:and|or|then|plus)\s)?[\s\"'(]{0,3}")
_LINE_START_RE = re.compile(r"(?:^|\n)[^\w\n]{0,3}$")
# Where a writer speaks of themselves or their group ("we've had reports"); an assistant's
# explanatory "we" ("we want the pH low") is not.
_FIRST_PERSON_RE = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my|mine|we're|we've|our|us)\b")
# A signature under a sign-off ("Happy posting!\n- The Mod Team"): assistants do not sign.
_SIGNATURE_RE = re.compile(r"[^\n]*\n\W{0,3}-")
_ANSWER_RE = re.compile(r"(?:\W*\w+\b){30}")  # words before a lone sign-off: an answer
_AFTERWORD_RE = re.compile(r"(?:\W*\w+\b){40}")  # ... and after it: more than a poster's word
_SENTENCE_START_RE = re.compile(r"(?:^|\n|[.!?:;)\]]\"?\s|\s-\s)[^\w\n]{0,3}$")

PATTERNS = PHRASES + OPENERS + SIGN_OFFS + MARKUP


@dataclass(slots=True)
class Normalised:
    """``text`` lower-cased with punctuation, emphasis and whitespace evened out (see the
    module docstring), and the way back to the original offsets.
    """

    text: str
    _starts: list[int]  # where each stretch of ``text`` begins ...
    _origins: list[int]  # ... and where it began in the original

    def original(self, position: int) -> int:
        """The offset in the original text of ``position`` in the normalised one."""
        index = bisect.bisect_right(self._starts, position) - 1
        return self._origins[index] + position - self._starts[index]


def normalise(text: str) -> Normalised:
    """Normalise ``text`` for matching; linear in its length."""
    lowered = ascii_lower(text).translate(_PUNCTUATION)
    pieces: list[str] = []
    starts, origins = [0], [0]
    length = done = 0
    for match in _GAP_RE.finditer(lowered):
        gap = match.group()
        replacement = "" if gap[0] in "*_" else (
            "\n\n" if gap.count("\n") > 1 else "\n" if "\n" in gap else " ")
        if replacement == gap:
            continue
        start, end = match.span()
        pieces += (lowered[done:start], replacement)
        length += start - done
        starts.append(length)
        origins.append(start)  # the replacement stands for the whole gap
        length += len(replacement)
        starts.append(length)
        origins.append(end)
        done = end
    pieces.append(lowered[done:])
    return Normalised("".join(pieces), starts, origins)


@dataclass(frozen=True, slots=True)
class _Find:
    start: int  # in the normalised text
    end: int
    pattern: Pattern
    weight: float


class ChatArtifactsClassifier:
    """Scores how surely a text still carries leftovers of a chat-assistant answer.

    The score is a noisy-OR of the weights of the finds that are used rather than mentioned,
    one per family of phrases (markup adds up per occurrence), so one strong find or two weak
    ones of different families pass ``flag_threshold`` (see the module docstring).
    """

    name = "chat_artifacts"
    version = "2.0"
    flag_threshold = 0.9

    def score(self, text: str, context: Mapping | None = None) -> Result:
        """Score ``text``; ``context`` is not used."""
        normal = normalise(text)
        finds = sorted(self._finds(normal.text), key=lambda find: find.start)
        quoted: QuotedSpans | None = None
        used: list[tuple[Evidence, Pattern]] = []
        mention_end: int | None = None
        for find in finds:
            start = normal.original(find.start)
            if find.pattern.mentionable:
                if quoted is None:
                    quoted = quoted_spans(text)
                if quoted.contains(start, start + 1) or _mentioned(
                        normal.text, find, mention_end):
                    mention_end = find.end
                    continue
            end = normal.original(find.end - 1) + 1
            used.append((Evidence(start, end, find.pattern.reason, round(find.weight, 3)),
                         find.pattern))
        evidence = _one_per_family(_drop_shadowed(used))
        remaining = 1.0
        for item in evidence:
            remaining *= 1.0 - item.weight
        evidence.sort(key=lambda item: (-item.weight, item.start))
        return Result(round(1.0 - remaining, 4), tuple(evidence))

    @staticmethod
    def _finds(text: str) -> list[_Find]:
        """Every match of every pattern that stands where its pattern counts, weighted."""
        finds: list[_Find] = []
        end_of_text = len(text.rstrip())
        flat = text.replace("\n", " ")
        first_person: list[int] | None = None  # where the writer speaks of themselves
        for pattern in PATTERNS:
            if not any(keyword in flat for keyword in pattern.keywords) or (
                    pattern.unless is not None and pattern.unless.search(text)):
                continue
            for count, match in enumerate(pattern.regex.finditer(text)):
                if count >= _FINDS_PER_PATTERN:
                    break
                start, end = match.span()
                if not pattern.markup:  # the phrase, not the bullet or quotation mark before it
                    start = _LEADING_RE.match(text, start, end).end()
                weight = pattern.weight * _placement(pattern.where, text, start, end,
                                                     end_of_text)
                if pattern.where is Where.CLOSING and weight == pattern.weight < STRONG:
                    if first_person is None:
                        first_person = _where_the_writer_speaks(text)
                    if _closes_an_impersonal_answer(text, start, end, first_person):
                        weight = STRONG
                if weight > 0.0:
                    finds.append(_Find(start, end, pattern, weight))
        return finds


def _placement(where: Where, text: str, start: int, end: int, end_of_text: int) -> float:
    """How much a find counts where it stands (1 in place, 0 not at all)."""
    before = text[max(0, start - 6):start]
    if where is Where.START:
        return 1.0 if _LINE_START_RE.search(before) else 0.0
    if where is Where.SENTENCE:
        return 1.0 if _SENTENCE_START_RE.search(before) else 0.0
    if where is Where.CLOSING:
        paragraph_end = text.find("\n\n", end, end + _PARAGRAPH_CLOSE)
        closing = end >= end_of_text - _CLOSING_WINDOW or paragraph_end >= 0
        return 1.0 if closing else _OUT_OF_PLACE
    return 1.0


def _where_the_writer_speaks(text: str) -> list[int]:
    """Where the writer speaks of themselves, but for lines that hand over a model's answer
    ("Copying what Gemini told me:"): the answer after such a line is judged on its own.
    """
    handovers = [match.span() for match in _HANDOVER_LINE_RE.finditer(text)]
    starts = [start for start, _ in handovers]
    positions = []
    for match in _FIRST_PERSON_RE.finditer(text):
        index = bisect.bisect_right(starts, match.start()) - 1
        if index < 0 or match.start() >= handovers[index][1]:
            positions.append(match.start())
    return positions


def _closes_an_impersonal_answer(text: str, start: int, end: int,
                                 first_person: list[int]) -> bool:
    """Whether a sign-off stands on a line of its own closing an answer of some length in
    which the writer never speaks of themselves (``first_person`` holds where they do): how an
    assistant ends, where a person's "Hope this helps!" follows their own story or ends their
    own paragraph or is signed ("- The Mod Team"). One short paragraph may follow, the poster's
    own word after a paste ("Did exactly this last month and it worked for me.").
    """
    if not _LINE_START_RE.search(text[max(0, start - 6):start]) or _SIGNATURE_RE.match(text, end):
        return False
    paragraph_end = text.find("\n\n", end)
    if paragraph_end < 0:
        paragraph_end = len(text)
    elif text.find("\n\n", paragraph_end + 2) >= 0 or \
            _AFTERWORD_RE.match(text, paragraph_end + 2):
        return False
    line = text.rfind("\n", 0, start) + 1
    return bool(_ANSWER_RE.match(text, 0, line)) and not any(
        position < line or end <= position < paragraph_end for position in first_person)


def _mentioned(text: str, find: _Find, mention_end: int | None) -> bool:
    """Whether ``find`` is talked about rather than used (see the module docstring);
    ``mention_end`` is where the previous mention ended.
    """
    start = find.start
    markup = find.pattern.markup
    end = find.end
    if markup:
        # "month:contentreference[oaicite:3]": judge the whole token the marker sits in.
        space = max(text.rfind(" ", max(0, start - 60), start),
                    text.rfind("\n", max(0, start - 60), start))
        start = space + 1 if space >= 0 else start
        token_end = _TOKEN_END_RE.search(text, end, end + 60)
        end = token_end.start() if token_end else end
    if find.pattern.family == "placeholder" and _OWN_TEMPLATE_RE.search(text, 0, start):
        return True
    if mention_end is not None and start - mention_end <= 16 and (
            start <= mention_end or _CHAIN_RE.fullmatch(text, mention_end, start)):
        return True
    before = text[max(0, start - 120):start]
    cue = _MARKUP_CUE_RE if markup else _PHRASE_CUE_RE
    if cue.search(before[-40:]) or (markup and _NAMING_RE.match(text, end, end + 40)):
        return True
    cuts = list(_SENTENCE_CUT_RE.finditer(before))
    sentence = before[cuts[-1].end():] if cuts else before
    discussion = _FAMILY_TALK_RE.get(find.pattern.family, _DISCUSSION_CUE_RE)
    if discussion.search(sentence) or (
            not markup and _PHRASE_DISCUSSION_CUE_RE.search(sentence)):
        return True
    return _introduced(text, start, discussion)


def _introduced(text: str, start: int, talk: re.Pattern[str]) -> bool:
    """Whether ``start`` is in what a colon introduces as a list of phrases or a template: the
    rest of the colon's paragraph or, when the colon ends a paragraph, the next one. ``talk``
    holds the words that make the clause before the colon a discussion of the find's kind.
    """
    paragraph = text.rfind("\n\n", max(0, start - _INTRODUCTION_REACH), start)
    if paragraph >= 0 and text[max(0, paragraph - 1)] != ":":
        window_start = paragraph  # only a colon that ends the paragraph before
    else:
        window_start = max(0, start - _INTRODUCTION_REACH)
        if paragraph >= 0:
            window_start = max(window_start, text.rfind("\n\n", window_start, paragraph) + 1)
    end = start
    for _ in range(_COLONS_TRIED):
        colon = max(text.rfind(": ", window_start, end), text.rfind(":\n", window_start, end))
        if colon < 0:
            return False
        clause = text[max(window_start, colon - 160):colon]
        cuts = list(_SENTENCE_CUT_RE.finditer(clause))
        clause = clause[cuts[-1].end():] if cuts else clause
        if _SPEAKER_RE.fullmatch(clause):
            return True
        if talk.search(clause) or _INTRODUCER_RE.search(clause):
            return not _pastes_an_answer(text, clause, colon, start)
        end = colon
    return False


def _pastes_an_answer(text: str, clause: str, colon: int, start: int) -> bool:
    """Whether ``clause`` hands over a model's whole answer rather than a few of its phrases:
    it names the source ("Here's what Gemini told me:", "it said:"), not a list ("Phrases to
    avoid:"), and what it introduces runs to fifty words or more before the poster speaks of
    themselves again ("Which was useless, I ..."). A pasted answer stays one even when its
    poster says where it came from.
    """
    if not _SOURCE_CUE_RE.search(clause) or _LIST_CUE_RE.search(clause):
        return False
    return bool(_PASTE_RE.match(text, colon + 1, _answer_end(text, start, colon + _ANSWER_REACH)))


def _answer_end(text: str, start: int, limit: int) -> int:
    """The end of the paragraph of ``start`` and of the paragraphs after it up to the first in
    which the writer speaks of themselves, or ``limit`` (enough for fifty words) if sooner.
    """
    end = text.find("\n\n", start, limit)
    while end >= 0:
        next_end = text.find("\n\n", end + 2, limit)
        if _FIRST_PERSON_RE.search(text, end + 2, limit if next_end < 0 else next_end):
            return end
        end = next_end
    return min(limit, len(text))


def _drop_shadowed(finds: list[tuple[Evidence, Pattern]]) -> list[tuple[Evidence, Pattern]]:
    """Keep only the strongest of overlapping finds, so one phrase is not counted twice."""
    kept: list[tuple[Evidence, Pattern]] = []
    for item, pattern in sorted(finds, key=lambda find: -find[0].weight):
        if all(item.end <= other.start or item.start >= other.end for other, _ in kept):
            kept.append((item, pattern))
    return kept


def _one_per_family(finds: list[tuple[Evidence, Pattern]]) -> list[Evidence]:
    """The strongest find of each phrase family, and up to ``_REPEATABLE_LIMIT`` finds of each
    markup pattern (a second "[Your Name]" adds to the first; a second "I hope this helps" is
    no more evidence than one).
    """
    families: set[str] = set()
    repeated: dict[Pattern, int] = {}
    kept: list[Evidence] = []
    for item, pattern in sorted(finds, key=lambda find: (-find[0].weight, find[0].start)):
        if pattern.markup:
            repeated[pattern] = repeated.get(pattern, 0) + 1
            if repeated[pattern] <= _REPEATABLE_LIMIT:
                kept.append(item)
        elif pattern.family not in families:
            families.add(pattern.family)
            kept.append(item)
    return kept
