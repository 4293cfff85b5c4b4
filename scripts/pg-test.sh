#!/usr/bin/env bash
# A throw-away PostgreSQL 15 server for the tests, apart from any system cluster:
#   bash scripts/pg-test.sh start   start it if needed; print its maintenance URL (the value for KOPSEHAT_TEST_PG)
#   bash scripts/pg-test.sh stop    stop it (the data directory stays for a quick restart)
#   bash scripts/pg-test.sh url     print the URL without checking anything
# Loopback only, trust authentication: it holds nothing but test databases. As root (CI) the server runs as the
# `postgres` user, since PostgreSQL refuses to run as root. Only the URL goes to stdout; progress goes to stderr.
set -euo pipefail

PG_BIN=${KOPSEHAT_PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DIR=${KOPSEHAT_PG_DIR:-/tmp/kopsehat-pg}
PG_PORT=${KOPSEHAT_PG_PORT:-55432}
DATA="$PG_DIR/data"
LOG="$PG_DIR/server.log"
URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
READY_WAIT_SECONDS=60

die() {
  echo "pg-test: $*" >&2
  exit 1
}

# Runs a PostgreSQL program as the owner of the data directory.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

running() {
  [ -f "$DATA/PG_VERSION" ] && as_pg "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

prepare_dir() {
  mkdir -p "$PG_DIR"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PG_DIR"; fi
  chmod 700 "$PG_DIR"
}

# UTF-8 with C collation, so text sorts by bytes whatever the host's locale; the tests' databases say the same.
init_cluster() {
  [ -f "$DATA/PG_VERSION" ] && return 0
  rm -rf "$DATA"  # a half-made directory from an interrupted initdb
  echo "pg-test: initdb in $DATA" >&2
  as_pg "$PG_BIN/initdb" -D "$DATA" -A trust -U postgres -E UTF8 --locale=C >"$PG_DIR/initdb.log" 2>&1 ||
    die "initdb failed; see $PG_DIR/initdb.log"
}

# fsync stays on: the crash tests check that an acknowledged commit survives. max_connections leaves room for
# parallel ctest processes each holding a pool of connections.
start_server() {
  local options="-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200"
  echo "pg-test: starting PostgreSQL on 127.0.0.1:$PG_PORT (log: $LOG)" >&2
  as_pg "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -o "$options" -W start >/dev/null ||
    die "pg_ctl start failed; last lines of $LOG:$(echo; tail -n 20 "$LOG" 2>/dev/null)"
}

wait_ready() {
  local i
  for ((i = 0; i < READY_WAIT_SECONDS * 4; i++)); do
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres; then return 0; fi
    sleep 0.25
  done
  die "server not ready after ${READY_WAIT_SECONDS}s; last lines of $LOG:$(echo; tail -n 20 "$LOG" 2>/dev/null)"
}

start() {
  [ -x "$PG_BIN/pg_ctl" ] || die "PostgreSQL 15 is not installed ($PG_BIN/pg_ctl missing); run: bash scripts/deps.sh"
  if ! running; then
    prepare_dir
    init_cluster
    start_server
  fi
  wait_ready
  echo "$URL"
}

stop() {
  if running; then as_pg "$PG_BIN/pg_ctl" -D "$DATA" -m fast stop >&2; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) echo "$URL" ;;
  *) die "usage: $0 start|stop|url" ;;
esac
