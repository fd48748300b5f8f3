# A throwaway PostgreSQL 15 for scripts (sourced): `throwaway_server NAME PORT SUPERUSER
# [SERVER OPTIONS…]` makes a cluster in a temporary folder ($T), listening only on a Unix
# socket there, run as the postgres user when root (the server refuses root), and stops and
# removes it when the script ends, however it ends. $PGBIN is PostgreSQL's programs.
PGBIN=/usr/lib/postgresql/15/bin
throwaway_server() {
  local name=$1 port=$2 superuser=$3
  shift 3
  T=$(mktemp -d "/tmp/caseaudit-$name-XXXXXX")
  as_postgres=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$T"
    as_postgres=(runuser -u postgres --)
  fi
  trap '"${as_postgres[@]}" "$PGBIN/pg_ctl" -D "$T/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$T"' EXIT
  "${as_postgres[@]}" "$PGBIN/initdb" -D "$T/data" -U "$superuser" -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${as_postgres[@]}" "$PGBIN/pg_ctl" -D "$T/data" -l "$T/log" -w \
    -o "-k $T -c listen_addresses='' -p $port $*" start >/dev/null
}
