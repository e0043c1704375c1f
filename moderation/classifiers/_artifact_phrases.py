r"""The phrases the chat-artifact classifier looks for, one :class:`.Pattern` per phrasing:
self-descriptions, knowledge-cutoff notes, copied chat-app text and rewrite preambles.

Private to :mod:`.chat_artifacts`; :mod:`._artifact_patterns` explains how a pattern is written
and weighed, :mod:`._artifact_courtesies` holds the openers and sign-offs and
:mod:`._artifact_markup` the markup patterns, :mod:`._artifact_offers` the offers of a next
turn.
"""

from __future__ import annotations

from ._artifact_patterns import (
    ANSWER_START,
    HINT,
    IMPERSONAL,
    LINE_START,
    STRONG,
    WEAK,
    Pattern,
    _p,
)
from .base import gettext_noop

_HERE = ("here's", "here is", "here are", "below is", "below are", "below you")
_HANDING_OVER = (*_HERE, "here you go", "the following is", "what follows is", "this is")
# ... as a regular expression: "this is" at the start of a line ("This is a cleaner version of
# your post:"), each alternative starting with a letter (see ``_literal_first``).
_HANDING_OVER_RE = (r"(?:\bhere(?:'s| is| are)|\bhere you go(?: -|,|:)?|\bbelow (?:is|are|"
                    r"you'll find)|\bthe following is|\bwhat follows is|t(?<![^\n]t)his is)")
_AI = (r"(?:ai|artificial intelligence|(?:large )?language model|llm)"
       r"(?:[- ](?:language|based|powered))?(?:\s(?:language\s)?(?:model|assistant|chatbot|"
       r"system))?")
# "I can't", "I'm not able to" ... after "\bi".
_CANNOT = r"(?: can't| cannot|'m unable to| am unable to|'m not able to| am not able to)"
_AS_AN_AI = ("as an ai", "as a ai", "as an artificial", "as a large", "as a language", "as an llm")
# Words with which an assistant describes its rewrite of the user's text.
_RESTYLED = (
    r"(?:polished|cleaner|cleaned-up|clearer|concise|tighter|tightened(?:-up)?|refined|improved|"
    r"smoother|friendlier|warmer|punchier|professional|formal|casual|reworded|rewritten|"
    r"streamlined|edited|simplified|shorter|condensed|revised|better|stronger|crisper|snappier|"
    r"restructured|reorgani[sz]ed|punchy|"
    r"sharper|neutral|engaging|compelling|readable|laid-back|relaxed|lighter|"
    r"gentler|softer|playful|upbeat|funnier|lively|rephrased|clean)")
_VERSION = (r"(?:version|draft|rewrite|revision|rewording|redraft|edit|take|paraphrase|translation|"
            r"rephrasing|reworking|write-up|writeup|explanation)s?\b")
# "Here's ..." that speaks of the writer's own text ("Here's a cleaner version of my
# recipe") is a person sharing their work; an assistant says "your".
_NOT_OWN = r"(?![^.!?\n:]{0,80}\b(?:my|our)\b)"
# Writing a user asks an assistant to rework.
_WRITING = (r"(?:post|text|message|email|comment|reply|letter|paragraph|abstract|bio|"
            r"announcement|notice|intro|introduction|essay|cover letter|newsletter|statement|"
            r"description|speech|summary|recipe|story|poem|toast|cv|resume|note|notes|update|"
            r"report|listing|profile|caption|blurb|proposal|pitch|review|petition|invitation|"
            r"flyer|write-up|writeup|explanation|derivation|proof|walkthrough|section|readme|"
            r"response|rebuttal|prompt)")
# How an assistant describes the tone of what it wrote: "Here's a warm, engaging bio for ...".
_TONE = (r"(?:first-person|third-person|friendly|warm|engaging|gentle|persuasive|heartfelt|"
         r"welcoming|catchy|diplomatic|tactful|non-judgmental|respectful|empathetic|enthusiastic|"
         r"inviting|approachable|conversational|light-?hearted|upbeat|playful|polished|"
         r"professional|compelling)")
_REWRITE_PREAMBLE = gettext_noop("chat-assistant rewrite preamble 'Here's a polished version'")
_REWRITE_KEYWORDS = (" your ", "here's the", "here is the", "version", "below you'll find",
                     "told me", "shared with me", "given me", "to be more ", "to be less ",
                     "how you ", "way to ", "way you ", "i've ", "i have ", " for ", "this ",
                     "how i")
