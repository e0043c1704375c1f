"""The external-detector classifier against a real HTTP server started in the test."""

from __future__ import annotations

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.cache.backends.locmem import LocMemCache

from ai_disclosure.services import content_for
from moderation import services
from moderation.checks import check_external_detector
from moderation.classifiers.external import ExternalDetectorClassifier, new_authors_only
from tests.factories import PostFactory

OWN = ("I spent the weekend rebuilding the garden shed roof with my neighbour, and we argued "
       "about whether felt or metal sheets would last longer in this wet valley. ")
LONG_OWN = OWN * 3


class Detector(ThreadingHTTPServer):
    """A detection service whose answers the test scripts, one behaviour per request."""

    daemon_threads = True

    def __init__(self) -> None:
        for port in range(19100, 19200):  # this project's test port range
            try:
                super().__init__(("127.0.0.1", port), _Handler)
                break
            except OSError:
                continue
        else:
            raise RuntimeError("no free port in 19100-19199")
        self.requests: list[dict] = []
        self.behaviours: list[str] = []
        self.default = "ok"
        self.windows: list[dict] = []
        self.likelihood = 0.97

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1/detect"


class _Handler(BaseHTTPRequestHandler):
    server: Detector

    def do_POST(self):  # noqa: N802 (http.server's naming)
        length = int(self.headers["Content-Length"])
        payload = json.loads(self.rfile.read(length))
        self.server.requests.append({"payload": payload, "key": self.headers.get("x-api-key")})
        behaviour = self.server.behaviours.pop(0) if self.server.behaviours else self.server.default
        if behaviour == "slow":
            time.sleep(0.6)
        if behaviour.isdigit():
            self.send_response(int(behaviour))
            self.end_headers()
            self.wfile.write(b'{"error": "scripted"}')
            return
        body = b"not json" if behaviour == "garbage" else json.dumps(
            {"ai_likelihood": self.server.likelihood, "windows": self.server.windows}).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout test)

    def log_message(self, *args):
        pass


@pytest.fixture
def detector():
    server = Detector()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def make(detector, **options) -> ExternalDetectorClassifier:
    defaults = {"url": detector.url, "api_key": "secret", "timeout": 0.3, "retries": 1,
                "backoff": 0.01, "breaker_failures": 2, "breaker_seconds": 60,
                "daily_budget": 100, "min_words": 5, "condition": None,
                "cache": LocMemCache(f"external-{uuid.uuid4()}", {})}
    return ExternalDetectorClassifier(**{**defaults, **options})


def reasons(result) -> str:
    return " ".join(item.message for item in result.evidence)


def test_sends_only_the_authors_own_text_with_the_key(detector):
    # given a post with a declared AI block, a quote and code
    text = (OWN + "\n\n:::ai-written{model=\"X\"}\nDelve into this tapestry.\n:::\n\n"
            "> Certainly! Here is a quote.\n\nSee `rm -rf` and:\n\n```\nprint('hi')\n```\n\n"
            "Back to my own words about the shed.")
    make(detector).score(text)
    # then only the author's own prose reached the service, with the API key
    (request,) = detector.requests
    sent = request["payload"]["text"]
    assert request["key"] == "secret"
    assert "rebuilding the garden shed" in sent and "Back to my own words" in sent
    for foreign in ("tapestry", "Certainly", "rm -rf", "print(", ":::"):
        assert foreign not in sent


def test_window_scores_become_evidence_at_the_original_offsets(detector):
    # given a post whose second paragraph follows a block quote the service never sees
    first = "My own opening paragraph about fixing bicycles in the rain every winter."
    suspect = "In conclusion, bicycle maintenance is a multifaceted journey of growth."
    text = f"{first}\n\n> someone else's words\n\n{suspect}"
    sent_suspect_start = len(first) + 2  # the quote is gone from what is sent
    detector.windows = [
        {"start_index": 0, "end_index": len(first), "ai_likelihood": 0.1},
        {"start_index": sent_suspect_start, "end_index": sent_suspect_start + len(suspect),
         "ai_likelihood": 0.95},
    ]
    result = make(detector).score(text)
    # then the overall score is the service's and the suspect window is highlighted in place
    assert result.score == pytest.approx(0.97)
    (evidence,) = result.evidence
    assert text[evidence.start : evidence.end] == suspect
    assert evidence.weight == pytest.approx(0.95)


def test_windows_given_as_text_are_located_in_order(detector):
    text = "Alpha beta gamma delta.\n\nEpsilon zeta eta theta iota."
    detector.windows = [{"text": "Epsilon zeta eta theta iota.", "ai_likelihood": 0.9}]
    (evidence,) = make(detector).score(text).evidence
    assert text[evidence.start : evidence.end] == "Epsilon zeta eta theta iota."


def test_a_timeout_is_retried_and_the_second_answer_used(detector):
    detector.behaviours = ["slow", "ok"]
    result = make(detector, retries=1).score(LONG_OWN)
    assert result.score == pytest.approx(0.97)
    assert len(detector.requests) == 2


def test_server_errors_are_retried_a_bounded_number_of_times(detector):
    detector.default = "503"
    result = make(detector, retries=2).score(LONG_OWN)
    assert result.score == 0.0
    assert "HTTP 503" in reasons(result)
    assert len(detector.requests) == 3


def test_client_errors_are_not_retried(detector):
    detector.default = "401"
    make(detector, retries=3).score(LONG_OWN)
    assert len(detector.requests) == 1


