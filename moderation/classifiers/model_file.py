"""Reading and writing the trained model file (plain JSON, never pickle).

One JSON object holds a section per trained classifier (``style_lexicon``, ``ngram``,
``combined``) plus ``format`` and ``trained_on`` metadata. The default file ships in
``data/default_model.json`` and is rebuilt by ``training.train``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

DEFAULT_MODEL_PATH = Path(__file__).resolve().parent / "data" / "default_model.json"
FORMAT = "ai-disclosure-classifiers/1"


class ModelFileError(ValueError):
    """The model file is missing, not JSON, of another format, or lacks a section."""


@lru_cache(maxsize=8)
def _read(path: Path) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelFileError(f"cannot read model file {path}: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ModelFileError(f"{path} is not a model file of format {FORMAT!r}")
    return data


def load_section(name: str, path: str | Path | None = None) -> dict[str, Any]:
    """Return one classifier's section of the model file (the default file when ``path`` is None).

    Files are parsed once per process; classifiers are instantiated per screening run.
    """
    data = _read(Path(path).resolve() if path is not None else DEFAULT_MODEL_PATH)
    try:
        return data[name]
    except KeyError:
        raise ModelFileError(f"model file has no {name!r} section") from None


def write_model(sections: dict[str, Any], path: str | Path, trained_on: dict[str, Any]) -> None:
    """Write ``sections`` as a model file at ``path``, deterministically (sorted keys)."""
    data = {"format": FORMAT, "trained_on": trained_on, **sections}
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(data, handle, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        handle.write("\n")
    _read.cache_clear()