# How a rewrite preamble shows it is about the reader's text: "... of your post",
# "... you can post", "... that sounds less formal", "... for the newsletter".
_FOR_READER = (r"(?:\s(?:of|on|for) your\b|\s(?:based on|from|using) your (?:notes|outline|"
               r"points|draft|input|bullet points|text|description)\b|\s(?:of|"
               r"for) the [^.!?\n:]{0,40}?\byou (?:can|could|might)\b|\syou (?:can|could|might)\b|"
               r"\sthat (?:sounds|reads|keeps|flows|avoids|softens|drops|removes|strikes|stays|"
               r"feels|comes across|doesn't|won't|still|is (?:more|less)|should|captures|fits|"
               r"works)|\sthat(?:'s| is) (?:under|below|within|shorter|about|more [\w-]+|"
               r"less [\w-]+|[a-z]{2,}ier|simpler|clearer)\b|(?:\.|,|\s-)\s?i(?:'ve)? (?:kept|"
               r"preserved|maintained|tightened|trimmed|smoothed|fixed)\b[^.\n]{0,40}\byour\b|"
               r",?\swith (?:a |an )?(?:clearer|stronger|better|tighter|smoother|simpler|warmer|"
               r"friendlier|softer|gentler|lighter|calmer|kinder|cleaner|crisper|sharper|punchier|"
               r"shorter|bolder|firmer|snappier|livelier|brighter|more|less|improved)\b|"
               r"\ssuitable for\b|\sto your\b|\sthat follows\b|,\s(?:organi[sz]ed|sorted|grouped|"
               r"arranged|"
               r"ordered) by\b|\swith the (?:[\w-]+ ){0,2}?(?:simplified|tightened|softened|"
               r"shortened|cleaned up)\b|\syou(?:'ve)? (?:described|mentioned|shared|listed|"
               r"outlined|provided|posted)\b|\s(?:announcing|introducing|describing|explaining|"
               r"promoting|summari[sz]ing|asking about|requesting|inviting) your\b|\sfor (?:a|"
               r"an) (?:general|wider|broader|non-technical|lay|younger) (?:audience|readership|"
               r"readers)\b|\sready to (?:post|send|share|paste|use|go)\b|"
               r",\s(?:with\s[^.\n:]{1,60}\s)?(?:moved|cut|removed|reordered|swapped|tightened|"
               r"trimmed|shortened|condensed|reworked|restructured|reorgani[sz]ed|simplified|"
               r"expanded)\b|\s(?:under|in|at) (?:[\d,]+|[a-z]+) (?:words|characters|lines|"
               r"sentences)\b|,?\s(?:written )?(?:in|with) (?:a|an) [\w ,-]{0,40}?(?:tone|voice|"
               r"style)\b|\sfor the (?:[\w'-]+\s){0,2}?(?:forum|meeting|"
               r"blog|newsletter|group|post|job board|website|thread|chat|group chat)\b)")
# A line that hands a text over, after an acknowledgement: "Okay, here's ...", "Below is ...".
_HANDED_OVER = (rf"{LINE_START}\W{{0,3}}(?:(?:okay|ok|alright|sure|great|got it|"
                rf"as (?:you )?requested)[,!.]? (?:- )?)?"
                r"(?:here(?:'s| is)|below is)\s")
_END_OF_LINE = r"(?=\n|\Z)"
_CODE_LANGUAGE = (r"(?:python|bash|sh|shell|zsh|powershell|js|javascript|typescript|ts|jsx|tsx|"
                  r"json|yaml|toml|ini|sql|html|css|xml|plaintext|text|java|kotlin|go|rust|c|"
                  r"cpp|c\+\+|csharp|c#|ruby|php|r|swift|dockerfile|makefile|nginx|lua|perl)")
