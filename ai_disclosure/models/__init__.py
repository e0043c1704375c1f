"""The plugin's tables, one module per flow: the content hub and renders, disclosures with
their vocabularies, expert co-signing, and AI tools' suggestions.
"""

from .content import Content, ContentRender
from .cosigning import CoSignature, CoSignatureStatus
from .disclosure import (
    FORM_VERSION,
    AIBlockType,
    AIShareEstimate,
    AssistanceKind,
    Disclosure,
    DisclosureRevision,
    Expertise,
    FormWording,
    ReaderPreference,
)
from .suggestions import SuggestionStatus, ToolSuggestion

__all__ = [
    "FORM_VERSION",
    "AIBlockType",
    "AIShareEstimate",
    "AssistanceKind",
    "CoSignature",
    "CoSignatureStatus",
    "Content",
    "ContentRender",
    "Disclosure",
    "DisclosureRevision",
    "Expertise",
    "FormWording",
    "ReaderPreference",
    "SuggestionStatus",
    "ToolSuggestion",
]
