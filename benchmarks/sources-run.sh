#!/usr/bin/env bash
# Touchstone on data that stays in an engine (see README.md, "Data where it lives"):
#   benchmarks/sources-run.sh                   # Parquet 1M, 10M, 100M rows; PostgreSQL 10M rows
#   PARQUET_ROWS="" PG_ROWS=1000000 benchmarks/sources-run.sh   # PostgreSQL only, 1M rows
#   SPARK_ROWS=10000000 (the default; "" to skip): Spark local[2] on the same Parquet file as the
#   Parquet run of that size, with -Xmx${SPARK_HEAP:-1g} and the --add-opens Spark needs on Java 17
#   SKIP_BUILD=1 ...                            # reuse the last build
# Each run is a fresh JVM with -Xmx1g, measured by /usr/bin/time. The Parquet files go to
# benchmarks/data/ (git-ignored) and are reused; PostgreSQL is a throwaway server from
# .ci/postgres.sh (Debian's postgresql package), loaded with the same rows and removed afterwards.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
PARQUET_ROWS="${PARQUET_ROWS-1000000 10000000 100000000}"
PG_ROWS="${PG_ROWS:-10000000}"
SPARK_ROWS="${SPARK_ROWS-10000000}"
SPARK_HEAP="${SPARK_HEAP:-1g}"
BUILD_DIR="${BUILD_DIR:-target}"
DATA="$HERE/data"
mkdir -p "$DATA"

if [[ -z "${SKIP_BUILD:-}" ]]; then
  (cd "$ROOT" && ./mvnw -q -DskipTests -Dbuild.dir.name="$BUILD_DIR" install -pl benchmarks -am)
fi
CP="$HERE/$BUILD_DIR/classes:$(cat "$HERE/$BUILD_DIR/benchmark.classpath")"
run() { /usr/bin/time -f "wall %e s, max RSS %M KB" java -Xmx1g -cp "$CP" dev.touchstone.benchmarks.SourcesBenchmark "$@" \
  | grep -v '^\(overall \|camera=\|weather=\|slice \)'; }

for rows in $PARQUET_ROWS; do
  echo "=== Parquet, $rows rows; load: $(cut -d' ' -f1-3 /proc/loadavg)"
  run parquet "$rows" "$DATA/sources-$rows.parquet"
done

# the opens of the root POM's spark.jvm.options
SPARK_OPENS="-XX:+IgnoreUnrecognizedVMOptions -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
    java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  SPARK_OPENS="$SPARK_OPENS --add-opens=java.base/$p=ALL-UNNAMED"
done
for rows in $SPARK_ROWS; do
  echo "=== Spark local[2], $rows rows (the Parquet file above), -Xmx$SPARK_HEAP; load: $(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086
  SPARK_LOCAL_IP=127.0.0.1 /usr/bin/time -f "wall %e s, max RSS %M KB" java -Xmx"$SPARK_HEAP" $SPARK_OPENS -cp "$CP" \
    dev.touchstone.benchmarks.SourcesBenchmark spark "$rows" "$DATA/sources-$rows.parquet" \
    | grep -v '^\(overall \|camera=\|weather=\|slice \)'
done

if [[ "$PG_ROWS" != 0 ]]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  export PGPASSWORD="bench-$RANDOM$RANDOM"
  folder=$(bash "$ROOT/.ci/postgres.sh" start "$port" bench | tail -n 1)
  trap 'bash "$ROOT/.ci/postgres.sh" stop "$folder"' EXIT
  echo "=== PostgreSQL, $PG_ROWS rows; load: $(cut -d' ' -f1-3 /proc/loadavg)"
  run postgres "$PG_ROWS" "jdbc:postgresql://127.0.0.1:$port/postgres" bench
fi
