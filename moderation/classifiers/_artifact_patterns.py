r"""The leftovers the chat-artifact classifier looks for: one :class:`Pattern` per phrasing.

Private to :mod:`.chat_artifacts`, which explains how finds are weighed. Patterns run on the
*normalised* text of :func:`.chat_artifacts.normalise`: lower-case, straight quotes and
apostrophes, every dash a hyphen, Markdown emphasis markers removed and each run of whitespace
one space, one line break or (a blank line) two. A space in a pattern is compiled as ``\s``,
so it stands for any gap between two words, and ``'`` for any apostrophe; keywords are looked
up with line breaks read as spaces.

Every regular expression is linear: no nested quantifiers over the same characters, bounded
repetitions (``{0,3}``) and bounded look-aheads only, and each one is tried only on texts that
contain one of its ``keywords`` (plain substring tests).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from .base import gettext_noop


class Where(Enum):
    """Where in a post a find is meaningful (see :mod:`.chat_artifacts`)."""

    ANYWHERE = "anywhere"  # an offer of a rewrite, a marker: wherever it stands
    START = "start"  # an opener: at the start of the post, a paragraph or a line
    SENTENCE = "sentence"  # at the start of a sentence ("Want me to ...?")
    CLOSING = "closing"  # a sign-off: in the last paragraph, or closing a paragraph


@dataclass(frozen=True, slots=True)
class Pattern:
    """One kind of leftover: a regular expression, how strongly it shows a paste, and why.

    ``family`` groups phrasings of the same leftover: a family counts once however often and
    in however many wordings it occurs, so two *weak* finds only add up when they are of two
    different families (a sign-off *and* an opener, not "hope this helps" twice).
    ``markup`` finds (markers, URLs, placeholders, invisible characters) add up with every
    occurrence instead, up to a limit. ``mentionable`` is False for what a writer cannot type
    on purpose in a discussion (private-use and zero-width characters).
    """

    regex: re.Pattern[str]
    weight: float
    reason: str
    family: str
    where: Where = Where.ANYWHERE
    markup: bool = False
    mentionable: bool = True
    keywords: tuple[str, ...] = ()


STRONG = 0.92  # one such find flags a post (ChatArtifactsClassifier.flag_threshold is 0.9)
WEAK = 0.7  # two weak finds of different families flag it: 1 - 0.3 * 0.3 = 0.91
HINT = 0.5  # shown to moderators, never flags even with one weak find: 1 - 0.5 * 0.3 = 0.85


def _p(pattern: str, weight: float, reason: str, family: str, where: Where = Where.ANYWHERE,
       *, keywords: tuple[str, ...], markup: bool = False, mentionable: bool = True) -> Pattern:
    # A space in a pattern stands for any gap: a line break is a space to a sentence.
    return Pattern(re.compile(pattern.replace(" ", r"\s")), weight, reason, family, where,
                   markup, mentionable, keywords)


_HERE = ("here's", "here is", "here are", "below is", "below are", "below you")
_AI = (r"(?:ai|artificial intelligence)(?:[- ](?:language|based|powered))?"
       r"(?:\s(?:language\s)?(?:model|assistant|chatbot|system))?")
# Work on a text an assistant offers to do next.
_REWORK = (
    r"(?:expand|elaborate|rewrite|re-write|revise|write|draft|create|generate|tailor|adjust|"
    r"adapt|tweak|shorten|lengthen|condense|summari[sz]e|format|reformat|turn|convert|"
    r"put\stogether|pull\stogether|polish|refine|rework|rephrase|reword|translate|outline|"
    r"simplify|proofread|customi[sz]e|personali[sz]e|tidy|flesh\sout|break\s(?:\w+\s)?down|"
    r"suggest|recommend|compare|explain|clarify|walk\syou|go\s(?:deeper|further|into|over|"
    r"through)|dig|look\s(?:into|up)|research|sketch|design|propose|draw\sup|"
    r"make\s(?:it|this|that|them)\s(?:\w+er|more|less|sound|read|fit)\b|make\s(?:any\s)?"
    r"(?:further\s|more\s|other\s)?(?:changes|edits|adjustments|tweaks|revisions)|make\s(?:a|an)\s"
    r"(?:\w+\s)?(?:version|list|table|summary|draft|outline|chart|template|checklist)|"
    r"add\s(?:more|some|examples?|sources|citations|references|links|details|a|an)\b|"
    r"include\s(?:more|some|the|a|an|examples?|sources|links|code|details)\b|"
    r"provide|come\sup\swith|brainstorm|help\s(?:you\s)?(?:draft|"
    r"write|rewrite|plan|create|turn|put\stogether|structure|outline|format))")
# What an assistant offers to write next: "Would you like a step-by-step guide?"
_DOCUMENT = (r"(?:list|checklist|summary|table|timeline|version|template|guide|plan|schedule|"
             r"breakdown|draft|outline|chart|script|overview|explanation|walkthrough)s?\b")
# Words with which an assistant describes its rewrite of the user's text.
_RESTYLED = (
    r"(?:polished|cleaner|cleaned-up|clearer|concise|tighter|tightened(?:-up)?|refined|"
    r"improved|smoother|friendlier|warmer|punchier|professional|formal|casual|reworded|"
    r"rewritten|streamlined|edited|simplified|shorter|condensed|revised|better|stronger|"
    r"crisper|snappier|sharper|neutral|engaging|compelling|readable)")
_VERSION = (r"(?:version|draft|rewrite|revision|rewording|redraft|edit|take|paraphrase|"
            r"rephrasing|reworking)s?\b")
# What an "[Insert ...]" placeholder asks for: "[Insert date]", "<insert a short bio here>".
_FIELD = (r"(?:[\w'-]{1,20}\s){0,4}?(?:link|url|website|date|time|day|name|address|number|"
          r"email|phone|amount|price|location|venue|company|organi[sz]ation|title|position|"
          r"role|details|description|bio|deadline|event|contact|signature|logo|image|photo|"
          r"quote|statistic|figure|source|reference|citation|example)s?(?:\shere)?")
# "Here's ..." that speaks of the writer's own text ("Here's a cleaner version of my
# recipe") is a person sharing their work; an assistant says "your".
_NOT_OWN = r"(?![^.!?\n:]{0,80}\b(?:my|our)\b)"
# An opener followed by the writer's own doings ("Great question! Here's what we found") or
# by something only a person hands over ("Absolutely! Here's a picture of the shed") is a
# person's reply.
_PERSONAL = (r"\b(?:my|our|we|we've|we're|us|i've|i'm|i (?:\w+ed|did|made|took|got|found|went|"
             r"saw|wrote|had|was))\b")
_NOT_PERSONAL = (rf"(?![^.!?\n:]{{0,80}}{_PERSONAL})(?!\s(?:(?:a|an|the|some)\s)?"
                 r"(?:link|photo|picture|pic|screenshot|recipe|video|map|file|notebook|code|"
                 r"config|logs?|paper|thread|repo|spreadsheet|slides)s?\b)")
# An offer followed, in the same sentence, by the writer's own plans ("If you want, I can
# explain how I set it up") is a person's.
_IMPERSONAL = r"(?![^.!?\n]{0,60}\b(?:my|our|we|us|i)\b)"
# Writing a user asks an assistant to rework.
_WRITING = (r"(?:post|text|message|email|comment|reply|letter|paragraph|abstract|bio|"
            r"announcement|notice|intro|introduction|essay|cover letter|newsletter|statement|"
            r"description|speech|summary)")
# How a rewrite preamble shows it is about the reader's text: "... of your post",
# "... you can post", "... that sounds less formal", "... for the newsletter".
_FOR_READER = (r"(?:\s(?:of|on|for) your\b|\s(?:of|for) the [^.!?\n:]{0,40}?\byou (?:can|could|"
               r"might)\b|\syou (?:can|could|might)\b|\sthat (?:sounds|reads|keeps|flows|is "
               r"(?:more|less)|should|captures|fits|works)|,?\swith (?:a |an )?(?:clearer|"
               r"stronger|better|tighter|smoother|simpler|more|less|improved)|\sfor the (?:forum|"
               r"blog|newsletter|group|post|job board|website|thread|chat|group chat)\b)")
_OPENER = r"(?:certainly|absolutely|of course|(?:what a |such a )?(?:great|good) question|" \
          r"happy to help|glad to help|great idea|got it|sure(?: thing)?)"

PATTERNS: tuple[Pattern, ...] = (
    # An assistant describing itself.
    _p(rf"\bas an? {_AI}(?:\s(?:developed|created|trained|made|built) by\s[\w ]{{1,30}}?)?,"
       r"\s?i\b", 0.97,
       gettext_noop("assistant self-description 'As an AI language model, I ...'"), "self",
       keywords=("as an ai", "as a ai", "as an artificial")),
    _p(rf"\bas an? {_AI}\b", HINT, gettext_noop("assistant self-description 'As an AI ...'"),
       "self", keywords=("as an ai", "as a ai", "as an artificial")),
    _p(rf"\bi(?:'m| am) (?:just |only |merely )?an? {_AI}(?=\s?(?:[,.;!]|and\b|developed|"
       r"created|trained|designed|so\b|i\b|without\b|with no\b))", STRONG,
       gettext_noop("assistant self-description 'I am an AI ...'"), "self",
       keywords=("i'm a", "i am a")),
    _p(r"\bi (?:don't|do not) have (?:personal (?:opinions|feelings|beliefs|preferences|"
       r"emotions)|(?:access to )?real-time (?:data|information|access|updates)|the ability "
       r"to (?:browse|access the internet)|browsing)", STRONG,
       gettext_noop("assistant disclaimer about its own abilities"), "self",
       keywords=("i don't have ", "i do not have ")),
    _p(r"\bi (?:can't|cannot) (?:browse|access) the (?:internet|web)\b", STRONG,
       gettext_noop("assistant disclaimer about its own abilities"), "self",
       keywords=(" browse the ", " access the ")),
    _p(r"\b(?:as of|since) my (?:last )?(?:knowledge|training)(?: data)? (?:update|cut-?off)",
       0.97, gettext_noop("assistant knowledge-cutoff disclaimer"), "cutoff", keywords=(" my ",)),
    _p(r"\bmy (?:knowledge|training data|training)(?:,? which)? (?:cut-?off(?! for)|only goes "
       r"up to|"
       r"goes up to|extends (?:up )?to|is current (?:up )?to|ends in)", 0.95,
       gettext_noop("assistant knowledge-cutoff disclaimer"), "cutoff",
       keywords=("my knowledge", "my training")),
    # Openers answering a request: "Certainly! Here's ...", "Happy to help! Below is ...".
    _p(rf"\b(?:certainly|absolutely|of course|(?:what a |such a )?(?:great|good) question|"
       r"(?:happy|glad) to help|great idea)[!.,:]*\s?(?:-+\s?)?(?:here(?:'s| is| are)|below|"
       r"let(?:'s| us| me)|i(?:'d| would) be (?:happy|glad|delighted)|i can help)"
       rf"{_NOT_PERSONAL}", 0.95,
       gettext_noop("chat-assistant opener 'Certainly! Here's ...'"),
       "opener", Where.SENTENCE,
       keywords=("certainly", "absolutely", "of course", "question", "to help", "great idea")),
    # "Sure, here's a link" is a person's reply; "Sure! Here's a quick rundown" an assistant's.
    _p(r"\b(?:sure(?: thing)?|got it|sounds good)(?:!+\s?(?:-+\s?)?|\s?-+\s?)"
       r"(?:here(?:'s| is| are)\s(?:a|an|some|what|how|your|the (?:short|quick|main|key|revised|"
       r"polished|updated|full)|a few)\b|below (?:is|are)|let(?:'s| us) (?:dive|break|walk|go|"
       r"explore|take)|i(?:'d| would) be (?:happy|glad|delighted))"
       rf"{_NOT_PERSONAL}", STRONG,
       gettext_noop("chat-assistant opener 'Sure! Here's a ...'"),
       "opener", Where.SENTENCE, keywords=("sure", "got it", "sounds good")),
    _p(r"\b(?:hi|hello|hey)(?: there)?\W{1,8}(?:great question|good question|thanks? (?:you )?"
       r"for (?:asking|reaching out|your question)|i(?:'d| would) be (?:happy|glad|delighted)|"
       r"happy to help|glad to help|sure|certainly|absolutely|of course)"
       r"(?![!.,]{0,3}\s?[^.!?\n:]{0,80}\b(?:we|we've|we're|our|us|my|i had|i've had|same "
       r"(?:problem|issue|thing))\b)", 0.95,
       gettext_noop("chat-assistant greeting 'Hi there! Great question'"), "opener", Where.START,
       keywords=("hi", "hello", "hey")),
    # At the very start of a post, an opener followed by exposition rather than by the
    # writer's own experience ("Great question! I asked our vet ...") is an assistant's.
    _p(r"\A\W{0,3}(?:certainly|(?:what a |such a )?(?:great|excellent) question)!"
       r"(?![^.!?\n]{0,120}\b(?:i|i'm|i've|i'd|we|we're|we've|my|our|me|us)\b)", STRONG,
       gettext_noop("chat-assistant opener 'Great question!' at the start of a post"), "opener",
       keywords=("certainly!", "question!")),
    _p(rf"\b{_OPENER}!", WEAK, gettext_noop("chat-assistant opener 'Certainly!'"), "opener",
       Where.START, keywords=("certainly!", "absolutely!", "of course!", "question!",
                              "to help!", "great idea!", "got it!", "sure!", "sure thing!")),
    # Preambles of a rewrite: "Here's a polished version of your post:".
    _p(rf"\b(?:here(?:'s| is| are)|below (?:is|are|you'll find))\s{_NOT_OWN}(?:a|an|the|your|"
       rf"one)\s(?:[\w'\"-]+,?\s){{0,3}}?{_RESTYLED}(?:,?\s[\w'\"-]+){{0,3}}?\s{_VERSION}"
       rf"(?:\s?:|\sof the {_WRITING}\s?:|{_FOR_READER})",
       STRONG, gettext_noop("chat-assistant rewrite preamble 'Here's a polished version'"),
       "preamble", keywords=_HERE),
    _p(rf"\b(?:here(?:'s| is| are)|below (?:is|are|you'll find))\s{_NOT_OWN}(?:a|an|the|your|"
       rf"one)\s(?:[\w'\"-]+\s){{0,3}}?{_VERSION}{_FOR_READER}", STRONG,
       gettext_noop("chat-assistant rewrite preamble 'Here's a draft you can use'"), "preamble",
       keywords=_HERE),
    _p(rf"\bhere(?:'s| is) your (?:\w+ ){{0,2}}?(?:{_WRITING}|draft),? (?:reworded|rewritten|"
       r"revised|polished|edited|cleaned up|tightened|shortened|rephrased|reworked|tidied)", STRONG,
       gettext_noop("chat-assistant rewrite preamble 'Here's a polished version'"), "preamble",
       keywords=("here's your", "here is your")),
    _p(rf"\b(?:here(?:'s| is| are)|below (?:is|are))\s(?:a|an|the|your)\s(?:[\w'-]+\s){{0,2}}?"
       rf"{_VERSION}", HINT, gettext_noop("preamble 'Here's a draft'"), "preamble",
       keywords=_HERE),
    # Offers of a next turn, wherever they stand: "Let me know if you'd like me to ...".
    _p(rf"\bif you(?:'d| would)? (?:like|want|prefer) me to\s(?:\w+\s){{0,2}}?{_REWORK}"
       rf"{_IMPERSONAL}", STRONG,
       gettext_noop("chat-assistant offer 'Let me know if you'd like me to ...'"), "offer",
       keywords=(" me to",)),
    _p(r"\b(?:just )?say the word if you(?:'d| would)? (?:like|want|prefer) (?:me to|any|more|"
       r"a |an |it)", STRONG,
       gettext_noop("chat-assistant offer 'Let me know if you'd like me to ...'"), "offer",
       keywords=("say the word",)),
    _p(rf"\b(?:would you like|do you want|shall i|should i also) (?:(?:me to )?(?:\w+\s){{0,3}}?"
       rf"{_REWORK}|an? (?:[\w-]+\s){{0,2}}?{_DOCUMENT}){_IMPERSONAL}", STRONG,
       gettext_noop("chat-assistant offer 'Would you like me to ...?'"), "offer",
       keywords=("would you like", "do you want", "shall i ", "should i also ")),
    _p(rf"want me to\s(?:\w+\s){{0,2}}?{_REWORK}{_IMPERSONAL}", STRONG,
       gettext_noop("chat-assistant offer 'Want me to ...?'"), "offer", Where.SENTENCE,
       keywords=("want me to",)),
    _p(r"\bif (?:you(?:'d| would) like|you want|you prefer|(?:it|that|this) (?:helps|would "
       r"help)|(?:it's |that's )?(?:useful|helpful)|needed),? i (?:can|could) (?:also |easily |"
       rf"happily |then )?(?:\w+\s){{0,2}}?{_REWORK}{_IMPERSONAL}", STRONG,
       gettext_noop("chat-assistant offer 'If you want, I can ...'"), "offer",
       keywords=("if you", "if it", "if that", "if this", "if useful", "if helpful",
                 "if needed")),
    _p(rf"\bi (?:can|could) also (?:\w+\s)?{_REWORK}\s?(?:this|it|that|them|the|a|an|your|some)\b"
       rf"{_IMPERSONAL}", 0.9,
       gettext_noop("chat-assistant offer 'I can also turn this into ...'"), "offer",
       keywords=("i can also ", "i could also ")),
    _p(rf"\bi (?:can|could) (?:also )?(?:\w+\s){{0,2}}?{_REWORK}[^.!?\n]{{0,80}}\bif "
       r"(?:you(?:'re| are) "
       r"interested|you(?:'d| would) like|you want|(?:that|it|this) (?:would )?helps?|"
       rf"(?:that's |it's |that would be )?(?:useful|helpful)){_IMPERSONAL}", STRONG,
       gettext_noop("chat-assistant offer 'I can also ... if you're interested'"), "offer",
       keywords=("i can ", "i could ")),
    _p(rf"\blet me know if you(?:'d| would)? (?:like|want) (?:a (?:\w+\s){{0,2}}{_DOCUMENT}|"
       r"(?:any|more|further|additional) (?:changes|adjustments|tweaks|edits|"
       rf"details?|examples|help|information|sources|suggestions|ideas|options)|more detail)"
       rf"{_IMPERSONAL}", STRONG,
       gettext_noop("chat-assistant offer 'Let me know if you'd like more detail'"), "offer",
       keywords=("let me know if you",)),
    _p(r"\bhappy to (?:(?:tweak|adjust|revise|refine|rework|rephrase|polish|rewrite|shorten|"
       r"tailor|adapt) (?:it|this|that|the (?:wording|tone|draft|text|copy|post|letter|email|"
       r"message|summary))\b|expand|elaborate|dig (?:deeper|further))", STRONG,
       gettext_noop("chat-assistant offer 'Happy to tweak it'"), "offer",
       keywords=("happy to ",)),
    _p(r"\bis there anything else (?:i can|you(?:'d| would) like)", STRONG,
       gettext_noop("chat-assistant sign-off 'Is there anything else ...'"), "else",
       keywords=("is there anything else ",)),
    # Sign-offs: weak alone (people write them too), strong with another weak find.
    _p(r"\bi hope (?:this|that|these|the above|it)(?:\s\w+){0,2}?\s(?:helps|is (?:helpful|"
       r"useful|clear)|was (?:helpful|useful)|clarifies|gives you|answers|makes sense|points "
       r"you|resolves|solves|fixes|works)", WEAK,
       gettext_noop("chat-assistant sign-off 'I hope this helps'"), "hope", Where.CLOSING,
       keywords=("i hope ",)),
    _p(r"hope (?:this|that|it) helps", WEAK,
       gettext_noop("chat-assistant sign-off 'I hope this helps'"), "hope", Where.CLOSING,
       keywords=("hope this", "hope that", "hope it")),
    _p(r"\b(?:feel free to|(?:don't|do not) hesitate to) (?:ask|reach out|let me know|get in "
       r"touch|contact)|\blet me know if you (?:run into|hit|have|get|encounter) (?:any )?"
       r"(?:other |more |further )?(?:issues|problems|trouble|errors)|\b(?:let me know|if you "
       r"have|should you have|if there are) (?:if you "
       r"have )?(?:any (?:other |more |further |additional |follow-up )?|(?:other|more|further|"
       r"additional|follow-up) )questions", WEAK,
       gettext_noop("chat-assistant sign-off 'Feel free to ask'"), "questions", Where.CLOSING,
       keywords=("feel free to ", "hesitate to ", " questions", "let me know if you ")),
    _p(r"\blet me know if (?:you need (?:any )?(?:more |further |additional )?(?:help|details|"
       r"information|assistance|clarification|anything else)|(?:anything|something) (?:is |was )?"
       r"(?:still )?unclear)", WEAK,
       gettext_noop("chat-assistant sign-off 'Let me know if you need more help'"), "questions",
       Where.CLOSING, keywords=("let me know if ",)),
    _p(r"\b(?:anything else (?:i can|you(?:'d| would) like|you need)|i'm (?:always |just )?"
       r"(?:here|happy|glad) to help|always (?:happy|glad) to help)", WEAK,
       gettext_noop("chat-assistant sign-off 'I'm here to help'"), "else", Where.CLOSING,
       keywords=("anything else ", " to help")),
    _p(r"\bfeel free to (?:tweak|adjust|adapt|customi[sz]e|modify|personali[sz]e|edit) "
       r"(?:it|this|the|any|as)\b", WEAK,
       gettext_noop("chat-assistant sign-off 'Feel free to tweak it'"), "adapt", Where.CLOSING,
       keywords=("feel free to ",)),
    # Fill-in placeholders of generated letters and posts.
    # "<insert your favourite package here>" is a writer's joke, not a form to fill in: an
    # "insert" placeholder names a field.
    _p(rf"\[(?:your\s(?!favou?rite)[^\]\n]{{1,40}}|(?:insert|enter|add)\s{_FIELD})\](?!\()", 0.95,
       gettext_noop("unfilled placeholder such as '[Your Name]'"), "placeholder", markup=True,
       keywords=("[your ", "[insert ", "[enter ", "[add ")),
    _p(r"\[(?:recipient|company|client|hiring manager|author|customer|sender|organi[sz]ation|"
       r"(?:current |previous )?employer|manager|landlord|school|university|team|event|venue|"
       r"contact|business|brand|product|platform|website|job|position|role|department)"
       r"(?:'s?)?(?:\s(?:name|title|email|address|phone(?: number)?|number|date|time|"
       r"location|website|url|link))?\](?!\()", 0.95,
       gettext_noop("unfilled placeholder such as '[Company Name]'"), "placeholder",
       markup=True, keywords=("[",)),
    _p(r"\[(?:[\w'-]{1,20} ){1,3}(?:name|title|date|number|address|email)\](?!\()", 0.9,
       gettext_noop("unfilled placeholder such as '[Name]'"), "placeholder", markup=True,
       keywords=("name]", "title]", "date]", "number]", "address]", "email]")),
    _p(r"\[(?:name|full name|first name|last name|date|time|address|phone(?: number)?|"
       r"email(?: address)?|city|country|location|title|topic|amount)(?:,\s(?:name|date|time|"
       r"city|location|address|country))*\](?!\()", 0.9,
       gettext_noop("unfilled placeholder such as '[Name]'"), "placeholder", markup=True,
       keywords=("[",)),
    _p(r"\[link to [^\]\n]{1,40}\](?!\()", 0.9,
       gettext_noop("unfilled placeholder such as '[link to ...]'"), "placeholder", markup=True,
       keywords=("[link to ",)),
    _p(rf"[<{{](?:your\s(?!favou?rite)[^>}}\n]{{1,40}}|(?:insert|enter)\s{_FIELD})[>}}]|"
       r"<(?:company|recipient|client|employer|"
       r"organi[sz]ation|hiring manager|customer)(?:'s)? (?:name|address|email)>", 0.9,
       gettext_noop("unfilled placeholder such as '<Your Name>'"), "placeholder", markup=True,
       keywords=("<", "{")),
    _p(r"\{\{\s?(?:\w{1,20}_)?(?:name|first_name|last_name|full_name|company|date|email|"
       r"title|city|position|role)\s?\}\}", 0.9,
       gettext_noop("unfilled placeholder such as '{{name}}'"), "placeholder", markup=True,
       keywords=("{{",)),
    # Citation markers and tracking parameters of assistant web tools.
    _p(r"【(?:\d+(?::\d+)?(?:†[^】\n]{0,60})?|[^】\n]{0,40}turn\d+[a-z]+\d+[^】\n]{0,40})】", 0.99,
       gettext_noop("assistant citation marker '【4:0†source】'"), "citation", markup=True,
       keywords=("【",)),
    _p(r"\[?oaicite:\d+\]?|:contentreference\[", 0.99,
       gettext_noop("assistant citation marker '[oaicite:0]'"), "citation", markup=True,
       keywords=("oaicite:", ":contentreference[")),
    _p(r"(?:\bcite|\b|(?<=\d))turn\d+(?:search|news|view|fetch|file|image|product|academia|"
       r"forecast|finance|sports)\d+", 0.99,
       gettext_noop("assistant citation marker 'turn0search1'"), "citation", markup=True,
       keywords=tuple(f"turn{digit}" for digit in range(10))),
    _p(r"\[cite(?:_start|_end|:\s?\d+(?:,\s?\d+)*)\]", 0.97,
       gettext_noop("assistant citation marker '[cite: 3]'"), "citation", markup=True,
       keywords=("[cite",)),
    _p(r"[\ue200-\ue206]", 0.95,
       gettext_noop("private-use characters of assistant citation markup"), "citation",
       markup=True, mentionable=False,
       keywords=tuple(chr(code) for code in range(0xE200, 0xE207))),
    # Only inside a link: "links with utm_source=chatgpt.com" on its own is talked about.
    _p(r"(?:https?://|www\.)[^\s?#]{1,300}\?(?:[^\s&#]{0,200}&){0,10}(?:utm_source|ref|"
       r"source)=(?:chatgpt(?:\.com)?|openai(?:\.com)?|"
       r"copilot(?:\.microsoft\.com|\.com)?|perplexity(?:\.ai)?|gemini(?:\.google\.com)?|"
       r"claude(?:\.ai)?|bard|deepseek(?:\.com)?)\b", 0.98,
       gettext_noop("assistant tracking parameter such as 'utm_source=chatgpt.com'"),
       "tracking", markup=True, keywords=("utm_source=", "ref=")),
    # Invisible characters; a joiner inside an emoji sequence or a non-Latin word is legitimate.
    _p(r"[\u200b\u2060\u180e]|(?<!^)\ufeff|(?<=[a-z ])[\u200c\u200d](?=[a-z ])", 0.6,
       gettext_noop("zero-width character"), "invisible", markup=True, mentionable=False,
       keywords=("\u200b", "\u2060", "\u180e", "\ufeff", "\u200c", "\u200d")),
)
