"""Register-independent style measures that separate chat-assistant prose from human prose.

The style lexicon counts words; the n-gram model learns from the training file's old generators.
Neither sees the *habits* of current chat assistants that show in any subject and survive
whitespace being collapsed to single spaces:

- sentences opened by discourse markers ("Additionally,", "Furthermore,", "Overall,",
  "In conclusion,");
- triads of abstract nouns ("efficiency, transparency, and accountability");
- trailing participial clauses (", highlighting the need", ", ensuring that");
- em dashes, "not only … but also" and Markdown emphasis left in pasted answers;
- sentences of similar length (a low coefficient of variation);
- contrast framing, the newer assistants' favourite move: "not just X, but Y", "It isn't X.
  It's Y", "not because X, but because Y", "The point isn't X";
- in stories, the stock vocabulary of assistant fiction ("whispered", "flickered", "a small
  smile", "the weight of", "for the first time").

Signals that point to a *human* writer — contractions, a lower-case "i", doubled punctuation,
typing slips such as a space before a comma or a lower-case sentence start, first-person
anecdote — are measured too. They can only lower a score: their weights are constrained to be
non-positive at training time and they are zero when absent, so writing without them (a careful
non-native writer, an encyclopaedia) is never counted against anyone. Likewise every assistant
habit has a non-negative weight, so its absence never raises a score.

All measures are rates per sentence or per 100 words, capped so that one odd text cannot run
away with the score. :func:`measure` is pure Python and linear in the text.
"""

from __future__ import annotations

import math
import re

from ._text import ascii_lower, scored_part, sentence_spans

# Direction of each measure: +1 may only raise the AI score, -1 may only lower it.
FEATURES: tuple[tuple[str, int], ...] = (
    ("discourse_openers", +1),
    ("abstract_triads", +1),
    ("participial_clauses", +1),
    ("em_dashes", +1),
    ("markdown_emphasis", +1),
    ("uniform_sentences", +1),
    ("contrast_framing", +1),
    ("story_cliches", +1),
    ("contractions", -1),
    ("informal_marks", -1),
    ("typing_slips", -1),
    ("first_person", -1),
)
FEATURE_NAMES = tuple(name for name, _ in FEATURES)
SIGNS = tuple(sign for _, sign in FEATURES)

# Sentence openers, matched at the start of each sentence (lower-cased, comma included).
_DISCOURSE = tuple(f"{marker}," for marker in (
    "additionally", "furthermore", "moreover", "overall", "in conclusion", "in summary",
    "ultimately", "notably", "importantly", "in essence", "consequently", "collectively",
    "taken together", "in short", "that said", "as a result", "by contrast", "in addition",
    "beyond", "crucially", "similarly", "conversely", "together",
))
# Three comma-separated items with a serial "and"/"or", at least two of which end in an
# abstract-noun suffix: "equity, transparency, and accountability". Found from the serial
# conjunction (a literal, so the scan is fast) and checked with string operations.
_SERIAL_RE = re.compile(r", (?:and|or) ([a-z]+)")
_ABSTRACT_SUFFIXES = ("tion", "sion", "ity", "ment", "ness", "ance", "ence", "ship", "ism",
                      "ency", "ancy", "ing", "ure")
