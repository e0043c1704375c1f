r"""Whether a chat-artifact find is *mentioned* rather than used: quoted, discussed, listed,
or part of a template the writer calls their own (the rules are explained in
:mod:`.chat_artifacts`); and whether what a colon introduces is a pasted answer.

Private to :mod:`.chat_artifacts`; works on the text :func:`.chat_artifacts.normalise` made.
"""

from __future__ import annotations

import re

from ._artifact_patterns import Pattern

_INTRODUCTION_REACH = 1200  # characters back to the colon that introduces a list or template
_COLONS_TRIED = 4  # colons looked at (the nearest) for one that introduces a list

# Words right before a find that introduce a quotation: "replies that start with As an AI",
# "it literally says [Your Name]". Markup ("markers like 【4†source】") has its own, shorter list:
# a placeholder after "as a" or "the" is used, not mentioned.
_MARKUP_CUE = (r"say|says|said|saying|like(?: this)?|there's this|there is this|such as|e\.g\.|"
               r"i\.e\.|write|wrote|writes|type|had|has|typed|typing|contains?|contained|"
               r"containing|including|includes|string|literally|as in|ends? with|ended with|"
               r"starts? with|began with|begins with|verbatim|reads|what(?:'s| is| are| does|"
               r" do)(?: the| this| that| these| those)?|"
               r"except it was|it read|(?:it )?looked like")
_PHRASE_CUE_RE = re.compile(
    rf"\b(?:{_MARKUP_CUE}|phrases?|words?|writing|starts?|started|starting|begins?|"
    r"beginning|ends?|ending|the|an?|of|about|(?<!go )(?<!went )(?<!going )with(?: an? \w+)?|"
    r"lines?|text|quote|classic|stray|"
    r"leftover|(?<!you )have|leaves?|left|leaving|opened|answered|replied|responded|is|was|"
    r"offers?|offered)[,:]?[ \n]?\Z")
_MARKUP_CUE_RE = re.compile(rf"\b(?:{_MARKUP_CUE})[\s,:]{{0,2}}$")
# ... or ending a sentence broken off by a line that shows what was said ("it literally had
# \n\n<the line>\n\nas one of the bullets"); after a colon a whole answer may follow.
_EXHIBIT_RE = re.compile(rf"\b(?:{_MARKUP_CUE})\n\n?$")
# Words anywhere earlier in the same sentence that make it a discussion of such finds ("the post
# ends with a cheerful Let me know if ...", "Gemini leaves [cite: 3] tokens"). A sentence is cut
# at a full stop, a question mark or a line break, not at "!", which mentioned openers contain.
_DISCUSSION_CUE_RE = re.compile(
    r"\b(?:says|said|saying|wrote|writes|replied|replies|responded|responds|answered|answers|told|"
    r"tells?|phrases?|words|wording|strings?|quote|quoted|quoting|typed|output|matches|grep|regex|"
    r"leftovers?|placeholders?|markers?|tokens?|parameters?|literally|verbatim|openers?|closers|"
    r"closer(?! to\b| look\b| than\b)|sign-?offs?|preambles?|giveaways?|gave it away|red flags?|"
    r"style|leaves|leaving|analytics|visits|traffic|referrals|filters?|strip|trim|remove|delete|"
    r"search (?:for|your)|banned|bans|avoid|citation|pars(?:e|es|ed|ing)|you (?:write|type|enter)|"
    r"(?:ends?|"
    r"ended|ending|starts?|started|starting|begins?|began|opens?|opened) with)\b")
# Numbered citation marks ("... in 2019.[1]") and links ("The APA Style site has a page on
# this: [Retrieval dates](...)") stand in ordinary sentences about anything, so only words about
# marks or tracking make a sentence a discussion of them.
_MARK_WORDS = r"citations?|cites?|cited|footnotes?|markers?|brackets?|leftovers?"
_MARK_TALK = rf"{_MARK_WORDS}|says|said|wrote|output"
_CITATION_TALK_RE = re.compile(
    rf"\b(?:{_MARK_TALK}|marks|references?|numbers|superscripts?|sources?)\b")
_SOURCE_TALK_RE = re.compile(
    rf"\b(?:{_MARK_WORDS}|marks|references?|numbers|superscripts?|sources?)\b")
