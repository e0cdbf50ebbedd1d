#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests: `start` prints the URL to export as
# SWITCHBOARD_TEST_POSTGRES, `stop` stops it and removes its files.
# The cluster runs as the `postgres` user (never root), on a local port, trusting local
# connections only. Usage: Scripts/postgres-test-cluster.sh start|stop [DIR] [PORT]
# PG_DURABLE=1 keeps PostgreSQL's durable defaults (fsync on) for benchmarks; tests turn it off.
set -euo pipefail
action=${1:?start or stop}
dir=${2:-/tmp/switchboard-pg}
port=${3:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 1; }
as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
fsync="-c fsync=off"
[ "${PG_DURABLE:-0}" = 1 ] && fsync=""
case "$action" in
start)
    rm -rf "$dir"; mkdir -p "$dir"; chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 >/dev/null
    # The superuser is trusted on loopback; every other role must give its password (the
    # tests check that a wrong one is one clear line, never printed).
    as_postgres sh -c "printf 'local all all trust\nhost all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n' > '$dir/data/pg_hba.conf'"
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 $fsync -c max_connections=200" start >/dev/null
    as_postgres "$bin/psql" -q -h "$dir" -p "$port" -U postgres -d postgres \
        -c "CREATE ROLE switchboard_operator LOGIN CREATEDB PASSWORD 'operator-secret'" \
        -c "CREATE DATABASE switchboard_team OWNER switchboard_operator" >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
    ;;
stop)
    [ -d "$dir/data" ] && as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
    ;;
*) echo "usage: $0 start|stop [DIR] [PORT]" >&2; exit 2 ;;
esac
