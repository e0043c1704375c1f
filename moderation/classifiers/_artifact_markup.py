r"""The markup leftovers the chat-artifact classifier looks for: fill-in placeholders, citation
markers and tracking parameters of assistant web tools, invisible characters.

Private to :mod:`.chat_artifacts`; :mod:`._artifact_patterns` explains how a pattern is written
and weighed. A markup find is judged as the whole token it sits in, and several of the same
pattern add up (up to a limit) instead of counting once per family.
"""

from __future__ import annotations

from ._artifact_patterns import WEAK, Pattern, _p
from .base import gettext_noop

# What an "[Insert ...]" placeholder asks for: "[Insert date]", "<insert a short bio here>".
# "had XX days": a word before the placeholder, each alternative starting with its own letter
# (see ``_literal_first``).
_ABOUT_XX = "|".join(rf"\b{word} xx [a-z]{{2,20}}s\b"
                     for word in ("had", "with", "about", "around", "roughly", "over", "were"))
_FIELD = (r"(?:[\w'-]{1,20}\s){0,4}?(?:link|url|website|date|time|day|name|address|number|"
          r"email|phone|amount|price|location|venue|company|organi[sz]ation|title|position|role|"
          r"details|description|bio|deadline|event|contact|signature|logo|image|photo|screenshot|"
          r"chart|graph|diagram|table|video|code|text|paragraph|"
          r"quote|statistic|figure|source|reference|citation|example)s?\b[^>\]}\n]{0,120}?")

# The name on a search answer's source chip, then the count of further sources: "Wikipedia +2".
_CHIP_NAME = (r"(?!(?:same|agreed|me|this|also|another|plus|yes|yep|so|totally|definitely)\b)"
              r"[a-z][\w.'&?!-]{1,30}(?: [\w.'&-]{1,30}){0,4} ?\+[1-9]")

# A site's bare name, as a source chip shows it: "ul.com", "rpg.stackexchange.com".
_SITE = (r"(?:www\.)?[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,3}\.(?:com|org|net|gov|edu|io|ai|int|"
         r"info|uk|ie|eu|ca|au|nz|de|rs|dev|app|co|us|jp|fr|es|nl|se|ch|in)")

