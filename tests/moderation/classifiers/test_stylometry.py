"""Stylometry measures and the sign-constrained combined stack: human habits only lower a score."""

import json

from moderation.classifiers.combined import CombinedClassifier
from moderation.classifiers.model_file import DEFAULT_MODEL_PATH
from moderation.classifiers.stylometry import FEATURE_NAMES, SIGNS, measure
from moderation.classifiers.training import fit_stack

ASSISTANT = (
    "Urban green spaces offer a wide range of benefits for residents. Additionally, they improve "
    "air quality, reduce heat, and support biodiversity, making cities more livable. Parks also "
    "encourage physical activity — a key factor in long-term health. Furthermore, they promote "
    "social cohesion, inclusion, and community engagement, ensuring that people of all ages "
    "have a place to connect. Overall, investing in green infrastructure is a practical way to "
    "build healthier and more resilient communities."
)


def values(text):
    return dict(zip(FEATURE_NAMES, measure(text), strict=True))


def test_assistant_habits_are_measured():
    found = values(ASSISTANT)
    assert found["discourse_openers"] > 0
    assert found["abstract_triads"] > 0
    assert found["participial_clauses"] > 0
    assert found["em_dashes"] > 0


def test_contrast_framing_is_measured():
    for text in ("The fix isn't the pan. It's the heat, and you need more of it.",
                 "This is not just a tool, but a new way of working with the data.",
                 "We moved not because of the rent, but because of the noise.",
                 "The real question isn't cost; it is time."):
        assert values(text)["contrast_framing"] > 0, text
    assert values("It isn't raining. We walked to the station and took the train.")[
        "contrast_framing"] == 0


def test_story_cliches_are_measured():
    story = ("The lamp flickered. For the first time in years, she let out a breath and smiled "
             "a small smile as the wind whispered through the hushed street.")
    assert values(story)["story_cliches"] > values(
        "The lamp went out. She sat down and ate her soup, then went to bed.")["story_cliches"]
    assert values("He ate his soup and went to bed early.")["story_cliches"] == 0


def test_human_habits_are_measured():
    text = "i dont know.. my teacher say we must study hard , but i think its ok lol!! I go home."
    found = values(text)
    assert found["informal_marks"] > 0 and found["typing_slips"] > 0
    assert found["first_person"] > 0
    assert values("They don't know. It's fine, isn't it?")["contractions"] > 0


def test_shipped_weights_keep_their_signs():
    section = json.loads(DEFAULT_MODEL_PATH.read_text())["combined"]
    assert section["features"] == list(FEATURE_NAMES)
    for weight, sign in zip(section["feature_weights"], SIGNS, strict=True):
        assert weight * sign >= 0


def test_slips_and_informality_never_raise_the_combined_score():
    combined = CombinedClassifier()
    clean = combined.score(ASSISTANT).score
    sloppy = ASSISTANT.replace("residents.", "residents , i think.").replace("Parks", "parks")
    assert combined.score(sloppy).score <= clean


def test_one_habit_alone_does_not_flag_human_writing():
    combined = CombinedClassifier()
    text = ("We left at dawn — the bus was late — and reached the lake by noon. The water was "
            "cold — far colder than last year — so only my brother swam. We ate sandwiches, "
            "argued about the map — again — and walked back before the rain.")
    assert combined.score(text).score < combined.flag_threshold


def test_simple_learner_essay_is_not_flagged():
    # Plain vocabulary, repeated structure and small grammar slips, as in many learner essays.
    essay = ("In my opinion, I agree that students should learn to cook. First, cooking is "
             "important for health. If students can cook, they can eat healthy food every day. "
             "Second, cooking can save money. Food in restaurant is very expensive, so cooking at "
             "home is cheaper. Third, cooking is a good skill for the future. When students live "
             "alone, they need to cook by themself. In conclusion, I think learning to cook is "
             "very useful for students and everybody should learn it.")
    combined = CombinedClassifier()
    assert combined.score(essay).score < combined.flag_threshold


def test_fit_stack_keeps_signs_even_when_the_data_disagree():
    # "contractions" (a human habit) is made to go with the AI label: its weight must stay <= 0.
    index = FEATURE_NAMES.index("contractions")
    rows, features, labels = [], [], []
    for i in range(40):
        label = i % 2
        rows.append({"style_lexicon": 0.3 + 0.4 * label, "ngram": 0.5, "chat_artifacts": 0.0})
        vector = [0.0] * len(FEATURE_NAMES)
        vector[index] = 1.0 + label
        features.append(vector)
        labels.append(label)
    section = fit_stack(rows, features, labels, [1.0] * 40)
    assert section["feature_weights"][index] <= 0
    assert section["weights"]["style_lexicon"] >= 0
