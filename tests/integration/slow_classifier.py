"""A classifier that pauses on marked text, so tests can act while a screening is running.

It is a real classifier (it goes through the normal registry and screening path); the pause
opens the window in which the integration tests kill a worker or edit a post.
"""

import os
import time
from pathlib import Path

from moderation.classifiers.base import Result

MARKER = "PAUSE-SCREENING"


class PausingClassifier:
    name = "pausing"
    version = "1"
    flag_threshold = 1.0

    def score(self, text, context=None):
        if MARKER in text:
            signal_dir = Path(os.environ["SCREENING_SIGNAL_DIR"])
            (signal_dir / "started").touch()
            deadline = time.monotonic() + 30
            while not (signal_dir / "release").exists() and time.monotonic() < deadline:
                time.sleep(0.05)
        return Result(score=0.0)
