r"""The offers of a next turn the chat-artifact classifier looks for ("Let me know if you'd like
me to ...", "Want me to turn this into a checklist?", "If you tell me your budget, I can ..."),
and the words an assistant uses for the work it offers.

Private to :mod:`.chat_artifacts`, which runs them after :data:`._artifact_phrases.PHRASES`;
:mod:`._artifact_patterns` explains how a pattern is written and weighed.
"""

from __future__ import annotations

from ._artifact_patterns import IMPERSONAL, STRONG, WEAK, Pattern, Where, _p
from .base import gettext_noop

# What an assistant offers to write next: "Would you like a step-by-step guide?"
_DOCUMENT = (r"(?:list|checklist|summary|table|timeline|version|template|guide|plan|schedule|"
             r"breakdown|draft|outline|chart|script|overview|explanation|walkthrough|set|flashcard|"
             r"quiz|exercise|worksheet|cheat sheet|diagram|example|sample|snippet|layout|"
             r"comparison|reading list|itinerary|rundown|manifest|step-by-step)s?\b")
# Work on a text an assistant offers to do next.
_REWORK = (
    r"(?:expand|extend|elaborate|cover|rewrite|re-write|revise|write|draft|create|generate|tailor|"
    r"adjust|adapt|tweak|shorten|lengthen|condense|summari[sz]e|format|reformat|turn|convert|"
    r"put\stogether|pull\stogether|throw\stogether|polish|refine|rework|rephrase|reword|translate|"
    r"outline|simplify|"
    r"proofread|customi[sz]e|personali[sz]e|tidy|break\s(?:\w+\s)?down|suggest|recommend|compare|"
    r"explain|clarify|walk\s(?:you\s)?through|walk\syou|go\s(?:deeper|further|into|over|through)|"
    r"dig\s(?:deeper|further|into|up\s(?:some|more))|look\s(?:into|up)|research|sketch|design|"
    r"propose|draw\sup|make\s(?:it|this|that|them)\s(?:\w+er|more|less|sound|read|fit)\b|(?:map|"
    r"lay|spell|plan|sketch|write|flesh)\s(?:this\s|it\s|that\s|them\s|these\s)?out\b|"
    r"put\s(?:these|them|this|it|those|everything)\s(?:side\sby\sside|into\s|in\s(?:a|an)\s)|"
    r"make\s(?:any\s)?(?:further\s|more\s|other\s)?(?:changes|edits|adjustments|tweaks|"
    rf"revisions)|make\s(?:you\s)?(?:a|an)\s(?:[\w-]+\s){{0,5}}?(?:{_DOCUMENT}|calendar|"
    r"spreadsheet|tracker|handout|flowchart)|compile|assemble|give\syou\s(?:a|an|the|some|more|"
    r"specific|exact|detailed|step-by-step)\b|add\s(?!you\b|me\b|him\b|her\b|them\b|us\b)|"
    r"scale\s(?:this|it)\s(?:up|down)|scale\s(?:out|up|down)\b|stat\sout|include\s(?:more|some|the|"
    r"a|an|examples?|sources|"
    r"links|code|details)\b|provide|show\s(?:you\s)?(?:an?|the|some)\s(?:[\w-]+\s)?(?:example|"
    r"version|snippet|variant|equivalent|alternative|config|configuration|setup|code|steps|"
    r"commands?)\b|show\s(?:you\s)?how\s(?:to\s)?(?:do|configure|set|write|handle|use|wrap|"
    r"implement|add|fix|build|structure|refactor|convert|calculate|apply|adapt|extend|test|make|"
    r"get|keep|run|automate|persist|annotate|compute|aggregate|optimi[sz]e|cache|index|query|"
    r"filter)\b|show\s(?:you\s)?what\s(?:happens|it\slooks|that\slooks|this\slooks)\b|"
    r"calculate|estimate|work\sout|build\s(?:you\s)?(?:a|an)\b|make\syou\b|"
    r"come\sup\swith|pull\s(?:up|together|the|a|an)\b|brainstorm|contrast|unpack|work\sthrough|"
    r"run\s(?:the\snumbers|the\smath|it|this|a|an|through)\b|run\sthe\ssame\s(?:[\w-]+\s){0,2}?"
    r"(?:comparison|analysis|calculation|numbers|math)\b|"
    r"run\s(?:[\w'-]+\s){1,8}?through\s(?:this|that|the|it)\b|tally|size|"
    r"map\s(?:this|it|that|them|each|every|these|those|all|your)\b|list|mock\sup|whip\sup|trim|"
    r"mark\s?up|"
    r"annotate|highlight|narrow\s(?:\w+\s){0,3}?down|help\s(?:you\s)?(?:draft|write|word|phrase|"
    r"rewrite|plan|create|turn|put\stogether|structure|outline|format|look\s(?:up|into)|find|"
    r"script|"
    r"figure\sout|work\sout|choose|pick|compare|decide|set\sup))")
