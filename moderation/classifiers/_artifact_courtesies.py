r"""The courtesies a chat assistant wraps around an answer, which the chat-artifact classifier
looks for: openers ("Certainly! Here's ...", "Ah, the classic ...!", "You're right to be
skeptical"), and sign-offs ("I hope this helps!", "Happy coding! 🚀", "Feel free to ask").

Private to :mod:`.chat_artifacts`; :mod:`._artifact_patterns` explains how a pattern is written
and weighed, :mod:`._artifact_reactions` how an opener's first sentence is judged. People open
and close their own replies in these ways too, so most of these patterns are weak alone, or
strong only where the writer says nothing of themselves nearby.
"""

from __future__ import annotations

import re

from ._artifact_patterns import (
    ANSWER_START,
    LEAD_IN_LIMIT,
    LINE_START,
    STRONG,
    WEAK,
    Pattern,
    Where,
    _p,
    blank_quotes,
)
from ._artifact_reactions import (
    GREETING,
    REACTION,
    REASSURANCE,
    no_own_doings_after,
    reacts_to_the_asker,
)
from .base import gettext_noop

# Nothing of the writer's own near an opener: "Happy to help! DM me" is a person's reply (but
# "the I-130 form" is not the writer).
_NO_SELF_NEAR = (r"(?![^\n]{0,160}\b(?:i(?!-\d)|i'm|i've|i'd|i'll|we|we're|we've|my|our|me(?!/)|"
                  r"imo|imho|tbh|fwiw)\b)")
# An opener followed by the writer's own doings ("Great question! Here's what we found") or
# by something only a person hands over ("Absolutely! Here's a picture of the shed") is a
# person's reply.
# "I" and a verb of the writer's own doings, not an assistant's "I would", "I can", "I suggest".
_I_DID = r"i (?!(?:would|could|can|will|might|should|recommend|suggest{})\b)[a-z]+"
_PERSONAL = rf"\b(?:my|our|we|we've|we're|us|i've|i'm|imo|tbh|{_I_DID.format('')})\b"
_SHARED = (r"\s(?:(?:a|an|the|some)\s)?(?:link|photo|picture|pic|screenshot|recipe|video|map|"
           r"file|notebook|code|config|logs?|paper|thread|repo|spreadsheet|slides)s?\b")
_NOT_PERSONAL = rf"(?![^.!?\n:]{{0,80}}{_PERSONAL})(?!{_SHARED})"
_OPENER = r"(?:certainly|absolutely|of course|(?:what a |such a )?(?:great|good) question|" \
          r"happy to help|glad to help|great idea|got it|sure(?: thing)?)"

# One to four emoji, each with its variation selector, skin tone or joined sequence ("🚴‍♂️").
# A flag is a pair of regional-indicator letters: one emoji ("🇮🇹").
_ONE_EMOJI = (r"(?:[\U0001f1e6-\U0001f1ff]{2}|[\u2300-\u23ff\u2600-\u27bf\U0001f300-\U0001faff])"
              r"[\ufe0f\u200d\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]{0,8}")
_EMOJI = rf"(?:{_ONE_EMOJI}){{1,4}}"
# Wishes and encouragement closing an answer.
_WISHES = (r"happy (?:[a-z-]{3,20} )?[a-z-]{3,20}ing|break a leg|cheers to|fingers crossed|"
           r"good luck (?:with|at|on|in|out there|\w+ing)\b|best of luck (?:with|at|on|in|"
           r"out there|\w+ing)\b|good luck(?= - )|here's to\b|rooting for you|enjoy (?:the|your|it|"
           r"this|every|that|those|these|all|[a-z]{3,15}ing)\b|savou?r (?:this|that|the|every)\b|"
           r"(?:your|you'll) [\w ]{1,20} (?:will )?thank you\b|have fun\b|tight lines|all the best|"
           r"may your|wishing you|here's wishing you|stay (?:warm and |dry and )?safe|stay warm|"
           r"drive safe|ride safe|"
           r"safe travels|clear skies|fair winds|following seas|have a blast|enjoy what|"
           r"have an? (?:wonderful|great|fantastic|lovely|safe|amazing|awesome|brilliant) |"
           r"you can do (?:it|this)|you(?:'ve| have) (?:absolutely |totally |definitely )?got this|"
           r"stay curious|keep the (?:[\w-]+ )?questions coming|stick with it|keep (?:at it|going|"
           r"it up|up the|showing up|[a-z]{3,15}ing\b)|you're doing (?:great|amazing|a great job|"
           r"better than you think|"
           r"fine|everything right|an? (?:wonderful|great|lovely|kind|brave|good) thing)|"
           r"hope (?:this|that|it) (?:helps|clears|clarifies|gives)|"
           r"take (?:good )?care of yourself|please take (?:good )?care of yourself|(?:be|stay) "
           r"(?:gentle|kind|patient) with yourself|"
           r"stay strong|"
           r"sending (?:you )?(?:lots of |so much |all the )?(?:(?:[a-z]+ )?vibes|hugs|love|"
           r"strength|rest|patience|virtual|(?:warm |good |best )?wishes)")