_FAMILY_TALK_RE = {
    "numbered-citation": _CITATION_TALK_RE,
    # ... and a link or a site's name in brackets stands after what any source "says" ("the
    # regulation says a single rating applies ([eCFR](...))", "That said, pandas 2.x ...").
    "source-link": _SOURCE_TALK_RE,
    "source-chip": _SOURCE_TALK_RE,
    # An assistant tool's own markers ("【4†source】", "[cite: 3]") stand in sentences about
    # anything too; only talk of markers makes one a mention.
    "citation": re.compile(
        rf"\b(?:{_MARK_TALK}|(?:these|those|weird|odd|strange|stray|leftover) tokens?|tokens? "
        r"(?:like|such as)|strings?|artifacts?|literally|verbatim|copied|pasted|regex|"
        r"grep|leaves|leaving|left)\b"),
    "tracking": re.compile(
        r"\b(?:utm(?:_\w*)?|tracking|trackers?|(?:utm|query|url|link) param(?:eter)?s?|analytics|"
        r"referrals?|referrers?|(?:referral|ai|chatgpt|bot) traffic|traffic (?:from|source)|"
        r"visits from|query strings?|(?:strip|strips|stripped|remove|removes|removed) (?:the|it|"
        r"them|that|those|these|utm|tracking|everything)|appended|appends|leftovers?|"
        r"links? (?:from|that|with|carrying)|pars(?:e|es|ed|ing)|regex|grep)\b"),
}
# ... and for phrases also words that are as often about anything else ("the trail ends at
# the weir 【3†source】" is a paste, "the reply ends with I hope this helps" a mention).
_PHRASE_DISCUSSION_CUE_RE = re.compile(
    r"\b(?:opens?|opened|starts?|started|starting|begins?|began|beginning|ends?|ended|ending|"
    r"offers?|offering|offered|kept|keeps|such as|like|e\.g\.|contained|contains|containing|"
    r"template|appears?|appended)\b(?! up\b)")
# What a colon introduces when the words before it discuss such finds or are of this kind: a list
# of phrases, a template or a model's answer ("Phrases to delete before you post:", "Here's the
# template I use:", "Here's what Claude gave me:", a transcript's "Assistant:").
_INTRODUCER_RE = re.compile(
    r"\b(?:templates?|fill in|examples?|things|gave|got back|produced|generated|returned|"
    r"(?:it's|it was|looks|looked) like|transcript|chatgpt|gpt-?[\d.o]+\w*|claude|gemini|bard|"
    r"copilot|llama|chatbot)\b")
# Words with which a writer says where an answer they hand over comes from ("what Gemini told
# me:", "it said:"), and words that make it a list of phrases instead ("phrases it uses:").
MODELS = (r"chatgpt|gpt-?[\d.o]+\w*|claude|gemini|bard|copilot|llama|deepseek|grok|perplexity|"
           r"mistral|le chat|meta ai|chatbot|(?:an?|the) ai|ai (?:tools?|chat|assistant)")
_SOURCE_CUE_RE = re.compile(rf"\b(?:{MODELS}|bot|assistant|it)\b")
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
    r"[\"')\]]?(?:,?\s(?:and|or)\s(?:similar\s|other\s)?\S{0,40}?)?\s?(?:fields?|placeholders?|"
    r"markers?|tokens?|tags?|strings?|parameters?|variables?|syntax|markup|(?:gets? |is |are |was |"
    r"were )?(?:appended|added|inserted)|appears?|leaks?|survives?|things?|bits?|stuff|junk|"
    r"brackets?|symbols?|characters?|means?|meant|"
    r"(?:[\w-]+\s)?(?:footnotes?|citations?|references))\b")
# A writer sharing their own template: its placeholders are for the reader to fill in.
_OWN_TEMPLATE_RE = re.compile(
    r"\b(?:my|our) (?:[\w-]+ ){0,2}template\b|\b(?:template|skeleton|boilerplate|outline|"
    r"format) (?:that )?(?:i|we)(?:'ve)? (?:\w+ )?(?:use|used|using|post|posted|sent|wrote|made|"
    r"give|"
    r"gave|share|keep|fill)\b|\bbracketed (?:bits|parts)\b|\b(?:i|we) (?:give|send|hand|share|"
    r"use|made|make|created?|set up)\b[^.!?\n]{0,40}\btemplate\b|\buse this template\b|\b(?:email|"
    r"letter|message|note) (?:i|"
    r"we) (?:sent|wrote|used)\b|\bfill in the (?:bits|blanks|parts|brackets|bracketed|gaps)\b|"
    r"\b(?:swap|replace|fill)(?: out| in)? the (?:[\w-]+ ){0,2}(?:bits|parts|blanks|brackets|"
    r"fields|gaps|placeholders)\b|\bsharing "
    r"(?:the|my) (?:skeleton|template|boilerplate)\b")
