"""A disclosure in the forms other systems read (DESIGN §3): JSON-LD with schema.org's
``digitalSourceType`` (IPTC vocabulary), the ``AI-Disclosure`` HTTP header of the IETF draft
draft-abaris-aicdh, and an IBM AI Attribution statement.

Everything here is a pure function of a :class:`DisclosureShape` — what the author declared
plus what the post's AI blocks measure — so each mapping is tested without a database
(``selectors.disclosure_shape`` builds the shape of a stored post). The shape is first graded
into one :class:`Level` of involvement; every vocabulary is then mapped from the level and a
few details, so the three forms (and the EU label decision in ``compliance``) never disagree.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from django.db.models import TextChoices
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import AIShareEstimate, Expertise

#: Kinds whose help is prose in the post; kinds that change the author's own prose.
#: Any other kind (research, analysis, ideation, or one an admin adds) informed the work
#: without touching its text, unless the share estimate or the AI blocks say otherwise.
TEXT_WRITING_KINDS = frozenset({"drafting"})
TEXT_CHANGING_KINDS = frozenset({"editing", "translation"})

#: Estimates that say the AI wrote text. "Less than 10%" alone reads as rewording, not writing.
WRITING_ESTIMATES = frozenset({"10-30", "30-60", "60-90", "gt90"})

#: From this share of AI-written text the AI, not the author, wrote most of it ...
MOSTLY_AI = 0.5
#: ... and from this one (the highest estimate bucket) practically all of it.
ALL_AI = 0.9


class Level(TextChoices):
    """How far AI went in a post, from none to all of its text (in this order).

    A post an AI agent wrote and posted on its own (``autonomous``) is ``AI_WRITTEN``
    whatever its estimate, and unreviewed (its expertise can only be "none").
    """

    HUMAN_ONLY = "human_only", gettext_lazy("Human-written")
    AI_INFORMED = "ai_informed", gettext_lazy("AI helped; wrote none of the text")
    AI_EDITED = "ai_edited", gettext_lazy("AI-edited or AI-translated text")
    AI_PARTLY_WRITTEN = "ai_partly_written", gettext_lazy("Partly AI-written")
    AI_MOSTLY_WRITTEN = "ai_mostly_written", gettext_lazy("Mostly AI-written")
    AI_WRITTEN = "ai_written", gettext_lazy("AI-written")

    @property
    def rank(self) -> int:
        """Position from none (0) to all of the text, for comparing levels."""
        return list(Level).index(self)


@dataclass(frozen=True)
class DisclosureShape:
    """What a mapping needs to know of a disclosure and the post's AI blocks.

    ``measured_written_share`` is the share of the post's text inside blocks that hold AI
    prose (``ai-written``, transcripts, unknown types); ``measured_changed_share`` inside
    blocks of AI-edited or AI-translated text.
    """

    human_only: bool = False
    kinds: frozenset[str] = frozenset()
    models: tuple[str, ...] = ()
    share_estimate: str = ""
    expertise: str = ""
    measured_written_share: float = 0.0
    measured_changed_share: float = 0.0
    autonomous: bool = False


def shape_of(
    *,
    human_only: bool,
    kinds: Iterable[str],
    models: Iterable[str],
    share_estimate: str,
    expertise: str,
    blocks: Iterable[Mapping],
    text_length: int,
    block_kinds: Mapping[str, str | None],
    autonomous: bool = False,
) -> DisclosureShape:
    """The shape of a disclosure, measuring its post's ``blocks`` (as stored in a render).

    ``block_kinds`` maps each block type to the assistance kind it implies.
    """
    written = changed = 0
    for block in blocks:
        if block_kinds.get(block["type"]) in TEXT_CHANGING_KINDS:
            changed += block["text_length"]
        else:
            written += block["text_length"]
    total = max(text_length, 1)
    return DisclosureShape(
        human_only=human_only,
        kinds=frozenset(kinds),
        models=tuple(models),
        share_estimate=share_estimate,
        expertise=expertise,
        measured_written_share=min(written / total, 1.0),
        measured_changed_share=min(changed / total, 1.0),
        autonomous=autonomous,
    )


def written_share(shape: DisclosureShape) -> float:
    """The share of the text the AI wrote: the author's estimate (middle of its bucket) or
    the AI blocks' measure, whichever is higher; 0 when the AI wrote no text, 1 when an
    agent wrote and posted it.
    """
    if shape.autonomous:
        return 1.0
    estimated = 0.0
    if shape.share_estimate in WRITING_ESTIMATES:
        low, high = AIShareEstimate(shape.share_estimate).bounds
        estimated = (low + high) / 2
    return max(estimated, shape.measured_written_share)


def level(shape: DisclosureShape) -> Level:
    """Grade the disclosure into one :class:`Level`."""
    if shape.human_only:
        return Level.HUMAN_ONLY
    share = written_share(shape)
    if share >= ALL_AI:
        return Level.AI_WRITTEN
    if share >= MOSTLY_AI:
        return Level.AI_MOSTLY_WRITTEN
    if share > 0 or shape.kinds & TEXT_WRITING_KINDS:
        return Level.AI_PARTLY_WRITTEN
    if (
        shape.kinds & TEXT_CHANGING_KINDS
        or shape.measured_changed_share > 0
        or shape.share_estimate == AIShareEstimate.UNDER_10
    ):
        return Level.AI_EDITED
    return Level.AI_INFORMED


def expert_reviewed(shape: DisclosureShape) -> bool:
    """Whether the author says someone with relevant expertise reviewed the AI's part."""
    return shape.expertise in (Expertise.AUTHOR, Expertise.OTHER)


