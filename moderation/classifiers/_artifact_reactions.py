r"""How an assistant reacts to the asker before it answers ("Ooh, mixin conflicts - the eternal
rite of passage for modders! Let's get this sorted."): the signs :func:`reacts_to_the_asker`
counts in the first sentence of an answer.

Private to :mod:`._artifact_courtesies`, whose opener patterns use it.
"""

from __future__ import annotations

import re

from ._artifact_patterns import LEAD_IN_LIMIT, blank_quotes

# Signs of an assistant reacting to the asker before it answers ("Ooh, mixin conflicts - the
# eternal rite of passage for modders! Let's get this sorted."), counted in the first sentence of
# a post or of what a lead-in line introduces; see reacts_to_the_asker.
# An answer restating what was asked ("You're asking whether ...", "So you want to know when
# ..."): judged in the next sentence too ("That's a sharp way to frame it").
_RESTATED = re.compile(r"(?:so )?you(?:'re| are) (?:essentially |basically |really )?(?:asking|"
                       r"wondering) (?:whether|how|about|if|what|"
                       r"why|which|for)|(?:so )?you want to know (?:whether|how|if|what|why|"
                       r"which|when)|so you(?:'d like| want) to\b|so you(?:'re| are) (?:after|"
                       r"looking for)\b")
REACTION = re.compile(
    r"\W{0,3}(?:first (?:of all|off),? )?(?:oh|ooh|ah|ahh|oof|aww?|ugh|nice|wow|absolutely|"
    r"certainly|great|"
    r"happy to|sure thing|(?:sure|of course)(?=!)|(?:hey|hi|hello) there|i (?:totally |"
    r"completely )?(?:understand|get) (?:the|your|how|why)|i can (?:definitely |totally )?see why|"
    r"how (?:exciting|fun|lovely|wonderful)|love (?:this|that|it)\b(?! when)|glad to|sorry to hear|"
    r"i'm (?:so |really |truly )?sorry|that sounds|what an?|such an?|okay|alright|yes|"
    r"congratulations|congrats|mmm+|good news|good on you|kudos|bravo|(?:smart|good) thinking|"
    r"smart move|(?:that's|this is|"
    r"it's) such an?|(?:fascinating|interesting|excellent|fantastic|wonderful|"
    r"brilliant|lovely|thoughtful|tricky|fun|good) question|(?:thanks|thank you)(?: so much|"
    r" a lot)? "
    r"for (?:such|the (?:detailed|thorough|clear)|[a-z]{3,15}ing)|you raise (?:a|an|some) |"
    r"welcome (?:aboard|to the (?:wonderful )?(?:world|deep end) of)|(?:i )?(?:really |truly )?"
    r"appreciate (?:you|that you|your)|(?:i'm )?(?:so |really )?glad you(?:'re|"
    r" are)? (?:reached out|asked|"
    r"asking|posted|brought)|(?:that's|this is|what) (?:a |an )?(?:really |very |truly |"
    r"wonderfully |"
    r"genuinely )?(?:[a-z-]+ )?thing to ask|"
    r"" + _RESTATED.pattern + r")\b")
_ASSESSMENT = re.compile(
    r"\b(?:(?:nice|good|great|solid|smart) (?:pick|choice)|genuinely|really|truly|classic|thorny|"
    r"tricky|lovely|exciting|fun|common|eternal|"
    r"infamous|dreaded|stressful|exhausting|frustrating|disheartening|wonderful(?:ly)?|fantastic|"
    r"great|instinct|relatable|deserves|"
    r"smart|smartest|wise|thoughtful|fascinating|interesting|rite of passage|gotchas?|textbook|"
    r"perennial|tough|understandable|normal|valid|excellent|delightful|huge|brilliant|satisfying|"
    r"rewarding|maddening|puzzling|achievable|doable|fair|good old|mystery|(?:good|smart|"
    r"great) call|(?:nice|good|great) catch|nice|heartbreaking|painful|gorgeous|beautiful|awesome|"
    r"amazing|right mindset|(?:great|good|right) instinct|a lot to (?:carry|handle|deal with)|"
    r"delicious|rabbit hole|initiation|cheaper|cheapest|easier|easiest|fixable|straightforward|"
    r"recoverable|solvable|annoying|confusing|nerve-wracking|overwhelming|"
    r"valuable|essential|useful|perfect|misunderstood|charming|worst|scary|worthwhile|sharp|"
    r"(?:exactly )?the right time|considerate|important)\b")