# Writing an assistant offers once the reader has answered its question.
_PRODUCE = (rf"(?:draft|write|rewrite|flesh (?:it|this|that|them) out|sketch|turn|convert|tailor|"
            rf"tweak (?:these|those)\b|make (?:you )?(?:a|an) (?:[\w-]+ ){{0,3}}?{_DOCUMENT}|"
            r"narrow (?:\w+ ){0,3}?down|put together|pull together|outline|adapt|customi[sz]e|"
            r"expand|generate|create|prepare|list|scale|build (?:you )?(?:a|an)|"
            r"run (?:the )?(?:numbers|"
            r"math)|rework|"
            r"revise|refactor|adjust|calculate|work out|figure out|estimate|suggest|"
            r"recommend|point (?:you|out)|"
            r"check (?:whether|if)|lay (?:them |it |this |these )?out|run through|map (?:it )?out|"
            r"walk (?:you )?through|go (?:through|over)|give you (?:a|an|the|some|more|specific|"
            r"exact|detailed|step-by-step)|give (?:you )?(?:more |much )?(?:specific|detailed|"
            r"tailored|targeted|"
            r"concrete|precise)|tell you (?:exactly|precisely|which|what|how|whether|if)|pinpoint|"
            r"diagnose|"
            r"help (?:you )?\w+|narrow (?:this|it|that|these|them) (?:down )?to|match (?:this|it|"
            r"that|them)|map (?:this|it|that|them|each))\b")
# ... and an offer about someone the writer knows ("If you tell me his list I can tell you what
# her results were") or followed by their own experience ("No promises but I've gotten pretty
# fast at it") is a parent's or a fellow member's.
_THIRD_PARTY = (r"(?![^.!?\n]{0,60}\b(?:(?:her|his) [a-z]|my\b|our\b))"
                r"(?![^\n]{0,120}\b(?:i've|my|our)\b)")
_OFFER = gettext_noop("chat-assistant offer 'Let me know if you'd like me to ...'")
_OFFER_KEYWORDS = ("say the word", " would help", " might help", " would be ", " might be ",
                   "if you ", "if you'd ", "if you would ", "let me know ", "should i ", "tell me ",
                   "give me ", "send me ", "would it ", "would a ", "would some ", " be useful",
                   " be helpful", " be handy")

