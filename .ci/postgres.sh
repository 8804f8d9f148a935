#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, listening on 127.0.0.1 only, with password auth.
#   PGPASSWORD=... postgres.sh start PORT USER   prints the server's folder on its last line
#   postgres.sh stop FOLDER
# The password comes from the environment, never the command line, which any user can read in ps.
# Uses Debian's postgresql package (.ci/run installs it). initdb and pg_ctl refuse to run as root,
# so under root (CI) they run as the 'postgres' user the package creates.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "no PostgreSQL server under /usr/lib/postgresql: apt-get install -y postgresql" >&2
  exit 3
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    port=$2 user=$3
    if [ -z "${PGPASSWORD:-}" ]; then
      echo "set the server's password in PGPASSWORD (not on the command line, where ps shows it)" >&2
      exit 2
    fi
    folder=$(mktemp -d /tmp/touchstone-pg.XXXXXX)
    chmod 700 "$folder"
    if [ "$(id -u)" = 0 ]; then chown postgres "$folder"; fi
    umask 077
    printf '%s\n' "$PGPASSWORD" > "$folder/pw"
    if [ "$(id -u)" = 0 ]; then chown postgres "$folder/pw"; fi
    as_owner "$bin/initdb" -D "$folder/data" -U "$user" --auth=scram-sha-256 --pwfile="$folder/pw" \
      -E UTF8 --locale=C.UTF-8 > "$folder/initdb.log" 2>&1 || { cat "$folder/initdb.log" >&2; exit 1; }
    rm -f "$folder/pw"
    as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $folder -c max_connections=40 -c shared_buffers=64MB -c fsync=off" \
      start > /dev/null || { cat "$folder/server.log" >&2; exit 1; }
    echo "$folder"
    ;;
  stop)
    folder=$2
    case "$folder" in /tmp/touchstone-pg.*) ;; *) echo "not a test server folder: $folder" >&2; exit 2 ;; esac
    as_owner "$bin/pg_ctl" -D "$folder/data" -m fast -w stop > /dev/null 2>&1 || true
    rm -rf "$folder"
    ;;
  *)
    echo "usage: PGPASSWORD=... postgres.sh start PORT USER | postgres.sh stop FOLDER" >&2
    exit 2
    ;;
esac