_WISH = rf"(?:{_WISHES})"
_WISH_KEYWORDS = ("happy ", "luck", "enjoy", "wishing you", "stay safe", "clear skies", "have a ",
                  "care of yourself",
                  "rooting for",
                  "sending ", "with yourself", "stay strong", "fingers crossed", "break a leg",
                  "cheers to",
                  "here's to", "savo", "thank you",
                  "got this", "hope ", "safe", "fair winds", "following seas", "can do ",
                  "stick with it", "keep ", "you're doing ",
                  "have fun", "tight lines", "all the best", "may your", "stay curious",
                  "questions coming", "have an ")
# What an assistant calls the question it answers: "That's an excellent and very insightful
# question!"
_PRAISE = (r"(?:great|good|excellent|fantastic|wonderful|thoughtful|sharp|insightful|smart|fun|"
           r"exciting|interesting|important|fascinating|lovely|perceptive|astute|common|"
           r"frustrating|tricky|tough|classic|understandable|natural|valid|fair|reasonable|wise|"
           r"solid|healthy|subtle|deep|nuanced|relatable|self-aware)")
# ... closed by an emoji that ends the post or its paragraph, after a full stop or an
# exclamation mark: people leave it out ("Happy printing folks, and check your socks 🧦").
_EMOJI_CLOSE = rf"[!.] ?{_EMOJI}(?=\s*(?:\n\n|\Z))"
# ... said to one asker: a wish to a crowd ("Happy invoicing, everyone - may all your clients
# pay on time") is a moderator's or an organiser's.
_TO_ONE = r"(?!,? (?:everyone|everybody|all|folks|y'all|guys|friends|people|team)\b)"
_EMOJI_WISH = gettext_noop("chat-assistant sign-off with an emoji 'Happy coding! 🚀'")
_WISH_SIGN_OFF = gettext_noop("chat-assistant sign-off 'Happy coding!'")

_SHORT_REPLY = 40  # characters before a wish with an emoji for it to count at all

# The writer's own doings and views ("I made a little form", "my top tips", "imo"); an
# assistant's "I'd suggest" or "I can" are not.
_STORY = re.compile(rf"\b(?:{_I_DID.format('|hope')}|i'm|i've|my|mine|our|we're|we've|imo|"
                    r"imho|tbh|fwiw)\b")


def after_no_story(text: str, start: int, end: int) -> bool:
    """Whether the writer tells nothing of their own before the line of ``start``, but for a
    short first paragraph (a poster's lead-in to what they hand over) and quoted words ('open
    with "I'm Dan, the groom's brother"').
    """
    line = text.rfind("\n", 0, start) + 1
    lead_in = text.find("\n\n", 0, min(line, LEAD_IN_LIMIT))
    return not _STORY.search(blank_quotes(text[lead_in + 2 if lead_in >= 0 else 0:line]))


def _after_a_reply(text: str, start: int, end: int) -> bool:
    """Whether a short reply (40 characters) or more comes before ``start``.

    "Good luck! 🤞" alone is a person's. A look-behind in the expression would cost a
    40-character check at every position of the text.
    """
    return start >= _SHORT_REPLY


