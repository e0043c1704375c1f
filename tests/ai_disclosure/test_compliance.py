"""EU AI Act Article 50(4): each disclosure shape's label decision, and why."""

from __future__ import annotations

import pytest

from ai_disclosure.compliance import GRADES, label_decision
from ai_disclosure.provenance import DisclosureShape, Level
from tests.ai_disclosure.test_provenance import SHAPES


@pytest.mark.parametrize(
    ("name", "required", "reason_code"),
    [
        ("human-only", False, "no_ai"),
        ("editing-only", False, "reviewed"),  # the author, an expert, edited with AI
        ("drafting-with-block", False, "reviewed"),
        ("novice-research", False, "text_untouched"),  # AI found sources; the text is theirs
        ("fully-ai", True, "unreviewed"),
    ],
)
def test_each_shape_has_its_label_decision(name, required, reason_code):
    decision = label_decision(SHAPES[name])

    assert (decision.required, decision.reason_code) == (required, reason_code)
    assert decision.reason
    assert bool(decision.wording) == required


@pytest.mark.parametrize("estimate", ["none", "10-30", "60-90", "gt90"])
def test_ai_written_or_edited_text_without_expert_review_needs_a_label(estimate):
    kinds = frozenset({"editing"}) if estimate == "none" else frozenset({"drafting"})
    shape = DisclosureShape(kinds=kinds, share_estimate=estimate, expertise="none")

    decision = label_decision(shape)

    assert decision.required
    assert decision.wording == str(GRADES[decision.level].wording)


def test_expert_review_by_another_person_exempts_even_a_fully_ai_written_post():
    shape = DisclosureShape(kinds=frozenset({"drafting"}), share_estimate="gt90",
                            expertise="other")

    decision = label_decision(shape)

    assert decision.level == Level.AI_WRITTEN
    assert not decision.required


def test_every_level_says_whether_ai_changed_the_text():
    assert set(GRADES) == set(Level)
    assert [level for level, grade in GRADES.items() if not grade.changes_text] == [
        Level.HUMAN_ONLY, Level.AI_INFORMED,
    ]
    assert all(grade.wording for grade in GRADES.values() if grade.changes_text)
