"""The policy engine on hostile and failing expressions: refused at save with the limit named,
never a 500 and never a long computation; failures on one post are values, not exceptions."""

import copy
import importlib
import time

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from ai_disclosure.services import content_for
from moderation import services
from moderation.forms import PolicyForm
from moderation.models import Policy, Screening
from moderation.policies import engine
from moderation.policies.budget import MAX_LENGTH
from moderation.policies.context import EXAMPLE
from tests.api.conftest import client_for
from tests.factories import PostFactory, UserFactory

MOD = "/api/moderation/v1"
DIGITS = "[" + ",".join(str(digit) for digit in range(10)) + "]"


def nested_maps(levels: int, literal: str = DIGITS) -> str:
    """``size(L.map(a, L.map(b, …))) > 0``: each level multiplies the work by len(L)."""
    body = "1"
    for level in reversed(range(levels)):
        body = f"{literal}.map(v{level}, {body})"
    return f"size({body}) > 0"


def _longest_nested_maps(limit: int = 915) -> str:
    twenty = "[" + ",".join(str(n) for n in range(20)) + "]"
    levels = max(n for n in range(1, 20) if len(nested_maps(n, twenty)) <= limit)
    return nested_maps(levels, twenty).ljust(limit)  # 20 ** 14 iterations


#: The reproductions of issue 8 (items 2 and 3) and a few more of the same kind, with the
#: words the refusal must contain to say which limit or problem it is.
HOSTILE = {
    "915 characters of nested map comprehensions": (_longest_nested_maps(), "comprehension"),
    "a \\UFFFFFFFF escape on the branch long posts take": (
        'content.length > 3000 ? "x" < "\\UFFFFFFFF" : false', "column 31"),
    "100 nested parentheses": ("(" * 100 + "content.length" + ")" * 100 + " > 0", "32 levels"),
    "250 + terms": ("+".join(["1"] * 250) + " > 0", "32 levels"),
    "250 spaced + terms": (" + ".join(["content.length"] * 250) + " > 0", "characters"),
    "chained comprehensions": (
        "disclosure.models.map(m, m).exists(n, n == 'x')", "comprehension"),
    "a comprehension inside another": (
        "disclosure.models.exists(m, ['a'].exists(n, m == n))", "comprehension"),
    "an int literal over 64 bits": ("content.length > 99999999999999999999", "column 18"),
    "a regular expression with counted repetitions": (
        'disclosure.expertise.matches("a{1,1000}a{1,1000}a{1,1000}b")', "counted repetition"),
    "a regular expression compiled once per literal item": (
        '[1, 2, 3].exists(n, disclosure.expertise.matches("^n"))', "once per item"),
    "a regular expression read from the context": (
        '"GPT".matches(disclosure.models[0])', "string literal"),
    "four regular expressions": (
        " || ".join(f'disclosure.expertise.matches("^{n}")' for n in range(4)), "limit is 3"),
}
CASES = pytest.mark.parametrize("expression, says", HOSTILE.values(), ids=HOSTILE.keys())


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def _cpu(call):
    started = time.process_time()
    result = call()
    return result, time.process_time() - started


def test_the_reproduction_of_issue_8_is_915_characters_of_nested_maps():
    expression, _says = HOSTILE["915 characters of nested map comprehensions"]
    assert len(expression) == 915 and expression.count(".map(") == 14


@CASES
def test_hostile_expression_is_refused_in_the_admin_form_naming_the_limit(
        admin_client, expression, says):
    data = {"name": "Hostile", "expression": expression, "action": "flag", "priority": 50,
            "reason": "r", "versions-TOTAL_FORMS": 0, "versions-INITIAL_FORMS": 0}
    response, seconds = _cpu(lambda: admin_client.post(
        reverse("admin:moderation_policy_add"), data))
    assert response.status_code == 200
    [message] = response.context["adminform"].form.errors["expression"]
    assert says in message
    assert not Policy.objects.filter(name="Hostile").exists()
    assert seconds < 1.0


