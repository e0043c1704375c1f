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
together, even when a person wrote both: that is the price of catching sign-off-only pastes;
but two sign-offs in one closing sentence after the writer's own story ("Hope this helps, and
best of luck getting it done before May 15!" under "We went through this last year") are one
person's courtesy and count once.
Refinements: an opener at the very start of a post is strong when exposition follows and weak
when the writer goes on about themselves ("Great question! I asked our vet ..."); a sign-off
is strong when it stands on its own line at the end of an answer of thirty words or more in
which the writer never says "I", "me" or "my" (a person's "Hope this helps!" follows their own
story or ends their own paragraph; a first line passing on what the writer was given, "this is
what I was told about the swelling:", and the "I" of a wish, "I'm sure it will go well!", do
not count), or when it is a wish closed by an emoji ("Good luck with the build! 🔨"); and a
preamble about the writer's own text ("Here's a cleaner version of my recipe:") is a person
sharing their work, since an assistant says "your".

**Where a find stands.** Text is matched after :func:`normalise`, so case, curly quotes, dashes,
Markdown emphasis and collapsed whitespace make no difference. Openers count only at the start
of a post, a line or a sentence; sign-offs count in full only in the last paragraph or closing
a paragraph. Offers, preambles and markup count wherever they stand: a pasted answer can sit at
the start, in the middle or at the end of a post.

