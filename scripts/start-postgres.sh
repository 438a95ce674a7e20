#!/usr/bin/env bash
# Start a private PostgreSQL cluster for the tests (no system service needed) and print the line
#   export ONESTOP_TEST_PG_URL=postgresql+psycopg2://onestop:PASSWORD@127.0.0.1:PORT/onestop_test
# for `eval "$(bash scripts/start-postgres.sh)"`. Everything else goes to stderr.
# The cluster lives in a temporary folder (printed as ONESTOP_TEST_PG_DIR) owned by the `postgres`
# user; `bash scripts/start-postgres.sh stop` stops it and removes the folder.
set -euo pipefail

log() { echo "start-postgres: $*" >&2; }

if [ "${1:-}" = "stop" ]; then
  DIR="${ONESTOP_TEST_PG_DIR:?ONESTOP_TEST_PG_DIR is not set}"
  BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || true
  else
    "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || true
  fi
  case "$DIR" in /tmp/onestop-pg.*) rm -rf "$DIR" ;; esac
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
  command -v apt-get >/dev/null 2>&1 || { log "PostgreSQL is missing and apt-get is not available"; exit 1; }
  log "installing postgresql (apt-get)"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
fi
BIN="$(pg_bin)"

# The server refuses to run as root: run it as the `postgres` user (created by the package).
RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  RUN_AS=(runuser -u postgres --)
fi

free_port() {
  python3 - <<'PY'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

DIR="$(mktemp -d /tmp/onestop-pg.XXXXXX)"
chmod 755 "$DIR"
[ ${#RUN_AS[@]} -eq 0 ] || chown postgres "$DIR"
PORT="$(free_port)"
PASSWORD="$(python3 -c 'import secrets; print(secrets.token_hex(12))')"
printf '%s\n' "$PASSWORD" >"$DIR/pwfile"
[ ${#RUN_AS[@]} -eq 0 ] || chown postgres "$DIR/pwfile"

log "initdb in $DIR/data"
"${RUN_AS[@]}" "$BIN/initdb" -D "$DIR/data" -U onestop --pwfile="$DIR/pwfile" \
  --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }
rm -f "$DIR/pwfile"

# Only TCP on 127.0.0.1; the socket folder is private to this cluster.
"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=100" start >&2 \
  || { cat "$DIR/server.log" >&2; exit 1; }

PGPASSWORD="$PASSWORD" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U onestop onestop_test >&2
log "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') ready on 127.0.0.1:$PORT"
echo "export ONESTOP_TEST_PG_DIR=$DIR"
echo "export ONESTOP_TEST_PG_URL=postgresql+psycopg2://onestop:$PASSWORD@127.0.0.1:$PORT/onestop_test"
