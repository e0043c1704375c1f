"""Style-lexicon classifier: dense AI vocabulary scores high; quoted or listed words don't count."""

from moderation.classifiers.style_lexicon import StyleLexiconClassifier, derive_word_weights

classifier = StyleLexiconClassifier()

AI_PARAGRAPH = (
    "In today's fast-paced world, it's important to note that community gardens play a pivotal "
    "role in fostering a sense of belonging. They serve as a testament to the intricate interplay "
    "between people and place, and they showcase how meticulous planning can unlock the full "
    "potential of urban spaces. Additionally, they underscore the multifaceted benefits of "
    "green infrastructure."
)
HUMAN_PARAGRAPH = (
    "We planted the beans too early again this year and lost half of them to the frost. Next "
    "spring I'm waiting until May, whatever the seed packet says. The tomatoes did fine though, "
    "and the kids ate most of the cherry ones straight off the vine."
)


def test_ai_vocabulary_scores_above_plain_human_writing():
    ai = classifier.score(AI_PARAGRAPH)
    human = classifier.score(HUMAN_PARAGRAPH)
    assert ai.score >= classifier.flag_threshold
    assert human.score < 0.5
    assert any(AI_PARAGRAPH[e.start:e.end].lower() == "pivotal" for e in ai.evidence)


def test_discussing_ai_vocabulary_is_not_ai_vocabulary():
    text = (
        'You can always tell a ChatGPT answer: "delve", "tapestry", "testament" and "pivotal" '
        "in every paragraph. Words like delve, intricate, showcase and underscore give it away."
    )
    rate, hits = classifier.rate(text)
    assert hits == []
    assert rate == 0


def test_a_single_fancy_word_is_not_enough():
    text = "The old mill has a meticulous restoration log kept by volunteers since 1987."
    assert classifier.score(text).score < classifier.flag_threshold


def test_derived_weights_keep_style_words_and_drop_common_ones(tmp_path):
    csv_path = tmp_path / "words.csv"
    csv_path.write_text(
        ',"word","type","part_of_speech","comment"\n'
        '0,"delve","style","verb",\n'
        '1,"this","style","pronoun",\n'
        '2,"pandemic","content","noun",\n',
        encoding="utf-8",
    )
    weights = derive_word_weights(csv_path)
    assert weights["delve"] == 3.0
    assert "this" not in weights
    assert "pandemic" not in weights
