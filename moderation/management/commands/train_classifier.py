"""``manage.py train_classifier``: rebuild the classifiers' model file from labelled JSONL."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from ...classifiers import evaluation, training
from ...classifiers.model_file import DEFAULT_MODEL_PATH


class Command(BaseCommand):
    """``manage.py train_classifier``: fit the shipped model file from labelled texts."""

    help = (
        "Train the style-lexicon calibration, the n-gram model and the combined score on "
        'JSONL files of {"text": ..., "label": "human" | "ai"} lines and write the model file. '
        "Deterministic: the same input gives the same file."
    )

    def add_arguments(self, parser):
        """The labelled data files, the output path and the lexicon CSV."""
        parser.add_argument("--data", action="append", required=True, metavar="FILE.jsonl",
                            help="labelled JSONL file (repeat for several)")
        parser.add_argument("--out", default=str(DEFAULT_MODEL_PATH), metavar="PATH",
                            help="model file to write (default: the shipped one)")
        parser.add_argument("--lexicon", default=str(training.DEFAULT_LEXICON_CSV),
                            metavar="CSV",
                            help="the published excess-vocabulary CSV (Kobak et al. 2024)")

    def handle(self, *args, **options):
        """Train and write the model file; a missing training extra is a clear error."""
        records = load_records(options["data"])
        try:
            training.train(records, options["out"], options["lexicon"])
        except ImportError as error:
            raise CommandError(
                f"Training needs NumPy and scikit-learn ({error}); scoring does not.") from error
        except OSError as error:
            raise CommandError(str(error)) from error
        humans = sum(record.label == "human" for record in records)
        self.stdout.write(f"Wrote {options['out']} from {len(records)} texts "
                          f"({humans} human, {len(records) - humans} AI).")


def load_records(paths: list[str]) -> list[evaluation.Record]:
    """Read every JSONL file; a bad line or a missing file becomes a ``CommandError``."""
    records: list[evaluation.Record] = []
    for path in paths:
        try:
            records += evaluation.load_jsonl(path)
        except evaluation.DataFormatError as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror or error}") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{path}: not UTF-8 text ({error.reason})") from error
    if not records:
        raise CommandError("The data files hold no labelled texts.")
    return records
