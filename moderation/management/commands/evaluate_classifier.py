"""``manage.py evaluate_classifier``: score labelled JSONL with every text classifier."""

from __future__ import annotations

import importlib.util
import json

from django.core.management.base import BaseCommand, CommandError

from ...classifiers import evaluation, language_model
from ...classifiers.model_file import ModelFileError
from .train_classifier import load_records


class Command(BaseCommand):
    """``manage.py evaluate_classifier``: measure the classifiers on labelled texts."""

    help = (
        "Evaluate the combined score and each text classifier on JSONL files of "
        '{"text": ..., "label": "human" | "ai"} lines: AUROC, true-positive rate at 1% false '
        "positives, and how many texts of each label reach the default flag threshold; with a "
        '"domain" key on the lines, the false-positive rate of every domain. --with-lm adds '
        "the language-model hint, alone and folded into the combined score, and its throughput."
    )

    def add_arguments(self, parser):
        """The labelled data files, the model file and the output formats."""
        parser.add_argument("--data", action="append", required=True, metavar="FILE.jsonl",
                            help="labelled JSONL file (repeat for several)")
        parser.add_argument("--model", metavar="PATH",
                            help="model file (default: the shipped one)")
        parser.add_argument("--with-lm", action="store_true",
                            help="also score the language-model hint (the [lm] extra; slow: "
                                 "seconds of CPU per text) and report its throughput")
        parser.add_argument("--lm-max-tokens", type=_positive, metavar="N",
                            help="tokens the language model scores per text (default: the "
                                 "setting, else the calibration's)")
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument("--plot", metavar="FILE.png",
                            help="draw the ROC curves to a PNG (needs matplotlib)")

    def handle(self, *args, **options):
        """Score the data and print the figures (a table or JSON), optionally a ROC plot."""
        if options["plot"] and importlib.util.find_spec("matplotlib") is None:
            raise CommandError("--plot needs matplotlib, which is not installed "
                               "(pip install matplotlib).")
        hint = None
        if options["with_lm"]:
            hint = language_model.LanguageModelClassifier(max_tokens=options["lm_max_tokens"])
            problems = language_model.missing_parts(hint.model_path)
            if problems:
                raise CommandError("--with-lm: " + "; ".join(problems))
        records = load_records(options["data"])
        try:
            scored = evaluation.score_records(records, options["model"], hint)
        except ModelFileError as error:
            raise CommandError(str(error)) from error
        result = evaluation.report(scored)
        if options["plot"]:
            plot_roc(scored, options["plot"])
        if options["json"]:
            self.stdout.write(json.dumps(result))
        else:
            self.stdout.write(evaluation.format_table(result))
            if options["plot"]:
                self.stdout.write(f"ROC curves written to {options['plot']}.")


def _positive(value: str) -> int:
    """A whole number above zero (argparse turns the ValueError into a usage error)."""
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


def plot_roc(scored: evaluation.Scored, path: str) -> None:
    """Draw one ROC curve per score (combined first) into a PNG at ``path``."""
    import matplotlib  # noqa: PLC0415 - only for --plot, not a dependency of screening

    matplotlib.use("Agg")
    from matplotlib import pyplot  # noqa: PLC0415 - after choosing the backend above

    figure, axes = pyplot.subplots(figsize=(6, 6))
    for name, scores in scored.scores.items():
        points = evaluation.roc_points(scores, scored.labels)
        auc = evaluation.auroc(scores, scored.labels)
        axes.plot([x for x, _ in points], [y for _, y in points], label=f"{name} (AUROC {auc:.3f})")
    axes.plot([0, 1], [0, 1], linestyle=":", color="grey")
    axes.axvline(0.01, linestyle="--", color="grey", linewidth=0.8)
    axes.set_xlabel("false-positive rate (human texts flagged)")
    axes.set_ylabel("true-positive rate (AI texts caught)")
    axes.legend(loc="lower right")
    figure.savefig(path, dpi=100)
    pyplot.close(figure)