_READER = re.compile(r"\byou(?:'re|'ve|r|'ll)?\b")
_EXCLAIMED = re.compile(r"(?<!!)!(?!!)| - ")
_PLAN = re.compile(
    r"\blet(?:'s| me) (?:unpack|dig|break|get|walk|work|tackle|look|go|dive|figure|sort|take|lay|"
    r"explain|clarify|show)\b|\bhere(?:'s| is| are) (?:what|how|the|a few|some)\b|"
    r"\bthe (?:good news|honest answer) is\b|\bshort (?:version|answer)\b|\blet's (?:untangle|"
    r"demystify|troubleshoot|"
    r"fix)\b|\ba few (?:(?:reliable|common|simple|practical|proven) )?(?:tips|things|ideas|options|"
    r"steps|pointers|ways|approaches|strategies|fixes|causes|suspects|reasons)\b|"
    r"\bi can (?:walk you through|help|explain|break)\b")
REASSURANCE = re.compile(
    r"\b(?:makes (?:complete |total |perfect )?sense|(?:it's )?(?:great|good|smart|wise|wonderful|"
    r"lovely) that you|you(?:'ve come to|'re in) (?:exactly |definitely )?the right place|"
    r"(?:good|great) sign|smartest|exactly the (?:kind|sort) of question|you're (?:absolutely |"
    r"completely |so )?(?:right|smart|wise) to|"
    r"it's (?:smart|wise|great|good) of you|you did (?:exactly )?the right thing|you should be "
    r"(?:really |so |very )?proud|"
    r"you've (?:put your finger|bumped|hit|run|tripped|stumbled)|(?:it's|that's) (?:completely |"
    r"totally )?(?:normal|understandable)|rite of passage|you're not alone|to dig into|"
    r"it's clear (?:that )?you|it's clear how much|(?:i )?love that you(?:'re| are)|"
    r"the fact that you(?:'re| are)|"
    r"shows (?:how much|that) you|shows you care|(?:totally|completely|perfectly) (?:fair|"
    r"reasonable|"
    r"understandable|valid)|you've already done the (?:hard|hardest) part|it sounds like you(?:'re|"
    r" are| have| want| need)|congrat(?:ulation)?s on [a-z]{3,15}ing\b|"
    r"you're clearly an? (?:thoughtful|caring|dedicated|wonderful|great|"
    r"loving|committed|conscientious)\b|you've (?:already )?taken (?:a|an|the) (?:really |very |"
    r"huge |big )?(?:important|great|big|brave|crucial) (?:first )?step|you(?:'re| are) asking "
    r"(?:exactly |all |just )?the right (?:questions?|thing)|(?:please )?(?:don't|"
    r"do not) (?:be discouraged|feel bad|"
    r"beat yourself up|panic|lose heart|"
    r"give up)|you're (?:definitely |certainly |absolutely |so )?not (?:alone|imagining (?:it|this|"
    r"things)|crazy|overreacting)|you're in good company|(?:don't worry|no need to "
    r"(?:panic|worry)|not to worry)(?= ?[-,!]))\b")
# The writer speaking of themselves near the opener: a person's reply ("... so normal! Our
# spaniel was a land shark too"). An assistant's "I'd check", "let me" or "now we're talking"
# is not counted.
_SELF_NEAR = re.compile(r"\b(?!we're talking\b)(?:i|i'm|i've|my|mine|we|we're|our|ours|me|us|imo|"
                        r"imho|tbh|fwiw)\b(?<!let me)(?<!\nhere's what i)(?<!\nhere's how i)(?!/|"
                        r"-\d)(?!(?:'m)? (?:so |really |truly )?sorry\b|(?:'m)? (?:completely |"
                        r"totally )?(?:understand|get (?:it|the|how|why|that))\b|"
                        r"(?: absolutely)? love (?:this|that|how|the idea|a good)\b|(?: really|"
                        r" truly)? "
                        r"appreciate (?:you|that you|your)\b|(?:'m)? (?:so |really )?glad (?:you|"
                        r"that you)\b| can (?:walk you|help|"
                        r"explain|break)\b|(?:'m)? not an? (?:lawyer|doctor|vet|veterinarian|"
                        r"therapist|microbiologist|licensed|certified|qualified|medical|financial|"
                        r"tax|"
                        r"legal)\b)")
