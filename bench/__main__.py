"""Run every benchmark: each ``bench/bench_*.py`` module's ``main()``, in name order.

``python -m bench render`` runs only the modules whose name contains ``render`` (several words:
any of them). Options after ``--`` go to the benchmarks themselves, e.g.
``python -m bench api -- --seconds 30``; the words choosing modules are not passed on.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

from bench import setup_django


def main(argv: list[str]) -> None:
    words, options = (argv[: argv.index("--")], argv[argv.index("--") + 1 :]) if (
        "--" in argv
    ) else (argv, [])
    setup_django()
    package = sys.modules["bench"]
    names = sorted(
        module.name
        for module in pkgutil.iter_modules(package.__path__)
        if module.name.startswith("bench_")
        and (not words or any(word in module.name for word in words))
    )
    if not names:
        sys.exit(f"no benchmark module in bench/ matches {' '.join(words)!r}")
    # Benchmarks read their own options from sys.argv (argparse), never the module names.
    sys.argv = [sys.argv[0], *options]
    for name in names:
        print(f"== bench.{name}")
        importlib.import_module(f"bench.{name}").main()
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