@CASES
def test_hostile_expression_is_refused_by_the_api_create_and_backtest(db, expression, says):
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    Screening.objects.create(content=content_for(PostFactory()), key="k", content_hash="h",
                             context={**EXAMPLE, "content": {**EXAMPLE["content"],
                                                             "length": 5000}})
    policy = Policy.objects.create(name="Any", expression="content.length > 0", reason="r")
    client = client_for(admin)

    created, create_seconds = _cpu(lambda: client.post(
        f"{MOD}/policies/", {"name": "Hostile", "expression": expression, "reason": "r"},
        format="json"))
    backtest, backtest_seconds = _cpu(lambda: client.post(
        f"{MOD}/policies/{policy.pk}/backtest/", {"expression": expression}, format="json"))

    for response in (created, backtest):
        assert response.status_code == 400
        assert says in response.json()["errors"]["expression"][0]
    assert create_seconds < 1.0 and backtest_seconds < 1.0


@CASES
def test_hostile_expression_is_refused_by_the_backtest_command(db, expression, says):
    with pytest.raises(CommandError) as refused:
        call_command("backtest_policy", "--expression", expression)
    assert says in str(refused.value)


def test_expression_with_a_lone_surrogate_is_refused_by_the_api(db):
    client = client_for(UserFactory(username="root", is_staff=True, is_superuser=True))
    # Raw JSON: a lone surrogate can only arrive as a JSON escape.
    body = '{"name": "Odd", "reason": "r", "expression": "\\"\\ud800\\" == \\"x\\""}'
    response = client.post(f"{MOD}/policies/", body, content_type="application/json")
    assert response.status_code == 400
    assert "not valid Unicode" in response.json()["errors"]["expression"][0]


def test_over_long_expression_is_refused_before_it_is_compiled():
    with pytest.raises(engine.PolicyExpressionError, match=f"the limit is {MAX_LENGTH}"):
        engine.compile_expression("true || " * 200 + "true")


def test_refusals_point_at_the_offending_comprehension():
    with pytest.raises(engine.PolicyExpressionError) as refused:
        engine.compile_expression("disclosure.models.exists(m,\n ['a'].exists(n, m == n))")
    assert (refused.value.line, refused.value.column) == (2, 8)


@pytest.mark.parametrize("expression", [
    'disclosure.models.exists(m, m in ["GPT-4o", "Claude Opus 4.6"])',
    'content.block_types.all(t, t != "ai-research") && disclosure.assistance.exists_one('
    'k, k == "drafting")',
    'size(disclosure.assistance.filter(k, k in ["research", "analysis"])) >= 1',
    "disclosure.models.map(m, size(m)).size() > 0 || post.first_post",
    # "r" is a variable here, not the prefix of a raw string
    'disclosure.assistance.exists(r, r == "research") && r"\\d" == "\\\\d"',
    'disclosure.models.exists(m, m.matches("(?i)^(gpt|claude)")) && content.length > 100',
    'disclosure.expertise.matches(r"^(author|other)$")',
])
def test_single_comprehensions_are_within_budget(expression):
    engine.compile_expression(expression)


def test_a_failure_on_one_context_is_a_value_and_the_other_expressions_still_run():
    context = copy.deepcopy(EXAMPLE)
    context["disclosure"]["models"] = []

    results = engine.evaluate_all(
        ['disclosure.models[0] == "x"', "content.length > 1000", "content.length < 0"], context)

    failed, long_post, negative = results
    assert isinstance(failed, engine.EvaluationError) and not failed
    assert "index" in failed.message.lower()
    assert (long_post, negative) == (True, False)


def test_an_expression_stored_before_the_budget_fails_per_post_without_raising():
    results = engine.evaluate_all([nested_maps(9), "true"], EXAMPLE)
    assert isinstance(results[0], engine.EvaluationError)
    assert "comprehension" in results[0].message
    assert results[1] is True


def test_a_context_value_the_engine_cannot_read_fails_only_the_expressions_reading_it():
    context = {**EXAMPLE, "disclosure": {**EXAMPLE["disclosure"], "models": ["\ud800"]}}
    reads, ignores = engine.evaluate_all(["size(disclosure.models) > 0", "true"], context)
    assert isinstance(reads, engine.EvaluationError)
    assert ignores is True


