#!/usr/bin/env bash
# Makes sure the system libraries caseaudit builds against are present: libxml2 (all XML),
# zlib (Office files), SQLite (the embedded store) and libpq (the server store). Installs them with apt-get when running as root (as CI
# does, with no standard input); otherwise says what to install. Tools named as arguments
# (xmllint, hyperfine, chromium for the report's browser test) are checked too.
set -euo pipefail

need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev)
pkg-config --exists sqlite3 2>/dev/null || need+=(libsqlite3-dev)
pkg-config --exists zlib 2>/dev/null || need+=(zlib1g-dev)
pkg-config --exists libpq 2>/dev/null || need+=(libpq-dev)
for tool in "$@"; do
  case "$tool" in
    xmllint) command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils) ;;
    hyperfine) command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine) ;;
    chromium) command -v chromium >/dev/null 2>&1 || need+=(chromium) ;;
    postgresql) [ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15) ;;
  esac
done
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "caseaudit: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null
  apt-get install -y -qq "${need[@]}" </dev/null >/dev/null
else
  echo "caseaudit: missing system packages: ${need[*]}" >&2
  echo "  install them with: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
