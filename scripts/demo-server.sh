#!/usr/bin/env bash
# make demo-server: the demo on a throwaway PostgreSQL server, then three people signing in
# with their own logins, each seeing only what is theirs. The server lives in a temporary
# folder on a Unix socket (no TCP) and is stopped and removed at the end, however it ends.
set -euo pipefail
BIN=${BIN:-.build/release/caseaudit}
PORT=54329
source "$(dirname "$0")/throwaway-server.sh"
throwaway_server demo-server "$PORT" caseaudit_owner
echo "== A throwaway PostgreSQL 15 in $T (socket only)"
"$PGBIN/psql" -X -q -d "host=$T port=$PORT dbname=postgres user=caseaudit_owner" -c "CREATE DATABASE caseaudit"
owner="host=$T port=$PORT dbname=caseaudit user=caseaudit_owner"
as() { echo "host=$T port=$PORT dbname=caseaudit user=$1"; }

echo
echo "== The demo, as the schema's owner"
"$BIN" demo --database "$owner"

echo
echo "== Logins for everyone (their id), a quality lead (qa_demo), and the rights"
chart="$T/org-logins.csv"
awk -F, 'NR == 1 { print $0 ",login"; next } { print $0 "," $1 }' Samples/org.csv | tr -d '\r' > "$chart"
echo 'qa-demo,"Quinn Example (QA lead, demo)",QA,,,dcs,qa_demo' >> "$chart"
"$BIN" org import "$chart" --database "$owner"
"$BIN" server init --database "$owner"
"$BIN" server grant --database "$owner" > "$T/granted"
head -4 "$T/granted"
echo "  … ($(wc -l < "$T/granted") changes in all)"

# Two team managers with files this month.
"$BIN" audit list --database "$owner" > "$T/all"
"$BIN" audit list --format json --database "$owner" > "$T/all.json"
mapfile -t auditors < <(grep -o '"auditorID" *: *"tm[0-9]*"' "$T/all.json" | grep -o 'tm[0-9]*' | sort -u | sed -n 1,2p)
echo
echo "== The owner sees all $(($(wc -l < "$T/all") - 1)) files allocated this programme"
for login in qa_demo "${auditors[@]}"; do
  echo
  echo "== Signed in as $login"
  "$BIN" whoami --database "$(as "$login")"
  "$BIN" audit list --database "$(as "$login")" > "$T/seen"
  sed -n 1,4p "$T/seen"
  echo "  ($(($(wc -l < "$T/seen") - 1)) files in all)"
  if [ "$login" != qa_demo ]; then
    echo "  $login asks for the monthly summary, which is for quality leads and senior managers:"
    "$BIN" report monthly --month "$(date +%Y-%m)" --database "$(as "$login")" -o "$T/report-$login" 2>&1 \
      | sed 's/^/  /' || true
  fi
done
