#!/usr/bin/env bash
# Installs the Debian packages given as arguments when they are missing. Quiet when all are present.
set -euo pipefail
# macOS has ncurses and SQLite in its SDK (Homebrew's ncurses is used when installed; see Package.swift).
[ "$(uname -s)" = Darwin ] && exit 0
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: missing packages: ${missing[*]} (install them with your system's package manager)" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing missing packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