def test_an_unreadable_answer_counts_as_a_failure(detector):
    detector.default = "garbage"
    result = make(detector).score(LONG_OWN)
    assert result.score == 0.0 and "unreadable answer" in reasons(result)


def test_repeated_failures_open_the_circuit_and_nothing_more_is_sent(detector):
    detector.default = "500"
    classifier = make(detector, retries=1, breaker_failures=2)
    classifier.score(LONG_OWN + "one")
    classifier.score(LONG_OWN + "two")
    assert len(detector.requests) == 4  # two posts, each tried twice
    # when a third post comes while the circuit is open
    result = classifier.score(LONG_OWN + "three")
    # then it is not sent, and the moderator sees why
    assert len(detector.requests) == 4
    assert result.score == 0.0 and "circuit is open" in reasons(result)


def test_the_circuit_is_shared_through_the_cache_and_closes_after_a_success(detector):
    cache = LocMemCache(f"external-{uuid.uuid4()}", {})
    detector.default = "500"
    first_worker = make(detector, retries=0, breaker_failures=1, breaker_seconds=0.3, cache=cache)
    first_worker.score(LONG_OWN)
    other_worker = make(detector, retries=0, breaker_failures=1, breaker_seconds=0.3,
                        cache=cache)
    assert "circuit is open" in reasons(other_worker.score(LONG_OWN + "x"))
    # after the open period one trial goes through; its success closes the circuit
    time.sleep(0.35)
    detector.default = "ok"
    assert other_worker.score(LONG_OWN + "y").score == pytest.approx(0.97)
    assert other_worker.score(LONG_OWN + "z").score == pytest.approx(0.97)
    assert len(detector.requests) == 3


def test_the_daily_budget_stops_sending_when_spent(detector):
    classifier = make(detector, daily_budget=2)
    classifier.score(LONG_OWN + "a")
    classifier.score(LONG_OWN + "b")
    result = classifier.score(LONG_OWN + "c")
    assert len(detector.requests) == 2
    assert result.score == 0.0 and "budget is spent" in reasons(result)


def test_retries_spend_the_budget_too(detector):
    detector.behaviours = ["503"]
    classifier = make(detector, daily_budget=1, retries=2)
    result = classifier.score(LONG_OWN)
    assert len(detector.requests) == 1
    assert "budget is spent" in reasons(result)


def test_an_answer_is_reused_for_the_same_text(detector):
    classifier = make(detector)
    classifier.score(LONG_OWN)
    classifier.score(LONG_OWN)
    assert len(detector.requests) == 1


def test_the_condition_limits_which_posts_are_sent(detector):
    classifier = make(detector, condition=new_authors_only)
    veteran = classifier.score(LONG_OWN, {"author": {"approved_posts": 40}})
    assert "sending condition" in reasons(veteran) and not detector.requests
    classifier.score(LONG_OWN, {"author": {"approved_posts": 0}})
    assert len(detector.requests) == 1


def test_short_texts_and_a_missing_url_send_nothing(detector):
    assert "fewer than" in reasons(make(detector, min_words=50).score("Too short to judge."))
    assert "no URL" in reasons(make(detector, url="").score(LONG_OWN))
    assert not detector.requests


def test_an_unreachable_service_fails_quickly_and_counts_as_a_failure():
    classifier = ExternalDetectorClassifier(
        url="http://127.0.0.1:9/", timeout=0.3, retries=1, backoff=0.01, breaker_failures=1,
        breaker_seconds=60, daily_budget=10, min_words=1, condition=None,
        cache=LocMemCache(f"external-{uuid.uuid4()}", {}))
    assert "service failed" in reasons(classifier.score(LONG_OWN))
    assert "circuit is open" in reasons(classifier.score(LONG_OWN))


def test_system_check_warns_when_the_detector_is_listed_without_a_url(settings):
    settings.AI_MODERATION_CLASSIFIERS = [
        "moderation.classifiers.chat_artifacts.ChatArtifactsClassifier",
        "moderation.classifiers.external.ExternalDetectorClassifier"]
    (warning,) = check_external_detector(None)
    assert warning.id == "moderation.W012"
    settings.AI_MODERATION_EXTERNAL_DETECTOR_URL = "http://127.0.0.1:19100/"
    assert check_external_detector(None) == []


@pytest.mark.django_db
def test_screening_sends_a_new_authors_post_and_keeps_the_evidence(detector, settings):
    settings.AI_MODERATION_EXTERNAL_DETECTOR_URL = detector.url
    settings.AI_MODERATION_EXTERNAL_DETECTOR_MIN_WORDS = 5
    settings.AI_MODERATION_EXTERNAL_DETECTOR_CONDITION = (
        "moderation.classifiers.external.new_authors_only")
    settings.AI_MODERATION_CLASSIFIERS = [
        "moderation.classifiers.external.ExternalDetectorClassifier",
        "moderation.classifiers.chat_artifacts.ChatArtifactsClassifier"]
    body = OWN + "\n\n> quoted words from somebody else\n\nMy closing line, in my own words."
    post = PostFactory(body=body)
    detector.windows = [{"text": "My closing line, in my own words.", "ai_likelihood": 0.8}]

    stored = services.screen_content(content_id=content_for(post).pk)

    (request,) = detector.requests
    assert "quoted words" not in request["payload"]["text"]
    assert stored.scores["external_detector"] == pytest.approx(0.97)
    (evidence,) = stored.evidence["external_detector"]
    assert evidence["text"] == "My closing line, in my own words."