OFFERS: tuple[Pattern, ...] = (
    # Offers of a next turn, wherever they stand: "Let me know if you'd like me to ...".
    _p(rf"\bif you(?:'d| would)? (?:like|want|prefer) me to\s(?:\w+\s){{0,2}}?{_REWORK}"
       rf"{IMPERSONAL}", STRONG,
       _OFFER, "offer",
       keywords=(" me to",)),
    _p(r"\bsay the word if you(?:'d| would)? (?:like|want|prefer) (?:me to|any|more|a |an |it|this|"
       r"that|these|them)\b|\bwhether you(?:'d| would) like me to (?:\w+\s){0,2}?"
       rf"{_REWORK}{IMPERSONAL}|"
       rf"\bsay the word and i(?:'ll| will| can) (?:\w+\s){{0,2}}?{_REWORK}|"
       r"\bsay the word and i(?:'ll| will| can) (?:\w+\s){0,2}?(?:this|it|that|these|"
       r"them|everything)\b|\bif (?:a |an |the )?[\w-]{1,20} (?:would|might) (?:help|be (?:useful|"
       r"helpful)),? i (?:can|could)\b|\bshould i (?:turn|convert|put|make|condense|compile|"
       r"reformat|format|rework|expand) (?:this|it|that|these|them|everything)(?: \w+)? into\b|"
       r"\bshould i (?:also )?put (?:these|them|this|it|those|everything) (?:side by side|into|in "
       r"(?:a|an))\b|"
       rf"\bshould i (?:also )?{_PRODUCE}[^.!?\n]{{0,80}}\byour\b|\bwould (?:an? |some )"
       r"[^.!?\n]{1,200}? be (?:handy|helpful|useful)(?: next| here| for you| to you| too)?(?:\?|"
       r", or (?:should|shall) i\b)|\bwould (?:an? |some )[^.!?\n]{1,200}? help (?:narrow|you|"
       r"decide|choose)\b[^.!?\n]{0,60}\?|\bwould (?:an? |some )[^.!?\n]{1,200}? help\? i "
       r"(?:can|could)\b|\bwould it (?:be (?:helpful|useful)|"
       r"help) if i (?:also )?\w+", STRONG, _OFFER, "offer", keywords=_OFFER_KEYWORDS),
    # ... and an offer after asking for details ("If you tell me your budget, I can ..."), in a
    # pattern of its own as it starts with a choice of words (see ``_literal_first``).
    _p(r"\b(?:if you (?:tell|give|send|share|let) me|if you(?:'d| would) rather\b|"
       r"if you (?:can )?(?:share|post|paste|provide|describe|list|upload|mention) "
       r"(?:your|the|a|which|what|how)\b|let me know "
       rf"(?:your|the|which|what|how|whether))\b(?:[^.!?\n(]|[.?](?=\w)|"
       rf"\([^)\n]{{0,80}}\)){{0,160}}?,? (?:and )?i(?:'ll|"
       rf" can| could| will|'m happy to|'m glad to|'d be happy to|'d be glad to|'m able to) "
       rf"(?:\w+\s){{0,2}}?"
       rf"{_PRODUCE}{_THIRD_PARTY}|\b(?:just )?(?:tell|give|send) me (?:your|the|what|which|how|"
       rf"a bit more)\b[^.!?\n]{{0,100}}?,? and i(?:'ll| can| will) "
       rf"(?:\w+\s){{0,2}}?{_PRODUCE}", STRONG, _OFFER, "offer", keywords=_OFFER_KEYWORDS),
    _p(rf"\b(?:would you like|do you want|shall i|should i also) (?:(?:me to )?(?:\w+\s){{0,3}}?"
       rf"{_REWORK}|an? (?:[\w-]+\s){{0,2}}?{_DOCUMENT}){IMPERSONAL}", STRONG,
       gettext_noop("chat-assistant offer 'Would you like me to ...?'"), "offer",
       keywords=("would you like", "do you want", "shall i ", "should i also ")),
    # Any next step offered as a question in a post's last paragraph ("Would you like me to gloss a
    # few parallel examples ...?"): weak, and strong where it closes an impersonal answer (see
    # chat_artifacts), as a person's "Want me to send you the file?" follows their own story.
    _p(rf"\b(?:would you like me to|do you want me to|want me to|shall i|should i go ahead and|"
       rf"should i (?:also )?{_PRODUCE}|could i (?:also )?{_PRODUCE}|care to have me|"
       rf"do you want (?:the|an?) (?:[\w+-]+ ){{0,5}}?(?:steps|instructions|code|formula|"
       rf"commands|{_DOCUMENT})\b)[^?\n]{{3,250}}\?"
       r"(?=[^\n]{0,200}\s*\Z)", WEAK,
       gettext_noop("chat-assistant offer 'Would you like me to ...?'"), "offer", Where.CLOSING,
       keywords=("would you like me to", "want me to", "shall i ", "should i ", "could i ",
                 "care to ", "do you want ")),
    # "Let me know if you'd like printable exit tickets, a rubric or ..." ending a post: weak, and
    # strong where it closes an impersonal answer.
    # ... and "Happy to give you a short set of practice sentences." ending a post (but "Happy to
    # go into it more if anyone's interested" is said to the thread).
    _p(r"\blet me know if you(?:'d| would)? (?:like|want|"
       rf"need) (?!me\b)[^.!?\n]{{3,200}}[.!]?(?=\s*\Z)|\b(?:happy|glad) to {_REWORK}"
       r"(?![^.!?\n]{0,120}\b(?:anyone|anybody|someone|people|folks|others)\b)"
       r"[^.!?\n]{0,200}[.!]?(?=\s*\Z)",
       WEAK, gettext_noop("chat-assistant offer 'Let me know if you'd like more detail'"), "offer",
       Where.CLOSING, keywords=("let me know if you", "happy to ", "glad to ")),
    # An offer that asks which of two things to make: "Happy to put together a printable diary
    # - would you prefer a weekly layout or a spreadsheet?"
    _p(rf"\b(?:happy to|glad to|i(?:'d| would) be (?:happy|glad) to|i (?:can|could)(?: also)?)\s"
       rf"(?:\w+\s){{0,2}}?{_REWORK}{IMPERSONAL}[^?\n]{{0,260}}?(?:\bwhich (?:would|one|do "
       r"you|you(?:'re| are))|\bwould you (?:prefer|rather|like)|\bor would you|\bdo you (?:want|"
       r"prefer)|\b(?:just )?(?:say|tell me|let me know) which|\b(?:just )?(?:tell|give|"
       r"send) me your|\b(?:just )?paste (?:it|what|your)|"
       r"\b(?:just )?say the word|\bjust (?:share|post|drop) (?:the|your))\b[^?\n]{0,160}?(?:\?|"
       r"[.!](?=\s|"
       r"\Z))",
       STRONG,
       _OFFER, "offer",
       keywords=("happy to ", "glad to ", "i can ", "i could ")),
    _p(rf"want (?:me to\s(?:\w+\s){{0,6}}?{_REWORK}|an? (?:[\w-]+\s){{0,2}}?{_DOCUMENT})"
       rf"{IMPERSONAL}",
       STRONG,
       gettext_noop("chat-assistant offer 'Want me to ...?'"), "offer", Where.SENTENCE,
       keywords=("want me to", "want a ", "want an ")),
    _p(r"\b(?:if (?:you(?:'d| would) like|you want|you prefer|(?:it|that|this) (?:helps|would "
       r"help)|(?:it|that|this)(?:'d| would) (?:be (?:useful|helpful|handy)|help)|(?:it's |"
       r"that's )?(?:useful|"
       r"helpful)|needed)|should you (?:want|wish|like)(?: it| that| me to)?),? i(?: can|"
       r" could|'m happy to|'d be happy to) (?:also |easily |"
       rf"happily |then )?(?:\w+\s){{0,2}}?{_REWORK}{IMPERSONAL}", STRONG,
       gettext_noop("chat-assistant offer 'If you want, I can ...'"), "offer",
       keywords=("if you", "if it", "if that", "if this", "if useful", "if helpful", "should you ",
                 "if needed")),
    _p(rf"\bi (?:can|could) also (?!(?:\w+\s)?recommend (?:the|a|an|this|"
       rf"that)\b)(?:\w+\s)?{_REWORK}\s?(?:this|it|that|them|the|a|an|your|some|"
       r"which|whether|how|their|these|those|more|each|any|you)\b"
       rf"{IMPERSONAL}", 0.9,
       gettext_noop("chat-assistant offer 'I can also turn this into ...'"), "offer",
       keywords=("i can also ", "i could also ")),
    _p(rf"\bi(?: can| could|'m able to| am able to) (?:also )?(?:\w+\s){{0,2}}?{_REWORK}"
       r"(?:[^.!?\n]|\bvs\.){0,120}\bif (?:you(?:'re| are) interested|(?:that's|"
       r"it's) what you(?:'re| are)\b|you(?:'d| would) like|you want|(?:that|it|"
       r"this) (?:would )?helps?|(?:that|it|this) would (?:make|be easier)|(?:that|it|"
       r"this) sounds? (?:useful|helpful|good)|you(?:'d| would) prefer|you (?:let me know|tell me|"
       r"share|send|post|paste|"
       rf"give me)|(?:that's |it's |that would be )?(?:useful|helpful|handy)){IMPERSONAL}|"
       rf"\bi (?:can|"
       rf"could) (?:also )?(?:\w+\s){{0,2}}?{_REWORK}[^.!?\n]{{0,120}}? - (?:just (?:tell|let|send|"
       rf"give|share|paste)\b|would (?:that|this|it) be (?:useful|helpful))|\b(?:(?:paste|share|"
       rf"post|send|drop) (?:the|your)|paste (?:it|them|this|that))\b[^.!?\n]{{0,60}}\band i(?:'ll|"
       rf" will| can) "
       rf"(?:\w+\s){{0,2}}?{_REWORK}", STRONG,
       gettext_noop("chat-assistant offer 'I can also ... if you're interested'"), "offer",
       keywords=("i can ", "i could ", "able to ", "and i'll ", "and i will ", "and i can ")),
    _p(rf"\blet me know if you(?:'d| would)? (?:like|want) (?:a (?:[\w-]+\s){{0,4}}{_DOCUMENT}|"
       r"(?:any|more|further|additional) (?:changes|adjustments|tweaks|edits|"
       rf"details?|examples|help|information|sources|suggestions|ideas|options)|"
       rf"more detail){IMPERSONAL}|\blet me know if (?:a|an|some) (?:[\w-]+\s){{0,4}}?{_DOCUMENT}"
       rf"[^.!?\n]{{0,80}}? would (?:be (?:useful|helpful|handy)|help){_THIRD_PARTY}|"
       rf"\blet me know if you(?:'d| would)? (?:like|"
       rf"want) [^.!?\n]{{1,120}}, and "
       r"i(?:'ll| will| can) \w+", STRONG,
       gettext_noop("chat-assistant offer 'Let me know if you'd like more detail'"), "offer",
       keywords=("let me know if ",)),
    _p(r"\bhappy to (?:(?:tweak|adjust|revise|refine|rework|rephrase|polish|rewrite|shorten|"
       r"tailor|adapt) (?:it|this|that|the (?:wording|tone|draft|text|copy|post|letter|email|"
       r"message|summary))\b|expand|elaborate|dig (?:deeper|further))"
       r"(?![^.!?\n]{0,60}\b(?:someone|anyone|people|folks)\b)", STRONG,
       gettext_noop("chat-assistant offer 'Happy to tweak it'"), "offer",
       keywords=("happy to ",)),
    _p(rf"\bi(?:'d| would) be (?:glad|happy|delighted|more than happy) to (?:also )?{_REWORK}"
       rf"{IMPERSONAL}|\bi(?:'m| am) (?:also )?(?:glad|happy) to (?:expand|elaborate|go deeper) "
       r"(?:on )?(?:any|each|some|one) of (?:these|those|them)\b|\bi(?:'m| am) (?:also )?(?:glad|"
       rf"happy) to {_REWORK}[^.!?\n]{{0,120}}\bif (?:you (?:want|'d like|would like|need|share|"
       rf"send|post|tell me|give me|let me know)|(?:that|it|this) (?:sounds|would be|seems) "
       rf"(?:helpful|useful|handy|good))\b|(?<!i'm )(?<!i am )\bhappy to {_REWORK}"
       r"[^.!?\n]{0,120}\bif (?:you (?:share|send|paste|tell me|give me)\b|"
       r"(?:that|it|this)(?:'d| would) (?:be (?:useful|helpful)|help))",
       STRONG,
       gettext_noop("chat-assistant offer 'I'd be glad to expand this into ...'"), "offer",
       keywords=("be glad to", "be happy to", "be delighted to", "more than happy to",
                 "glad to ", "happy to ")),
    _p(r"\bis there anything else (?:i can|you(?:'d| would) like)", STRONG,
       gettext_noop("chat-assistant sign-off 'Is there anything else ...'"), "else",
       keywords=("is there anything else ",)),
)
