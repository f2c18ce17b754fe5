#!/usr/bin/env bash
# Installs the PyPI packages the Python-backed tests use (arguments: module=requirement), with pip --user,
# when python3 is there and the module is missing. Without python3 those tests skip with a message.
set -uo pipefail
command -v python3 >/dev/null 2>&1 || { echo "note: python3 not found; the tests that check against Python libraries will skip"; exit 0; }
for pair in "$@"; do
  module=${pair%%=*}; requirement=${pair#*=}
  python3 -c "import $module" 2>/dev/null && continue
  echo "Installing $requirement for the tests (pip --user)"
  python3 -m pip install --quiet --user "$requirement" || python3 -m pip install --quiet "$requirement" \
    || echo "warning: could not install $requirement; the tests that need it will skip" >&2
done
exit 0