def human_reviewed(shape: DisclosureShape) -> bool:
    """Whether a person meaningfully reviewed the AI's output.

    Below ``AI_WRITTEN`` the author wrote a real part of the text around the AI's and so
    reviewed it; a post the AI wrote almost entirely counts as reviewed only when an expert
    did. (The author's own check is in the disclosure, but the human part is minimal.)
    """
    return level(shape) != Level.AI_WRITTEN or expert_reviewed(shape)


# --- IPTC digital source type (schema.org digitalSourceType) ------------------------------

IPTC = "http://cv.iptc.org/newscodes/digitalsourcetype/"
#: "Media created by a human using non-generative tools": typed text. Chosen over
#: ``humanEdits``, which describes editing an existing work, not writing one.
DIGITAL_CREATION = IPTC + "digitalCreation"
#: "Augmentation, correction or enhancement using a generative AI model": human text that an
#: AI edited, translated or added passages to. Chosen over ``compositeSynthetic``, whose
#: "synthetic" elements need not come from a trained model.
COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA = IPTC + "compositeWithTrainedAlgorithmicMedia"
#: "Created algorithmically using a model derived from sampled content": generative AI text.
TRAINED_ALGORITHMIC_MEDIA = IPTC + "trainedAlgorithmicMedia"


def digital_source_type(shape: DisclosureShape) -> str:
    """The IPTC digital source type URI of the post's text.

    It describes how the published text was made, not how the work behind it was done: a
    post the author wrote after AI-assisted research is still ``digitalCreation``.
    """
    graded = level(shape)
    if graded in (Level.HUMAN_ONLY, Level.AI_INFORMED):
        return DIGITAL_CREATION
    if graded == Level.AI_WRITTEN:
        return TRAINED_ALGORITHMIC_MEDIA
    return COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA


def json_ld(
    shape: DisclosureShape,
    *,
    headline: str,
    url: str,
    author: str,
    published: datetime | None,
    modified: datetime | None,
) -> dict:
    r"""A schema.org ``DiscussionForumPosting`` carrying ``digitalSourceType``; the AI models
    used are listed as contributing ``SoftwareApplication``\ s.
    """
    data: dict = {
        "@context": "https://schema.org",
        "@type": "DiscussionForumPosting",
        "headline": headline,
        "author": {"@type": "Person", "name": author},
        "digitalSourceType": digital_source_type(shape),
    }
    if url:
        data["url"] = url
    if published:
        data["datePublished"] = published.isoformat()
    if modified:
        data["dateModified"] = modified.isoformat()
    if shape.models and not shape.human_only:
        data["contributor"] = [
            {"@type": "SoftwareApplication", "name": name} for name in shape.models
        ]
    return data


# --- AI-Disclosure header (draft-abaris-aicdh) --------------------------------------------

#: Longest model list written into the header; a header line is no place for an essay.
HEADER_MODEL_MAX = 200


def header_mode(shape: DisclosureShape) -> str:
    """The draft's ``mode``: ``none``, ``ai-modified`` (human content the AI assisted or
    changed — research included), ``ai-originated`` (the AI wrote most of it and a person
    reviewed it) or ``machine-generated`` (the AI wrote practically all of it, unreviewed).
    """
    graded = level(shape)
    if graded == Level.HUMAN_ONLY:
        return "none"
    if graded.rank < Level.AI_MOSTLY_WRITTEN.rank:
        return "ai-modified"
    return "ai-originated" if human_reviewed(shape) else "machine-generated"


def disclosure_header(shape: DisclosureShape, *, generated_at: datetime | None = None) -> str:
    """The ``AI-Disclosure`` field value, a Structured Field Dictionary (RFC 9651).

    Keys: ``mode`` (token), ``model`` (string: the models, comma-separated), ``reviewed-by``
    (string: ``author`` or ``expert``, only when an expert reviewed) and ``date`` (the post's
    last change, an sf-date). The draft's example writes the keys with ``;`` — that would
    make them parameters of ``mode`` — while its field definition is a Dictionary whose keys
    carry the aspects: the definition is followed, so members are separated by commas.
    ``provider`` is left out: free-text model names do not name their provider reliably.
    """
    members = [f"mode={header_mode(shape)}"]
    if not shape.human_only:
        if shape.models:
            members.append(f"model={sf_string(', '.join(shape.models)[:HEADER_MODEL_MAX])}")
        if expert_reviewed(shape):
            reviewer = "author" if shape.expertise == Expertise.AUTHOR else "expert"
            members.append(f"reviewed-by={sf_string(reviewer)}")
        if generated_at is not None:
            members.append(f"date=@{int(generated_at.timestamp())}")
    return ", ".join(members)