PHRASES: tuple[Pattern, ...] = (
    # An assistant describing itself.
    _p(rf"\bas an? {_AI}(?:\s(?:developed|created|trained|made|built) by\s[\w ]{{1,30}}?)?,"
       r"\s?i\b", 0.97,
       gettext_noop("assistant self-description 'As an AI language model, I ...'"), "self",
       keywords=_AS_AN_AI),
    _p(rf"\bas an? {_AI}\b", HINT, gettext_noop("assistant self-description 'As an AI ...'"),
       "self", keywords=_AS_AN_AI),
    _p(rf"\bi(?:'m| am) (?:just |only |merely )?an? {_AI}(?=\s?(?:[,.;!]|and\b|developed|"
       r"created|trained|designed|so\b|i\b|without\b|with no\b))", STRONG,
       gettext_noop("assistant self-description 'I am an AI ...'"), "self",
       keywords=("i'm a", "i am a")),
    _p(r"\bi (?:don't|do not) (?:have|hold) (?:personal (?:opinions|feelings|beliefs|preferences|"
       r"emotions)|(?:access to )?real-time (?:data|information|access|updates)|the ability "
       r"to (?:browse|access the internet)|browsing)", STRONG,
       gettext_noop("assistant disclaimer about its own abilities"), "self",
       keywords=("i don't have ", "i do not have ", "i don't hold ", "i do not hold ")),
    _p(r"\bi(?:'m| am) (?:unable|not able) to (?:open|access|browse|follow|visit|view) (?:external "
       r"(?:links?|urls?|websites?)|the internet|the web)\b|\bi(?:'m| am) (?:unable|not able) to "
       rf"(?:open|access|browse|follow|visit|view) (?:links|urls|websites|"
       rf"web ?pages)\b{IMPERSONAL}|"
       r"\bi (?:can't|cannot) (?:open|access|follow|visit) external links\b|\bi (?:don't|do not) "
       r"have (?:taste buds|a (?:physical )?body|physical senses|a sense of (?:taste|smell|touch))",
    STRONG,
       gettext_noop("assistant disclaimer about its own abilities"), "self",
       keywords=("unable to ", "not able to ", "external links", "i don't have ",
                 "i do not have ")),
    _p(rf"\bi{_CANNOT} "
       r"(?:provide|give|offer) (?:personali[sz]ed |specific |professional )?(?:medical|legal|"
       rf"financial|tax|investment|professional) advice\b|\bi{_CANNOT} (?:pull up|look up|check|"
       r"access|browse|see|fetch|retrieve|view) (?:the )?(?:live|current|real-time|up-to-date|"
       r"today's|latest) (?:listings|prices|data|information|results|availability|news|rates|"
       r"figures|stock|"
       rf"inventory){IMPERSONAL}|\bi{_CANNOT} "
       r"see (?:the |your |any |that )?(?:image|photo|picture|screenshot|attachment|file|"
       r"diagram)s?[^.!?\n]{0,40}?,? but (?:based on|from|going by) (?:your|the) description",
       STRONG, gettext_noop("assistant disclaimer about its own abilities"), "self",
       keywords=("i can't ", "i cannot ", "i am unable ", "i'm unable ", "i am not able ",
                 "i'm not able ")),
    _p(r"\bi (?:don't|do not) have (?:beliefs|opinions|feelings|preferences|experiences) of my "
       r"own\b|\b(?:as of|since) my last update\b", STRONG,
       gettext_noop("assistant disclaimer about its own abilities"), "self",
       keywords=("of my own", "my last update")),
    _p(r"\bi (?:don't|do not) have access to (?:your|the) (?:repository|repo|codebase|code|"
       r"files?|screen|system|account|machine|computer|environment|documents?|spreadsheet)\b|"
       rf"\bi{_CANNOT} see (?:the |your )?(?:image|photo|"
       r"picture|screenshot|attachment)s? you (?:mentioned|shared|uploaded|attached|described|"
       r"provided)\b", WEAK, gettext_noop("assistant disclaimer about its own abilities"), "self",
       keywords=("i don't have ", "i do not have ", "i can't ", "i cannot ", "i am unable ",
                 "i'm unable ")),
    _p(r"\bi (?:can't|cannot) (?:browse|access) the (?:internet|web)\b", STRONG,
       gettext_noop("assistant disclaimer about its own abilities"), "self",
       keywords=(" browse the ", " access the ")),
    _p(r"\b(?:as of|since) my (?:last )?(?:knowledge|training)(?: data)? (?:update|cut-?off)",
       0.97, gettext_noop("assistant knowledge-cutoff disclaimer"), "cutoff", keywords=(" my ",)),
    _p(r"\bmy (?:knowledge|training data|training)(?:,? which)? (?:cut-?off(?! for)|only goes "
       r"up to|goes up to|extends (?:up )?to|is current (?:up )?to|ends in)", 0.95,
       gettext_noop("assistant knowledge-cutoff disclaimer"), "cutoff",
       keywords=("my knowledge", "my training")),
    # A reasoning model's thoughts pasted with its answer.
    _p(rf"{ANSWER_START}\W{{0,3}}"
       r"(?:okay|ok|alright|hmm),? (?:so )?the user (?:is asking|asked|wants to know|is "
       r"wondering|would like)\b|</?think>", 0.95,
       gettext_noop("a reasoning model's thoughts ('<think>', 'Okay, so the user ...')"),
       "interface", keywords=("the user ", "think>")),
    # Buttons and labels of a chat app, each on a line of its own.
    _p(rf"{LINE_START}(?:copy code|copy\nedit|(?:{_CODE_LANGUAGE})\ncopy|regenerate(?: response)?|"
       r"show drafts|volume_up|(?:chatgpt|claude|gemini|copilot|you) said:|(?:thought|reasoned) "
       rf"for \d{{1,3}} ?(?:seconds?|s|minutes?|m)|searched \d{{1,3}} sites){_END_OF_LINE}|"
       r"\b(?:chatgpt|claude|gemini|copilot) (?:can|may) make mistakes|is this conversation "
       rf"helpful so far\?|{LINE_START}learn more:?\n\W{{0,3}}1\.? [a-z0-9.-]{{1,60}}\."
       r"(?:com|org|net|io|gov|edu|co\.uk)\b", 0.95,
       gettext_noop("text of a chat app copied with the answer ('Copy code', 'Regenerate')"),
       "interface", keywords=("copy", "regenerate", "show drafts", "volume_up", " said:",
                              "thought for ", "reasoned for ", "searched ", "make mistakes",
                              "conversation helpful", "learn more")),
    # Preambles of a rewrite: "Here's a polished version of your post:".
    _p(rf"{_HANDING_OVER_RE}\s{_NOT_OWN}(?:a|an|the|your|"
       rf"one)\s(?:[\w'\"-]+,?\s){{0,3}}?{_RESTYLED}(?:,?\s[\w'\"-]+){{0,3}}?\s(?:{_VERSION}|"
       rf"{_WRITING}s?\b)(?:(?:\s(?:on|of) (?:it|this|that))?\s?:|"
       rf"\sof the (?:[\w-]+\s){{0,3}}?{_WRITING}\s?:|\sof that\b[^.\n:]{{0,80}}:\n|{_FOR_READER}|"
       r"\sof the (?:thread|discussion|conversation)\b[^.\n:]{0,80}:\n|"
       r"(?![^\n:]{0,120}\b(?:i|my|our|we)\b)(?=[^\n:]{0,120}\b(?:your|you(?:'re|"
       r" are) asking about|you asked about)\b)[^.\n:]{0,120}:\n)",
       STRONG, _REWRITE_PREAMBLE,
       "preamble", keywords=_HANDING_OVER),
    # A text made to the asker's measure: "Below is a revised monthly budget using the 50/30/20
    # framework, adjusted for your take-home pay of £2,350:".
    _p(rf"{_HANDED_OVER}(?:a|an)\s(?![^\n:]{{0,200}}\b(?:i|my|our|we)\b)"
       r"[^\n:]{0,120}?\b(?:built around (?:your\b|the [^\n:]{0,60}?\byou (?:described|mentioned|"
       r"listed|shared)\b)|(?:adjusted|tailored|customi[sz]ed|adapted|personali[sz]ed|"
       r"calibrated|scaled) (?:to|for|around) your\b|(?:formatted|written|structured) (?:for|"
       r"as) (?:(?:a|an|the) )?(?:[\w-]+ ){0,2}?(?:forum|blog|reddit|discord|facebook|briefing|"
       r"newsletter|memo|slide|email|report|wiki|slack|handout|flyer|website)\b|"
       r"formatted for (?:beginners|newcomers|"
       r"non-technical (?:users|readers|people))\b|written (?:in|with) (?:a|"
       r"an) [\w ,-]{0,40}?(?:tone|voice|style)\b|based on your\b|you can (?:\w+ ){1,2}?(?:with|to|"
       r"for|at) (?:your\b|the (?:team|group|class|family|club|students|kids)\b)|you (?:can|"
       r"could) (?:post|paste|send out|hand out|print(?: out)?|read (?:out|aloud)|adapt|follow)\b|"
       r"you asked (?:about|for)\b|"
       r"based on what you (?:described|mentioned|said|listed|shared)\b|(?:rundown|breakdown|"
       r"layout|plan|schedule|routine|guide|overview|comparison|timeline|itinerary|outline)s?\b"
       r"[^\n:]{0,60}? for your\b)"
       r"(?:[^.\n:]|\bvs\.){0,80}:\n",
    STRONG,
       _REWRITE_PREAMBLE, "preamble",
       keywords=("adjusted", "tailored", "customi", "adapted", "personali", "calibrated",
                 "scaled", "you can ", "you could ", "formatted ", "written ", "structured ",
                 "based on your", "built around", "based on what you", "for your", "you asked ")),
    # A text made easier than the one the asker had, on a line of its own: "Okay, here's a more
    # readable explanation of why attention is quadratic:", "Here's the explanation rewritten
    # for a non-technical audience:".
    _p(rf"{_HANDED_OVER}(?:(?:a|an)\s{_NOT_OWN}(?:more [\w-]+|less [\w-]+|clearer|simpler|shorter|"
       rf"cleaner|friendlier|gentler|plainer|simplified|plain-language|beginner-friendly),?\s"
       rf"(?:[\w-]+\s){{0,2}}?(?:{_VERSION}|{_WRITING}s?\b)|"
       rf"the "
       r"[\w-]+ (?:rewritten|reworded|simplified|explained) for (?:a|an) (?:general|wider|broader|"
       r"non-technical|lay|younger|beginner)\b)(?![^\n:]{0,120}\b(?:i|my|our|we)\b)(?:[^.\n:]|"
       r"\be\.g\.|\bi\.e\.){0,120}:\n", STRONG, _REWRITE_PREAMBLE,
       "preamble", keywords=_HERE),
    # The asker's own facts handed back to them in order, on a line of its own: "Okay, here's
    # a summary of your symptoms that you can bring to your appointment:".
    _p(rf"{_HANDED_OVER}(?:a|an) "
       r"(?:[\w-]+ ){0,2}?(?:summary|list|checklist|outline|"
       r"timeline|overview|breakdown|rundown|critique|analysis|assessment|"
       r"evaluation) of (?:(?:what )?your\b|[^\n:]{0,60}?\byou (?:uploaded|shared|pasted|sent|"
       r"provided|posted|described)\b)(?![^\n:]{0,160}\b(?:i|my|our|we)\b)[^.\n:]{0,160}"
       r":\n", STRONG, _REWRITE_PREAMBLE,
       "preamble", keywords=("here's a", "here is a", "here's an", "here is an", "below is a")),
    # A text described by its tone, handed over on a line of its own: "Here's a warm, engaging
    # adoption bio for Mabel:".
    _p(rf"{LINE_START}\W{{0,3}}(?:here(?:'s| is)|below is)\s{_NOT_OWN}(?:a|an)\s(?:(?:first\s)?"
       rf"(?:draft|version)\sof\s(?:a|"
       rf"an)\s)?(?:[\w-]+,?\s(?:and\s)?){{0,2}}?{_TONE},?\s(?:(?:and\s|"
       rf"but\s)?[\w-]+,?\s){{0,4}}?{_WRITING}s?\b"
       r"(?![^\n:]{0,80}\b(?:i|my|our|we)\b)[^.\n:]{0,80}:\n", STRONG,
       _REWRITE_PREAMBLE, "preamble",
       keywords=_HERE),
    _p(rf"{_HANDING_OVER_RE}\s{_NOT_OWN}(?:a|an|the|your|"
       rf"one)\s(?:[\w'\"-]+,?\s){{0,3}}?{_VERSION}(?:\s[\w'\"-]+,?){{0,6}}?{_FOR_READER}",
    STRONG,
       gettext_noop("chat-assistant rewrite preamble 'Here's a draft you can use'"), "preamble",
       keywords=_HANDING_OVER),
    _p(r"\b(?:here(?:'s| is)|below is|below you'll find) your (?:[\w'-]+,? ){1,4}?(?:laid out|"
       r"reworded|"
       r"rewritten|reorgani[sz]ed|revised|polished|edited|cleaned up|tightened|shortened|"
       r"rephrased|reworked|tidied|"
       r"reformatted|restructured|converted|turned|scaled|adapted|adjusted|halved|doubled|"
       r"translated|simplified)", STRONG,
       _REWRITE_PREAMBLE, "preamble",
       keywords=("here's your", "here is your", "below is your", "below you'll find your")),
    _p(rf"\bi(?:'ve| have) (?:\w+ )?(?:rewritten|reworded|rephrased|polished|tightened|"
       r"streamlined|shortened|condensed|simplified|restructured|reworked|smoothed out|cleaned up|"
       rf"reorgani[sz]ed|reformatted|rearranged|tidied up|"
       rf"kept)(?: up)? your (?:[\w-]+ ){{0,2}}?(?:{_WRITING}|call-out|callout|"
       rf"draft|original|text|wording|question)\b|"
       r"\bhere(?:'s| is) (?:the|your) (?:rephrased|reworded|rewritten|polished|tightened|refined|"
       rf"reworked) {_WRITING}(?: with (?:a |an )?[\w-]+ (?:tone|feel|voice)|\s?:)|"
       r"\bbelow you'll find [^.\n:]{0,60}\bfor your\b|\bhere(?:'s| is) how you (?:might|could|"
       r"can) (?:phrase|word|put|frame|write|say) (?:it|this|that|the|your)\b|"
       r"\bhere(?:'s| is) your "
       r"(?:\w+ ){0,2}?(?:text|draft|post|message|email|intro|introduction|paragraph) (?:with|"
       r"after) "
       r"[^.\n:]{0,60}?(?:fix(?:es)?|corrections?|changes|edits|improvements) (?:applied|made)|"
       r"\bi(?:'ve| have) (?:\w+ )?(?:tightened|reworded|"
       r"rephrased|polished|streamlined|smoothed|reorganized|reorganised|restructured) (?:up |"
       r"out )?(?:the|your) (?:wording|phrasing|flow|tone|structure|text|draft|"
       r"transitions)\b|\bthis (?:version|draft|rewrite) (?:keeps|preserves|"
       r"tightens|trims|cuts)\b[^.\n]{0,40}\byour\b|\bhere(?:'s| is) how i(?:'d| would) "
       r"(?:rewrite|reword|rephrase|phrase) (?:it|this|that|your)\b|"
       r"\bbased on what you(?:'ve)? (?:told|shared with|given) me,? "
       r"(?:i(?:'ve| have)|here(?:'s| is))|\bhere(?:'s| is) the [^\n:]{0,60}?(?:reorgani[sz]ed|"
       r"restructured|rewritten|reworded|regrouped|rearranged)\b[^\n:]{0,40}?,? as you (?:asked|"
       r"requested)\b", STRONG, _REWRITE_PREAMBLE, "preamble", keywords=_REWRITE_KEYWORDS),
    # The same preamble, in patterns of their own so that each starts with a literal character
    # or a line start (see ``_literal_first``).
    _p(r"(?:\bhere's|\bhere is|\bbelow is) (?:a|one) (?:[\w-]+,? ){0,3}?way (?:to|you (?:could|"
       r"can|might)) (?:phrase|say|put|word|frame|explain|raise|express|communicate|bring up|voice|"
       r"pitch|present) (?:it|this|that|what you|your|the)\b", STRONG, _REWRITE_PREAMBLE,
       "preamble", keywords=_REWRITE_KEYWORDS),
    _p(r"(?:\bof course|\bsure|\bcertainly|\babsolutely|\bdone|\bgot it|\bno problem)[.!,]? "
       r"i(?:'ve| have) (?:\w+ )?(?:rewritten|reworded|rephrased|polished|tightened|revised|"
       r"softened|toned down|adjusted|edited|reworked|cleaned up) (?:it|this|that|the|your)\b",
       STRONG, _REWRITE_PREAMBLE, "preamble", keywords=_REWRITE_KEYWORDS),
    _p(rf"{LINE_START}(?:(?:revised|rewritten|polished|improved|shorter|tightened) version"
       r"(?: \([^)\n]{1,40}\))?:|(?:revised|rewritten|reworded|edited) to be (?:more|less) [\w-]+:|"
       r"(?:revised|rewritten|polished|tightened) for (?:clarity|tone|brevity|length|flow)"
       r"(?: and \w+)?:|i(?:'ve| have) (?:tidied|turned|organi[sz]ed|sorted|condensed|converted|"
       r"reworked|reorgani[sz]ed|restructured|compiled|rewritten|put) your (?:[\w'-]+ ){0,3}?into "
       r"(?:a|an)\b[^\n]{0,120}:\n)", STRONG, _REWRITE_PREAMBLE, "preamble",
       keywords=_REWRITE_KEYWORDS),
    _p(rf"\b(?:here(?:'s| is| are)|below (?:is|are))\s(?:a|an|the|your)\s(?:[\w'-]+\s){{0,2}}?"
       rf"{_VERSION}", HINT, gettext_noop("preamble 'Here's a draft'"), "preamble",
       keywords=_HERE),
)