OPENERS: tuple[Pattern, ...] = (
    # Openers answering a request: "Certainly! Here's ...", "Happy to help! Below is ...".
    _p(rf"\b(?:certainly|absolutely|of course|(?:what a |such a )?(?:great|good) question|"
       r"(?:happy|glad) to help|great idea)[!.,:]*\s?(?:-+\s?)?(?:here(?:'s| is| are)|below|"
       r"let(?:'s| us| me)|i(?:'d| would) be (?:happy|glad|delighted)|i can help|the following "
       r"(?:is|are|outlines|covers|lists|summari[sz]es|explains|describes|sets out)\b)"
       rf"{_NOT_PERSONAL}", 0.95,
       gettext_noop("chat-assistant opener 'Certainly! Here's ...'"),
       "opener", Where.SENTENCE,
       keywords=("certainly", "absolutely", "of course", "question", "to help", "great idea")),
    # "Sure, here's a link" is a person's reply; "Sure! Here's a quick rundown" an assistant's.
    _p(r"\b(?:sure(?: thing)?|got it|sounds good|no problem|no worries|okay|ok|alright)"
       r"(?:!+\s?(?:-+\s?)?|\s?-+\s?)"
       r"(?:here(?:'s| is| are)\s(?:your\b|(?:a|an|some|what|how|the (?:short|quick|main|key|"
       r"revised|polished|updated|full)|a few|the (?:[\w-]+ ){1,2}(?:rewritten|reworked|"
       r"refactored|converted|reformatted|formatted|restructured))\b"
       rf"{_NOT_PERSONAL})|(?:below (?:is|are)|let(?:'s| us) (?:dive|break|walk|go|explore|take)|"
       rf"i(?:'d| would) be (?:happy|glad|delighted)){_NOT_PERSONAL})", STRONG,
       gettext_noop("chat-assistant opener 'Sure! Here's a ...'"),
       "opener", Where.SENTENCE, keywords=("sure", "got it", "sounds good", "no problem",
                                           "no worries", "okay", "ok", "alright")),
    _p(r"\b(?:hi|hello|hey|bonjour|hola)(?: there)?(?:\W{1,8}(?:and )?| and )(?:great question|"
       r"good question|thanks? (?:you )?for (?:asking|reaching out|your question)|i(?:'d|"
       r" would) be (?:happy|glad|delighted)|happy to help|glad to help|sure|certainly|absolutely|"
       r"of course)(?![!.,]{0,3}\s?[^.!?\n:]{0,80}\b(?:we|we've|we're|our|us|my|i had|i've had|"
       r"i think|i've|i'm|i made|i was|i did|same (?:problem|issue|thing))\b)", 0.95,
       gettext_noop("chat-assistant greeting 'Hi there! Great question'"), "opener", Where.START,
       keywords=("hi", "hello", "hey", "bonjour", "hola")),
    # A greeting that opens an answer with a welcome or an emoji: "Hey there, fellow gardener!
    # 🌱", "Hi there! Great to see you diving into ...". A plain "Hi!" is a person's too.
    _p(rf"{ANSWER_START}\W{{0,3}}(?:hi|hello|hey|good (?:morning|afternoon|evening)|bonjour|hola)"
       r"(?: there)?(?! (?:everyone|all|folks|guys|y'all|team)\b)(?!,? [a-z' ]{0,30}(?:[a-z]s|"
       r"everyone|all|folks|y'all|team)!)(?:(?:,? [a-z' ]{1,30})?!(?!!) ?|"
       r", )(?:[^\n]{0,40}?(?:great to see you|welcome to(?! (?:the )?(?:sub|forum|community|group|"
       r"club|thread|r/))|congrats|"
       rf"congratulations|thanks for (?:your|the) question|thanks for (?:laying out|sharing|"
       rf"explaining|providing|the (?:details|context))|let's (?:get|dive|break|walk|tackle|"
       rf"figure)|(?:the )?(?:short|quick) answer\b)|{_EMOJI}){_NO_SELF_NEAR}", STRONG,
       gettext_noop("chat-assistant greeting 'Hi there! Great question'"), "opener",
       keywords=("hi", "hello", "hey", "good ", "bonjour", "hola")),
    # At the very start of a post, an opener followed by exposition rather than by the
    # writer's own experience ("Great question! I asked our vet ...") is an assistant's.
    _p(rf"{ANSWER_START}\W{{0,3}}"
       r"(?:certainly|absolutely|of course|(?:what a |such a )?(?:great|"
       r"excellent) question)!(?![^.!?\n]{0,120}\b(?:i|i'm|i've|i'd|we|we're|we've|my|our|me|us)\b)"
       rf"(?!\s?here(?:'s| is| are){_SHARED})", STRONG,
       gettext_noop("chat-assistant opener 'Great question!' at the start of a post"), "opener",
       keywords=("certainly!", "question!", "absolutely!", "of course!")),
    # Praise of the question or reassurance of the asker opening a post, then exposition:
    # "That's a really thoughtful question, and ...", "You're right to be skeptical ...".
    _p(rf"{ANSWER_START}\W{{0,3}}(?!(?:(?:this|that)(?:'s| is) (?:a )?)?good question(?:,|\s(?:and|"
       rf"actually)))(?:(?:hi|hello|hey)(?: there)?\W{{1,3}})?"
       r"(?:(?:oh|ooh|wow|ah),? )?(?:(?:that's|that is|this is|what) (?:a |an |such a )?|"
       r"such an? )?"
       rf"(?:really |very |truly |genuinely |super |wonderfully |incredibly )?{_PRAISE}(?:(?:,|"
       rf" and) (?:really |very |"
       rf"truly |genuinely |super )?{_PRAISE})? (?:question|observation|point|catch|"
       r"pick|idea|find|choice|project|goal|plan|follow-up|instinct|frustration|situation|concept|"
       r"premise|topic|setup|scenario|struggle|worry|concern|dilemma|headache|hurdle|confusion|"
       r"distinction|decision|problem|sighting|challenge|puzzle|pairing|gotcha|mystery|milestone|"
       rf"thing to (?:be )?\w+)(?:(?!\b(?:i|i'm|i've|my|we|our)\b)[^.!?\n]){{0,60}}?(?:,? and\b|!|"
       rf" - ){_NO_SELF_NEAR}(?![\s\S]{{0,160}}\b(?:i've|i'm|my|our|we've)\b)",
       STRONG,
       gettext_noop("chat-assistant opener praising the question"), "opener",
       accept=no_own_doings_after,
       keywords=("question", "observation", "point", "catch", "pick", "idea", "find", "choice",
                 "project", "goal", "plan", "follow-up", "thing to ", "instinct", "frustration",
                 "situation", "struggle", "worry", "concern", "dilemma", "headache", "hurdle",
                 "confusion", "concept", "premise", "topic", "setup", "scenario", "decision",
                 "problem", "sighting", "challenge", "puzzle", "pairing", "gotcha", "mystery",
                 "milestone", "distinction")),
    _p(r"\b(?:(?:oh|ooh|ah),? )?(?:great|good|excellent) follow-up(?: question)?(?:!| -)|"
       rf"{LINE_START}\W{{0,3}}(?:(?:oh|ooh|ah),? )?(?:i )?love this (?:question|idea)\b"
       rf"{_NO_SELF_NEAR}|"
       rf"{LINE_START}\W{{0,3}}[a-z' ]{{2,30}}! let's (?:walk through|break (?:it|this|that) down|"
       r"dive in|tackle)\b", STRONG,
       gettext_noop("chat-assistant opener praising the question"), "opener", Where.SENTENCE,
       keywords=("follow-up", "love this", "let's ")),
    # "You want a cron job that ... Here's a simple way to do that."
    _p(rf"{ANSWER_START}\W{{0,3}}"
       r"(?:you(?:'re| are)? (?:looking for|want|need|asking (?:about|for|how)|"
       r"trying to)\b[^\n]{0,300}?[.!:] here(?:'s| is| are) (?:a|an|some|the|how|what)\b|sure[,!] "
       rf"(?:i can|i'd be happy to|happy to) help(?: you)?(?: with (?:that|"
       rf"this))?!){_NO_SELF_NEAR}",
       STRONG,
       gettext_noop("chat-assistant opener restating the request"), "opener",
       keywords=("here", "help")),
    _p(rf"{ANSWER_START}\W{{0,3}}"
       r"(?:(?:good catch\W{1,3})?(?:you're|you are) (?:absolutely |completely |totally |exactly |"
       r"quite )?right (?:to (?:be|wonder|ask|question|worry|double-check|suspect|doubt|check|"
       r"think)|that)|you're (?:absolutely |definitely |totally )?on (?:exactly |absolutely |"
       r"just )?the right track|you're asking (?:exactly |precisely |just )?the right question|"
       r"(?:totally|completely) understandable(?: frustration)?(?:!| -)|you're (?:already |"
       r"clearly )?(?:thinking about|approaching) (?:this|it) (?:in )?(?:exactly )?the right way|"
       r"that sounds (?:like )?(?:a |an )?(?:really |incredibly |so |truly )?(?:exhausting|"
       r"frustrating|stressful|tough|hard|difficult|"
       r"overwhelming)[^.!?\n]{0,30}?, and it's (?:completely |totally |perfectly |"
       r"very )?(?:normal|understandable|common)|it's (?:really |very |so )?(?:smart|great|"
       r"wise) (?:that you're|of you to|to "
       rf"think))\b{_NO_SELF_NEAR}", STRONG,
       gettext_noop("chat-assistant opener 'You're right to ...'"), "opener",
       keywords=("you're ", "you are ", "it's ", "understandable", "that sounds ")),
    _p(rf"{ANSWER_START}\W{{0,3}}"
       r"(?:(?:absolutely|sure|of course|certainly)[,!]?(?: -)? )?(?:(?:i'd be |i would be |i'm |"
       r"i am )?(?:happy|glad|delighted)|i'd love) to (?:help|walk (?:you )?through|explain|unpack|"
       r"clarify|dig into|break (?:this|it|that) down)\b"
       rf"{_NO_SELF_NEAR}", STRONG,
       gettext_noop("chat-assistant opener 'Happy to help ...'"), "opener",
       keywords=("to help", "to walk", "to explain", "to break", "to unpack", "to clarify",
                 "to dig")),
    # "Ah, the classic 'node offline after a reboot' headache!", "Thanks so much for sharing all
    # those details - that really helps narrow things down!"
    _p(rf"(?:{ANSWER_START}\W{{0,3}}(?:ah|oh|ahh),? the (?:classic|age-old|eternal|good old|"
       r"infamous|dreaded|perennial|timeless|ever-popular|never-ending|great)\b(?:[^.!?\n]|"
       r"\bvs\.){0,80}(?:!| - you(?:'re|'ve| are| have)\b)|"
       rf"{LINE_START}\W{{0,3}}thanks? (?:you )?(?:so much |very much )?for (?:sharing|providing|"
       r"including|laying out|giving|the) (?:all )?(?:of )?(?:those|these|the|that|so many|"
       r"such) ?(?:\w+ )?(?:details|context|info|information)[^.!?\n]{0,60}?(?:-|,) (?:that|this|"
       r"it) "
       rf"(?:really |definitely )?(?:helps|makes))(?:\s?{_EMOJI})?{_NO_SELF_NEAR}", STRONG,
       gettext_noop("chat-assistant opener 'Ah, the classic ...!'"), "opener",
       keywords=("ah", "oh", "thank")),
    # Flattering the asker: "You've hit on one of the most common points of confusion ..."
    _p(rf"{ANSWER_START}\W{{0,3}}(?:(?:oh|ah|ooh),? )?(?:you've|you have) (?:hit on|touched on|"
       r"stumbled (?:on|upon|onto)|run into|landed on|raised|asked about|found|identified|spotted|"
       r"put your finger on|tripped over|bumped into|come across|"
       r"discovered) (?:one of (?:[\w']+ )?(?:the )?(?:most|biggest|best|classic|trickiest)|"
       r"a (?:really |very |super )?(?:common|classic|great|key|important|tricky|subtle|"
       r"fascinating))\b|"
       rf"{ANSWER_START}\W{{0,3}}(?:(?:oh|ah),? )?you(?:'re| are) describing (?:a |the )?"
       r"(?:textbook|classic|very common|common)\b|"
       rf"{ANSWER_START}\W{{0,3}}(?:(?:i )?love that you(?:'re| are)|(?:smart|wise) move|"
       rf"(?:good|smart) thinking)\b[^.!?\n]{{0,160}}[!.]{_NO_SELF_NEAR}",
       STRONG, gettext_noop("chat-assistant opener 'You've hit on one of the most ...'"),
       "opener",
       keywords=("you've ", "you have ", "describing", "love that", " move", " thinking")),
    # "This is one of the most common points of confusion" - a moderator says it too: weak.
    _p(rf"{ANSWER_START}\W{{0,3}}(?:(?:absolutely|sure|certainly|of course|great question|good "
       r"question)\W{1,3})?(?:this|that|it)(?:'s| is) (?:one of the most|a (?:really |"
       r"very )?(?:common|classic|frequent))(?: common| frequent| popular| important|"
       r" confusing)? (?:questions?|points? of confusion|mix-ups?|misconceptions?|"
       r"sources? of confusion|rules? questions?|stumbling blocks?|mistakes?|pitfalls?)\b", WEAK,
       gettext_noop("chat-assistant opener 'This is one of the most common questions'"),
       "common-question", keywords=("one of the most", "common", "classic", "frequent")),
    # Sympathy opening an answer: a person writes it too, so it is weak.
    _p(rf"{ANSWER_START}\W{{0,3}}(?:i'm |i am )?(?:so |really |very |truly )?sorry (?:you're|you "
       r"are|to hear)\b|\byou're (?:definitely |certainly |absolutely |so |really )?not alone\b",
       WEAK, gettext_noop("chat-assistant opener 'I'm so sorry you're dealing with this'"),
       "sympathy", keywords=("sorry ", "not alone")),
    _p(rf"\b{_OPENER}!{_NO_SELF_NEAR}", WEAK,
       gettext_noop("chat-assistant opener 'Certainly!'"), "opener", Where.START,
       keywords=("certainly!", "absolutely!", "of course!", "question!", "to help!",
                 "great idea!", "got it!", "sure!", "sure thing!")),
    # The first sentence of an answer, judged by reacts_to_the_asker.
    _p(rf"(?:{ANSWER_START}|(?<=\n\n))(?:{GREETING.pattern})?"
       rf"(?={REACTION.pattern}|[^.!?\n]{{0,200}}?{REASSURANCE.pattern})"
       rf"(?:\bvs\.|[.!?](?=\w)|[^.!?\n]){{1,320}}(?:[.!?]+|(?=\n)|\Z)", STRONG,
       gettext_noop("chat-assistant opener reacting to the asker before the answer"), "opener",
       keywords=("oh", "ah", "nice", "wow", "absolutely", "great", "happy to", "glad to",
                 "sorry", "that sounds", "what a", "such a", "okay", "alright", "yes", "sense",
                 "that you", "good sign", "smartest", "right to", "wise to", "smart to",
                 "you've", "normal",
                 "understandable", "rite of passage", "not alone", "dig into", "congrat",
                 "it's clear", "love that you", "the fact that you", "shows ", "fair",
                 "reasonable", "valid", "good news", "hard part", "hardest part",
                 "sounds like you", "mmm", "good on you", "kudos", "bravo", "of you",
                 "right thing", "such a", "question", "don't", "do not", "there", "alone", "oof",
                 "aw", "ugh", "sure", "of course", "imagining", "crazy", "overreacting", "no need",
                 "understand", "see why", "i get",
                 "not to worry", "thank", "welcome", "asking", "want to know", "wondering",
                 "so you", "certainly", "clearly", "step", "right question", "right thing",
                 "you raise", "great sign", "right time", "considerate", "love ", "thing to ask",
                 "appreciate", "glad you", "right place", "thinking", "smart move", "proud"),
       accept=reacts_to_the_asker),
)