_TRIAD_WINDOW = 60
# ", highlighting the ...", ", ensuring that ...", ", making it ..." closing a sentence.
_PARTICIPLE_RE = re.compile(
    r", (?:thereby |ultimately |further |while |effectively )?"
    r"(?:highlight|underscor|emphasiz|emphasis|ensur|allow|enabl|mak|provid|offer|reflect|"
    r"contribut|reinforc|foster|creat|leav|giv|help|lead|pav|shap|demonstrat|signal|illustrat|"
    r"captur|reduc|improv|strengthen|support|promot|position|rais|prompt)ing "
    r"(?:the|a|an|it|its|their|them|us|our|your|his|her|this|that|these|those|to|for|how|"
    r"both|more|greater|new|people|users|readers|researchers|clinicians|patients|students)\b"
)
# Contrast framing: a negated claim corrected at once. Bounded gaps keep each scan linear.
_CONTRAST_RES = (
    re.compile(r"\bnot (?:just|only|merely|simply|about|because|so much)\b[^.!?;]{1,80}?\bbut\b"),
    re.compile(r"\b(?:isn't|is not|aren't|are not|wasn't|doesn't|does not|don't|it's not|"
               r"that's not)\b[^.!?]{1,60}?(?:[.;:—–]| -|, )\s*"
               r"(?:it's|it is|that's|they're|this is|it was|they are)\b"),
    re.compile(r"\bthe (?:real |honest |short )?(?:question|problem|point|answer|issue|trick|"
               r"catch|fix|key|goal) (?:isn't|is not|wasn't)\b"),
)
# Stock words and phrases of assistant-written stories (written for this project by judgment:
# what chat assistants reach for when asked for a short story; each is also used by people,
# which is why the measure is a rate and its weight is capped).
_STORY_WORDS = frozenset((
    "whispered", "whispering", "murmured", "hummed", "humming", "flickered", "flickering",
    "shimmered", "shimmering", "glimmer", "glimmering", "glinting", "glistening", "lingered",
    "lingering", "echoed", "echoing", "unspoken", "stillness", "faintly", "softly", "tendrils",
    "cascading", "ethereal", "palpable", "hushed", "newfound", "solace", "bittersweet",
    "unwavering", "twinkling", "resolve", "wistful", "wistfully",
))
_STORY_PHRASES = (
    "for the first time", "something shifted", "a small smile", "a knowing smile",
    "the weight of", "let out a breath", "couldn't help but", "a mix of", "eyes widened",
    "heart pounded", "heart raced", "smelled of", "the scent of", "the hum of", "in that moment",
    "little did", "somewhere in the", "just as suddenly", "a sense of", "the air was thick",
    "didn't hesitate", "held her breath", "held his breath", "for a long moment",
)
_STORY_FORMS = {f"{word}{after}" for word in _STORY_WORDS
                for after in ("", ".", ",", "!", "?", ";", ":", '"', "”")}
_MARKDOWN_RES = (re.compile(r"\*\*[^*\n]{2,60}\*\*"), re.compile(r"#{2,4} [A-Z]"))
_CONTRACTION_RE = re.compile(r"['’](?:t|re|ve|ll|d|m|s)\b")
_S_CONTRACTIONS = frozenset(("it", "that", "there", "he", "she", "what", "here", "who", "let"))
_INFORMAL_MARKS = ("!!", "??", "?!", "!?", "...", "…", " i ", " i'", " i’", " i,", ":)", ":(",
                   ";)", ":-)")
_INFORMAL_WORDS = frozenset((
    "lol", "lmao", "imo", "imho", "btw", "tbh", "idk", "ok", "okay", "yeah", "yep", "nope",
    "gonna", "wanna", "gotta", "kinda", "sorta", "dunno", "thx", "pls", "plz", "u", "ur", "cuz",
))
_FIRST_PERSON = frozenset(("i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"))
# The counted words as whitespace-separated tokens may carry punctuation: every such form,
# mapped to the word (one set intersection with the post's tokens finds them all).
_TOKEN_FORMS = {
    f"{before}{word}{after}": word
    for word in _INFORMAL_WORDS | _FIRST_PERSON
    for before in ("", "(", '"', "“")
    for after in ("", ".", ",", "!", "?", ";", ":", ")", '"', "”", "...", "!!", "?!")
}
# Typing slips people make and editors remove: a space before a comma, full stop or question
# mark; no space after a comma or full stop between words; a sentence that starts lower-case.
_SLIP_RES = (re.compile(r" [,.?!;](?=\s|$)"), re.compile(r",(?=[a-z])"),
             re.compile(r"\.(?=[a-z]{3,} )"), re.compile(r"\. (?=[a-z])"))

# Caps keep one unusual text from dominating; rates are per sentence or per 100 words.
_CAP = 3.0


def _is_item(item: str) -> bool:
    """A list item of one or two plain words."""
    words = item.split(" ")
    return 0 < len(words) <= 2 and all(word.isalpha() for word in words)


