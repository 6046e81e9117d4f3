#!/usr/bin/env bash
# Set up a fresh machine for vbhc's tests and run them: the README's test command and CI's.
#
# 1. What some tests need beyond Python, installed when it can be: LibreOffice Writer and the
#    Liberation fonts with Vietnamese letters (.docx → PDF, .doc), LibreOffice Calc (the audit's
#    .xlsx printed to PDF: how many pages), Chromium (the audit's HTML report in a browser),
#    poppler-utils (PDF tools), ghostscript (a PDF printed again through PostScript). On Debian/Ubuntu
#    through apt-get, as root or through sudo when sudo works without a password; otherwise nothing is
#    installed and the tests that need these skip, each saying why.
# 2. A virtual environment in .venv with vbhc and its test tools.
# 3. ruff and mypy over the code, then the whole test suite (under 15 minutes on 2 cores).
#
# Usage: scripts/setup-and-test.sh [PYTEST ARGS...]     (VBHC_NO_SYSTEM_PACKAGES=1 skips step 1)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }

# --- 1. system packages -------------------------------------------------------------------------
# command or file that shows the package is there, then the Debian packages that provide it
NEEDS=(
  "soffice|libreoffice-writer-nogui"
  "/usr/lib/libreoffice/program/libsclo.so|libreoffice-calc-nogui"
  "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf|fonts-liberation2"
  "chromium|chromium"
  "pdftotext|poppler-utils"
  "ps2pdf|ghostscript"
)

present() {
  case "$1" in
    /*) [ -e "$1" ] ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    return 1
  fi
}

install_system_packages() {
  local missing=() entry
  for entry in "${NEEDS[@]}"; do
    present "${entry%%|*}" || missing+=("${entry#*|}")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    say "no apt-get: not installing ${missing[*]} (the tests that need them skip, saying why)"
    return 0
  fi
  if ! as_root true 2>/dev/null; then
    say "not root and no password-less sudo: not installing ${missing[*]} (the tests that need them skip)"
    return 0
  fi
  say "installing ${missing[*]}"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1; then
    say "apt-get update failed (no network?): the tests that need ${missing[*]} skip"
    return 0
  fi
  local pkg
  for pkg in "${missing[@]}"; do  # one by one: a package a release lacks does not stop the others
    # with recommends: LibreOffice is tested as Debian installs it by default
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" \
      >/dev/null 2>&1 || say "could not install $pkg: the tests that need it skip"
  done
}

if [ "${VBHC_NO_SYSTEM_PACKAGES:-}" != "1" ]; then
  install_system_packages
fi

# --- 2. the virtual environment -----------------------------------------------------------------
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/pip install -q -e '.[test]'

# --- 3. lint and types, then the tests ----------------------------------------------------------
.venv/bin/ruff check src tests bench corpus
.venv/bin/mypy
exec .venv/bin/pytest "$@"