SIGN_OFFS: tuple[Pattern, ...] = (
    # Sign-offs: weak alone (people write them too), strong with another weak find.
    _p(r"\b(?:i hope|hope|hopefully) (?:this|that|these|the above|it)(?:\s\w+){0,2}?\s(?:helps|"
       r"is (?:helpful|useful|clear)|was (?:helpful|useful)|clarifies|demystifies|gives your?|"
       r"answers|makes sense|makes your?|makes [\w ]{1,30}?(?:less|more|easier|simpler)|points you|"
       r"untangles|clears (?:things|it|this|that) up|"
       r"keeps your?|proves? (?:useful|helpful)|resolves|solves|fixes|works|"
       r"gives? you|gets|sheds (?:some |"
       r"a little )?light)\b(?!\s(?:someone|somebody|others|anyone|other people|"
       r"clarify (?:my|our|what i|where i|why i)))", WEAK,
       gettext_noop("chat-assistant sign-off 'I hope this helps'"), "hope", Where.CLOSING,
       keywords=("hope ", "hopefully ")),
    # A wish with an emoji closing a post: "Happy coding! 🚀", "Good luck with the build! 🔨".
    # Weak, as people close their own replies so too, unless it closes an impersonal answer
    # (see chat_artifacts) or runs on into a flourish or grand words ("Stick with it - every
    # guitarist was once where you are! 🎸", "Best of luck on your journey to financial
    # independence! 💰"). A short reply that is little more than the wish ("Looks great. Good
    # luck! 🤞") is a person's.
    _p(rf"{_WISH}{_TO_ONE}(?=[^\n]{{0,160}}?(?: - |, and |; |\bjourney\b|\badventures?\b|"
       rf"\bsuccess\b|\bendeavou?rs?\b|\bmay your\b|\band (?:keep|may|enjoy)\b))[^\n]{{0,200}}?"
       rf"{_EMOJI_CLOSE}", STRONG, _EMOJI_WISH, "wish", Where.CLOSING, keywords=_WISH_KEYWORDS,
       accept=after_no_story),
    # ... and a wish stacked on a wish counts after the writer's own story too ("Happy
    # debugging - may your stack never overflow! 🐛", "Cheers to a clean close - you'll have
    # those books balanced in no time! 📊"): a person's close adds a request or a joke instead
    # ("Happy quilting, and post pics when you're done! 🧵").
    _p(rf"(?:{_WISHES}|good luck){_TO_ONE}[^\n]{{0,80}}?(?: - |, and |; )(?:here's to|may (?:your|"
       rf"that|the|this|those|these|it|they)\b|go team|(?:[\w ]{{1,30}} (?:is|are) )?lucky to "
       rf"(?:have|get) you|you've put (?:in )?the work in|you'll (?:have|be)\b"
       rf"[^\n]{{0,60}}\bin no time|you're going to [^\n]{{0,40}}\blike a pro)[^\n]{{0,120}}?"
       rf"{_EMOJI_CLOSE}", STRONG, _EMOJI_WISH, "wish", Where.CLOSING, keywords=_WISH_KEYWORDS),
    _p(rf"{_WISH}{_TO_ONE}[^\n]{{0,160}}{_EMOJI_CLOSE}", WEAK, _EMOJI_WISH, "wish", Where.CLOSING,
       keywords=_WISH_KEYWORDS, accept=_after_a_reply),
    # ... or by a flourish after a dash or an "and" ("Best of luck tracing the Donnellys - may
    # the records be kinder to you!", "Safe travels, and may the gravel gods be kind to your
    # tires!"), not by a request ("Good luck - let us know!"). Weak: strong only closing an
    # impersonal answer (see chat_artifacts).
    _p(rf"{LINE_START}\W{{0,3}}(?:{_WISHES}|(?:good|best of) luck|hope you have a blast){_TO_ONE}"
       r"[^\n]{0,80}?(?: - |,? and )(?:and )?(?:may|you'll|you're|your|you've|it|sounds like|"
       r"what an?|that|the|those|this|enjoy|catch you|here's)\b[^\n]{10,160}!"
       r"(?=\s*(?:\n\n[^\n]{1,120})?\s*\Z)", WEAK, _WISH_SIGN_OFF, "wish",
       Where.CLOSING, keywords=_WISH_KEYWORDS),
    # An answer closed by two different emoji after its last sentence ("Happy growing! 🥬🌞",
    # "You're doing better than you think. 💛🤗"): assistants close so; people use one emoji,
    # repeat it, or leave out the full stop ("See you on the hills 🏃⛰️"), and "Thanks! 🙏😊"
    # is the asker's.
    _p(rf"(?:(?<=[.!?]\s)|(?<=[.!?][\"')]\s)|(?<=\n))(?![^.!?\n]{{0,200}}\bthank)"
       rf"[^.!?\n]{{1,200}}[!.] ?(?P<first>{_ONE_EMOJI})(?!(?P=first)){_ONE_EMOJI}"
       rf"(?:{_ONE_EMOJI}){{0,2}}(?=\s*(?:\n\n[^\n]{{1,80}})?\s*\Z)(?<=[\s\S]{{220}})",
       STRONG, _EMOJI_WISH, "wish", Where.CLOSING, keywords=("!", "."),
       accept=after_no_story),
    _p(r"\bhappy (?!birthday|holidays|thanksgiving|new year|hunting)(?:[a-z-]{3,15} )?"
       r"[a-z]{3,15}ing(?:!|, and\b)|\bclear skies\b|"
       r"\bi wish you (?:all the best|the best|luck|every success|success)\b|"
       r"\bwishing your?\b|\bwishing (?:you|your [\w ]{1,20}?) (?:a )?"
       r"(?:speedy|quick|full|smooth) (?:recovery|return)\b|\ball the best with your\b|"
       r"\bi hope (?:the|your|everything|it all) "
       r"[\w ]{0,30}?goes (?:smoothly|well)\b|\b(?:best of|"
       r"good) luck with your\b|\bbest of luck getting\b|\b(?:here's|cheers) to (?:a|an|the|your|"
       r"many|more)\b|\bhere's hoping\b|\bi hope (?:it|this|that|they) brings? you\b|"
       r"\bhave a (?:wonderful|fantastic|"
       r"lovely) \w+!|\bsending you (?:good vibes|hugs|love|strength|rest|patience|luck)\b|"
       r"\benjoy (?:the|your) (?:[\w-]+ ){0,2}?(?:build|trip|process|project|ride|journey|"
       r"adventure|learning|season|harvest|hobby)\b|\benjoy every (?:mile|minute|moment|step|bite|"
       r"sip|page|stitch)\b|\benjoy (?:that|those) first\b|\benjoy the (?:satisfaction|journey|"
       r"feeling|thrill)\b|\byou've got this\b|\bmay your\b|"
       r"\benjoy [a-z]{3,15}ing\b|\bkeep at it\b",
       WEAK, _WISH_SIGN_OFF, "wish", Where.CLOSING,
       keywords=("happy ", "wishing you", "wish you", "luck ", "have a ", "enjoy ", "i hope ",
                 "got this", "sending you", "may your", "keep at it", "all the best",
                 "here's ", "cheers to ", "clear skies")),
    # Praise of the asker closing an answer: "the field needs more careful thinkers like you!"
    _p(r"\bthe fact that you(?:'re| are) (?:even )?(?:asking|thinking|here|considering|"
       r"worried)\b|\bneeds more [a-z -]{0,30}\blike you\b|\byou're (?:clearly |"
       r"already )?(?:asking (?:all )?the right questions|on the right track|doing (?:an? (?:great|"
       r"amazing|fantastic|wonderful) job|great|amazing|all the right things|everything right))|"
       r"\bshows (?:how much|that) you (?:really )?(?:care|are|'re)\b", WEAK,
       gettext_noop("chat-assistant sign-off praising the asker"), "praise", Where.CLOSING,
       keywords=("the fact that you", "like you", "you're ", "shows ")),
    _p(r"\b(?:feel free to|(?:don't|do not) hesitate to) (?:ask|reach out|let me know|get in "
       r"touch|contact|circle back|follow up)(?![^.!?\n]{0,30}\b(?:dm|pm|message|email|ping) me\b)|"
       r"\blet me know if you (?:run into|hit|have|get|encounter) (?:any )?(?:other |more |"
       r"further )?(?:issues|problems|trouble|errors)|\b(?:let me know|if you have|should you have|"
       r"if there are) (?:if you have )?(?:any (?:other |more |further |additional |follow-up )?|"
       r"(?:other|more|further|additional|follow-up) )questions", WEAK,
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
)