def test_form_shows_the_engine_message_with_line_and_column(db):
    form = PolicyForm(data={"name": "n", "action": "flag", "priority": 1, "reason": "r",
                            "expression": "author.approved_posts <\n  && true"})
    assert not form.is_valid()
    assert "does not parse at line 2, column 3" in form.errors["expression"][0]


# --- the default policies keep their meaning ----------------------------------------------

def _default_policies() -> dict[str, str]:
    migration = importlib.import_module("moderation.migrations.0002_default_policies")
    reports = importlib.import_module("moderation.migrations.0013_reader_reports_policy")
    return {**{name: expression for name, expression, *_ in migration.POLICIES},
            reports.NAME: reports.EXPRESSION}


#: Each default policy read as plain Python: the engine must give the same answers.
PLAIN_READING = {
    "Chat-assistant leftovers":
        lambda c: c["scores"]["chat_artifacts"] >= c["thresholds"]["chat_artifacts"],
    "Strong AI style on a human-only post":
        lambda c: c["disclosure"]["human_only"]
        and c["scores"]["combined"] >= c["thresholds"]["combined"],
    "Estimate far below measured AI share":
        lambda c: c["disclosure"]["present"] and not c["disclosure"]["human_only"]
        and c["content"]["drafted_share"] > c["disclosure"]["ai_share_estimate_max"] + 0.25,
    "AI research not expert-reviewed, new author":
        lambda c: "research" in c["disclosure"]["assistance"]
        and c["disclosure"]["expertise"] == "none" and c["author"]["approved_posts"] < 3,
    "Mostly AI-written, new author":
        lambda c: (c["content"]["drafted_share"] >= 0.5
                   or c["disclosure"]["ai_share_estimate"] in ["60-90", "gt90"])
        and c["author"]["approved_posts"] < 3,
    "No disclosure": lambda c: not c["disclosure"]["present"],
    "Disclosure changed after publishing": lambda c: c["disclosure"]["changed_after_publish"],
    "Reported by readers": lambda c: c["reports"]["weighted"] >= 0.6,
}

unit = st.floats(min_value=0, max_value=1)
contexts = st.fixed_dictionaries({
    "disclosure": st.fixed_dictionaries({
        "present": st.booleans(), "human_only": st.booleans(),
        "assistance": st.lists(st.sampled_from(["drafting", "research", "editing"]),
                               unique=True),
        "ai_share_estimate": st.sampled_from(["", "none", "lt10", "30-60", "60-90", "gt90"]),
        "ai_share_estimate_max": st.sampled_from([0.0, 0.1, 0.3, 0.6, 0.9, 1.0]),
        "expertise": st.sampled_from(["", "none", "author", "other"]),
        "changed_after_publish": st.booleans(),
    }),
    "content": st.fixed_dictionaries({"drafted_share": unit}),
    "author": st.fixed_dictionaries({"approved_posts": st.integers(0, 6)}),
    "scores": st.fixed_dictionaries({"chat_artifacts": unit, "combined": unit}),
    "thresholds": st.fixed_dictionaries({"chat_artifacts": unit, "combined": unit}),
    "reports": st.fixed_dictionaries({"count": st.integers(0, 5),
                                      "weighted": st.floats(min_value=0, max_value=5)}),
})


@settings(max_examples=300, deadline=None)
@given(overrides=contexts)
def test_default_policies_mean_what_they_say(overrides):
    context = copy.deepcopy(EXAMPLE)
    for section, values in overrides.items():
        context[section].update(values)
    policies = _default_policies()
    assert set(policies) == set(PLAIN_READING)

    results = engine.evaluate_all(policies.values(), context)

    assert results == [bool(PLAIN_READING[name](context)) for name in policies]


def test_a_backtest_stops_at_its_time_limit_and_says_so(db):
    for _ in range(3):
        Screening.objects.create(
            content=content_for(PostFactory()), key="k", content_hash="h", context=EXAMPLE
        )

    stopped = services.backtest(expression="content.length > 0", seconds=0)
    finished = services.backtest(expression="content.length > 0")

    assert (stopped.screened, stopped.complete) == (0, False)
    assert (finished.screened, finished.complete, len(finished.matched_content_ids)) == (3, True, 3)