def sf_string(value: str) -> str:
    """``value`` as an RFC 9651 sf-string: printable ASCII only (accents are dropped to their
    base letter, anything else is removed), quotes and backslashes escaped.
    """
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    printable = "".join(char for char in ascii_text if " " <= char <= "~")
    return '"' + printable.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- IBM AI Attribution statement (v1.0) --------------------------------------------------

AIA_VERSION = "v1.0"
#: Entirely human work is written "AIA No AI v1.0" by the IBM toolkit: no proportion,
#: contributions, initiative or review follow.
AIA_NO_AI = "No AI"

#: Contribution codes in the statement's order, and the kinds that map to each: stylistic
#: edits (structure, wording, clarity), content edits (scope, information, ideas) and new
#: content (text, analysis). Translation rewords without changing content. Kinds not listed
#: (an admin's own) count as content edits.
AIA_CONTRIBUTIONS = (
    ("Se", frozenset({"editing", "translation"})),
    ("Ce", frozenset({"research", "ideation"})),
    ("Nc", frozenset({"drafting", "analysis"})),
)
AIA_KNOWN_KINDS = frozenset().union(*(kinds for _code, kinds in AIA_CONTRIBUTIONS))


def aia_proportion(shape: DisclosureShape) -> str:
    """``EAI`` entirely AI, ``PAI`` primarily AI, ``HAb`` human–AI blend, ``Ph`` primarily
    human — by the share of the text the AI wrote (90%, 60%, 30%).
    """
    share = written_share(shape)
    if share >= ALL_AI:
        return "EAI"
    if share >= 0.6:
        return "PAI"
    if share >= 0.3:
        return "HAb"
    return "Ph"


def aia_contributions(shape: DisclosureShape) -> str:
    """The contribution codes, concatenated as the toolkit writes them (``SeNc``)."""
    kinds = set(shape.kinds)
    if level(shape) == Level.AI_EDITED:
        kinds.add("editing")
    if written_share(shape) > 0:
        kinds.add("drafting")
    if kinds - AIA_KNOWN_KINDS:
        kinds.add("research")
    return "".join(code for code, mapped in AIA_CONTRIBUTIONS if kinds & mapped)


def attribution_statement(shape: DisclosureShape) -> str:
    """E.g. ``AIA Ph SeNc Hin R Claude Opus 4.6 v1.0``.

    Initiative is always ``Hin`` (the author chose to use AI; the form cannot tell
    auto-completion, ``Ain``, apart). Review is ``R`` when :func:`human_reviewed`, else
    ``Nr``. The toolkit allows no contribution codes with ``EAI``.
    """
    if shape.human_only:
        return f"AIA {AIA_NO_AI} {AIA_VERSION}"
    proportion = aia_proportion(shape)
    parts = ["AIA", proportion]
    if proportion != "EAI" and (contributions := aia_contributions(shape)):
        parts.append(contributions)
    parts += ["Hin", "R" if human_reviewed(shape) else "Nr"]
    if shape.models:
        parts.append(", ".join(shape.models))
    parts.append(AIA_VERSION)
    return " ".join(parts)


def attribution_explanation(shape: DisclosureShape) -> str:
    """The statement in sentences, for readers who open the details."""
    if shape.human_only:
        return _("This work was entirely human-created, without the use of AI.")
    proportion = {
        "EAI": _("This work was entirely AI-generated."),
        "PAI": _("This work was primarily AI-generated."),
        "HAb": _("This work was created with an even blend of human and AI contributions."),
        "Ph": _("This work was primarily human-created."),
    }[aia_proportion(shape)]
    sentences = [proportion]
    if aia_proportion(shape) != "EAI":
        contributions = aia_contributions(shape)
        sentences += [
            text
            for code, text in (
                ("Se", _("AI made stylistic edits, such as changes to structure, wording "
                         "and clarity.")),
                ("Ce", _("AI made content edits, such as changes to scope, information and "
                         "ideas.")),
                ("Nc", _("AI made new content, such as text and analysis.")),
            )
            if code in contributions
        ]
    sentences.append(_("AI was prompted for its contributions."))
    sentences.append(
        _("AI-generated content was reviewed and approved.")
        if human_reviewed(shape)
        else _("AI-generated content was not reviewed by someone with relevant expertise.")
    )
    if shape.models:
        sentences.append(
            _("Models or tools used: %(models)s.") % {"models": ", ".join(shape.models)}
        )
    return " ".join(sentences)