MARKUP: tuple[Pattern, ...] = (
    # Fill-in placeholders of generated letters and posts.
    # "<insert your favourite package here>" is a writer's joke, not a form to fill in: an
    # "insert" placeholder names a field.
    _p(rf"\[(?:your\s(?!favou?rite)[^\]\n]{{1,40}}|(?:insert|enter|add)\s(?!obligatory|joke|"
       rf"witty|snarky|funny|clever){_FIELD})\](?!\()", 0.95,
       gettext_noop("unfilled placeholder such as '[Your Name]'"), "placeholder", markup=True,
       keywords=("[your ", "[insert ", "[enter ", "[add ")),
    # A tag opening a post ("[Event] Boston meetup") is a forum's, not a placeholder.
    _p(r"(?!\A)\[(?:recipient|company|client|hiring manager|author|customer|sender|organi[sz]ation|"
       r"(?:current |previous )?employer|manager|landlord|school|university|team|event|venue|"
       r"contact|business|brand|product|platform|website|job|position|role|"
       r"department)(?:'s?)?(?:\s(?:name|title|email|address|phone(?: number)?|number|date|time|"
       r"location|website|url|link))?\](?!\()", 0.95,
       gettext_noop("unfilled placeholder such as '[Company Name]'"), "placeholder",
       markup=True, keywords=("[",)),
    # ... in another language ("[tu nombre]", "[votre nom]"), or an instruction with an example
    # ("[specific feature you loved, e.g., the backyard garden]").
    _p(r"\[(?:tu|tus|su|sus|votre|vos|ton|ta|dein|deine|ihr|ihre|seu|sua|il tuo|la tua) "
       r"[^\]\n]{1,40}\](?!\()|\[[^\]\n]{3,60}?(?:,? e\.g\.,?|,? for example,?| - typically) "
       r"[^\]\n]{1,80}\](?!\()", 0.92,
       gettext_noop("unfilled placeholder such as '[Your Name]'"), "placeholder", markup=True,
       keywords=("[tu", "[su ", "[sus ", "[votre ", "[vos ", "[ton ", "[ta ", "[dein", "[ihr",
                 "[seu ", "[sua ", "[il tuo ", "[la tua ", "e.g.", "for example", "typically")),
    # "[vendor I won't name]" is the writer's own aside.
    _p(r"\[(?![^\]\n]{0,60}\b(?:i|i'm|i'll|i'd|we|my|our)\b)(?:[\w'-]{1,20}[ /]){1,3}"
       r"(?:names?|title|date|number|id|address|email|time|period|link|"
       r"url|age|point|place|venue|hours|year|version|summary|location|city|deadline|amount|price|"
       r"fee|duration|model|town|village|level|grade|subject)\](?!\()|\[(?:age|day/time|date/time|"
       r"time period|zoom link|meeting link|version|os|deadline|specialty|speciality|"
       r"callsign)\](?!\()|\[(?:names?|number|date|title|list) of [^\]\n]{1,40}\](?!\()",
       0.9,
       gettext_noop("unfilled placeholder such as '[Name]'"), "placeholder", markup=True,
       keywords=("name]", "title]", "date]", "number]", "id]", "address]", "email]", "time]",
                 "period]",
                 "link]", "url]", "age]", "point]", "place]", "venue]", "hours]", "year]",
                 "version]", "summary]", "os]", "names]", "location]", "city]", "deadline]",
                 "amount]", "price]", "fee]", "duration]", "specialty]", "speciality]", "level]",
                 "model]", "town]", "village]", "grade]", "subject]",
                 "callsign]", " of ")),
    _p(r"\[(?:name|full name|first name|last name|date|time|address|phone(?: number)?|"
       r"email(?: address)?|city|town|country|location|title|topic|amount)(?:,\s(?:name|date|time|"
       r"city|location|address|country|state|province|zip))*\](?!\()", 0.9,
       gettext_noop("unfilled placeholder such as '[Name]'"), "placeholder", markup=True,
       keywords=("[",), unless=r"\[@\w"),  # not in a spreadsheet's "[@Amount] ... [Amount]"
    _p(r"\[(?<!\A\[)(?:link|url|month|year|day|week|website|price|percentage|owner|team name|"
       r"product name|time frame|timeframe|budget|quantity)\](?![(\[])|\{(?:(?<=hi \{)|"
       r"(?<=hey \{)|(?<=hello \{)|"
       r"(?<=dear \{)|(?<![^\n]\{))(?:[a-z]{1,15}_)?(?:name|recipient|sender|company|date|email|"
       r"title|city|position|role|team|organi[sz]ation)(?:_[a-z]{1,15})?\}(?=[,\n]|\Z)|\((?:add|"
       r"insert) (?:your own|your|a|an|the|any) (?![^)\n]{0,60}\b(?:below|above|in the (?:comments|"
       r"thread|replies))\b)[^)\n]{1,60}\)|\((?:add|insert|enter) (?!your favou?rite|obligatory|"
       r"joke|witty|snarky|funny|clever|sad|rant|meme|gif|sound|"
       r"dramatic)[a-z][a-z' -]{1,40} here\)|<insert (?![^>\n]{0,40} here>)[a-z][a-z' -]{1,40}>|"
       rf"\((?:add|insert) {_FIELD}\)|"
       r"<<[a-z']{1,20}(?: [a-z']{1,20}){1,4}>>|<<(?:name|venue|date|time|location|company|"
       r"recipient|city|address|event|title|link|url)>>|\[(?:todo|tbd|"
       r"tk)\b(?![^\]\n]{0,80}\b(?:i'm|i'll|i've|we're|we'll|my|our)\b)[^\]\n]{0,80}\]|"
       r"x(?<![\w.]x)x(?:/xx|:\d\d|:xx)\b|\((?:author|authors|author et al\.?),? (?:year|date)\)|"
       r"\[(?<=[a-z,:] \[)(?:x|xx|n)\](?= (?!for\b)[a-z]|%|[:,.])|\[(?:relevant|specific|"
       r"appropriate|suitable|"
       r"corresponding) [^\]\n]{2,60}\](?!\()|x(?<![\w.]x)x+(?:[.,]x{1,3})? ?%|__{2,} ?%|"
       r"_(?<== _)_{2,}|x(?<![\w.]x)\.x ?%|0(?<=\b\d\.0)xx\b|\$ ?x{2,}\b|"
       r"x(?<![\w.,]x)x{0,2}(?:,x{3})+\b|"
       r"\[(?:author|authors|author et al\.?),? (?:year|date)\]|\bf/x(?:\.x)?\b|"
       r"x(?<![\w.]x)x (?:mm|miles|km|kilometres|kilometers|ft|feet|hours|minutes|"
       r"days|weeks|months|years|people|members)\b|" + _ABOUT_XX + r"|\[x (?:years|months|weeks|"
       r"days|hours)\]|\[(?:publication|company|"
       r"client|source|example|project|reference|book|paper) \d\]|\((?:location|venue|date|time|"
       r"address|city)\)",
       0.9,
       gettext_noop("unfilled placeholder such as '[Link]' or 'XX%'"), "placeholder",
       markup=True, keywords=("[", "{", "(add ", "(insert ", "(enter ", "<insert", "xx", "(author",
                              "___", "<<", "(location)",
                              "(venue)", "(date)", "(time)", "(address)", "(city)")),
    # "[Insert a specific moment where you comforted a patient]", "[One-sentence summary of your
    # main argument]": an instruction to the reader; "[insert hours]", "$[X]".
    _p(r"\[(?:insert|add|describe|mention|include|share|give) (?=[^\]\n]{0,150}?\byour?\b)"
       r"[^\]\n]{3,250}\](?!\()|\[(?:describe|mention|explain|specify|summari[sz]e|"
       r"state) [a-z][^\]\n]{5,150}\](?!\()|\[(?!subject to|pending|depending|based on|edit|update|"
       r"sorry|thanks|h/t|via|see |as per|if |not |no |"
       r"just )(?=[^\]\n]{0,80}\byour\b)(?![^\]\n]{0,80}? (?:is|are|was|"
       r"were) [^\]\n]{0,40}?\byour\b)[^\]\n]{1,140}\](?!\()|\[insert (?!obligatory|joke|witty|"
       r"snarky|funny|clever|sad|rant|meme|gif|sound|dramatic)[a-z][a-z' -]{1,40}\](?!\()|\$\[x\]|"
       r"\[(?:paste|specify|attach) [^\]\n]{2,150}\]|\[[^\]\n]{1,100}[-,;] ?(?:specify|fill in|add|"
       r"insert|enter) (?:yours|your own|here|one)\b[^\]\n]{0,20}\]|"
       r"\(your (?:[\w'-]+ ){0,2}(?:name|title|company|email|address|phone|date|signature|role|"
       r"position|school|city|link|number|website) here\)|\(# ?(?:of )?[a-z][a-z ]{1,30}\)"
       r"(?! ?[/+x(])|(?:dear|"
       r"hi|hello|to) (?:(?:mr|mrs|ms|dr|prof)\.? |professor )?_{3,}|"
       r"(?<=[a-z] )\[number\] [a-z]+s\b|(?<=- )\[number\] [a-z]+",
       0.9, gettext_noop("unfilled placeholder such as '[Insert ...]' or '(Your Name Here)'"),
       "placeholder", markup=True, keywords=("[", "(your ", "(#", "___")),
    _p(r"\[link to [^\]\n]{1,40}\](?!\()", 0.9,
       gettext_noop("unfilled placeholder such as '[link to ...]'"), "placeholder", markup=True,
       keywords=("[link to ",)),
    _p(rf"[<{{](?:your\s(?!favou?rite)[^>}}\n]{{1,40}}|(?:insert|enter)\s{_FIELD})[>}}]|"
       r"<(?:company|recipient|client|employer|organi[sz]ation|hiring manager|"
       r"customer)(?:'s)? (?:name|address|email)>|<(?:company|recipient|client|employer|"
       r"organi[sz]ation|hiring manager)>|(?:dear|hi|hello|hey) <(?:name|first name|full name|"
       r"title)>|<(?:name|first name|full name)> (?:from|of|at) (?:the|our|your)\b|<date>|"
       r"<link to [^>\n]{1,40}>|<(?:specific|relevant|appropriate) [^>\n]{2,60}>|"
       r"(?:<|%%)(?:[a-z'-]{1,20}[ _]){1,3}(?:location|name|date|time|venue|address|place|point|"
       r"link|url|number|amount|email|phone|year|deadline)(?:>|%%)|"
       r"<(?:name|number|date|title|list) of [^>\n]{1,40}>", 0.9,
       gettext_noop("unfilled placeholder such as '<Your Name>'"), "placeholder", markup=True,
       keywords=("<", "{", "%%")),
    # A description in braces: "I'm drawn to {Organization} because of {mission-related detail
    # from their website}" (not LaTeX's "\\textbf{some words}").
    _p(r"(?<![\w\\}^_$])\{(?=[^}\n]{0,80}\b(?:details?|names?|dates?|examples?|reasons?|"
       r"descriptions?|roles?|titles?|skills?|achievements?|projects?|company|organi[sz]ation|"
       r"products?|topics?|goals?|values?|numbers?)\b)(?:[a-z][a-z'-]*\s){2,8}[a-z][a-z'-]*\}",
       0.9,
       gettext_noop("unfilled placeholder such as '<Your Name>'"), "placeholder", markup=True,
       keywords=("{",)),
    _p(r"\{\{\s?(?:[a-z]{1,20}_?)?(?:name|first_name|last_name|full_name|company|date|email|"
       r"title|city|position|role|neighbou?rhood|admin|town|street|area|community|club|team|"
       r"host|organi[sz]er|moderator|venue|location|event)(?:_?\d)?\s?\}\}", 0.9,
       gettext_noop("unfilled placeholder such as '{{name}}'"), "placeholder", markup=True,
       keywords=("{{",)),
    # Citation markers and tracking parameters of assistant web tools.
    _p(r"【(?:\d+(?::\d+)?(?:†[^】\n]{0,60})?|sources?|[^】\n]{0,40}turn\d+[a-z]+\d+"
       r"[^】\n]{0,40})】", 0.99,
       gettext_noop("assistant citation marker '【4:0†source】'"), "citation", markup=True,
       keywords=("【",)),
    _p(r"\(\[[^\]\n]{1,60}\]\[\d{1,2}\]\)", 0.97,
       gettext_noop("assistant citation link '([Wikipedia][1])'"), "citation", markup=True,
       keywords=("][",), unless=r"^\W{0,3}\[\d{1,2}\]: ?\S+[^\S\n]*$"),
    # A search answer's source chips copied as text after a paragraph's last sentence: "...
    # from 6 May. Wikipedia +2", "... more precisely. Discogs+1", or in brackets after any
    # sentence: "... since 1983 (NFPA +1).", or as a link, "[investopedia.com +1](https://...)",
    # or a bare site name after a paragraph's last sentence: "... is ongoing. ul.com", or in
    # brackets after a sentence or before its full stop: "... every few weeks. (gouletpens.com)"
    # (but "JAN (askjan.org) is free").
    # Two add up to a flag.
    _p(rf"(?:(?<=[.!?)] ){_CHIP_NAME}(?=[^\S\n]*(?:\n|\Z))|(?<=[\w.,;:%)] )\({_CHIP_NAME}\)|"
       rf"\[{_CHIP_NAME}\](?=\(https?://)|(?<=[.!?] ){_SITE}(?=[^\S\n]*(?:\n|\Z))|"
       rf"\((?:(?<=\w[.!?] \(){_SITE}\)|(?<=[\w\"')] \(){_SITE}\)(?=[.,;!?]|[^\S\n]*(?:\n|\Z))))",
       WEAK, gettext_noop("assistant source chips 'Wikipedia +2'"), "source-chip", markup=True,
       keywords=("+", ".com", ".org", ".net", ".gov", ".edu", ".io", ".ai", ".int", ".info",
                 ".uk")),
    # "... in 2019.[1] ... [2][3]", "... in 1954.¹", "... per day.(1)": three marks and no list
    # of references.
    _p(r"\[(?:(?<=[a-z0-9.,;:)%'\"\]]\[)|(?<=[a-z0-9)%] \[))\^?[1-9]\](?![\w(:]|"
       r"\[(?!\^?[1-9]\]))|"
       r"[¹²³⁴⁵⁶⁷⁸⁹](?:(?<=[.,;:)][¹²³⁴⁵⁶⁷⁸⁹])|(?<=[a-z]{3}[¹²³⁴⁵⁶⁷⁸⁹])|"
       r"(?<=[a-z] [¹²³⁴⁵⁶⁷⁸⁹]))(?=[\s.,;:]|\Z)|"
       r"\((?<=[a-z0-9%][.,;:]\()[1-9]\)(?=\s|\Z)|\^(?<=[a-z0-9.,;:)]\^)[1-9]\^|"
       r"⁽[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]?⁾",
       0.55, gettext_noop("numbered citation marks without a list of references"),
       "numbered-citation",
       markup=True, keywords=(*(f"[{digit}]" for digit in range(1, 10)), "[^", *"¹²³⁴⁵⁶⁷⁸⁹",
                              *(f"({digit})" for digit in range(1, 10)), "⁽",
                              *(f"^{digit}^" for digit in range(1, 10))),
       unless=r"^\W{0,3}[\[(]\^?\d{1,2}[\])]|^\W{0,3}(?:references|sources|bibliography|footnotes|"
              r"notes|citations|further reading|links)\b|^\W{0,3}\d{1,2}\.\s[^\n]{0,200}"
              r"(?:https?://|doi|arxiv|et al)|^[¹²³⁴⁵⁶⁷⁸⁹]"),
    # A Markdown footnote mark whose footnote is missing: a writer who types "[^1]" writes the
    # "[^1]: ..." line too, and the preview shows the mark raw when it is missing.
    _p(r"\[\^\d{1,2}\^?\]", 0.92, gettext_noop("footnote mark '[^1]' without its footnote"),
       "citation", markup=True, keywords=("[^",), unless=r"\[\^\d{1,2}\]:"),
    # A numbered source copied as a link to nowhere or to its page: "... as well [[1]](#)".
    _p(r"\[\[\d{1,2}\]\]\((?:#?|https?://[^)\s]{1,300})\)", 0.95,
       gettext_noop("assistant citation marker '[web:3]'"), "citation", markup=True,
       keywords=("]](",)),
    _p(r"\[web:\d{1,2}\]", 0.97, gettext_noop("assistant citation marker '[web:3]'"), "citation",
       markup=True, keywords=("[web:",)),
    _p(r"\[?oaicite:\d+\]?|:contentreference\[|\boai_citation:\d+", 0.99,
       gettext_noop("assistant citation marker '[oaicite:0]'"), "citation", markup=True,
       keywords=("oaicite:", ":contentreference[", "oai_citation:")),
    # A search answer's source chip: a link named by its site, in brackets, "([irs.gov](...))".
    _p(r"\(\[(?:www\.)?[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,3}\.[a-z]{2,6}\]\(https?://[^)\s]{1,300}"
       r"\)\)", 0.92, gettext_noop("assistant citation link '([Wikipedia][1])'"), "source-link",
       markup=True, keywords=("](http",)),
    # ... or by the site's name, "([Australian Institute of Sport](...))": weak, as a writer may
    # put a link in brackets too; two of them flag a post.
    _p(r"\(\[[^\]\n]{2,60}\]\(https?://[^)\s]{1,300}\)\)(?=[\s.,;]|\Z)", WEAK,
       gettext_noop("assistant citation link '([Wikipedia][1])'"), "source-link", markup=True,
       keywords=("](http",)),
    _p(r"(?:cite|\b|(?<=\d))turn\d+(?:search|news|view|fetch|file|image|product|academia|"
       r"forecast|finance|sports)\d+", 0.99,
       gettext_noop("assistant citation marker 'turn0search1'"), "citation", markup=True,
       keywords=tuple(f"turn{digit}" for digit in range(10))),
    _p(r"\[cit(?:e|ation)(?:_start|_end|:\s?\d+(?:,\s?\d+)*)\]", 0.97,
       gettext_noop("assistant citation marker '[cite: 3]'"), "citation", markup=True,
       keywords=("[cit",)),
    _p(r"[\ue200-\ue206]", 0.95,
       gettext_noop("private-use characters of assistant citation markup"), "citation",
       markup=True, mentionable=False,
       keywords=tuple(chr(code) for code in range(0xE200, 0xE207))),
    # Only inside a link: "links with utm_source=chatgpt.com" on its own is talked about.
    _p(r"(?:https?://|www\.|(?<![\w@./-])(?:[a-z0-9-]{1,63}\.){1,4}[a-z]{2,6}/)[^\s?]{0,300}?(?:\?|"
       r"&|%3f)(?:[^\s&#]{0,200}?(?:&|%26)){0,10}(?:(?:utm_source|ref|source)(?:=|"
       r"%3d)(?:chatgpt(?:\.com)?|(?:chat\.)?openai(?:\.com)?|copilot(?:\.microsoft\.com|\.com)?|"
       r"perplexity(?:\.ai)?|gemini(?:\.google\.com)?|"
       r"claude(?:\.ai)?|bard|deepseek(?:\.com)?)|form(?:=|%3d)mg0av3)\b", 0.98,
       gettext_noop("assistant tracking parameter such as 'utm_source=chatgpt.com'"),
       "tracking", markup=True, keywords=("utm_source", "ref=", "ref%3d", "form=mg0av3",
                                          "form%3dmg0av3")),
    # Invisible characters; a joiner inside an emoji sequence or a non-Latin word is legitimate.
    _p(r"[\u200b\u2060\u180e]|(?<!^)\ufeff|(?<=[a-z ])[\u200c\u200d](?=[a-z ])", 0.6,
       gettext_noop("zero-width character"), "invisible", markup=True, mentionable=False,
       keywords=("\u200b", "\u2060", "\u180e", "\ufeff", "\u200c", "\u200d")),
)