def _triads(lowered: str) -> int:
    count = 0
    for match in _SERIAL_RE.finditer(lowered):
        start = match.start()
        head = lowered[max(0, start - _TRIAD_WINDOW):start]
        cut = head.rfind(", ")
        if cut < 0:
            continue
        second = head[cut + 2:]
        # The first item: the last one or two words before the preceding comma.
        first = head[:cut].rsplit(", ", 1)[-1].split(" ")[-2:]
        if not first[-1].isalpha() or not _is_item(second):
            continue
        first = first if first[0].isalpha() else first[-1:]
        ends = (first[-1], second.rsplit(" ", 1)[-1], match.group(1))
        count += sum(end.endswith(_ABSTRACT_SUFFIXES) and len(end) > 5 for end in ends) >= 2
    return count


def _slips(text: str) -> int:
    count = 0
    for regex in _SLIP_RES:
        for match in regex.finditer(text):
            start = match.start()
            count += start > 0 and "a" <= text[start - 1] <= "z"
    return count


def measure(text: str) -> list[float]:
    """The measures of ``text`` (its ``scored_part``) in the order of :data:`FEATURE_NAMES`."""
    text = scored_part(text)
    lowered = ascii_lower(text)
    spans = sentence_spans(text)
    lengths: list[int] = []
    openers = 0
    for start, end in spans:
        # Words counted by their separators: far cheaper than splitting every sentence.
        head = lowered[start:start + 24]
        stripped = head.lstrip()
        start += len(head) - len(stripped)
        length = lowered.count(" ", start, end) + lowered.count("\n", start, end) + 1
        if start < end and length:
            lengths.append(length)
            openers += stripped.lstrip("\"'*#-").startswith(_DISCOURSE)
    words = sum(lengths)
    if not words:
        return [0.0] * len(FEATURES)
    sentences = len(lengths)
    per_sentence = 1.0 / sentences
    per_100 = 100.0 / (words + 20)  # smoothed: a two-line text cannot spike
    if sentences >= 4:
        mean = words / sentences
        cv = math.sqrt(sum((n - mean) ** 2 for n in lengths) / sentences) / mean
        # Human prose varies sentence length (cv ≈ 0.5-0.8); assistants' sits near 0.3-0.4.
        uniform = max(0.0, 0.55 - cv) * min(1.0, sentences / 8)
    else:
        uniform = 0.0
    tokens = lowered.split()
    counted = dict.fromkeys(_INFORMAL_WORDS | _FIRST_PERSON, 0)
    for form in _TOKEN_FORMS.keys() & set(tokens):
        counted[_TOKEN_FORMS[form]] += tokens.count(form)
    informal = sum(text.count(mark) for mark in _INFORMAL_MARKS)
    informal += sum(counted[word] for word in _INFORMAL_WORDS)
    first_person = sum(counted[word] for word in _FIRST_PERSON)
    contractions = 0
    if "'" in lowered or "’" in lowered:
        for match in _CONTRACTION_RE.finditer(lowered):
            start = match.start()
            if match.group() not in ("'s", "’s"):
                contractions += start > 0 and "a" <= lowered[start - 1] <= "z"
            else:  # "it's" but not "John's"
                word = lowered[max(0, start - 6):start].rsplit(" ", 1)[-1].lstrip("\"(")
                contractions += word in _S_CONTRACTIONS
    plain = lowered.replace("’", "'") if "’" in lowered else lowered
    contrast = sum(len(regex.findall(plain)) for regex in _CONTRAST_RES)
    story = sum(tokens.count(form) for form in _STORY_FORMS.intersection(tokens))
    story += sum(plain.count(phrase) for phrase in _STORY_PHRASES)
    markdown = 0
    if "**" in text or "#" in text:
        markdown = sum(len(regex.findall(text)) for regex in _MARKDOWN_RES)
    values = (
        openers * per_sentence,
        _triads(lowered) * per_sentence,
        len(_PARTICIPLE_RE.findall(lowered)) * per_sentence,
        text.count("—") * per_100,
        markdown * per_sentence,
        uniform,
        contrast * per_sentence,
        story * per_100,
        contractions * per_100,
        informal * per_100,
        _slips(text) * per_100,
        first_person * per_100,
    )
    return [min(value, _CAP) for value in values]