# ... or asking the thread to fill it in ("Drop a comment with [your name + dietary needs]").
_TO_THE_THREAD_RE = re.compile(r"\b(?:comment|reply|respond|post|answer) with $")
_TOKEN_END_RE = re.compile(r"\s|$")
_SENTENCE_CUT_RE = re.compile(r"[.?](?:\s|$)|\n")
# Between two mentions in a row: punctuation and a conjunction ("Certainly!, I hope this helps!
# and [Your Name]").
_CHAIN_RE = re.compile(r"[\s,;:!?.\"'()/-]{0,6}(?:(?:and|or|then|plus)\s)?[\s\"'(]{0,3}")
# Where a writer speaks of themselves or their group ("we've had reports", "imo", a member's
# "Welcome to the Board!") or in their own casual voice (contractions typed without the
# apostrophe, which no assistant does: "thats protected", "doesnt matter"); an assistant's
# explanatory "we" ("we want the pH low") and its "let me know" are not.
FIRST_PERSON_RE = re.compile(r"\b(?:(?<!-)i|i'm|i've|i'd|i'll|(?<!let )me|my|mine|we're|we've|our|"
                             r"welcome to the (?:board|forum|sub|subreddit|community|group|club)|"
                             r"us(?! (?:states?|dollars?|citizens?|federal|law|laws|"
                             r"residents?|data|market|markets|government|military|economy|"
                             r"stocks?|census|tax|taxes|treasury|bonds?)\b)|imo|imho|tbh|fwiw|"
                             r"iirc|afaik|lol|lmao|haha|im|ive|thats|whats|"
                             r"theres|youre|theyre|(?:does|do|did|is|are|was|were|have|has|could|"
                             r"would|should)nt)\b")


def mentioned(text: str, start: int, end: int, pattern: Pattern, mention_end: int | None) -> bool:
    """Whether the find of ``pattern`` at ``start:end`` of the normalised ``text`` is talked
    about rather than used; ``mention_end`` is where the previous mention ended.
    """
    markup = pattern.markup
    if markup:
        # "month:contentreference[oaicite:3]": judge the whole token the marker sits in.
        space = max(text.rfind(" ", max(0, start - 60), start),
                    text.rfind("\n", max(0, start - 60), start))
        start = space + 1 if space >= 0 else start
        token_end = _TOKEN_END_RE.search(text, end, end + 60)
        end = token_end.start() if token_end else end
    if pattern.family == "placeholder" and (_OWN_TEMPLATE_RE.search(text, 0, start)
                                            or _TO_THE_THREAD_RE.search(text, 0, start)):
        return True
    if mention_end is not None and start - mention_end <= 16 and (
            start <= mention_end or _CHAIN_RE.fullmatch(text, mention_end, start)):
        return True
    before = text[max(0, start - 120):start]
    line = text.rfind("\n", 0, start) + 1
    if line and _EXHIBIT_RE.search(text, max(0, line - 40), line):
        return True  # a line shown after "it literally had", "except it was"
    cue = _MARKUP_CUE_RE if markup else _PHRASE_CUE_RE
    if cue.search(before[-40:]) or (markup and _NAMING_RE.match(text, end, end + 40)):
        return True
    cuts = list(_SENTENCE_CUT_RE.finditer(before))
    sentence = before[cuts[-1].end():] if cuts else before
    discussion = _FAMILY_TALK_RE.get(pattern.family, _DISCUSSION_CUE_RE)
    if discussion.search(sentence) or (
            not markup and _PHRASE_DISCUSSION_CUE_RE.search(sentence)):
        return True
    return _introduced(text, start, discussion, pattern.family not in _FAMILY_TALK_RE)


def _introduced(text: str, start: int, talk: re.Pattern[str], generic: bool) -> bool:
    """Whether ``start`` is in what a colon introduces as a list of phrases or a template: the
    rest of the colon's paragraph or, when the colon ends a paragraph, the next one. ``talk``
    holds the words that make the clause before the colon a discussion of the find's kind;
    ``generic`` lets words that introduce any list or a model's answer count too ("examples",
    "what Claude gave me"), which is not said of links and numbered marks.
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
        if talk.search(clause) or (generic and _INTRODUCER_RE.search(clause)):
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
        if FIRST_PERSON_RE.search(text, end + 2, limit if next_end < 0 else next_end):
            return end
        end = next_end
    return min(limit, len(text))