**Mentions are not leftovers** (:mod:`._artifact_mentions`). A find is ignored when it is talked
about rather than used: inside quotation marks, inline or fenced code, an indented code block or
a ``>`` block quote; right after a word that introduces a quotation ("ends with", "literally
says", "the bot wrote", "like") or on a line shown after one ("it literally had" and a line
break); in a sentence about such phrases ("the reply said", "they end with an offer", "strings",
"markers"); after a colon that introduces a list of phrases, a template or a model's answer
("Phrases to avoid:", "Red flags:", "the template I use:", "Here's what Claude gave me:", a
transcript's "Assistant:"; but a line naming the source before a whole answer of fifty words or
more, "Here's what Gemini told me:", hands over a paste); placeholders in a template the writer
says is their own ("the email I sent", "fill in the bits in square brackets"); right before a
word naming it ("the {{first_name}} fields"); and in a run of such mentions ("Certainly!, I hope
this helps! and [Your Name]"). Tracking parameters count only inside a link, and markup is
judged as the whole token it sits in. Numbered citation marks and links stand in sentences about
anything, so only talk of marks or of tracking makes them mentions ("The APA site has a page on
this: [Retrieval dates](...utm_source=chatgpt.com)" is a paste).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ._artifact_courtesies import OPENERS, SIGN_OFFS, after_no_story
from ._artifact_markup import MARKUP
from ._artifact_mentions import FIRST_PERSON_RE, MODELS, mentioned
from ._artifact_offers import OFFERS
from ._artifact_patterns import STRONG, Pattern, Where, blank_quotes
from ._artifact_phrases import PHRASES
from ._text import ascii_lower, quoted_spans
from .base import Evidence, Result

_CLOSING_WINDOW = 320  # characters from the end in which a sign-off counts in full
_PARAGRAPH_CLOSE = 200  # ... or from a sign-off to the end of its paragraph
_OUT_OF_PLACE = 0.4  # weight factor of a sign-off in the middle of a paragraph
_FINDS_PER_PATTERN = 64  # finds weighed per pattern: bounds the work on adversarial input
_REPEATABLE_LIMIT = 3  # occurrences of one markup pattern that add up

# Quotation marks, apostrophes and dashes mapped one to one, so offsets are unchanged.
_PUNCTUATION = str.maketrans("’‘‚‛“”„‟—–‒―‐‑", "''''\"\"\"\"------")
# Markdown emphasis markers (not an underscore inside a word, "first_name", nor a blank to fill
# in, "Dear ____,") and whitespace runs that are not a single space.
_GAP_RE = re.compile(r"\*+|(?<![\w_])__?(?!_)|(?<!_)__?(?![\w_])|[^\S\n]*\n[^\S\n]*(?:\n\s*)?|"
                     r"[^\S\n]{2,}|[^\S \n]")

_LEADING_RE = re.compile(r"\W{0,3}")
# A line of the writer's own that hands over a model's answer ("Copying what Gemini told me:").
_HANDOVER_LINE_RE = re.compile(
    rf"^(?=[^\n]{{0,300}}:[^\S\n]*$)[^\n]{{0,300}}?\b(?:{MODELS})\b[^\n]*", re.MULTILINE)
# ... or a post's first line that says the writer passes on what they were given ("Knee
# replacement, week 3 - this is what I was told about the swelling:", "this is the best summary
# I found:").
_LEAD_IN_RE = re.compile(
    r"\A(?=[^\n]{0,300}:\n)[^\n]{0,300}?\b(?:got|was told|were told|was given|came back with|"
    r"pasting|copying|sharing|posting|reposting|summary|found|kept|(?:sent|forwarded) me|"
    r"working from|went with|ended up with)\b[^\n]*")
_LINE_START_RE = re.compile(r"(?:^|\n)[^\w\n]{0,3}$")
# ... or after a short lead-in of the same line ("Fair winds, and I hope this helps!"), looked
# for in the characters before the sign-off; one said to a crowd ("Enjoy the race everyone, and
# may your ...") is a moderator's.
_LINE_LEAD_RE = re.compile(r"(?:^|\n)[^\w\n]{0,3}(?:(?![^\n]*\b(?:everyone|everybody|folks|"
                           r"y'all|guys)\b)[^\n]{1,80}(?:,| -) (?:and )?)?$")
_LINE_LEAD_REACH = 100
# A signature under a sign-off ("Happy posting!\n- The Mod Team"): assistants do not sign.
_SIGNATURE_RE = re.compile(r"[^\n]*\n\W{0,3}-")
_ANSWER_RE = re.compile(r"(?:\W*\w+\b){30}")  # words before a lone sign-off: an answer
# The writer's "I" in a wish that is part of the sign-off's line ("Best of luck - I hope the
# meeting goes well!", "I hope your first night out is a memorable one - clear skies!").
_WISHING_RE = re.compile(r"i (?:hope|wish|trust|bet|have a good feeling)\b|"
                         r"i'm (?:sure|confident|certain)\b")
_WISHES_ON_A_LINE = 4  # the writer's "I" in a sign-off's line and paragraph, at most
_AFTERWORD_RE = re.compile(r"(?:\W*\w+\b){40}")  # ... and after it: more than a poster's word
_SENTENCE_START_RE = re.compile(r"(?:^|\n|[.!?:;)\]]\"?\s|\s-\s)[^\w\n]{0,3}$")

PATTERNS = PHRASES + OFFERS + OPENERS + SIGN_OFFS + MARKUP


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
        starts = [normal.original(find.start) for find in finds]
        quoted = quoted_spans(text) if any(find.pattern.mentionable for find in finds) else None
        in_quotes = [quoted is not None and find.pattern.mentionable
                     and quoted.contains(start, start + 1)
                     for find, start in zip(finds, starts, strict=True)]
        # What the writer quotes once ("a bowl turned from [insert wood species]") they go on
        # talking about: the same words unquoted elsewhere in the post are mentions too.
        quoted_words = {normal.text[find.start:find.end]
                        for find, in_quote in zip(finds, in_quotes, strict=True) if in_quote}
        used: list[tuple[Evidence, Pattern]] = []
        normal_starts: dict[int, int] = {}  # a used find's start in the text -> in ``normal``
        mention_end: int | None = None
        for find, start, in_quote in zip(finds, starts, in_quotes, strict=True):
            if find.pattern.mentionable and (
                    in_quote or normal.text[find.start:find.end] in quoted_words
                    or mentioned(normal.text, find.start, find.end, find.pattern, mention_end)):
                mention_end = find.end
                continue
            end = normal.original(find.end - 1) + 1
            used.append((Evidence(start, end, find.pattern.reason, round(find.weight, 3)),
                         find.pattern))
            normal_starts[start] = find.start
        evidence = _one_courtesy_after_a_story(_one_per_family(_drop_shadowed(used)),
                                               normal.text, normal_starts)
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
                if pattern.accept is not None and not pattern.accept(text, start, end):
                    continue
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
    ("Copying what Gemini told me:"), whose answer is judged on its own, and for words in
    quotation marks ('Frame it as "I want everyone to get a turn."').
    """
    lead_in = _LEAD_IN_RE.match(text)
    handovers = [lead_in.span()] if lead_in else []
    handovers += [match.span()
                  for match in _HANDOVER_LINE_RE.finditer(text, lead_in.end() if lead_in else 0)]
    starts = [start for start, _ in handovers]
    positions = []
    for match in FIRST_PERSON_RE.finditer(blank_quotes(text)):
        index = bisect.bisect_right(starts, match.start()) - 1
        if index < 0 or match.start() >= handovers[index][1]:
            positions.append(match.start())
    return positions


def _closes_an_impersonal_answer(text: str, start: int, end: int,
                                 first_person: list[int]) -> bool:
    """Whether a sign-off starts a line of its own closing an answer of some length in
    which the writer never speaks of themselves (``first_person`` holds where they do): how an
    assistant ends, where a person's "Hope this helps!" follows their own story or ends their
    own paragraph or is signed ("- The Mod Team"). One short paragraph may follow, the poster's
    own word after a paste ("Did exactly this last month and it worked for me."); the only "I"
    allowed on the sign-off's line and in its paragraph is a wish's ("I hope ...").
    """
    lead = text[max(0, start - _LINE_LEAD_REACH):start]
    if not _LINE_LEAD_RE.search(lead) or _SIGNATURE_RE.match(text, end):
        return False
    paragraph_end = text.find("\n\n", end)
    if paragraph_end < 0:
        paragraph_end = len(text)
    elif text.find("\n\n", paragraph_end + 2) >= 0 or \
            _AFTERWORD_RE.match(text, paragraph_end + 2):
        return False
    line = text.rfind("\n", 0, start) + 1
    # Where the writer speaks on the sign-off's line and in its paragraph: only in a wish
    # (``first_person`` is in order, so no one else spoke before the line when ``low`` is 0).
    low = bisect.bisect_left(first_person, line)
    high = bisect.bisect_left(first_person, paragraph_end)
    return (bool(_ANSWER_RE.match(text, 0, line)) and low == 0
            and high - low <= _WISHES_ON_A_LINE
            and all(start <= position < end or _WISHING_RE.match(text, position)
                    for position in first_person[low:high]))


def _drop_shadowed(finds: list[tuple[Evidence, Pattern]]) -> list[tuple[Evidence, Pattern]]:
    """Keep only the strongest of overlapping finds, so one phrase is not counted twice."""
    kept: list[tuple[Evidence, Pattern]] = []
    for item, pattern in sorted(finds, key=lambda find: -find[0].weight):
        if all(item.end <= other.start or item.start >= other.end for other, _ in kept):
            kept.append((item, pattern))
    return kept


def _one_per_family(finds: list[tuple[Evidence, Pattern]]) -> list[tuple[Evidence, Pattern]]:
    """The strongest find of each phrase family, and up to ``_REPEATABLE_LIMIT`` finds of each
    markup pattern (a second "[Your Name]" adds to the first; a second "I hope this helps" is
    no more evidence than one).
    """
    families: set[str] = set()
    repeated: dict[Pattern, int] = {}
    kept: list[tuple[Evidence, Pattern]] = []
    for item, pattern in sorted(finds, key=lambda find: (-find[0].weight, find[0].start)):
        if pattern.markup:
            repeated[pattern] = repeated.get(pattern, 0) + 1
            if repeated[pattern] <= _REPEATABLE_LIMIT:
                kept.append((item, pattern))
        elif pattern.family not in families:
            families.add(pattern.family)
            kept.append((item, pattern))
    return kept


def _one_courtesy_after_a_story(finds: list[tuple[Evidence, Pattern]], text: str,
                                normal_starts: dict[int, int]) -> list[Evidence]:
    """The evidence of ``finds``, but for two weak sign-offs on one line after the writer's own
    story, which count as the first of them (see the module docstring). ``text`` is the
    normalised text, ``normal_starts`` maps an evidence's start to its start in it.
    """
    evidence = [item for item, _ in finds]
    if len(finds) != 2 or any(item.weight >= STRONG or pattern.where is not Where.CLOSING
                              for item, pattern in finds):
        return evidence
    first, second = sorted(evidence, key=lambda item: item.start)
    start, end = normal_starts[first.start], normal_starts[second.start]
    if "\n" in text[start:end] or after_no_story(text, start, end):
        return evidence
    return [first]
