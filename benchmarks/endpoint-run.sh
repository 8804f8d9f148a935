#!/usr/bin/env bash
# Touchstone's live-endpoint evaluation throughput against wrk, on the same local server, at the
# same concurrency, with the same batch (see README.md, "Live endpoint throughput against wrk").
#
#   benchmarks/endpoint-run.sh                 # builds first
#   SKIP_BUILD=1 benchmarks/endpoint-run.sh    # reuse the last build
#
# Environment: BUILD_DIR (target-perf; the -Dbuild.dir.name of the build), SKIP_BUILD,
# CONCURRENCY (8), BATCH (32), ROWS (4000 batches), REPS (5), WARMUP_SECONDS (10), SERVICE_MICROS (2000: the server's
# fixed service time per request), SERVER_THREADS (16), WRK_SECONDS (15), WRK_THREADS (2),
# SKIP_DIAGNOSIS (set: skip the second Touchstone run with a common-pool parallelism of 2).
# Only 127.0.0.1 is contacted. Outputs go to benchmarks/$BUILD_DIR/endpoint-results/.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
BUILD_DIR="${BUILD_DIR:-target-perf}"
CONCURRENCY="${CONCURRENCY:-8}"
BATCH="${BATCH:-32}"
ROWS="${ROWS:-$((4000 * BATCH))}"
REPS="${REPS:-5}"
SERVICE_MICROS="${SERVICE_MICROS:-2000}"
SERVER_THREADS="${SERVER_THREADS:-16}"
WRK_SECONDS="${WRK_SECONDS:-15}"
WRK_THREADS="${WRK_THREADS:-2}"
OUT="$HERE/$BUILD_DIR/endpoint-results"

step() { printf '\n=== %s ===\n' "$*"; }
command -v wrk > /dev/null || { echo "need wrk (apt-get install -y wrk)" >&2; exit 1; }

if [[ -z "${SKIP_BUILD:-}" ]]; then
  step "build (framework + benchmarks)"
  (cd "$ROOT" && ./mvnw -q -DskipTests -Dbuild.dir.name="$BUILD_DIR" install -pl benchmarks -am)
fi
CLASSPATH_FILE="$HERE/$BUILD_DIR/benchmark.classpath"
[[ -f "$CLASSPATH_FILE" ]] || { echo "no $CLASSPATH_FILE: build first" >&2; exit 1; }
CP="$HERE/$BUILD_DIR/classes:$(cat "$CLASSPATH_FILE")"
mkdir -p "$OUT"
rm -f "$OUT"/touchstone*.json

step "server"
SERVER_PID=""
stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2> /dev/null; then
    kill "$SERVER_PID" 2> /dev/null || true
    wait "$SERVER_PID" 2> /dev/null || true
  fi
}
trap stop_server EXIT INT TERM
java -cp "$CP" dev.touchstone.benchmarks.endpoint.EndpointServer 0 "$SERVICE_MICROS" "$SERVER_THREADS" \
  > "$OUT/server.log" 2>&1 &
SERVER_PID=$!
URL=""
for _ in $(seq 1 100); do
  URL="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$OUT/server.log" 2> /dev/null | head -1 || true)"
  [[ -n "$URL" ]] && break
  kill -0 "$SERVER_PID" 2> /dev/null || { cat "$OUT/server.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$URL" ]] || { echo "server did not start" >&2; cat "$OUT/server.log" >&2; exit 1; }
head -1 "$OUT/server.log"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/loadavg.txt"
# CPU seconds (user + system) the server process has used so far
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print ($12 + $13) / hz }' "/proc/$SERVER_PID/stat"; }

touchstone() { # $1: name, then extra JVM options
  local name="$1"; shift
  timeout 90 java "$@" -Dwarmup.seconds="${WARMUP_SECONDS:-10}" -cp "$CP" \
    dev.touchstone.benchmarks.endpoint.EndpointThroughput "$URL" "$ROWS" "$BATCH" "$CONCURRENCY" "$REPS" \
    "$OUT/body.json" --json "$OUT/$name.json" | tee "$OUT/$name.txt"
  echo "load average after $name: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/loadavg.txt"
}

step "Touchstone: $ROWS rows, batch $BATCH, concurrency $CONCURRENCY, $REPS repetitions (default JVM)"
CPU0="$(server_cpu)"
touchstone touchstone
CPU1="$(server_cpu)"
if [[ -z "${SKIP_DIAGNOSIS:-}" ]]; then
  # diagnosis: with fewer than 3 CPUs the common pool has parallelism 1, and CompletableFuture
  # then runs every async stage without an executor on a new thread (java.net.http uses such a
  # stage for every response body); a parallelism of 2 gives it a pool again
  step "Touchstone again, client JVM with -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 (diagnosis)"
  touchstone touchstone-fjp2 -Djava.util.concurrent.ForkJoinPool.common.parallelism=2
fi
CPU1B="$(server_cpu)"

step "wrk -t$WRK_THREADS -c$CONCURRENCY -d${WRK_SECONDS}s, the same request body ($(wc -c < "$OUT/body.json") bytes)"
cat > "$OUT/post.lua" << LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
local f = assert(io.open("$OUT/body.json", "rb"))
wrk.body = f:read("*a")
f:close()
LUA
timeout $((WRK_SECONDS + 20)) wrk -t"$WRK_THREADS" -c"$CONCURRENCY" -d"${WRK_SECONDS}s" --latency -s "$OUT/post.lua" \
  "$URL/v2/models/echo/infer" | tee "$OUT/wrk.txt"
echo "load average after wrk: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/loadavg.txt"
CPU2="$(server_cpu)"
echo "server CPU: $(awk -v a="$CPU0" -v b="$CPU1" -v c="$CPU1B" -v d="$CPU2" 'BEGIN { printf "%.2f s during Touchstone (warm-ups included), %.2f s during wrk", b - a, d - c }')" \
  | tee "$OUT/server-cpu.txt"
if grep -q 'Non-2xx' "$OUT/wrk.txt"; then
  echo "wrk got error responses: the comparison is void" >&2
  exit 1
fi

stop_server
SERVER_PID=""
tail -1 "$OUT/server.log"

step "summary"
WRK_RPS="$(awk '/^Requests\/sec:/ {print $2}' "$OUT/wrk.txt")"
{
  echo "same server, concurrency $CONCURRENCY, batch $BATCH; wrk: $WRK_RPS requests/s"
  for name in touchstone touchstone-fjp2; do
    [[ -f "$OUT/$name.json" ]] || continue
    ts="$(grep -o '"requests_per_second_median":[0-9.]*' "$OUT/$name.json" | cut -d: -f2)"
    cpu="$(grep -o '"client_cpu_us_per_request_median":[0-9.]*' "$OUT/$name.json" | cut -d: -f2)"
    awk -v name="$name" -v ts="$ts" -v wrk="$WRK_RPS" -v b="$BATCH" -v cpu="$cpu" 'BEGIN {
      ratio = ts / wrk
      printf "%-16s %6.0f requests/s (%.0f examples/s; median of the repetitions; client CPU %s us a request)\n", name ":", ts, ts * b, cpu
      printf "%-16s ratio to wrk %.3f (target >= 0.8): %s\n", "", ratio, (ratio >= 0.8) ? "MET" : "NOT MET"
    }'
  done
  awk -v wrk="$WRK_RPS" -v b="$BATCH" 'BEGIN { printf "%-16s %6.0f requests/s (%.0f examples/s)\n", "wrk:", wrk, wrk * b }'
} | tee "$OUT/summary.txt"
