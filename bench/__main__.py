"""Run every benchmark: each ``bench/bench_*.py`` module's ``main()``, in name order.

``python -m bench render`` runs only the modules whose name contains ``render`` (several words:
any of them); a word that is a module's whole name (``screening``) picks that module only.
Options after ``--`` go to the benchmarks themselves, e.g. ``python -m bench api -- --seconds
30``; the words choosing modules are not passed on.
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
    modules = [module.name for module in pkgutil.iter_modules(package.__path__)
               if module.name.startswith("bench_")]
    names = sorted(
        name for name in modules if not words or any(_picks(word, name, modules) for word in words)
    )
    if not names:
        sys.exit(f"no benchmark module in bench/ matches {' '.join(words)!r}")
    # Benchmarks read their own options from sys.argv (argparse), never the module names.
    sys.argv = [sys.argv[0], *options]
    for name in names:
        print(f"== bench.{name}")
        importlib.import_module(f"bench.{name}").main()
        print()


def _picks(word: str, name: str, modules: list[str]) -> bool:
    whole = f"bench_{word}"
    return name == whole if whole in modules else word in name


if __name__ == "__main__":
    main(sys.argv[1:])