_SELF_WINDOW = 200  # characters from the opener's start looked at for the writer's "I"
_WORD_REST = re.compile(r"\w*")
# A reply turning to one of the asker's points ("On your question about the pan - don't
# panic, ..."): a person's aside, not an opener.
_ASIDE = re.compile(r"\W{0,3}(?:on|re:?|as for|about|regarding|as to) ")
# The sentence after the opener, in its paragraph or the next ("Oof, being scooped is rough.\n\n
# Here's how to think about your options:").
_NEXT_SENTENCE = re.compile(r"\s*(?:[^.!?\n]|[.!?](?!\s)){0,300}[.!?]*")
_ANSWER_AFTER = re.compile(r"(?:\W*\w+\b){40}")  # words of answer that must follow
# The writer's own doings further on ("Mine stopped kicking in a few years ago", "I've had good
# results from ..."): a member's reply that opens warmly. Not looked for in a last paragraph
# after the answer, where a poster adds their word to a paste, nor in questions ("what will my
# role look like?") or an apology or disclaimer ("I'm so sorry", "I'm not a lawyer").
_OWN_DOINGS = re.compile(r"\b(?:i've|i'm|i had|i did|i used|i found|i got|i went|i made|i tried|"
                         r"my|mine|we've|we had|we did|we used)\b(?! (?:so |really |"
                         r"truly )?sorry\b|"
                         r" not an? )(?=[^.!?\n]*(?:[.!\n]|\Z))")


# A greeting before the reaction ("Hello! It's wonderful that you ...", "Hi, and thanks for
# ..."), which the reaction may follow.
GREETING = re.compile(r"\W{0,3}(?:hi|hello|hey|good (?:morning|afternoon|evening))(?: there)?"
                      r"(?:!+|,|\.)(?: and)? ")


def reacts_to_the_asker(text: str, start: int, end: int) -> bool:
    """Whether the sentence at ``start:end`` opens an answer the way an assistant does, at the
    start of a post or after a colon or a poster's short first paragraph ("Did the Stelvio loop
    two years ago." and then "What an exciting trip to be planning! ..."): it reacts (an
    interjection, reassurance), judges the question or plans the answer, shows at least three
    of the signs above (after an exclamation, reassurance and judgement also count in the next
    sentence: "Congratulations on passing your exam! Picking a first radio is the exciting
    part."), the writer says
    nothing of themselves near it but in quotation marks, and forty words or more of answer
    follow. "Absolutely - run it in its own container" is a person's.
    """
    sentence = text[start:end]
    two = text[start:_NEXT_SENTENCE.match(text, end).end()]
    if (start and text.rfind("\n\n", 0, start - 2) >= 0) or start > LEAD_IN_LIMIT:
        return False  # only the first paragraph, or the second after a poster's short lead-in
    greeting = GREETING.match(sentence)
    reaction = REACTION.match(sentence) or (greeting and REACTION.match(sentence, greeting.end()))
    after = start + (reaction.end() if reaction else 0)
    window_end = _WORD_REST.match(text, start + _SELF_WINDOW).end()  # no half word ("if" as "i")
    near = blank_quotes(text[after:window_end])
    if _SELF_NEAR.search(near) or "!!" in sentence:
        return False
    if not (reaction or (REASSURANCE.search(sentence) and not _ASIDE.match(sentence))):
        return False
    # A word counts as one sign: "Nice spoon!" reacts but does not also judge, "Good on you"
    # does not also address the reader; "Nice catch" reacts and judges, and so does
    # "Fascinating question!".
    reacted = reaction.end() if reaction else 0
    judged_part = two if "!" in sentence or _RESTATED.match(sentence) else sentence
    judging = any(match.end() > reacted for match in _ASSESSMENT.finditer(judged_part))
    signs = (bool(reaction), bool(REASSURANCE.search(judged_part)), judging,
             bool(_READER.search(sentence, reacted)), bool(_EXCLAIMED.search(sentence)),
             bool(_PLAN.search(two)))
    judged = signs[1] or signs[2] or signs[5] or (reaction and reaction[0].endswith("question"))
    return (sum(signs) >= 3 and judged and bool(_ANSWER_AFTER.match(text, end))
            and no_own_doings_after(text, start, end))


def no_own_doings_after(text: str, start: int, end: int) -> bool:
    """Whether the writer tells nothing of their own doings after an opener at ``start:end``
    (see ``_OWN_DOINGS``), but in quotation marks or in a last paragraph of its own.
    """
    last_paragraph = text.rfind("\n\n", end)
    rest = text[end:last_paragraph] if last_paragraph >= 0 else text[end:]
    return not _OWN_DOINGS.search(blank_quotes(rest))
